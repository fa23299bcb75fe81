"""Strategie page, planning parts: need against measures and goal forecasts (widgets only)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from indicators.formatting import fmt_number
from indicators.needs.coverage import need_coverage
from indicators.needs.registry import geography_method, method_names, need_method
from indicators.planning.display import indicator_label
from indicators.planning.forecast import VERDICT_KEYS, trend_table
from indicators.text import md
from indicators.wording import t
from indicators.wording.voice import Voice
from store.permissions import User, allowed
from store.planning import repository as repo
from ui import auth


def _reader(lang: str) -> User | None:
    """The acting user if they may read the planning register (else a note, and None)."""
    user = auth.current_user()
    if not allowed(user, "plan_read"):
        st.info(t("plan_no_access", lang))
        return None
    return user


def measures_tab(ds, geo_id: str, year: int, lang: str, assessment) -> None:
    """Flagged areas with their active measures, both shares and the map (``assessment`` is the page's cache)."""
    from ui.pages.strategy import need_map, share_text

    user = _reader(lang)
    if user is None:
        return
    measures = repo.list_records(auth.engine(), user, "measure")
    methods = method_names()
    base = geography_method(ds.geography)  # the geography's metadata, else the registry's default
    method = st.selectbox(
        t("needs_method", lang),
        methods,
        index=methods.index(base),
        key="str_cov_method",
        format_func=lambda m: t(need_method(m).text_key("label"), lang),
    )
    result = assessment(geo_id, ds.geography.cache_key(), year, method)
    cov = need_coverage(result, measures, geography=geo_id, year=year)
    c1, c2 = st.columns(2)
    c1.metric(
        t("str_share_flagged_with", lang),
        share_text(cov.share_flagged_with_measure, lang),
        help=t("str_share_flagged_with_help", lang, n=cov.n_flagged),
    )
    c2.metric(
        t("str_share_measures_in", lang),
        share_text(cov.share_measures_in_flagged, lang),
        help=t("str_share_measures_in_help", lang, n=cov.n_measures, year=year),
    )
    left, right = st.columns([3, 2], gap="medium")
    with left:
        need_map(ds, result, method, set(cov.measure_areas), lang, key=f"str-cov-{geo_id}")
    with right:
        if cov.areas.empty:
            st.info(t("str_no_flagged", lang))
        for r in cov.areas.itertuples(index=False):
            if r.measures:
                text = "; ".join(f"{md(f or '–')}: {md(', '.join(titles))}" for f, titles in r.measures.items())
            else:
                text = t("str_no_measure", lang)
            st.markdown(f"- **{md(r.name)}**: {text}")


def goals_tab(geo_id: str, lang: str) -> None:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    """Each goal with its trend to the target year, the 80 % interval and the verdict."""
    from geo.planning.evaluate import Datasets, evaluate_goal

    user = _reader(lang)
    if user is None:
        return
    goals = repo.list_records(auth.engine(), user, "goal")
    if not goals:
        st.info(t("str_no_goals", lang))
        return
    data = Datasets()
    st.markdown(t("str_goals_intro", lang))
    rows, progress = [], {}
    for g in sorted(goals, key=lambda g: g["id"]):
        p = evaluate_goal(g, data)
        progress[g["id"]] = (g, p)
        f = p.forecast
        catalogue = data.get(g["geography"]).catalogue
        label = indicator_label(g["indicator"], {i: catalogue[i].label(voice=Voice.of(lang)) for i in catalogue})
        rows.append(
            {
                t("str_goal", lang): f"{g['id']}: {g['text']}",
                t("col_indicator", lang): label,
                t("str_target", lang): f"{fmt_number(g['target_value'], 2, lang)} ({g['target_year']})",
                t("str_forecast", lang): "–"
                if f is None or f.value is None
                else f"{fmt_number(f.value, 2, lang)} ({fmt_number(f.low, 2, lang)} – {fmt_number(f.high, 2, lang)})",
                t("str_verdict", lang): verdict_text(f.verdict if f else None, lang),
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    gid = st.selectbox(
        t("str_goal", lang), list(progress), key="str_goal", format_func=lambda i: f"{i}: {progress[i][0]['text']}"
    )
    g, p = progress[gid]
    if p.series is None or p.forecast is None or p.forecast.value is None:
        st.info(t("str_too_few_years", lang))
        return
    table = trend_table(
        p.series,
        baseline_year=g["baseline_year"],
        baseline=p.baseline,
        target=g["target_value"],
        target_year=g["target_year"],
    )
    st.altair_chart(forecast_chart(table, lang), width="stretch")
    st.caption(t("str_goal_caption", lang, verdict=verdict_text(p.forecast.verdict, lang), n=p.forecast.n_years))


def verdict_text(verdict: str | None, lang: str) -> str:
    """The verdict ("erreichbar" …) in ``lang``."""
    if not verdict:
        return "–"
    return t(VERDICT_KEYS[verdict], lang)


def forecast_chart(table: pd.DataFrame, lang: str) -> alt.LayerChart | alt.FacetChart:
    """Observed values (points), trend (line), 80 % interval (band) and target (dashed rule)."""
    d = table.reset_index()
    x = alt.X("year:O", title=t("year", lang))
    band = (
        alt.Chart(d)
        .mark_area(opacity=0.25, color="#9ecae1")
        .encode(x=x, y=alt.Y("low:Q", title=t("str_chart_value", lang), scale=alt.Scale(zero=False)), y2="high:Q")
    )
    trend = alt.Chart(d).mark_line(color="#3182bd").encode(x=x, y="trend:Q")
    seen = (
        alt.Chart(d.dropna(subset=["value"]))
        .mark_point(filled=True, color="#08306b", size=60)
        .encode(x=x, y="value:Q", tooltip=[alt.Tooltip("year:O"), alt.Tooltip("value:Q", format=".2f")])
    )
    target = alt.Chart(d).mark_line(color="#d62728", strokeDash=[6, 4]).encode(x=x, y="target:Q")
    return alt.layer(band, trend, target, seen).properties(height=320)


def forecast_line(progress, lang: str) -> str:
    """One line for a goal list: "Prognose 2030: 17,62 (80 %: 17,34 – 17,89) – gefährdet"."""
    f = getattr(progress, "forecast", None)
    if f is None or f.value is None:
        return t("str_forecast_line_few", lang, verdict=verdict_text(f.verdict if f else None, lang))
    return t(
        "str_forecast_line",
        lang,
        year=f.target_year,
        value=fmt_number(f.value, 2, lang),
        low=fmt_number(f.low, 2, lang),
        high=fmt_number(f.high, 2, lang),
        verdict=verdict_text(f.verdict, lang),
    )
