"""The need methods' German words (classes, status, robustness, reasons) in the user's language.

The methods return fixed German words ("hoch", "bewertet", "knapp" …) because
their published descriptions use them; :func:`need_word` names them in ``lang``
through the wording table, :func:`reason_lines` writes the drivers of a flag as
one line per area.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from indicators.formatting import fmt_number
from indicators.wording import TEXTS, t

# Words that mean opposite things under two methods: MSS "hoch" is a high social status (least
# need), SVI "hoch" a high vulnerability (most need). Shown with what they rate, never bare.
_METHOD_WORDS = {
    "mss": ("nw_status_", ("hoch", "mittel", "niedrig", "sehr niedrig")),
    "svi": ("nw_svi_", ("hoch", "eher hoch", "eher niedrig", "niedrig")),
}


def need_word(word: object, lang: str = "de", method: str | None = None) -> str:
    """``word`` in ``lang`` if the wording table knows it (``"knapp"`` → ``"narrow"``), else as text.

    With ``method``, a class word says what it rates: MSS "hoch" → "hoher Status",
    SVI "hoch" → "hohe Verwundbarkeit" (one column never uses "hoch" for both).
    """
    if not isinstance(word, str):
        return "" if word is None or (isinstance(word, float) and word != word) else str(word)
    prefix, words = _METHOD_WORDS.get(method or "", ("", ()))
    if word.strip() in words:
        return t(prefix + word.strip().replace(" ", "_"), lang)
    key = "nw_" + word.strip().replace(" ", "_")
    return t(key, lang) if key in TEXTS else word


def need_words(values: pd.Series, lang: str = "de", method: str | None = None) -> pd.Series:
    """:func:`need_word` for a column (missing values stay missing)."""
    return values.map(lambda v: need_word(v, lang, method) if isinstance(v, str) else v)


def reason_lines(explanations: pd.DataFrame, labels: Mapping[str, str], lang: str = "de") -> dict[str, str]:
    """One line per area id: its drivers (``explain`` output) in ``lang``, joined with "; "."""
    out: dict[str, list[str]] = {}
    for r in explanations.itertuples(index=False):
        label = labels.get(r.indicator, r.label)
        if r.kind == "z":
            key = "nw_reason_above" if r.value > 0 else "nw_reason_below"
            text = t(key, lang, label=label, value=fmt_number(r.value, 1, lang))
        else:
            text = t("nw_reason_rank", lang, label=label, value=fmt_number(r.value, 2, lang))
        out.setdefault(r.id, []).append(text)
    return {k: "; ".join(v) for k, v in out.items()}
