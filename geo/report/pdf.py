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
from geo.printmap.text import fmt_date, method_text, t
from geo.report import layout as rl
from geo.report import pages as rp
from indicators.compute.flag_table import FlagSource, threshold_flag_table
from indicators.dataset import Dataset

DEFAULT_FLAG_RULE = {
    "de": "Erhöhter Bedarf: Wert mindestens eine Standardabweichung über (bei Bedarfsrichtung "
          "„niedriger = mehr Bedarf“: unter) dem Mittel der Gebiete; nur Quoten und Anteile mit "
          "Bedarfsrichtung, keine Anzahlen. Gesperrte Werte werden nie markiert.",
    "en": "Elevated need: value at least one standard deviation above (for indicators where lower means "
          "more need: below) the mean of the areas; only rates and shares with a need direction, no "
          "counts. Suppressed values are never flagged.",
}
BODY_FS = 8.5
MANY_AREAS = rp.MANY_AREAS  # above this, area profiles become an appendix table (or a chosen subset)
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
    return f"Sozialmonitoring {ds.geography.place or ds.geography.label_de} {year}"


def methods_lines(ds: Dataset, year: int, lang: str, rule: str) -> list[tuple[str, str]]:
    """Paragraphs of the methods and sources pages as (style, text); style h or p."""
    de = lang != "en"
    out: list[tuple[str, str]] = [("h", "Methoden" if de else "Methods")]
    out += [("p", p) for p in ((
        f"Alle Werte stammen aus der validierten Indikatortabelle der Geografie „{ds.geography.label(lang)}“. "
        "Quoten werden immer aus Zählungen berechnet (Summe der Zähler durch Summe der Nenner), "
        "auch für die Gesamtstadt.",
        f"Datenschutz: Werte aus weniger als {ds.min_count} Fällen sind gesperrt; sie erscheinen "
        "in Karten schraffiert und in Tabellen ohne Zahl.",
        f"Karten: Klassenbildung {method_text('quantiles', 5, lang)} (Farben nach ColorBrewer); "
        "Koordinatensystem ETRS89 / UTM 32N (EPSG:25832). Rang 1 = höchster Wert.",
        rule,
    ) if de else (
        f"All values come from the validated indicator table of the geography '{ds.geography.label(lang)}'. "
        "Rates are always computed from counts (sum of numerators over sum of denominators), also for the city.",
        f"Disclosure control: values from fewer than {ds.min_count} cases are suppressed; they are hatched "
        "on maps and shown without a number in tables.",
        f"Maps: classes {method_text('quantiles', 5, lang)} (ColorBrewer colours); projection "
        "ETRS89 / UTM 32N (EPSG:25832). Rank 1 = highest value.",
        rule,
    ))]
    out.append(("h", "Indikatoren und Definitionen" if de else "Indicators and definitions"))
    for ind in ds.catalogue.values():
        unit = f" ({ind.unit_for(lang)})" if ind.unit_for(lang) else ""
        out.append(("b", f"{ind.label(lang)}{unit}"))
        src = ds.sources.get(ind.source)
        out.append(("p", f"{ind.definition(lang)} {'Quelle' if de else 'Source'}: "
                         f"{src.label if src else ind.source}; {'Lizenz' if de else 'Licence'}: {ind.licence or '–'}."))
    out.append(("h", "Quellen und Lizenzen" if de else "Sources and licences"))
    for src in ds.sources.values():
        out.append(("b", src.label))
        note = src.note_de if de else src.note_en
        out.append(("p", f"{'Lizenz' if de else 'Licence'}: {src.licence} {src.licence_url}. "
                         f"{src.url}. {note}".strip()))
    out.append(("b", "Grenzen" if de else "Boundaries"))
    out.append(("p", ds.geography.attribution or "–"))
    out.append(("p", ("Namensnennung: " if de else "Attribution: ") + ds.attribution()))
    return out


def _paginate(lines: list[tuple[str, str]], width: float, height: float) -> list[tuple[tuple[str, str], ...]]:
    """Wrap paragraphs and split them into pages of at most ``height`` mm."""
    fig = pl.new_figure(rl.SIZE)
    pages, cur, used = [], [], 0.0
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


