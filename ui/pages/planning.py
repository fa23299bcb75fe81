"""Planung: measures (list, filter, create/edit), map, timeline, goals with progress, partners,
effect evaluation and Excel in/out. The library enforces roles; this page only shows."""

from __future__ import annotations

import datetime as dt
import io

import altair as alt
import pandas as pd
import streamlit as st

from geo.formats import export_format
from geo.planning.evaluate import Datasets, evaluate_goal, evaluate_measure, known
from geo.planning.map import measures_map
from indicators.formatting import fmt_change, fmt_number, fmt_percent
from indicators.planning.display import day, indicator_label
from indicators.planning.effect import trends
from indicators.planning.record_types import GoalRecord, MeasureRecord, MeasureSummary, PartnerRecord
from indicators.text import md
from indicators.wording import display_columns, t
from indicators.wording.locale import vega_locale
from store.errors import StoreError
from store.permissions import allowed
from store.planning import repository as repo
from store.planning.excel import export_xlsx
from store.planning.models import STATUSES
from store.planning.query import MeasureFilter, find_measures
from store.planning.records import status_label
from ui import auth, common
from ui.map_view import show_map
from ui.pages.planning_cycle import delete_button, goal_form, partner_form, undo_and_trash
from ui.pages.planning_form import edit_form
from ui.pages.strategy_plan import forecast_line

LIST_ROWS = 1000  # rows of the filtered list (the database filters and pages; the caption says how many more)


def _filters(measures: list[MeasureRecord], ds, lang: str) -> MeasureFilter:
    every = t("plan_all", lang)
    voice = common.voice()  # bound now: the label function may be called after the run (e.g. by AppTest)
    c1, c2, c3, c4 = st.columns(4)
    field = c1.selectbox(t("plan_filter_field", lang), [every, *repo.fields(auth.engine())], key="plan_ff")
    codes = [every, *ds.areas["code"]]
    area = c2.selectbox(t("plan_filter_area", lang), codes, key="plan_fa")
    status = c3.selectbox(
        t("plan_filter_status", lang),
        [every, *STATUSES],
        key="plan_fs",
        format_func=lambda s: s if s == every else status_label(s, voice=voice),
    )
    partners = sorted({p for m in measures for p in m["partners"]})
    partner = c4.selectbox(t("plan_filter_partner", lang), [every, *partners], key="plan_fp")
    period = st.date_input(
        t("plan_filter_period", lang),
        (),  # type: ignore[arg-type]  # () = no period yet
        format=t("date_input_format", lang),
        key="plan_fper",
    )
    start, end = (period + (None, None))[:2] if isinstance(period, tuple) else (period, None)
    pick = lambda v: None if v == every else v  # noqa: E731
    return MeasureFilter(
        field=pick(field),
        area=pick(area),
        status=pick(status),
        partner=pick(partner),
        start=start,
        end=end,
        geography=ds.geography.id,
    )


def _table(rows: list[MeasureSummary], lang: str = "de") -> pd.DataFrame:
    return display_columns(
        pd.DataFrame(
            [
                {
                    "id": m["id"],
                    "kennung": m.get("kennung", ""),
                    "title": m["title"],
                    "field": m["field"],
                    "status": status_label(m["status"], voice=common.voice()),
                    "areas": ", ".join(m["areas"]),
                    "start": day(m["start"], voice=common.voice()),
                    "end": day(m["end"], voice=common.voice()) if m["end"] else t("plan_open_end", lang),
                    "partners": ", ".join(m["partners"]),
                    "version": m["version"],
                }
                for m in rows
            ]
        ),
        lang,
        labels={"kennung": t("plan_col_kennung", lang)},
    )  # the planner's own numbering (import)


def _years(value) -> str:
    """A year or a span of years as text (no thousands separator): 2019 or "2017–2019"."""
    if isinstance(value, (list, tuple)):
        return "–".join(str(v) for v in (value[0], value[-1])) if value else "–"
    return "–" if value is None else str(value)


def _timeline(rows: list[MeasureRecord], lang: str) -> None:
    dated = [m for m in rows if m["start"]]
    if not dated:
        st.caption(t("plan_empty", lang))
        return
    today = dt.date.today().isoformat()
    frame = pd.DataFrame(
        [
            {
                "title": f"{m['id']}: {m['title']}",
                "start": m["start"],
                "end": m["end"] or today,
                "status": status_label(m["status"], voice=common.voice()),
            }
            for m in dated
        ]
    )
    tips = [
        alt.Tooltip("title:N", title=t("col_title", lang)),
        alt.Tooltip("start:T", title=t("col_start", lang), format=t("pm_date_format", lang)),
        alt.Tooltip("end:T", title=t("col_end", lang), format=t("pm_date_format", lang)),
        alt.Tooltip("status:N", title=t("col_status", lang)),
    ]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("start:T", title=t("plan_f_start", lang)),
            x2="end:T",
            y=alt.Y("title:N", sort="x", title=None),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=[status_label(s, voice=common.voice()) for s in STATUSES]),
                title=t("col_status", lang),
            ),
            tooltip=tips,
        )
        .configure(locale=vega_locale(lang))
    )  # months and dates in the user's language
    st.altair_chart(chart, use_container_width=True)


