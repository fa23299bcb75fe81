"""Download buttons for the atlas view: table data and print maps."""
from __future__ import annotations

import streamlit as st

from geo.exports import geopackage_bytes
from geo.printmap import PrintOptions, render_print_map
from geo.report_pdf import build_report
from indicators.exports import export_frame, to_csv_bytes, to_xlsx_bytes

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SIZES = ("a4-landscape", "a4-portrait", "a3-landscape")


def data_downloads(ds, indicator: str, year: int, lang: str) -> None:
    """CSV (plain and German Excel), XLSX with metadata, GeoPackage of the joined areas."""
    frame = export_frame(ds, indicator, year, lang)
    base = f"{indicator}_{year}"
    cols = st.columns(4)
    cols[0].download_button("CSV", to_csv_bytes(frame, "utf8", lang), f"{base}.csv", "text/csv")
    cols[1].download_button("CSV (Excel, ;)" if lang == "de" else "CSV (German Excel)",
                            to_csv_bytes(frame, "excel-de", lang), f"{base}_excel.csv", "text/csv")
    cols[2].download_button("Excel (XLSX)", to_xlsx_bytes(ds, indicator, year, lang), f"{base}.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    cols[3].download_button("GeoPackage", geopackage_bytes(ds, indicator, year, lang), f"{base}.gpkg",
                            "application/geopackage+sqlite3")


def print_map_downloads(ds, indicator: str, year: int, c: dict, flagged: frozenset[str], lang: str) -> None:
    """Build a print map on request (it takes about a second) and offer it for download."""
    de = lang == "de"
    with st.expander("Druckkarte für Sitzungsvorlagen (PNG, SVG, PDF)" if de else "Print map (PNG, SVG, PDF)"):
        cols = st.columns(3)
        fmt = cols[0].selectbox("Format", list(MIME), key="print_fmt")
        size = cols[1].selectbox("Papier" if de else "Paper", SIZES, key="print_size")
        key = (ds.geography.id, indicator, year, c["scheme"], c["k"], c["palette"], fmt, size,
               c["labels"], lang, tuple(sorted(flagged)))
        if cols[2].button("Karte erzeugen" if de else "Create map", key="print_go"):
            options = PrintOptions(size=size, scheme=c["scheme"], k=c["k"], palette=c["palette"],
                                   breaks=tuple(c["breaks"]) if c["breaks"] else None,
                                   labels=c["labels"], lang=lang, flagged=flagged)
            st.session_state["print_map"] = (key, render_print_map(ds, indicator, year, fmt, options))
        stored = st.session_state.get("print_map")
        if stored and stored[0] == key:
            st.download_button(("Herunterladen: " if de else "Download: ") + f"{indicator}_{year}.{fmt}",
                               stored[1], f"{indicator}_{year}_{size}.{fmt}", MIME[fmt])


def report_download(ds, year: int, lang: str) -> None:
    """The generated social report (all indicators, all areas) as a PDF."""
    de = lang == "de"
    with st.expander(f"Sozialbericht {year} als PDF" if de else f"Social report {year} (PDF)"):
        st.caption("Titelseite, Übersicht der markierten Gebiete, eine Seite je Indikator, ein Profil je Gebiet, "
                   "Methoden und Quellen. Die Erstellung dauert etwa eine halbe Minute."
                   if de else "Cover, overview of flagged areas, one page per indicator, one profile per area, "
                   "methods and sources. Takes about half a minute.")
        key = (ds.geography.id, year, lang)
        if st.button("Bericht erstellen" if de else "Create report", key="report_go"):
            with st.spinner("Bericht wird erstellt …" if de else "Creating report …"):
                st.session_state["report_pdf"] = (key, build_report(ds, year, lang))
        stored = st.session_state.get("report_pdf")
        if stored and stored[0] == key:
            st.download_button(("Herunterladen: " if de else "Download: ") + f"sozialmonitor_{year}.pdf",
                               stored[1], f"sozialmonitor_{ds.geography.id}_{year}.pdf", "application/pdf")
