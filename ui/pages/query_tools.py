"""Abfragen, further tools: attribute filter, facilities and raster layers per area.

Facility and raster results are indicator rows like any other, so they are
shown the same way: a choropleth, a table and a CSV download.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import folium
import pandas as pd
import streamlit as st

from geo.join import indicator_layer, rows_layer
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify
from indicators.errors import error_text
from indicators.formatting import fmt_number, fmt_value
from indicators.query.syntax import parse_number
from indicators.text import md
from indicators.wording import display_columns, t
from indicators.wording.voice import Voice
from store.permissions import allowed
from ui import common, downloads
from ui.map_view import show_map


@contextlib.contextmanager
def _saved_upload(upload, suffix: str) -> Iterator[Path | None]:
    """Uploaded bytes as a file in a temporary folder of its own while the block runs (the readers take paths).

    Yields None if the file is too large. The folder holds nothing else, so GDAL finds no
    sibling files to open; it is deleted when the block ends, also on an error, so reruns
    leave nothing behind.
    """
    from indicators.limits import max_upload_bytes

    data = upload.getvalue()
    if len(data) > max_upload_bytes():
        common.show_error(t("err_file_too_large", common.lang(), name=upload.name, mb=max_upload_bytes() // 2**20))
        yield None
        return
    from geo.uploads.workdir import upload_dir

    with upload_dir() as folder:  # under the data directory: a killed server leaves nothing in /tmp
        path = Path(folder) / f"upload{suffix.lower()}"
        path.write_bytes(data)
        yield path


def _rows_map(ds, rows: pd.DataFrame, indicator, lang: str, key: str, points=None, source: str = "") -> None:
    """Choropleth, table and downloads (CSV, XLSX) of one indicator given as rows (area_code, value, ...)."""
    layer, city = rows_layer(ds, rows)
    map_labels = MapLabels(
        indicator_label=indicator.label(voice=common.voice()),
        unit=indicator.unit_for(voice=common.voice()),
        city_value=city,
        voice=common.voice(),
    )
    m = build_map(MapLayer(layer, classify(layer["value"], voice=common.voice()), map_labels), tiles=common.tiles())
    for pt in points or []:
        folium.CircleMarker(pt, radius=4, color="#0b4f9c", fill=True, fill_opacity=0.9).add_to(m)
    show_map(m, key=key, height=480)
    dec = indicator.decimals_for(layer["value"])
    table = layer[["code", "name", "value"]].assign(value=[fmt_number(v, dec, lang) for v in layer["value"]])
    unit = indicator.unit_for(voice=common.voice())
    header = indicator.label(voice=common.voice()) + (f" ({unit})" if unit else "")
    st.dataframe(display_columns(table, lang, {"value": header}), hide_index=True, width="stretch")

    def make():
        from geo.exports.results import rows_export

        return rows_export(ds, rows, indicator, source, voice=Voice.of(lang))

    downloads.table_downloads(make, f"{key}_{indicator.id}", lang, t("dl_result", lang))


def render_filter_tool() -> None:
    from indicators.query.evaluate import QueryError, run_query

    lang = common.lang()
    ds = common.dataset(common.geography_picker())
    st.markdown("#### " + t("q_filter_areas", lang))
    if not common.has_indicators(ds, lang):
        return
    text = st.text_input(
        t("q_condition", lang),
        "Anteil 65+ > 24 % und Anteil unter 18 < 16 %",
        key="q_filter",
        help=t("q_condition_help", lang),
    )
    year = st.selectbox(t("year", lang), ds.years[::-1], key="q_filter_year")
    try:
        res = run_query(ds, text, year, voice=common.voice())
    except QueryError as exc:
        common.show_error(exc)
        return
    st.info(md(res.summary(voice=common.voice())))
    first = ds.catalogue[res.indicators[0]]
    layer, _ = indicator_layer(ds, first.id, year)
    layer["flagged"] = layer["code"].map(res.mask).fillna(False).astype(bool)
    map_labels = MapLabels(
        indicator_label=first.label(voice=Voice.of(lang)),
        unit=first.unit_for(voice=Voice.of(lang)),
        voice=common.voice(),
        flag_label=t("q_matches_the_condition", lang),
    )
    m = build_map(
        MapLayer(layer, classify(layer["value"].where(~layer["suppressed"]), voice=common.voice()), map_labels),
        tiles=common.tiles(),
    )
    show_map(m, key="q_filter_map", height=480)
    shown, labels = res.table.copy(), {}
    for i in res.indicators:
        if i in ds.catalogue and i in shown:
            ind = ds.catalogue[i]
            dec, unit = ind.decimals_for(shown[i]), ind.unit_for(voice=common.voice())
            shown[i] = [fmt_value(v, unit, dec, lang) for v in shown[i]]
            labels[i] = ind.label(voice=common.voice())
    st.dataframe(display_columns(shown, lang, labels), hide_index=True, width="stretch")

    def make():
        from geo.exports.results import query_export

        return query_export(ds, res, voice=common.voice())

    downloads.table_downloads(make, f"abfrage_{year}", lang, t("dl_result", lang))
    common.source_footer(ds)


def render_facilities_tool() -> None:
    from geo.spatial.facilities import (
        dataset_facility_rows,
        facility_catalogue,
        population_groups,
        read_facilities,
    )

    lang = common.lang()
    ds = common.dataset("stadtteile")
    st.markdown("#### " + t("q_facilities_per_stadtteil", lang))
    user = common.store().user
    if not allowed(user, "check_file"):  # anonymous visitors: no uploader at all
        st.info(t("no_file_check_right", lang))
        return
    up = st.file_uploader(
        t("q_points_upload", lang), type=["csv", "txt", "xlsx", "geojson", "json", "gpkg"], key="q_fac"
    )
    if up is None:
        return
    with _saved_upload(up, Path(up.name).suffix) as path:
        if path is None:
            return
        points, report = read_facilities(path, up.name, ds.areas, user=user)
    (st.success if report.ok else st.error)(md(report.summary(voice=common.voice())))
    if report.findings:
        st.dataframe(display_columns(report.to_frame(voice=common.voice()), lang), hide_index=True, width="stretch")
    if points is None:
        return
    groups = population_groups(ds)
    c1, c2, c3 = st.columns(3)
    voice = common.voice()  # bound now: a format_func may run after the page
    group = c1.selectbox(t("q_group", lang), groups, format_func=lambda i: ds.catalogue[i].label(voice=voice))
    year = c2.selectbox(t("year", lang), ds.years[::-1], key="q_fac_year")
    radius = c3.number_input(t("q_coverage_radius_m", lang), 100, 5000, 500, 50)
    rows = dataset_facility_rows(ds, points, group=group, year=year, radius_m=radius)
    cat = facility_catalogue(
        group=group,
        group_label=ds.catalogue[group].label(voice=common.voice()),
        radius_m=radius,
    )
    voice = common.voice()  # bound now: a format_func may run after the page
    which = st.radio(
        t("q_measure", lang), list(cat), format_func=lambda i: md(cat[i].label(voice=voice)), horizontal=True
    )
    latlon = points.to_crs(4326).geometry
    source = f"{t('ex_own_upload', lang, name=up.name)}; {ds.attribution(group)}"
    _rows_map(
        ds,
        rows[rows["indicator"] == which],
        cat[which],
        lang,
        "q_fac_map",
        points=[(p.y, p.x) for p in latlon],
        source=source,
    )


def render_raster_tool() -> None:
    from geo.spatial.zonal import zonal_indicators, zonal_rows, zonal_stats
    from indicators.errors import InputError

    lang = common.lang()
    ds = common.dataset(common.geography_picker())
    st.markdown("#### " + t("q_raster_per_area", lang))
    user = common.store().user
    if not allowed(user, "check_file"):  # anonymous visitors: no uploader at all
        st.info(t("no_file_check_right", lang))
        return
    up = st.file_uploader(t("q_geotiff_in_any_crs", lang), type=["tif", "tiff"], key="q_raster")
    if up is None:
        return
    typed = st.text_input(
        t("q_share_of_cells_above", lang), key="q_raster_above", placeholder=fmt_number(30.5, 1, lang)
    )  # German or English numbers
    above = parse_number(typed) if typed.strip() else None
    if typed.strip() and above is None:
        common.show_error(t("q_bad_number", lang, text=typed.strip()), "warning")
    with _saved_upload(up, Path(up.name).suffix or ".tif") as path:
        if path is None:
            return
        try:
            res = zonal_stats(path, ds.areas, above, user=user)
        except InputError as exc:  # ZonalError, or the sandbox's limits
            common.show_error(error_text(exc, voice=common.voice()).replace(path.name, up.name))
            return
    res.raster = up.name
    for note in res.notes:
        st.caption(md(common.voice().text(note)))
    prefix = "raster"
    cat = zonal_indicators(res, prefix, label=up.name)
    voice = common.voice()  # bound now: a format_func may run after the page
    which = st.radio(
        t("q_statistic", lang), list(cat), format_func=lambda i: md(cat[i].label(voice=voice)), horizontal=True
    )
    rows = zonal_rows(res, prefix, voice=common.voice())
    source = f"{t('ex_own_upload', lang, name=up.name)}; {ds.geography.attribution}"
    _rows_map(ds, rows[rows["indicator"] == which], cat[which], lang, "q_raster_map", source=source)
