"""Daten laden: upload boundaries, indicator tables and census grids, see the report, accept, persist.

The indicator table is :mod:`ui.pages.upload_table`, the saved data and the trash
:mod:`ui.pages.upload_saved`.
"""

from __future__ import annotations

import streamlit as st

from geo.grid.upload import accept_grid_upload, check_grid_upload
from geo.uploads.boundary import boundary_areas, check_boundaries
from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import UploadContent, accept_upload
from geo.uploads.table import UploadError
from indicators.errors import InputError
from indicators.limits import max_upload_bytes
from indicators.text import md
from indicators.wording import t
from store.errors import StoreError
from store.permissions import allowed
from ui import common
from ui.pages.upload_common import saved, show_report
from ui.pages.upload_saved import saved_list
from ui.pages.upload_table import table_upload


def render() -> None:
    lang = common.lang()
    store: DataStore = common.store()
    if not allowed(store.user, "upload"):
        st.subheader(t("up_load_your_own_data", lang))
        st.info(t("no_upload_right", lang))
        saved_list(store, lang)
        return
    st.subheader(t("up_load_your_own_data", lang))
    st.caption(t("up_checked_max_size", lang, mb=max_upload_bytes() // 2**20))
    if "upload_message" in st.session_state:
        st.success(st.session_state.pop("upload_message"))
    # a radio, not st.tabs: the choice must survive the reruns an upload causes
    modes = {
        "bound": t("up_boundaries", lang),
        "table": t("up_indicator_table", lang),
        "grid": t("up_grid", lang),
        "saved": t("up_saved_data", lang),
    }
    mode = st.radio(t("up_what_do_you_want", lang), list(modes), format_func=modes.get, horizontal=True, key="up_mode")
    if mode == "bound":
        _boundary_upload(store, lang)
    elif mode == "table":
        table_upload(store, lang)
    elif mode == "grid":
        _grid_upload(store, lang)
    else:
        saved_list(store, lang)


def _checked_boundaries(data: bytes, name: str, lang: str):
    """The check of an uploaded boundary file; the parse is cached by its content
    (:mod:`geo.uploads.check_cache`), so reruns while the file sits in the uploader do not read it again."""
    with st.spinner(t("up_checking_file", lang)):
        return check_boundaries(data, name)


def _boundary_upload(store: DataStore, lang: str) -> None:
    """Boundaries (GeoPackage, GeoJSON, zipped Shapefile): check, key and name column, label, save."""
    up = st.file_uploader(
        t("up_geopackage_geojson_or_zip", lang), type=["gpkg", "geojson", "json", "zip"], key="up_bound"
    )
    if up is not None:
        check = _checked_boundaries(up.getvalue(), up.name, lang)
        if not check.ok:
            show_report(check.report, lang)
        else:
            cols = check.columns
            key = st.selectbox(
                t("up_key_column", lang), cols, index=cols.index(check.key_column) if check.key_column in cols else 0
            )
            others = [c for c in cols if c != key] or cols  # the name defaults to a text column, not the key
            name_default = check.name_column if check.name_column in cols else others[0]
            name = st.selectbox(t("up_name_column", lang), cols, index=cols.index(name_default))
            result = boundary_areas(check, key, name)
            show_report(result.report, lang)
            label = st.text_input(t("up_label", lang), up.name.rsplit(".", 1)[0], key="up_b_label")
            if result.ok and st.button(t("up_accept_and_save", lang), key="up_b_ok"):
                try:
                    content = UploadContent(areas=result.areas, reports=[result.report])
                    geo = accept_upload(store, label, label, content)
                except (StoreError, UploadError, ValueError) as exc:
                    common.show_error(exc)
                else:
                    saved(t("up_saved_as_geography", lang) + md(geo.label(voice=common.voice())))


@st.cache_data(show_spinner=False, max_entries=4, ttl=3600)  # the caller's spinner speaks the user's language
def _checked_grid(files: tuple[tuple[str, bytes], ...]):
    """The check of uploaded grid files, cached by their content (reruns do not read them again)."""
    return check_grid_upload(list(files))


def _grid_upload(store: DataStore, lang: str) -> None:
    """Zensus grid CSVs: the checks of ``cli.py grid import``, its report, then save as a geography."""
    ups = st.file_uploader(t("up_grid_files", lang), type=["csv", "txt"], accept_multiple_files=True, key="up_grid")
    if not ups:
        return
    with st.spinner(t("up_checking_file", lang)):
        check = _checked_grid(tuple((u.name, u.getvalue()) for u in ups))
    for err in check.errors:
        common.show_error(err)
    for report in check.reports:
        show_report(report, lang)
    if not check.ok:
        return
    st.caption(md(t("up_grid_cells", lang, cells=len(check.squares), variables=", ".join(check.grid.variables))))
    c1, c2 = st.columns(2)
    name = c1.text_input(t("up_grid_name", lang), check.default_name, key="up_g_name")
    year = c2.number_input(t("up_grid_year", lang), 1987, 2100, check.year, key="up_g_year")
    if st.button(t("up_accept_and_save", lang), key="up_g_ok"):
        try:
            geo, _text = accept_grid_upload(check, name, int(year), store)
        except (StoreError, InputError, ValueError) as exc:
            common.show_error(exc)
        else:
            saved(t("up_grid_saved", lang) + md(geo.label(voice=common.voice())))
