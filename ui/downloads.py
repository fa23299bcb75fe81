"""Download buttons of every view: table data, print maps and the report.

Files are made only when a button is clicked (Streamlit runs a callable
``data`` on click), so a rerun of the page never pays for an export, and
the export modules (matplotlib's PDF backend, openpyxl, pyogrio) are imported
inside those callables: the first page view of a fresh server does not load them.
The print-map, report and all-years expanders are lazy (``on_change="rerun"``):
their widgets are made only while the expander is open.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo.formats import ExportFormat, export_format, formats_for
from indicators.wording import t
from indicators.wording.voice import Voice
from ui import common
from ui.state import AtlasView

SIZES = ("a4-landscape", "a4-portrait", "a3-landscape")


def _lazy_expander(label: str, key: str):
    """An expander whose content runs only while it is open (``.open``; None = untracked, run it)."""
    return st.expander(label, key=key, on_change="rerun")


def _sticky_choice(key: str, default: str) -> None:
    """Keep a widget's choice while its lazy expander is closed (Streamlit drops the state of
    widgets that a run does not draw): restored from a copy that is not a widget key."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(f"_{key}", default)


def _remember(key: str) -> None:
    st.session_state[f"_{key}"] = st.session_state[key]


def _button(column, label: str, make, file_name: str, mime: str) -> None:
    column.download_button(label, make, file_name, mime, on_click="ignore", key=f"dl-{file_name}")


def format_buttons(
    fmts: tuple[ExportFormat, ...], make: Callable[[ExportFormat], Callable[[], bytes]], base: str, lang: str
) -> None:
    """One button per format (from the export registry :mod:`geo.formats`), side by side."""
    for col, fmt in zip(st.columns(len(fmts)), fmts):
        _button(col, t(fmt.label_key, lang), make(fmt), fmt.file_name(base), fmt.mime)


def table_downloads(make, base: str, lang: str, label: str | None = None) -> None:
    """CSV, CSV for a German Excel and XLSX of one view's table, side by side.

    ``make`` returns the :class:`geo.exports.sheet.ExportTable`; it runs only when a
    button is clicked. ``base`` is the file name without extension (unique on the page).
    """

    def render(fmt: ExportFormat) -> Callable[[], bytes]:
        return lambda: fmt.write("table", make(), voice=Voice.of(lang))

    if label:
        st.markdown(f"**{label}**")
    format_buttons(formats_for("table"), render, base, lang)


def needs_map_downloads(ds, result, method: str, year: int, lang: str) -> None:
    """The need map as a print map (PNG, PDF) with the same classes and flags as the web map."""
    box = _lazy_expander(t("dl_needs_map", lang), "dl_needs_map_open")
    if box.open is False:
        return
    with box:
        _sticky_choice("needs_print_size", SIZES[0])
        common.remember_labels("needs_print_size")
        size = st.radio(
            t("dl_paper_size", lang),
            SIZES,
            key="needs_print_size",
            horizontal=True,
            format_func=lambda s: t(f"size_{s}", lang),
            on_change=_remember,
            args=("needs_print_size",),
        )

        def make(fmt: ExportFormat) -> Callable[[], bytes]:
            def render() -> bytes:
                from geo.printmap.render import PrintOptions

                return fmt.write(
                    "need_map", ds, result, method, year, options=PrintOptions(size=size, voice=Voice.of(lang))
                )

            return render

        format_buttons(formats_for("need_map"), make, f"bedarfslagen_{method}_{year}_{size}", lang)


def all_years_download(ds, lang: str) -> None:
    """Every indicator of the geography over all years, as one table."""
    box = _lazy_expander(t("dl_all_years", lang), "dl_all_years_open")
    if box.open is False:
        return
    with box:
        st.caption(t("dl_all_years_note", lang))

        def make():
            from geo.exports.views import all_years_export

            return all_years_export(ds, voice=Voice.of(lang))

        table_downloads(make, f"{ds.geography.id}_alle_jahre", lang)


def data_downloads(ds, indicator: str, year: int, lang: str) -> None:
    """The view's data in every layer format of the registry (CSV, XLSX with metadata, GeoPackage …)."""

    def make(fmt: ExportFormat) -> Callable[[], bytes]:
        return lambda: fmt.write("layer", ds, indicator, year, voice=Voice.of(lang))

    st.markdown(f"**{t('dl_view_data', lang)}**")
    format_buttons(formats_for("layer"), make, f"{indicator}_{year}", lang)


