"""Daten laden: upload boundaries and indicator tables, see the report, accept, persist."""
from __future__ import annotations

import streamlit as st

from geo.uploads.boundary import boundary_areas, check_boundaries, max_upload_bytes
from geo.uploads.pipeline import accept_upload
from geo.uploads.store import DataStore, StoreError
from geo.uploads.table import UploadError, check_table, recheck_table
from indicators.ingest.new_indicators import FormError, default_fields, indicator_from_form, source_from_form
from indicators.text import md
from ui import common


def _saved(message: str) -> None:
    """Reload so every list shows the new dataset, and say so on the next run."""
    st.cache_data.clear()
    st.cache_resource.clear()
    st.session_state["upload_message"] = message
    st.rerun()


@st.cache_data(show_spinner="Datei wird geprüft …", max_entries=8, ttl=3600)
def _checked_boundaries(data: bytes, name: str):
    """The check of an uploaded boundary file, cached by its content (hashed by Streamlit),
    so reruns while the file sits in the uploader do not read it again."""
    return check_boundaries(data, name)


def _report(report, lang: str) -> None:
    (st.success if report.ok else st.error)(md(report.summary(lang)))
    if report.findings:
        st.dataframe(report.to_frame(lang), hide_index=True, width="stretch")


def _catalogue_form(check, lang: str) -> tuple[list, list, list[str]]:
    """Source and one small form per new variable; returns indicators, sources, problems."""
    de = lang == "de"
    st.markdown("**Quelle der Daten**" if de else "**Source of the data**")
    c1, c2 = st.columns(2)
    src_label = c1.text_input("Quelle (Pflicht)" if de else "Source (required)", key="up_src")
    licence = c2.text_input("Lizenz" if de else "Licence", key="up_lic")
    indicators, sources, problems = [], [], []
    try:
        src = source_from_form(src_label, licence)
        sources.append(src)
    except FormError as exc:
        problems += exc.problems
        src = None
    variables = set(check.tidy["variable"])
    for var in check.new_variables:
        fields = default_fields(var)
        with st.expander(f"{'Neues Merkmal' if de else 'New variable'}: {md(var)}", expanded=True):
            a, b, c = st.columns(3)
            fields["label_de"] = a.text_input("Bezeichnung" if de else "Label", fields["label_de"], key=f"up_lab_{var}")
            fields["unit"] = b.text_input("Einheit" if de else "Unit", fields["unit"], key=f"up_unit_{var}")
            fields["kind"] = c.selectbox("Art" if de else "Kind", ["count", "value", "rate"], key=f"up_kind_{var}")
            fields["direction"] = a.selectbox("Bedarfsrichtung" if de else "Need direction", ["neutral", "up", "down"],
                                              key=f"up_dir_{var}")
            if fields["kind"] == "rate":
                fields["numerator"] = b.text_input("Zähler" if de else "Numerator", key=f"up_num_{var}")
                fields["denominator"] = c.text_input("Nenner" if de else "Denominator", key=f"up_den_{var}")
            fields["reference_date"] = b.text_input("Stichtag" if de else "Reference date", key=f"up_date_{var}")
            if fields["kind"] == "count":
                fields["parts"] = c.text_input("Summe aus (Teile, z. B. a + b)" if de else "Sum of (parts, e.g. a + b)",
                                               key=f"up_parts_{var}",
                                               help="Ist diese Anzahl die Summe anderer Merkmale der Tabelle, "
                                                    "werden diese mit geschützt (Differenzbildung).")
        try:
            indicators.append(indicator_from_form(fields, variables, src.id if src else ""))
        except FormError as exc:
            problems += [f"{var}: {p}" for p in exc.problems]
    return indicators, sources, problems


def _accept_table(store, check, base, filename: str, lang: str) -> None:
    de = lang == "de"
    indicators, sources, problems = _catalogue_form(check, lang)
    label = st.text_input("Bezeichnung des Datensatzes" if de else "Dataset label",
                          f"{base.label_de} + {filename}", key="up_t_label")
    for p in problems:
        common.show_error(p, "warning")
    if st.button("Übernehmen und speichern" if de else "Accept and save", key="up_t_ok", disabled=bool(problems)):
        try:
            geo = accept_upload(store, label, label, tidy=check.tidy, base_geography=base,
                                indicators=indicators, sources=sources, reports=[check.report])
        except (StoreError, UploadError, ValueError) as exc:
            common.show_error(exc)
        else:
            _saved(("Gespeichert: " if de else "Saved: ") + md(geo.label(lang)))


def render() -> None:
    lang = common.lang()
    de = lang == "de"
    store = DataStore()
    st.subheader("Eigene Daten laden" if de else "Load your own data")
    st.caption(("Dateien werden geprüft, bevor etwas verwendet wird. Höchstgröße: "
                if de else "Files are checked before anything is used. Maximum size: ")
               + f"{max_upload_bytes() // 2**20} MB")
    if "upload_message" in st.session_state:
        st.success(st.session_state.pop("upload_message"))
    geos = common.geographies()
    # a radio, not st.tabs: the choice must survive the reruns an upload causes
    modes = {"bound": "Gebietsgrenzen" if de else "Boundaries",
             "table": "Indikatortabelle" if de else "Indicator table",
             "saved": "Gespeicherte Daten" if de else "Saved data"}
    mode = st.radio("Was möchten Sie laden?" if de else "What do you want to load?", list(modes),
                    format_func=modes.get, horizontal=True, key="up_mode")
    if mode == "bound":
        up = st.file_uploader("GeoPackage, GeoJSON oder ZIP (Shapefile)" if de else "GeoPackage, GeoJSON or ZIP",
                              type=["gpkg", "geojson", "json", "zip"], key="up_bound")
        if up is not None:
            check = _checked_boundaries(up.getvalue(), up.name)
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
                        common.show_error(exc)
                    else:
                        _saved(("Gespeichert als Gebietsgliederung: " if de else "Saved as geography: ")
                               + md(geo.label(lang)))
    elif mode == "table":
        target = st.selectbox("Gebietsgliederung" if de else "Geography", list(geos),
                              format_func=lambda g: geos[g].label(lang), key="up_t_geo")
        up = st.file_uploader("CSV oder Excel (lang oder breit)" if de else "CSV or Excel (long or wide)",
                              type=["csv", "txt", "xlsx"], key="up_table")
        if up is not None:
            try:
                check = check_table(up.getvalue(), up.name, geos[target], store=store)
            except UploadError as exc:
                common.show_error(exc)
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
                _accept_table(store, check, geos[target], up.name, lang)
    else:
        saved = store.list()
        if not saved:
            st.write("Noch keine eigenen Daten gespeichert." if de else "No saved data yet.")
        for item in saved:
            c1, c2 = st.columns([4, 1])
            c1.markdown(f"**{md(item.label)}** ({md(item.name)})")
            if c2.button("Entfernen" if de else "Remove", key=f"rm_{item.name}"):
                store.remove(item.name)
                st.cache_data.clear()
                st.cache_resource.clear()
                st.rerun()
