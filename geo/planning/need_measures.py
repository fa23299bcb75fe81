"""The Sachstand report's strategy pages: "Bedarf und Maßnahmen" (the flagged areas of the geography's
default need method in the latest year, with their active measures, and both shares:
:mod:`indicators.needs.coverage`) and "Zielprognosen" (each goal's trend to its target year:
:mod:`indicators.planning.forecast`)."""

from __future__ import annotations

from indicators.dataset import Dataset
from indicators.formatting import fmt_number, fmt_percent
from indicators.needs.assessment import default_setup, run_needs
from indicators.needs.coverage import need_coverage
from indicators.needs.registry import need_method
from indicators.planning.forecast import TOO_FEW, VERDICT_KEYS
from indicators.wording import t
from store.planning.record_types import GoalRecord, MeasureRecord


def _share(v: float | None, lang: str) -> str:
    return "–" if v is None else fmt_percent(100 * v, 0, lang)


def need_measures_page(ds: Dataset, measures: list[MeasureRecord], lang: str = "de") -> tuple[str, str, list[str]]:
    """``(heading, "lines", paragraphs)``: one page of the Sachstand report."""
    year = ds.years[-1]
    setup = default_setup(ds, year)
    result, _, _ = run_needs(ds, year, setup, with_robustness=False)
    cov = need_coverage(result, measures, geography=ds.geography.id, year=year)
    in_flagged = round((cov.share_measures_in_flagged or 0) * cov.n_measures)
    lines = [
        t(
            "str_rep_shares",
            lang,
            method=t(need_method(setup.method).text_key("label"), lang),
            year=year,
            n=cov.n_flagged,
            flagged=_share(cov.share_flagged_with_measure, lang),
            measures=in_flagged,
            m=cov.n_measures,
        )
    ]
    for r in cov.areas.itertuples(index=False):
        text = "; ".join(f"{f}: {', '.join(titles)}" for f, titles in r.measures.items()) or t("str_no_measure", lang)
        lines.append(t("str_rep_area", lang, name=r.name, measures=text))
    return t("str_rep_title", lang), "lines", lines


def forecast_page(goals: list[GoalRecord], data, lang: str = "de") -> tuple[str, str, list[str]]:
    """``(heading, "lines", paragraphs)``: each goal's trend to its target year, interval and verdict."""
    from geo.planning.evaluate import evaluate_goal

    lines = [t("str_goals_intro", lang)]
    for g in sorted(goals, key=lambda g: g["id"]):
        f = evaluate_goal(g, data).forecast
        verdict = t(VERDICT_KEYS[f.verdict if f else TOO_FEW], lang)
        if f is None or f.value is None:
            lines.append(t("str_rep_goal_few", lang, id=g["id"], text=g["text"], verdict=verdict))
            continue
        lines.append(
            t(
                "str_rep_goal",
                lang,
                id=g["id"],
                text=g["text"],
                year=g["target_year"],
                value=fmt_number(f.value, 2, lang),
                low=fmt_number(f.low, 2, lang),
                high=fmt_number(f.high, 2, lang),
                target=fmt_number(g["target_value"], 2, lang),
                verdict=verdict,
            )
        )
    if not goals:
        lines.append(t("str_no_goals", lang))
    return t("str_rep_forecasts", lang), "lines", lines