def _goals(user, goals: list[GoalRecord], data: Datasets, labels: dict[str, str], lang: str) -> None:
    if not goals:
        st.caption(t("plan_no_goals", lang))
    for g in goals:
        r = evaluate_goal(g, data)
        line = t(
            "plan_goal_line",
            lang,
            indicator=indicator_label(g["indicator"], labels),
            baseline=fmt_number(r.baseline, 1, lang),
            baseline_year=g["baseline_year"],
            target=fmt_number(r.target, 1, lang),
            target_year=g["target_year"],
            current=fmt_number(r.current, 1, lang),
            current_year=r.current_year or "–",
        )
        st.markdown(f"**{md(g['field'])}** – {g['id']}: {md(g['text'])} ({md(line)})")
        st.caption(forecast_line(r, lang))  # the trend to the target year (Strategie page, issue 27)
        if r.progress is None:
            st.caption(r.note_in(voice=common.voice()) or "–")
        else:
            state = t("plan_on_track" if r.on_track else "plan_off_track", lang)
            st.progress(
                min(max(r.progress, 0.0), 1.0),
                text=t("plan_goal_progress", lang).format(p=fmt_percent(100 * r.progress, 0, lang), state=state),
            )
        delete_button(user, "goal", g, lang, name=g["text"])  # admins; asks first, to the trash


def _partners(user, partners: list[PartnerRecord], lang: str) -> None:
    """The partner list; for admins a partner chosen by name goes to the trash (asked first)."""
    if not partners:
        st.caption(t("plan_no_partners", lang))
        return
    st.dataframe(
        display_columns(
            pd.DataFrame(
                [
                    {
                        "id": p["id"],
                        "organisation": p["organisation"],
                        "kind": p["kind"],
                        "contact": p["contact"],
                        "fields": ", ".join(p["fields"]),
                        "areas": ", ".join(p["areas"]),
                    }
                    for p in partners
                ]
            ),
            lang,
        ),
        hide_index=True,
        width="stretch",
    )
    if not allowed(user, "plan_delete"):
        return
    by_id = {p["id"]: p for p in partners}
    common.choice("plan_partner_pick", list(by_id), next(iter(by_id)))
    pid = st.selectbox(
        t("plan_partner_pick", lang),
        list(by_id),
        key="plan_partner_pick",
        format_func=lambda i: f"{i}: {by_id[i]['organisation']}",
    )
    delete_button(user, "partner", by_id[pid], lang, name=by_id[pid]["organisation"])


def _effects(measures: list[MeasureRecord], data: Datasets, labels: dict[str, str], lang: str) -> None:
    ways = {v: t(f"plan_cmp_{v}", lang) for v in ("all", "matched")}
    common.choice("plan_cmp", ways, "all")
    how = st.radio(
        t("plan_comparison", lang), list(ways), horizontal=True, key="plan_cmp", format_func=ways.__getitem__
    )
    results = [e for m in measures for e in evaluate_measure(m, data, comparison=how)]
    if not results:
        st.caption(t("plan_no_effects", lang))
        return
    st.dataframe(
        display_columns(
            pd.DataFrame(
                [
                    {
                        "measure": e.id,
                        "indicator": indicator_label(e.indicator, labels),
                        "pre_year": _years(e.pre_year),
                        "post_year": _years(e.post_year),
                        "treated_change": fmt_change(e.treated_change, 2, lang),
                        "comparison_change": fmt_change(e.comparison_change, 2, lang),
                        "effect": fmt_change(e.effect, 2, lang),
                        "p_placebo": fmt_number(e.p_placebo, 2, lang),
                        "n_placebo": e.n_placebo,
                    }
                    for e in results
                ]
            ),
            lang,
        ),
        hide_index=True,
        width="stretch",
    )
    for e in results:
        with st.expander(f"{e.id}: {indicator_label(e.indicator, labels)}"):
            st.write(e.note_in(voice=common.voice()))
            if len(e.pre_years) >= 2 and e.comparison_areas:
                ds = data.get(next(m["geography"] for m in measures if m["id"] == e.id))
                frame = trends(ds.values, e.indicator, e.treated, e.comparison_areas, voice=common.voice())
                st.markdown(f"**{t('plan_trend_title', lang)}**")
                st.altair_chart(
                    alt.Chart(frame)
                    .mark_line(point=True)
                    .encode(
                        x=alt.X("year:O", title=t("col_year", lang)),
                        y=alt.Y("value:Q", scale=alt.Scale(zero=False), title=t("col_value", lang)),
                        color=alt.Color("group:N", title=t("col_group", lang)),
                    ),
                    use_container_width=True,
                )


