"""The Sachstand report's strategy pages: "Bedarf und Maßnahmen" (the flagged areas of the geography's
default need method in the latest year, with their active measures, and both shares:
:mod:`indicators.needs.coverage`) and "Zielprognosen" (each goal's trend to its target year:
:mod:`indicators.planning.forecast`)."""

from __future__ import annotations

from indicators.dataset import Dataset
from indicators.needs.assessment import default_setup, run_needs
from indicators.needs.coverage import need_coverage
from indicators.needs.registry import need_method
from indicators.planning.forecast import TOO_FEW, VERDICT_KEYS
from indicators.planning.record_types import GoalRecord, MeasureRecord
from indicators.wording.voice import GERMAN, Voice


def _share(v: float | None, *, voice: Voice) -> str:
    return "–" if v is None else voice.percent(100 * v, 0)


def need_measures_page(
    ds: Dataset, measures: list[MeasureRecord], *, voice: Voice = GERMAN
) -> tuple[str, str, list[str]]:
    """``(heading, "lines", paragraphs)``: one page of the Sachstand report."""
    year = ds.years[-1]
    setup = default_setup(ds, year)
    result, _, _ = run_needs(ds, year, setup, with_robustness=False)
    cov = need_coverage(result, measures, geography=ds.geography.id, year=year)
    in_flagged = round((cov.share_measures_in_flagged or 0) * cov.n_measures)
    lines = [
        voice.t(
            "str_rep_shares",
            method=voice.t(need_method(setup.method).text_key("label")),
            year=year,
            n=cov.n_flagged,
            flagged=_share(cov.share_flagged_with_measure, voice=voice),
            measures=in_flagged,
            m=cov.n_measures,
        )
    ]
    for r in cov.areas.itertuples(index=False):
        text = "; ".join(f"{f}: {', '.join(titles)}" for f, titles in r.measures.items()) or voice.t("str_no_measure")
        lines.append(voice.t("str_rep_area", name=r.name, measures=text))
    return voice.t("str_rep_title"), "lines", lines


def forecast_page(goals: list[GoalRecord], data, *, voice: Voice = GERMAN) -> tuple[str, str, list[str]]:
    """``(heading, "lines", paragraphs)``: each goal's trend to its target year, interval and verdict."""
    from geo.planning.evaluate import evaluate_goal

    lines = [voice.t("str_goals_intro")]
    for g in sorted(goals, key=lambda g: g["id"]):
        f = evaluate_goal(g, data).forecast
        verdict = voice.t(VERDICT_KEYS[f.verdict if f else TOO_FEW])
        if f is None or f.value is None:
            lines.append(voice.t("str_rep_goal_few", id=g["id"], text=g["text"], verdict=verdict))
            continue
        lines.append(
            voice.t(
                "str_rep_goal",
                id=g["id"],
                text=g["text"],
                year=g["target_year"],
                value=voice.number(f.value, 2),
                low=voice.number(f.low, 2),
                high=voice.number(f.high, 2),
                target=voice.number(g["target_value"], 2),
                verdict=verdict,
            )
        )
    if not goals:
        lines.append(voice.t("str_no_goals"))
    return voice.t("str_rep_forecasts"), "lines", lines