def print_map_downloads(ds, indicator: str, year: int, c: AtlasView, flagged: frozenset[str], lang: str) -> None:
    """Print maps of the current view (same classes and colours) for committee papers."""
    box = _lazy_expander(t("dl_print_map", lang), "dl_print_map_open")
    if box.open is False:
        return
    with box:
        _sticky_choice("print_size", SIZES[0])
        sizes = {s: t(f"size_{s}", lang) for s in SIZES}
        common.remember_labels("print_size")
        size = st.selectbox(
            t("dl_paper_size", lang),
            SIZES,
            key="print_size",
            format_func=sizes.__getitem__,
            on_change=_remember,
            args=("print_size",),
        )
        ind = ds.catalogue[indicator]
        _sticky_choice("print_title", "")
        _sticky_choice("print_subtitle", "")
        title = st.text_input(
            t("dl_print_title", lang),
            key="print_title",
            max_chars=120,
            placeholder=f"{ind.label(voice=common.voice())} {year}",
            help=t("dl_print_title_help", lang),
            on_change=_remember,
            args=("print_title",),
        )
        subtitle = st.text_input(
            t("dl_print_subtitle", lang),
            key="print_subtitle",
            max_chars=200,
            placeholder=f"{ind.label(voice=common.voice())} · {ds.geography.label(voice=common.voice())}",
            help=t("dl_print_title_help", lang),
            on_change=_remember,
            args=("print_subtitle",),
        )

        def make(fmt: ExportFormat) -> Callable[[], bytes]:
            def render() -> bytes:
                from dataclasses import replace

                from geo.printmap.render import print_options
                from geo.printmap.spec import ClassChoice

                chosen = ClassChoice(scheme=c.scheme, k=c.k, palette=c.palette, breaks=c.breaks)
                options = print_options(
                    size, classes=chosen, labels=c.labels, voice=Voice.of(lang), flagged=flagged, flag_note=c.flag_note
                )
                options = replace(options, title=title.strip() or None, subtitle=subtitle.strip() or None)
                return fmt.write("map", ds, indicator, year, options=options)

            return render

        format_buttons(formats_for("map"), make, f"{indicator}_{year}_{size}", lang)


def report_download(ds, year: int, lang: str) -> None:
    """The generated social report as a PDF: built on request with a progress bar, then downloaded."""
    from geo.report import MANY_AREAS  # not geo.report.pdf: that loads matplotlib's PDF backend

    box = _lazy_expander(t("dl_report", lang, year=year), "dl_report_open")
    if box.open is False:
        return
    report = formats_for("report")[0]
    with box:
        many = len(ds.areas) > MANY_AREAS
        st.caption(t("report_many" if many else "report_few", lang, n=len(ds.areas), many=MANY_AREAS))
        key = f"report-{ds.geography.id}-{year}-{lang}"
        if st.button(t("report_build", lang), key=f"{key}-build"):
            from geo.report.pdf import ReportOptions

            bar = st.progress(0.0, text=t("report_progress", lang).format(done=0, total="…"))

            def progress(done: int, total: int) -> None:
                bar.progress(done / total, text=t("report_progress", lang).format(done=done, total=total))

            from geo.planning.summary import default_register_lines
            from ui.auth import current_user

            planning = default_register_lines(ds, current_user(), voice=common.voice())  # the register's short section
            st.session_state[key] = report.write(
                "report", ds, year, voice=Voice.of(lang), options=ReportOptions(planning=planning), progress=progress
            )
            bar.empty()
        if st.session_state.get(key):
            st.download_button(
                t("report_download", lang),
                st.session_state[key],
                report.file_name(f"sozialmonitor_{ds.geography.id}_{year}"),
                report.mime,
                on_click="ignore",
                key=f"dl-{key}",
            )


def profile_download(ds, code: str, year: int, lang: str) -> None:
    """The area profile as a one-page PDF (built when the button is clicked)."""

    def make() -> bytes:
        from geo.report.profile import area_profile_pdf

        return area_profile_pdf(ds, code, year, voice=Voice.of(lang))

    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(code))
    _button(
        st,
        t("dl_profile_pdf", lang),
        make,
        f"gebietsprofil_{ds.geography.id}_{safe}_{year}.pdf",
        export_format("pdf").mime,
    )
