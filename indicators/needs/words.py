"""The need methods' German words (classes, status, robustness, reasons) in the user's language.

The methods return fixed German words ("hoch", "bewertet", "knapp" …) because
their published descriptions use them; :func:`need_word` names them in the reader's language
through the wording table, :func:`reason_lines` writes the drivers of a flag as
one line per area.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from indicators.wording import TEXTS
from indicators.wording.voice import GERMAN, Voice

# Words that mean opposite things under two methods: MSS "hoch" is a high social status (least
# need), SVI "hoch" a high vulnerability (most need). Shown with what they rate, never bare.
_METHOD_WORDS = {
    "mss": ("nw_status_", ("hoch", "mittel", "niedrig", "sehr niedrig")),
    "svi": ("nw_svi_", ("hoch", "eher hoch", "eher niedrig", "niedrig")),
}


def need_word(word: object, method: str | None = None, *, voice: Voice = GERMAN) -> str:
    """``word`` in ``voice``'s language if the wording table knows it (``"knapp"`` → ``"narrow"``), else as text.

    With ``method``, a class word says what it rates: MSS "hoch" → "hoher Status",
    SVI "hoch" → "hohe Verwundbarkeit" (one column never uses "hoch" for both).
    """
    if not isinstance(word, str):
        return "" if word is None or (isinstance(word, float) and word != word) else str(word)
    prefix, words = _METHOD_WORDS.get(method or "", ("", ()))
    if word.strip() in words:
        return voice.t(prefix + word.strip().replace(" ", "_"))
    key = "nw_" + word.strip().replace(" ", "_")
    return voice.t(key) if key in TEXTS else word


def need_words(values: pd.Series, method: str | None = None, *, voice: Voice = GERMAN) -> pd.Series:
    """:func:`need_word` for a column (missing values stay missing)."""
    return values.map(lambda v: need_word(v, method, voice=voice) if isinstance(v, str) else v)


def reason_lines(explanations: pd.DataFrame, labels: Mapping[str, str], *, voice: Voice = GERMAN) -> dict[str, str]:
    """One line per area id: its drivers (``explain`` output) in ``voice``'s language, joined with "; "."""
    out: dict[str, list[str]] = {}
    for r in explanations.itertuples(index=False):
        label = labels.get(r.indicator, r.label)
        if r.kind == "z":
            key = "nw_reason_above" if r.value > 0 else "nw_reason_below"
            text = voice.t(key, label=label, value=voice.number(r.value, 1))
        else:
            text = voice.t("nw_reason_rank", label=label, value=voice.number(r.value, 2))
        out.setdefault(r.id, []).append(text)
    return {k: "; ".join(v) for k, v in out.items()}