def plan_report(ds: Dataset, year: int, lang: str = "de", flag_rule: str | None = None,
                areas: Sequence[str] | None = None, table: pd.DataFrame | None = None) -> list[ReportPage]:
    """The pages of the report in order (the PDF has exactly these pages).

    Parameters
    ----------
    areas : sequence of str, optional
        Area codes that get a profile page. Default: every area up to
        ``MANY_AREAS`` areas; above that none, and an appendix table lists all areas.
    table : DataFrame, optional
        The flag table (default: thresholds); it decides how many overview pages there are.
    """
    de = lang != "en"
    table = threshold_flag_table(ds, year) if table is None else table
    table.index = table.index.astype(str)
    overview = "Übersicht: Gebiete mit erhöhtem Bedarf" if de else "Overview: areas of elevated need"
    pages = [ReportPage("cover", report_title(ds, year))]
    for i, span in enumerate(_spans(len(overview_codes(ds, table)), FLAG_ROWS_FIRST, ROWS_PER_PAGE)):
        pages.append(ReportPage("flags" if i == 0 else "flags_more", overview, span=span))
    topics = dict.fromkeys(ind.topic for ind in ds.catalogue.values())
    for topic in topics:
        for ind_id, ind in ds.catalogue.items():
            if ind.topic == topic and year in ds.years_for(ind_id):
                pages.append(ReportPage("indicator", ind.label(lang), topic, ind_id))
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"]))
    many = len(names) > MANY_AREAS
    codes = [str(c) for c in areas] if areas is not None else ([] if many else list(names))
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise ValueError(f"unbekannte Gebiete für Gebietsprofile: {', '.join(unknown[:5])}")
    for code in codes:
        pages.append(ReportPage("area", f"{names[code]} ({code})", "Gebietsprofile" if de else "Area profiles", code))
    if many:
        for span in _spans(len(names), ROWS_PER_PAGE, ROWS_PER_PAGE):
            pages.append(ReportPage("appendix", "Alle Gebiete" if de else "All areas",
                                    "Anhang: Gebietstabelle" if de else "Appendix: area table", span=span))
    rule = flag_rule or DEFAULT_FLAG_RULE["en" if lang == "en" else "de"]
    height = 297 - rl.MARGIN - 30 - rl.footer_top()
    for chunk in _paginate(methods_lines(ds, year, lang, rule), 210 - 2 * rl.MARGIN, height):
        pages.append(ReportPage("methods", "Methoden und Quellen" if de else "Methods and sources",
                                "Anhang" if de else "Appendix", lines=chunk))
    return pages


def _cover(fig, layout, ds: Dataset, year: int, plan: list[ReportPage], lang: str, created: date) -> None:
    de = lang != "en"
    ax = pl.add_axes_mm(fig, (0, 0, layout.width, layout.height), layout)
    ax.add_patch(matplotlib.patches.Rectangle((0, 232), layout.width, 65, facecolor=rl.ACCENT))
    ax.text(rl.MARGIN + 5, 272, report_title(ds, year), fontsize=26, fontweight="bold", color="white",
            va="center")
    ax.text(rl.MARGIN + 5, 252, ds.geography.label(lang), fontsize=13, color="white", va="center")
    ax.text(rl.MARGIN + 5, 242, t(lang)["created"].format(date=fmt_date(created, lang)),
            fontsize=9, color="white", va="center")
    y = 215
    ax.text(rl.MARGIN + 5, y, "Inhalt" if de else "Contents", fontsize=13, fontweight="bold",
            color=pl.TEXT_COLOR)
    y -= 10
    seen = set()
    for i, p in enumerate(plan[1:], start=2):
        key = p.section or p.title
        if key in seen:
            continue
        seen.add(key)
        ax.text(rl.MARGIN + 5, y, key, fontsize=10, color=pl.TEXT_COLOR)
        ax.text(layout.width - rl.MARGIN - 5, y, f"{'Seite' if de else 'page'} {i}", fontsize=10,
                color=pl.MUTED, ha="right")
        y -= 7
    note = ("Kleinräumige Indikatoren aus amtlichen Registerdaten; Werte aus weniger als "
            f"{ds.min_count} Fällen sind aus Datenschutzgründen gesperrt." if de else
            f"Small-area indicators from register data; values from fewer than {ds.min_count} cases "
            "are suppressed for privacy.")
    lines = pl.wrap_to_width(fig, note, layout.width - 2 * rl.MARGIN - 10, 8.5)
    ax.text(rl.MARGIN + 5, 40, "\n".join(lines), fontsize=8.5, color=pl.MUTED, va="top", linespacing=1.4)


