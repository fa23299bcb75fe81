"""The social report "Sozialmonitoring <Ort> <Jahr>" as a multi-page PDF (matplotlib PdfPages).

Pages: cover with contents; overview map of flagged areas; one page per
indicator, grouped by the catalogue's ``topic``; one profile page per area;
methods and sources. Flags come from a pluggable ``flag_source`` (default:
thresholds, :mod:`indicators.compute.flag_table`) so the need assessment can replace it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages

from geo.printmap import layout as pl
from geo.printmap.text import method_text
from geo.report import MANY_AREAS as REPORT_MANY_AREAS
from geo.report import areas as ra
from geo.report import flags as rf
from geo.report import layout as rl
from geo.report import pages as rp
from indicators.compute.flag_table import FlagSource, threshold_flag_table
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

BODY_FS = 8.5
MANY_AREAS = REPORT_MANY_AREAS  # above this, area profiles become an appendix table (or a chosen subset)
FLAG_ROWS_FIRST = 24  # overview rows under the map on the first overview page
ROWS_PER_PAGE = 50  # rows of a continued table page
Progress = Callable[[int, int], None]  # (pages done, pages in total)


@dataclass(frozen=True)
class ReportPage:
    """One page of the plan: ``kind`` is cover, flags, indicator, area or methods."""

    kind: str
    title: str
    section: str = ""
    key: str = ""
    lines: tuple[tuple[str, str], ...] = ()  # (style, text) for methods pages
    span: tuple[int, int] = (0, 0)  # rows of a table that runs over several pages


def report_title(ds: Dataset, year: int) -> str:
    """``Sozialmonitoring Lübeck 2022``."""
    return f"Sozialmonitoring {ds.geography.place or ds.geography.label()} {year}"


def methods_lines(ds: Dataset, year: int, rule: str, *, voice: Voice = GERMAN) -> list[tuple[str, str]]:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    """Paragraphs of the methods and sources pages as (style, text); style h or p."""
    out: list[tuple[str, str]] = [("h", voice.t("rep_methods"))]
    out += [
        ("p", voice.t("rep_methods_values", geography=ds.geography.label(voice=voice))),
        ("p", voice.t("rep_methods_disclosure", n=ds.min_count)),
        ("p", voice.t("rep_methods_maps", method=method_text("quantiles", 5, voice=voice))),
        ("p", rule),
    ]
    out.append(("h", voice.t("rep_indicators_and_definitions")))
    for ind in ds.catalogue.values():
        unit = f" ({ind.unit_for(voice=voice)})" if ind.unit_for(voice=voice) else ""
        out.append(("b", f"{ind.label(voice=voice)}{unit}"))
        src = ds.sources.get(ind.source)
        out.append(
            (
                "p",
                f"{ind.definition(voice=voice)} {voice.t('source')}: "
                f"{src.label if src else ind.source}; {voice.t('licence')}: {ind.licence or '–'}.",
            )
        )
    out.append(("h", voice.t("rep_sources_and_licences")))
    for src in ds.sources.values():
        out.append(("b", src.label))
        note = voice.pick((src.note_de, src.note_en))
        out.append(("p", f"{voice.t('licence')}: {src.licence} {src.licence_url}. {src.url}. {note}".strip()))
    out.append(("b", voice.t("ex_boundaries")))
    out.append(("p", ds.geography.attribution or "–"))
    out.append(("p", voice.t("rep_attribution") + ds.attribution()))
    return out


def _paginate(lines: list[tuple[str, str]], width: float, height: float) -> list[tuple[tuple[str, str], ...]]:
    """Wrap paragraphs and split them into pages of at most ``height`` mm."""
    fig = pl.new_figure(rl.SIZE)
    pages: list[tuple[tuple[str, str], ...]] = []
    cur: list[tuple[str, str]] = []
    used = 0.0
    for style, text in lines:
        fs = {"h": 11.0, "b": BODY_FS}.get(style, BODY_FS)
        weight = "bold" if style in {"h", "b"} else "normal"
        wrapped = pl.wrap_to_width(fig, text, width, fs, weight)
        need = len(wrapped) * fs * 0.3528 * 1.4 + (5.0 if style == "h" else 1.2 if style == "p" else 0.3)
        if cur and used + need > height:
            pages.append(tuple(cur))
            cur, used = [], 0.0
        cur += [(style, ln) for ln in wrapped] + ([("gap", "")] if style != "b" else [])
        used += need
    if cur:
        pages.append(tuple(cur))
    return pages


def overview_codes(ds: Dataset, table: pd.DataFrame) -> list[str]:
    """Rows of the flag overview: areas by number of flags; above MANY_AREAS only flagged areas."""
    counts = table.sum(axis=1).reindex(ds.areas["code"].astype(str)).fillna(0).astype(int)
    counts = counts.sort_values(ascending=False, kind="stable")
    if len(counts) > MANY_AREAS:
        counts = counts[counts > 0]
    return [str(c) for c in counts.index]


def _spans(n: int, first: int, rest: int) -> list[tuple[int, int]]:
    """Row ranges of a table of ``n`` rows: ``first`` on the first page, ``rest`` on each further one."""
    out = [(0, min(n, first))]
    out += [(a, min(n, a + rest)) for a in range(first, n, rest)]
    return out


def plan_report(
    ds: Dataset,
    year: int,
    flag_rule: str | None = None,
    areas: Sequence[str] | None = None,
    table: pd.DataFrame | None = None,
    *,
    voice: Voice = GERMAN,
    planning: Sequence[tuple[str, str]] = (),
) -> list[ReportPage]:
    """The pages of the report in order (the PDF has exactly these pages).

    Parameters
    ----------
    areas : sequence of str, optional
        Area codes that get a profile page. Default: every area up to
        ``MANY_AREAS`` areas; above that none, and an appendix table lists all areas.
    table : DataFrame, optional
        The flag table (default: thresholds); it decides how many overview pages there are.
    voice : Voice
        Language of page titles and sections.
    planning : sequence of (style, text), optional
        The planning section (:func:`geo.planning.summary.section_lines`); none when empty.
    """
    table = threshold_flag_table(ds, year) if table is None else table
    table.index = table.index.astype(str)
    overview = voice.t("rep_overview_flagged_areas")
    pages = [ReportPage("cover", report_title(ds, year))]
    for i, span in enumerate(_spans(len(overview_codes(ds, table)), FLAG_ROWS_FIRST, ROWS_PER_PAGE)):
        pages.append(ReportPage("flags" if i == 0 else "flags_more", overview, span=span))
    topics = dict.fromkeys(ind.topic for ind in ds.catalogue.values())
    for topic in topics:
        for ind_id, ind in ds.catalogue.items():
            if ind.topic == topic and year in ds.years_for(ind_id):
                pages.append(ReportPage("indicator", ind.label(voice=voice), ind.topic_label(voice=voice), ind_id))
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"]))
    many = len(names) > MANY_AREAS
    codes = [str(c) for c in areas] if areas is not None else ([] if many else list(names))
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise InputError(msg("err_unknown_profile_areas", codes=unknown[:5]))
    for code in codes:
        pages.append(ReportPage("area", f"{names[code]} ({code})", voice.t("rep_area_profiles"), code))
    if many:
        for span in _spans(len(names), ROWS_PER_PAGE, ROWS_PER_PAGE):
            pages.append(ReportPage("appendix", voice.t("rep_all_areas"), voice.t("rep_appendix_title"), span=span))
    rule = flag_rule or voice.t("rep_flag_rule")
    height = 297 - rl.MARGIN - 30 - rl.footer_top()
    for chunk in _paginate(list(planning), 210 - 2 * rl.MARGIN, height) if planning else []:
        pages.append(ReportPage("planning", voice.t("plan_sec_title"), lines=chunk))
    for chunk in _paginate(methods_lines(ds, year, rule, voice=voice), 210 - 2 * rl.MARGIN, height):
        pages.append(ReportPage("methods", voice.t("rep_methods_and_sources"), voice.t("rep_appendix"), lines=chunk))
    return pages


def _cover(
    fig, layout, ds: Dataset, year: int, plan: list[ReportPage], created: date, *, voice: Voice = GERMAN
) -> None:
    ax = pl.add_axes_mm(fig, (0, 0, layout.width, layout.height), layout)
    ax.add_patch(matplotlib.patches.Rectangle((0, 232), layout.width, 65, facecolor=rl.ACCENT))
    ax.text(rl.MARGIN + 5, 272, report_title(ds, year), fontsize=26, fontweight="bold", color="white", va="center")
    ax.text(rl.MARGIN + 5, 252, ds.geography.label(voice=voice), fontsize=13, color="white", va="center")
    ax.text(rl.MARGIN + 5, 242, voice.t("pm_created", date=voice.date(created)), fontsize=9, color="white", va="center")
    y = 215
    ax.text(rl.MARGIN + 5, y, voice.t("rep_contents"), fontsize=13, fontweight="bold", color=pl.TEXT_COLOR)
    y -= 10
    seen = set()
    for i, p in enumerate(plan[1:], start=2):
        key = p.section or p.title
        if key in seen:
            continue
        seen.add(key)
        ax.text(rl.MARGIN + 5, y, key, fontsize=10, color=pl.TEXT_COLOR)
        ax.text(layout.width - rl.MARGIN - 5, y, f"{voice.t('rep_page')} {i}", fontsize=10, color=pl.MUTED, ha="right")
        y -= 7
    note = voice.t("rep_cover_note", n=ds.min_count)
    lines = pl.wrap_to_width(fig, note, layout.width - 2 * rl.MARGIN - 10, 8.5)
    ax.text(rl.MARGIN + 5, 40, "\n".join(lines), fontsize=8.5, color=pl.MUTED, va="top", linespacing=1.4)


def _methods(fig, layout, lines, top: float) -> None:
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), 210 - 2 * rl.MARGIN, top - rl.footer_top()), layout)
    y = top - rl.footer_top()
    for style, text in lines:
        if style == "gap":
            y -= 2.0
            continue
        fs = 11.0 if style == "h" else BODY_FS
        if style == "h":
            y -= 2.0
        ax.text(
            0,
            y,
            text,
            fontsize=fs,
            fontweight="bold" if style in {"h", "b"} else "normal",
            va="top",
            color=pl.TEXT_COLOR if style != "p" else "#333333",
        )
        y -= fs * 0.3528 * 1.4 + (1.0 if style == "h" else 0)


@dataclass(frozen=True)
class ReportOptions:
    """What a report may change beyond dataset, year and language (all optional).

    Attributes
    ----------
    flag_source : callable ``(ds, year) -> DataFrame``
        Areas (index: code) × indicators, True where flagged (default: thresholds).
    flag_rule : str, optional
        One sentence explaining the flags (shown on the overview and methods pages).
    created : date, optional
        The date printed on the cover (default: today).
    areas : sequence of str, optional
        Codes of the areas that get a profile page (see :func:`plan_report`).
    planning : sequence of (style, text)
        The short planning section (goals with progress, measures per field of action) from
        :func:`geo.planning.summary.section_lines`; an empty register gives none.
    """

    flag_source: FlagSource = threshold_flag_table
    flag_rule: str | None = None
    created: date | None = None
    areas: Sequence[str] | None = None
    planning: Sequence[tuple[str, str]] = ()


def build_report(
    ds: Dataset,
    year: int,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    *,
    voice: Voice = GERMAN,
) -> bytes:
    """The report as PDF bytes (what the app's report button needs).

    Parameters
    ----------
    options : ReportOptions, optional
        Flag source and rule, cover date, profiled areas, planning section (defaults: see there).
    progress : callable ``(done, total)``, optional
        Called after every page (the CLI shows a tqdm bar, the app ``st.progress``).
    voice : Voice
        Language of the pages.
    """
    opts = options or ReportOptions()
    if int(year) not in ds.years:
        raise InputError(msg("err_no_year_in_data", year=year, first=ds.years[0], last=ds.years[-1]))
    year = int(year)
    created = opts.created or date.today()
    rule = opts.flag_rule or voice.t("rep_flag_rule")
    table = opts.flag_source(ds, year)
    table.index = table.index.astype(str)
    plan = plan_report(ds, year, rule, opts.areas, table, voice=voice, planning=opts.planning)
    layers = rp.year_layers(ds, year)
    report = rp.ReportYear(ds, year, layers, table, voice=voice)
    overview = overview_codes(ds, table)
    title = report_title(ds, year)
    total = len(plan)
    methods_page = next((n for n, page in enumerate(plan, start=1) if page.kind == "methods"), None)
    buf = BytesIO()
    meta = {"Title": title, "Creator": "Sozialmonitor Lübeck", "Subject": ds.geography.label(voice=voice)}
    with matplotlib.rc_context(pl.RC), PdfPages(buf, metadata=meta) as pdf:
        for n, page in enumerate(plan, start=1):
            fig, layout = rl.new_page()
            label = f"{voice.t('rep_page_footer')} {n} / {total}"
            if page.kind == "cover":
                _cover(fig, layout, ds, year, plan, created, voice=voice)
            else:
                footer = f"{title} · {voice.t('source')}: " + (
                    ds.attribution(page.key) if page.kind == "indicator" else ds.attribution()
                )
                if methods_page and not rl.footer_fits(fig, footer):  # never cut: the appendix lists them all
                    footer = f"{title} · {voice.t('cmp_sources_on_page', page=methods_page)}"
                sub = (
                    _indicator_sub(ds, page.key, year, voice=voice)
                    if page.kind == "indicator"
                    else ""
                    if page.kind in {"methods", "planning"}
                    else f"{ds.geography.label(voice=voice)} · {year}"
                )
                top = rl.page_frame(fig, layout, page.title, page.section, sub, footer, label)
                if page.kind == "flags":
                    rf.flags_page(fig, layout, ds, table, top, rule, overview[slice(*page.span)], voice=voice)
                elif page.kind == "flags_more":
                    rf.flag_rows(fig, layout, ds, table, top, overview[slice(*page.span)], voice=voice)
                elif page.kind == "indicator":
                    rp.indicator_page(fig, layout, report, page.key, top)
                elif page.kind == "area":
                    ra.area_page(fig, layout, report, page.key, top)
                elif page.kind == "appendix":
                    ra.appendix_page(fig, layout, ds, table, top, layers, page.span, voice=voice)
                else:
                    _methods(fig, layout, page.lines, top)
            pdf.savefig(fig)
            if progress is not None:
                progress(n, total)
    return buf.getvalue()


def write_report(ds: Dataset, year: int, path: str | Path, *, voice: Voice = GERMAN, bar: bool = True) -> Path:
    """Build the report and write it to ``path``, with a progress bar on stderr (the command line).

    The planning section comes from the configured register, read as the default user.
    """
    from tqdm import tqdm

    from geo.planning.summary import default_register_lines

    desc, unit = voice.t("report_bar"), voice.t("report_bar_unit")
    with tqdm(total=None, desc=desc, unit=unit, file=sys.stderr, disable=not bar) as pbar:

        def progress(done: int, total: int) -> None:
            pbar.total = total
            pbar.update(done - pbar.n)

        options = ReportOptions(planning=default_register_lines(ds, voice=voice))
        pdf = build_report(ds, year, options, progress, voice=voice)
    path = Path(path)
    path.write_bytes(pdf)
    return path


def _indicator_sub(ds: Dataset, indicator: str, year: int, *, voice: Voice = GERMAN) -> str:
    ind = ds.catalogue[indicator]
    unit = ind.unit_for(voice=voice)
    return f"{ds.geography.label(voice=voice)} · {year}" + (f" · {voice.t('unit')}: {unit}" if unit else "")
