"""Download buttons for the atlas view: table data and print maps."""
from __future__ import annotations

import streamlit as st

from geo.exports import geopackage_bytes
from geo.printmap import PrintOptions, render_print_map
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