def _methods(fig, layout, lines, top: float) -> None:
    ax = pl.add_axes_mm(fig, (rl.MARGIN, rl.footer_top(), 210 - 2 * rl.MARGIN, top - rl.footer_top()), layout)
    y = top - rl.footer_top()
    for style, text in lines:
        if style == "gap":
            y -= 2.0
            continue
        fs = 11.0 if style == "h" else BODY_FS
        if style == "h":
            y -= 2.0
        ax.text(0, y, text, fontsize=fs, fontweight="bold" if style in {"h", "b"} else "normal",
                va="top", color=pl.TEXT_COLOR if style != "p" else "#333333")
        y -= fs * 0.3528 * 1.4 + (1.0 if style == "h" else 0)


def build_report(ds: Dataset, year: int, lang: str = "de", flag_source: FlagSource = threshold_flag_table,
                 flag_rule: str | None = None, created: date | None = None,
                 areas: Sequence[str] | None = None, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes (what the app's report button needs).

    Parameters
    ----------
    flag_source : callable ``(ds, year) -> DataFrame``
        Areas (index: code) × indicators, True where flagged.
    flag_rule : str, optional
        One sentence explaining the flags (shown on the overview and methods pages).
    areas : sequence of str, optional
        Codes of the areas that get a profile page (see :func:`plan_report`).
    progress : callable ``(done, total)``, optional
        Called after every page (the CLI shows a tqdm bar, the app ``st.progress``).
    """
    if int(year) not in ds.years:
        raise ValueError(f"kein Jahr {year} in den Daten (vorhanden: {ds.years[0]}–{ds.years[-1]})")
    year = int(year)
    created = created or date.today()
    rule = flag_rule or DEFAULT_FLAG_RULE["en" if lang == "en" else "de"]
    table = flag_source(ds, year)
    table.index = table.index.astype(str)
    plan = plan_report(ds, year, lang, rule, areas, table)
    layers = rp.year_layers(ds, year)
    overview = overview_codes(ds, table)
    title = report_title(ds, year)
    total = len(plan)
    buf = BytesIO()
    meta = {"Title": title, "Creator": "Sozialmonitor Lübeck", "Subject": ds.geography.label(lang)}
    with matplotlib.rc_context(pl.RC), PdfPages(buf, metadata=meta) as pdf:
        for n, page in enumerate(plan, start=1):
            fig, layout = rl.new_page()
            label = f"{'Seite' if lang != 'en' else 'Page'} {n} / {total}"
            if page.kind == "cover":
                _cover(fig, layout, ds, year, plan, lang, created)
            else:
                footer = f"{title} · {t(lang)['source']}: " + (
                    ds.attribution(page.key) if page.kind == "indicator" else ds.attribution())
                sub = (_indicator_sub(ds, page.key, year, lang) if page.kind == "indicator"
                       else "" if page.kind == "methods" else f"{ds.geography.label(lang)} · {year}")
                top = rl.page_frame(fig, layout, page.title, page.section, sub, footer, label)
                if page.kind == "flags":
                    rp.flags_page(fig, layout, ds, table, lang, top, rule, overview[slice(*page.span)])
                elif page.kind == "flags_more":
                    rp.flag_rows(fig, layout, ds, table, lang, top, overview[slice(*page.span)])
                elif page.kind == "indicator":
                    flagged = frozenset(table.index[table[page.key]]) if page.key in table else frozenset()
                    rp.indicator_page(fig, layout, ds, page.key, year, flagged, lang, top, layers)
                elif page.kind == "area":
                    rp.area_page(fig, layout, ds, page.key, year, table, lang, top, layers)
                elif page.kind == "appendix":
                    rp.appendix_page(fig, layout, ds, table, lang, top, layers, page.span)
                else:
                    _methods(fig, layout, page.lines, top)
            pdf.savefig(fig)
            if progress is not None:
                progress(n, total)
    return buf.getvalue()


def write_report(ds: Dataset, year: int, path: str | Path, lang: str = "de", bar: bool = True) -> Path:
    """Build the report and write it to ``path``, with a progress bar on stderr (the command line)."""
    from tqdm import tqdm

    with tqdm(total=None, desc="Bericht", unit="Seite", file=sys.stderr, disable=not bar) as pbar:
        def progress(done: int, total: int) -> None:
            pbar.total = total
            pbar.update(done - pbar.n)

        pdf = build_report(ds, year, lang, progress=progress)
    path = Path(path)
    path.write_bytes(pdf)
    return path


def _indicator_sub(ds: Dataset, indicator: str, year: int, lang: str) -> str:
    ind = ds.catalogue[indicator]
    unit = ind.unit_for(lang)
    return f"{ds.geography.label(lang)} · {year}" + (f" · {'Einheit' if lang != 'en' else 'Unit'}: {unit}" if unit else "")
