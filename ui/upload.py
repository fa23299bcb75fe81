"""Daten laden: upload boundaries and indicator tables, see the report, accept, persist."""
from __future__ import annotations

import streamlit as st

from geo.boundary_upload import boundary_areas, check_boundaries, max_upload_bytes
from indicators.persistence import DataStore, StoreError
from indicators.table_upload import UploadError, check_table, recheck_table
from indicators.uploads import accept_upload
from ui import common


def _report(report, lang: str) -> None:
    (st.success if report.ok else st.error)(report.summary(lang))
    if report.findings:
        st.dataframe(report.to_frame(lang), hide_index=True, width="stretch")


def render() -> None:
    lang = common.lang()
    de = lang == "de"
    store = DataStore()
    st.subheader("Eigene Daten laden" if de else "Load your own data")
    st.caption(("Dateien werden geprüft, bevor etwas verwendet wird. Höchstgröße: "
                if de else "Files are checked before anything is used. Maximum size: ")
               + f"{max_upload_bytes() // 1_000_000} MB")
    geos = common.geographies()
    tab_b, tab_t, tab_l = st.tabs(["Gebietsgrenzen" if de else "Boundaries",
                                   "Indikatortabelle" if de else "Indicator table",
                                   "Gespeicherte Daten" if de else "Saved data"])
    with tab_b:
        up = st.file_uploader("GeoPackage, GeoJSON oder ZIP (Shapefile)" if de else "GeoPackage, GeoJSON or ZIP",
                              type=["gpkg", "geojson", "json", "zip"], key="up_bound")
        if up is not None:
            check = check_boundaries(up.getvalue(), up.name)
            if not check.ok:
                _report(check.report, lang)
            else:
                cols = check.columns
                key = st.selectbox("Schlüsselspalte" if de else "Key column", cols,
                                   index=cols.index(check.key_column) if check.key_column in cols else 0)
                name = st.selectbox("Namensspalte" if de else "Name column", cols,
                                    index=cols.index(check.name_column) if check.name_column in cols else 0)
                result = boundary_areas(check, key, name)
                _report(result.report, lang)
                label = st.text_input("Bezeichnung" if de else "Label", up.name.rsplit(".", 1)[0], key="up_b_label")
                if result.ok and st.button("Übernehmen und speichern" if de else "Accept and save", key="up_b_ok"):
                    try:
                        geo = accept_upload(store, label, label, areas=result.areas, reports=[result.report])
                    except (StoreError, UploadError, ValueError) as exc:
                        st.error(str(exc))
                    else:
                        st.cache_data.clear()
                        st.success(("Gespeichert als Gebietsgliederung: " if de else "Saved as geography: ") + geo.label(lang))
    with tab_t:
        target = st.selectbox("Gebietsgliederung" if de else "Geography", list(geos),
                              format_func=lambda g: geos[g].label(lang), key="up_t_geo")
        up = st.file_uploader("CSV oder Excel (lang oder breit)" if de else "CSV or Excel (long or wide)",
                              type=["csv", "txt", "xlsx"], key="up_table")
        if up is not None:
            try:
                check = check_table(up.getvalue(), up.name, geos[target], store=store)
            except UploadError as exc:
                st.error(str(exc))
                return
            cols = [c for c in check.raw.frame.columns if c != "_row"]
            with st.expander("Spalten zuordnen" if de else "Map columns", expanded=not check.ok):
                mapping = {}
                for role, text in [("area", "Gebiet"), ("year", "Jahr"), ("variable", "Merkmal"), ("value", "Wert")]:
                    options = [""] + cols
                    cur = check.roles.get(role, "")
                    mapping[role] = st.selectbox(text, options, index=options.index(cur) if cur in options else 0,
                                                 key=f"up_map_{role}")
                year = st.number_input("Jahr (falls keine Jahresspalte)" if de else "Year (if no year column)",
                                       1990, 2100, 2024, key="up_year")
            if mapping != {r: check.roles.get(r, "") for r in mapping}:
                check = recheck_table(check, {k: v for k, v in mapping.items() if v}, int(year))
            _report(check.report, lang)
            if check.ok:
                st.dataframe(check.tidy.head(50), hide_index=True, width="stretch")
                label = st.text_input("Bezeichnung" if de else "Label", f"{geos[target].label_de} + {up.name}",
                                      key="up_t_label")
                if st.button("Übernehmen und speichern" if de else "Accept and save", key="up_t_ok"):
                    try:
                        geo = accept_upload(store, label, label, tidy=check.tidy, base_geography=geos[target],
                                            reports=[check.report])
                    except (StoreError, UploadError, ValueError) as exc:
                        st.error(str(exc))
                    else:
                        st.cache_data.clear()
                        st.success(("Gespeichert: " if de else "Saved: ") + geo.label(lang))
    with tab_l:
        saved = store.list()
        if not saved:
            st.write("Noch keine eigenen Daten gespeichert." if de else "No saved data yet.")
        for item in saved:
            c1, c2 = st.columns([4, 1])
            c1.write(f"**{item.label}** ({item.name})")
            if c2.button("Entfernen" if de else "Remove", key=f"rm_{item.name}"):
                store.remove(item.name)
                st.cache_data.clear()
                st.rerun()
