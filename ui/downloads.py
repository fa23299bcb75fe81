"""Download buttons for the atlas view: table data, print maps and the report.

Files are made only when a button is clicked (Streamlit runs a callable
``data`` on click), so a rerun of the page never pays for an export, and
the export libraries (matplotlib, openpyxl) load only when first needed.
"""
from __future__ import annotations

import streamlit as st

from indicators.wording import t
from ui.state import AtlasView

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "csv": "text/csv", "gpkg": "application/geopackage+sqlite3",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SIZES = ("a4-landscape", "a4-portrait", "a3-landscape")


def _button(column, label: str, make, file_name: str) -> None:
    ext = file_name.rsplit(".", 1)[-1]
    column.download_button(label, make, file_name, MIME[ext], on_click="ignore", key=f"dl-{file_name}")


def data_downloads(ds, indicator: str, year: int, lang: str) -> None:
    """CSV (plain and German Excel), XLSX with metadata, GeoPackage of the joined areas."""
    from geo.exports.geopackage import geopackage_bytes
    from geo.exports.tables import export_frame, to_csv_bytes, to_xlsx_bytes

    base = f"{indicator}_{year}"
    cols = st.columns(4)
    _button(cols[0], "CSV", lambda: to_csv_bytes(export_frame(ds, indicator, year, lang), "utf8", lang),
            f"{base}.csv")
    _button(cols[1], t("dl_csv_german_excel", lang),
            lambda: to_csv_bytes(export_frame(ds, indicator, year, lang), "excel-de", lang), f"{base}_excel.csv")
    _button(cols[2], "Excel (XLSX)", lambda: to_xlsx_bytes(ds, indicator, year, lang), f"{base}.xlsx")
    _button(cols[3], "GeoPackage", lambda: geopackage_bytes(ds, indicator, year, lang), f"{base}.gpkg")


def print_map_downloads(ds, indicator: str, year: int, c: AtlasView, flagged: frozenset[str], lang: str) -> None:
    """Print maps of the current view (same classes and colours) for committee papers."""
    with st.expander(t("dl_print_map", lang)):
        size = st.selectbox(t("dl_paper_size", lang), SIZES, key="print_size")

        def make(fmt: str):
            def render() -> bytes:
                from geo.printmap.render import print_options, render_print_map

                options = print_options(size, c.scheme, c.k, c.palette, breaks=c.breaks, labels=c.labels,
                                        lang=lang, flagged=flagged)
                return render_print_map(ds, indicator, year, fmt, options)
            return render

        cols = st.columns(3)
        for col, fmt in zip(cols, ("png", "svg", "pdf")):
            _button(col, fmt.upper(), make(fmt), f"{indicator}_{year}_{size}.{fmt}")


def report_download(ds, year: int, lang: str) -> None:
    """The generated social report (all indicators, all areas) as a PDF."""
    with st.expander(t("dl_report", lang, year=year)):
        st.caption(t("dl_report_note", lang))

        def render() -> bytes:
            from geo.report.pdf import build_report

            return build_report(ds, year, lang)

        _button(st, t("dl_create_and_download_report", lang), render,
                f"sozialmonitor_{ds.geography.id}_{year}.pdf")