def _excel(user, lang: str) -> None:
    buf = io.BytesIO()
    export_xlsx(auth.engine(), user, buf)
    st.download_button(t("plan_export", lang), buf.getvalue(), "planung.xlsx", export_format("xlsx").mime)
    year = st.number_input(t("plan_report_year", lang), 2000, 2100, dt.date.today().year, key="plan_report_year")
    if st.button(t("plan_report", lang), key="plan_report_btn"):
        from geo.planning.report import build_report

        st.session_state["plan_report_pdf"] = build_report(
            auth.engine(),
            user,
            year=int(year),
            geography=st.session_state.get("geography", "stadtteile"),
            voice=common.voice(),
        )
    if st.session_state.get("plan_report_pdf"):
        st.download_button(
            "PDF",
            st.session_state["plan_report_pdf"],
            f"sachstand_sozialplanung_{int(year)}.pdf",
            export_format("pdf").mime,
            key="plan_report_dl",
        )
    if not allowed(user, "plan_edit"):
        return
    files = st.file_uploader(
        t("plan_import", lang), type=["xlsx", "csv"], accept_multiple_files=True, key="plan_upload"
    )
    c1, c2 = st.columns(2)
    check, store = c1.button(t("plan_import_check", lang)), c2.button(t("plan_import_store", lang))
    if files and (check or store):
        from pathlib import Path

        from geo.uploads.planning_import import import_plan_files
        from geo.uploads.workdir import upload_dir

        with upload_dir() as tmp:  # under the data directory; read in the upload sandbox
            paths: list[str | Path] = []
            for f in files:
                p = Path(tmp) / Path(f.name).name
                p.write_bytes(f.getvalue())
                paths.append(p)
            result = import_plan_files(auth.engine(), user, paths, known=known(), dry_run=not store)
        shown = [
            (
                r.summary(voice=common.voice()),
                display_columns(r.to_frame(voice=common.voice()), lang) if r.findings else None,
            )
            for r in result.reports
        ]
        if store and result.ok:  # the lists above were drawn before the import: draw them again
            st.session_state["plan_import_shown"] = (result.to_text(voice=common.voice()).splitlines()[-1], shown)
            st.rerun()
        _import_result(result.ok, result.to_text(voice=common.voice()).splitlines()[-1], shown)
    if "plan_import_shown" in st.session_state:
        last, shown = st.session_state.pop("plan_import_shown")
        _import_result(True, last, shown)
        st.caption(t("plan_import_saved_note", lang))


def _import_result(ok: bool, last: str, shown: list) -> None:
    (st.success if ok else st.error)(last)
    for summary, frame in shown:
        st.write(summary)
        if frame is not None:
            st.dataframe(frame, hide_index=True, width="stretch")


def render() -> None:
    lang = common.lang()
    user = auth.current_user()
    st.subheader(t("plan_title", lang))
    if not allowed(user, "plan_read"):
        st.info(t("plan_no_access", lang))
        return
    # messages and the undo button in one container that is always there: the tabs below keep their
    # place in the page, so the browser keeps the open tab (a message above them would reset it)
    notes = st.container()
    if st.session_state.get("plan_flash"):
        notes.success(st.session_state.pop("plan_flash"))
    geo_id = common.geography_picker()
    ds = common.dataset(geo_id)
    data = Datasets(lambda g: common.dataset(g))
    try:
        measures = repo.list_records(auth.engine(), user, "measure")
        goals = repo.list_records(auth.engine(), user, "goal")
        partners = repo.list_records(auth.engine(), user, "partner")
    except StoreError as exc:
        st.error(str(exc))
        return
    labels = {i: ds.catalogue[i].label(voice=common.voice()) for i in ds.catalogue}
    with notes:
        undo_and_trash(user, lang)
    tabs = st.tabs(
        [t(f"plan_tab_{k}", lang) for k in ("measures", "map", "timeline", "goals", "partners", "effect", "excel")]
    )
    with tabs[0]:
        shown, total = find_measures(auth.engine(), user, _filters(measures, ds, lang), limit=LIST_ROWS)
        if shown:
            st.dataframe(_table(shown, lang), hide_index=True, width="stretch")
            if total > len(shown):
                st.caption(t("plan_list_more", lang, shown=len(shown), total=total))
        else:
            st.caption(t("plan_empty", lang))
        edit_form(user, ds, [m for m in measures if m["geography"] == geo_id], goals, lang)
    with tabs[1]:
        with_years = [i for i in ds.catalogue if common.years_for(ds, i)]
        common.choice("plan_map_ind", with_years, common.remembered("indicator"))
        ind = str(
            st.selectbox(t("plan_map_indicator", lang), with_years, key="plan_map_ind", format_func=lambda i: labels[i])
        )
        year = max(common.years_for(ds, ind))
        show_map(
            measures_map(
                ds, ind, year, measures, voice=common.voice(), tiles=common.tiles(), flag_label=t("plan_map_flag", lang)
            ),
            key=f"plan-map-{geo_id}",
            height=560,
        )
    with tabs[2]:
        _timeline([m for m in measures if m["geography"] == geo_id], lang)
    with tabs[3]:
        goal_form(user, ds, lang)
        _goals(user, goals, data, labels, lang)
    with tabs[4]:
        partner_form(user, ds, lang)
        _partners(user, partners, lang)
    with tabs[5]:
        _effects(measures, data, labels, lang)
    with tabs[6]:
        _excel(user, lang)
