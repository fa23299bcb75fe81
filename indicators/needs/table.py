"""The need table of an assessment: one row per area, words in the reader's language.

One frame for the Bedarfslagen page (which formats its numbers for the screen) and the
table export (:func:`geo.exports.results.needs_export`, which rounds them in the file).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from indicators.needs.words import need_words, reason_lines
from indicators.wording.voice import GERMAN, Voice

ROBUSTNESS_COLUMNS = ("robustness", "share", "rank_min", "rank_max")


def need_table(
    result: pd.DataFrame,
    explanations: pd.DataFrame,
    robustness: pd.DataFrame | None,
    *,
    method: str,
    labels: Mapping[str, str],
    voice: Voice = GERMAN,
) -> pd.DataFrame:
    """Need assessment per area, sorted by rank (then name).

    Parameters
    ----------
    result, explanations, robustness
        The three outputs of :func:`indicators.needs.assessment.run_needs` (``robustness`` may be None).
    method
        The assessment's need method (its class names, e.g. the MSS status classes).
    labels
        Indicator id → label in ``voice``'s language (for the reasons).
    voice
        The reader's language (need words, yes/no, reasons).

    Returns
    -------
    pandas.DataFrame
        ``id, name, score, rank, label, flag, status`` (``flag`` as yes/no), with robustness also
        ``robustness, share`` (in %), ``rank_min, rank_max``, and ``reasons``; numbers unrounded.
    """
    frame = pd.DataFrame(
        {
            "id": result["id"].astype(str).to_numpy(),
            "name": result["name"].astype(str).to_numpy(),
            "score": result["score"].astype(float).to_numpy(),
            "rank": result["rank"].astype(float).to_numpy(),
            "label": need_words(result["label"], method, voice=voice).to_numpy(),
            "flag": [voice.t("yes") if bool(f) else voice.t("no") for f in result["flag"].fillna(False)],
            "status": need_words(result["status"], voice=voice).to_numpy(),
        }
    )
    if robustness is not None:
        r = robustness.assign(id=robustness["id"].astype(str)).set_index("id")
        frame["robustness"] = need_words(frame["id"].map(r["robustness"]), voice=voice).to_numpy()
        frame["share"] = frame["id"].map(r["share"]).astype(float) * 100
        frame["rank_min"] = frame["id"].map(r["rank_min"]).astype(float)
        frame["rank_max"] = frame["id"].map(r["rank_max"]).astype(float)
    frame["reasons"] = frame["id"].map(reason_lines(explanations, labels, voice=voice)).astype(object).fillna("")
    return frame.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)


def shown_need_table(frame: pd.DataFrame, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """:func:`need_table` for the screen: score with two decimals, whole ranks, the share in %
    and the rank range as text (``3–5``); headers through :func:`indicators.wording.display_columns`."""
    cols = ["id", "name", "label", "score", "rank", "flag", "status"]
    out = frame[cols].assign(score=[voice.number(v, 2) for v in frame["score"]], rank=frame["rank"].astype("Int64"))
    if "robustness" in frame:
        out["robustness"] = frame["robustness"]
        out["share"] = [voice.percent(v, 0) if pd.notna(v) else "–" for v in frame["share"]]
        out["rank_range"] = [
            f"{a:.0f}–{b:.0f}" if pd.notna(a) and pd.notna(b) else "–"
            for a, b in zip(frame["rank_min"], frame["rank_max"])
        ]
    out["reasons"] = frame["reasons"]
    return out


def indicators_used(result: pd.DataFrame) -> list[str]:
    """The indicators that contributed to the scores (the ``contrib__<id>`` columns of ``result``)."""
    return [c.split("__", 1)[1] for c in result.columns if c.startswith("contrib__")]
