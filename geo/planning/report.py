"""PDF "Sachstand Strategische Sozialplanung YYYY": goals by field of action with progress, a map of the
measures over an indicator, measures per area, the evaluation table with its caveats, sources.

Reuses the report building blocks of :mod:`geo.report.layout` (A4 frame, striped tables, small maps).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from sqlalchemy import Engine

from geo.planning.evaluate import Datasets, evaluate_goal, evaluate_measure
from geo.planning.locations import draw_locations, location_shapes
from geo.planning.need_measures import forecast_page, need_measures_page
from geo.printmap import layout as pl
from geo.printmap.render import build_print_map, print_options
from geo.report import layout as rl
from indicators.planning.display import day, indicator_label, period, status_word
from indicators.planning.record_types import MeasureRecord
from indicators.wording.voice import GERMAN, Voice
from store.permissions import User
from store.planning import repository as repo

ROWS_PER_PAGE = 34
WIDTH = 210 - 2 * rl.MARGIN


def _num(v, d: int = 2, *, voice: Voice) -> str:
    return voice.number(v, d)  # "–" for none


def _chunks(rows: list[Any], n: int = ROWS_PER_PAGE) -> list[list[Any]]:
    return [rows[i : i + n] for i in range(0, len(rows), n)] or [[]]


def _text(fig, layout, top: float, paragraphs: list[str], fs: float = 8.5) -> float:
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), WIDTH, top - rl.footer_top()), layout)
    y = top - rl.footer_top()
    for p in paragraphs:
        lines = pl.wrap_to_width(fig, p, WIDTH, fs)
        ax.text(0, y, "\n".join(lines), fontsize=fs, va="top", color="#333333", linespacing=1.35)
        y -= len(lines) * fs * 0.3528 * 1.35 + 2.5
    return y


def _table_page(fig, layout, top: float, columns, rows, widths, aligns) -> None:
    height = min(top - rl.footer_top(), 6.0 * (len(rows) + 1.5))
    rl.draw_table(fig, layout, (rl.MARGIN, top - height, WIDTH, height), rl.TableColumns(columns, widths, aligns), rows)


def _numbered(kind: str, chunks: list[list[Any]], *, voice: Voice) -> list[tuple[Any, ...]]:
    """Pages of one table: "Ziele nach Handlungsfeldern (2)" only when there is more than one page."""
    if len(chunks) == 1:
        return [(voice.t(f"plan_rep_{kind}_title"), kind, chunks[0])]
    return [(voice.t(f"plan_rep_{kind}", n=i + 1), kind, c) for i, c in enumerate(chunks)]


def _pages(
    engine: Engine, user: User, geography: str, data: Datasets, labels: dict[str, str], *, voice: Voice
) -> list[tuple[Any, ...]]:
    """(title, kind, payload) of every page."""
    goals = repo.list_records(engine, user, "goal")
    measures = repo.list_records(engine, user, "measure")
    goal_rows: list[list[str]] = []
    field = None
    for g in sorted(goals, key=lambda g: (g["field"], g["id"])):
        if g["field"] != field:
            field = g["field"]
            goal_rows.append([field, "", "", "", "", "", "", ""])  # the field of action as a bold row
        r = evaluate_goal(g, data)
        state = "–" if r.on_track is None else voice.t("plan_rep_on_track" if r.on_track else "plan_rep_off_track")
        goal_rows.append(
            [
                f"{g['id']}: {g['text']}",
                indicator_label(g["indicator"], labels),
                _num(r.baseline, voice=voice),
                _num(r.current, voice=voice),
                _num(r.target, voice=voice),
                voice.percent(None if r.progress is None else 100 * r.progress, 0),
                state,
            ]
        )
    here = [m for m in measures if m["geography"] == geography]
    area_rows = [
        [
            c,
            f"{m['id']}: {m['title']}",
            status_word(m["status"], voice=voice),
            period(m["start"], m["end"], voice=voice),
        ]
        for m in sorted(here, key=lambda m: m["id"])
        for c in m["areas"]
    ]
    area_rows.sort(key=lambda r: r[0])
    effects = [e for m in measures for e in evaluate_measure(m, data)]
    eff_rows = [
        [
            str(e.id),
            indicator_label(e.indicator, labels),
            ", ".join(e.treated),
            f"{e.pre_year or '–'}–{e.post_year or '–'}",
            _num(e.treated_change, voice=voice),
            _num(e.comparison_change, voice=voice),
            _num(e.effect, voice=voice),
            _num(e.p_placebo, 3, voice=voice),
            str(e.n_placebo),
        ]
        for e in effects
    ]
    pages = _numbered("goals", _chunks(goal_rows), voice=voice)
    pages.append((voice.t("plan_rep_map"), "map", here))
    pages += [need_measures_page(data.get(geography), measures, voice=voice), forecast_page(goals, data, voice=voice)]
    pages += _numbered("areas", _chunks(area_rows), voice=voice)
    pages += _numbered("effects", _chunks(eff_rows, 24), voice=voice)
    pages.append((voice.t("plan_rep_caveats"), "caveats", sorted({e.note_in(voice=voice) for e in effects})))
    pages.append((voice.t("plan_rep_sources"), "sources", []))
    return pages


def build_report(
    engine: Engine,
    user: User,
    *,
    year: int,
    geography: str = "stadtteile",
    indicator: str | None = None,
    data: Datasets | None = None,
    voice: Voice = GERMAN,
) -> bytes:
    """The Sachstand PDF as bytes (the app's button and ``cli.py plan report``), texts in ``voice``'s language."""
    data = data or Datasets()
    ds = data.get(geography)
    if indicator is None:  # the most frequent target indicator of the measures, else the first of the data
        targets = [
            i
            for m in repo.list_records(engine, user, "measure")
            if m["geography"] == geography
            for i in m["indicators"]
            if i in ds.catalogue
        ]
        indicator = max(set(targets), key=lambda i: (targets.count(i), i)) if targets else next(iter(ds.catalogue))
    map_year = (
        max(y for y in ds.years_for(indicator) if y <= year)
        if any(y <= year for y in ds.years_for(indicator))
        else max(ds.years_for(indicator))
    )
    title = voice.t("plan_rep_title", year=year)
    labels = {i: ds.catalogue[i].label(voice=voice) for i in ds.catalogue}
    pages = _pages(engine, user, geography, data, labels, voice=voice)
    buf = BytesIO()
    with (
        matplotlib.rc_context(pl.RC),
        PdfPages(buf, metadata={"Title": title, "Creator": "Sozialmonitor Lübeck"}) as pdf,
    ):
        for n, (heading, kind, payload) in enumerate(pages, start=1):
            if kind == "map":  # the print map page: legend, north arrow and scale bar (geo.printmap)
                fig = _map_page(
                    ds,
                    indicator,
                    map_year,
                    payload,
                    heading,
                    title,
                    voice.t("plan_rep_page", n=n, total=len(pages)),
                    voice=voice,
                )
                pdf.savefig(fig)
                continue
            fig, layout = rl.new_page()
            footer = voice.t(
                "plan_rep_footer", title=title, date=day(date.today(), voice=voice), source=ds.attribution()
            )
            if not rl.footer_fits(fig, footer):  # never cut: the last page lists every source and licence
                footer = voice.t(
                    "plan_rep_footer_pointer", title=title, date=day(date.today(), voice=voice), page=len(pages)
                )
            top = rl.page_frame(
                fig,
                layout,
                heading,
                title,
                ds.geography.label(voice=voice),
                footer,
                voice.t("plan_rep_page", n=n, total=len(pages)),
            )
            _page(fig, layout, top, kind, payload, (ds, indicator, map_year), voice=voice)
            pdf.savefig(fig)
    return buf.getvalue()


def _page(fig, layout, top, kind, payload, what: tuple[Any, ...], *, voice: Voice) -> None:
    ds, indicator, map_year = what
    if kind == "goals":
        if not payload:
            _text(fig, layout, top, [voice.t("plan_rep_no_goals")])
            return
        # the field of action heads its goals (a bold row), so goal and indicator get the width
        bold = [i for i, row in enumerate(payload) if not any(row[1:])]
        height = min(top - rl.footer_top(), 6.0 * (len(payload) + 1.5))
        rl.draw_table(
            fig,
            layout,
            (rl.MARGIN, top - height, WIDTH, height),
            rl.TableColumns(
                voice.t("plan_rep_goal_columns").split("|"),
                [60, 38, 14, 14, 15, 16, 23],
                ["l", "l", "r", "r", "r", "r", "l"],
            ),
            payload,
            bold_rows=bold,
        )
    elif kind == "areas":
        if not payload:
            _text(fig, layout, top, [voice.t("plan_rep_no_areas")])
            return
        _table_page(
            fig, layout, top, voice.t("plan_rep_area_cols").split("|"), payload, [20, 100, 25, 35], ["l", "l", "l", "l"]
        )
    elif kind == "effects":
        if not payload:
            _text(fig, layout, top, [voice.t("plan_rep_no_effects")])
            return
        _table_page(
            fig,
            layout,
            top,
            voice.t("plan_rep_effect_cols").split("|"),
            payload,
            [12, 40, 26, 22, 18, 18, 16, 14, 14],
            ["r", "l", "l", "l", "r", "r", "r", "r", "r"],
        )
    elif kind == "lines":
        _text(fig, layout, top, payload)
    elif kind == "caveats":
        _text(fig, layout, top, [voice.t("plan_rep_method"), *(payload or [])])
    else:
        _text(fig, layout, top, [ds.attribution(), voice.t("plan_rep_register")])


def _map_page(
    ds, indicator: str, year: int, measures: list[MeasureRecord], heading: str, title: str, page: str, *, voice: Voice
):
    """The measures over the indicator as a print map page: areas with measures outlined and named in
    the legend, north arrow, scale bar, sources (the same page composer as every print map)."""
    flagged = sorted({c for m in measures for c in m["areas"]})
    label = ds.catalogue[indicator].label(voice=voice)
    places = location_shapes(measures, ds.geography.id)  # points and drawn areas of the measures
    note = voice.t("plan_rep_map_note", n=len(flagged), indicator=label, year=year).rstrip(".")
    said = [f"{label} {year}", ds.geography.label(voice=voice), page]
    if len(places):  # said under the title: the footer's note is there only when areas are outlined
        said.insert(2, voice.t("plan_rep_map_places", n=len(places)))
    options = replace(
        print_options("a4-portrait", voice=voice, flagged=flagged, flag_note=note),
        title=f"{heading} · {title}",
        subtitle=" · ".join(said),
        flag_label=voice.t("plan_map_flag"),
    )
    pm = build_print_map(ds, indicator, year, options)
    draw_locations(pm.map_ax, places, line_scale=min(pl.page_size_mm("a4-portrait")) / 210.0)
    return pm.figure


def write_report(
    engine: Engine,
    user: User,
    *,
    year: int,
    out: str | Path,
    geography: str = "stadtteile",
    voice: Voice = GERMAN,
) -> None:
    """Write the Sachstand PDF to ``out`` (texts in ``voice``'s language)."""
    Path(out).write_bytes(build_report(engine, user, year=year, geography=geography, voice=voice))
