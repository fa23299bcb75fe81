"""Daten laden: upload boundaries and indicator tables, see the report, accept, persist."""
from __future__ import annotations

import streamlit as st

from geo.grid.upload import accept_grid_upload, check_grid_upload
from geo.uploads.boundary import boundary_areas, check_boundaries
from geo.uploads.growth import extend_dataset, extendable, preview_growth
from geo.uploads.pipeline import accept_upload, copy_provenance, withdraw_copy
from geo.uploads.store import DataStore, StoreError
from geo.uploads.table import UploadError, check_table, inferred_totals, recheck_table
from indicators.compute.disclosure import declare_parts
from indicators.errors import InputError, error_message, msg
from indicators.ingest.growth import growth_lines
from indicators.ingest.new_indicators import FormError, default_fields, indicator_from_form, source_from_form
from indicators.ingest.roles import ROLES, preview_frame
from indicators.limits import max_upload_bytes
from indicators.text import md
from indicators.wording import display_columns, t
from store.permissions import allowed
from ui import common


def _saved(message: str) -> None:
    """Reload so every list shows the new dataset, and say so on the next run."""
    _changed(message)


def _checked_boundaries(data: bytes, name: str, lang: str):
    """The check of an uploaded boundary file; the parse is cached by its content
    (:mod:`geo.uploads.check_cache`), so reruns while the file sits in the uploader do not read it again."""
    with st.spinner(t("up_checking_file", lang)):
        return check_boundaries(data, name)


def _report(report, lang: str) -> None:
    """The summary (green, amber when rows or values were dropped, red when unusable), errors first."""
    box = {"ok": st.success, "warning": st.warning}.get(report.level, st.error)
    box(md(report.summary(lang)))
    if report.findings:
        st.dataframe(display_columns(report.to_frame(lang), lang), hide_index=True, width="stretch")


def _column_roles(check, lang: str) -> tuple[dict, int]:
    """"Spalten zuordnen": one column per role (area, name, year, variable, value) and columns to ignore."""
    cols = check.columns
    with st.expander(t("up_map_columns", lang), expanded=not check.ok or check.report.level != "ok"):
        st.caption(t("up_role_help", lang))
        mapping: dict = {}
        options = ["", *cols]
        for role in ROLES:
            cur = check.roles.get(role, "")
            mapping[role] = st.selectbox(t(f"up_role_{role}", lang), options,
                                         index=options.index(cur) if cur in options else 0, key=f"up_map_{role}",
                                         format_func=lambda c: c or t("up_role_none", lang))
        mapping["ignore"] = st.multiselect(t("up_role_ignore", lang), cols, default=list(check.ignored),
                                           key="up_map_ignore", placeholder=t("up_role_none", lang))
        year = st.number_input(t("up_year_if_no_year", lang), 1990, 2100, 2024, key="up_year")
    return mapping, int(year)


def _catalogue_form(check, lang: str) -> tuple[list, list, list]:
    """Source and one small form per new variable; returns indicators, sources, problems."""
    st.markdown(t("up_source_of_the_data", lang))
    c1, c2 = st.columns(2)
    src_label = c1.text_input(t("up_source_required", lang), key="up_src")
    licence = c2.text_input(t("licence", lang), key="up_lic")
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
        with st.expander(f"{t('up_new_variable', lang)}: {md(var)}", expanded=True):
            st.caption(t(fields["guess"], lang))
            a, b, c = st.columns(3)
            fields["label_de"] = a.text_input(t("up_label", lang), fields["label_de"], key=f"up_lab_{var}")
            fields["unit"] = b.text_input(t("unit", lang), fields["unit"], key=f"up_unit_{var}")
            kinds = ["count", "value", "rate"]
            fields["kind"] = c.selectbox(t("up_kind", lang), kinds, key=f"up_kind_{var}",
                                         index=kinds.index(fields["kind"]),
                                         format_func=lambda k: t(f"kind_{k}", lang))
            fields["direction"] = a.selectbox(t("up_need_direction", lang), ["neutral", "up", "down"],
                                              key=f"up_dir_{var}", format_func=lambda d: t(f"direction_{d}", lang))
            if fields["kind"] == "rate":
                fields["numerator"] = b.text_input(t("up_numerator", lang), key=f"up_num_{var}")
                fields["denominator"] = c.text_input(t("up_denominator", lang), key=f"up_den_{var}")
            fields["reference_date"] = b.text_input(t("up_reference_date", lang), key=f"up_date_{var}")
            if fields["kind"] == "count":
                fields["parts"] = c.text_input(t("up_parts", lang), key=f"up_parts_{var}", help=t("up_parts_help", lang))
        try:
            indicators.append(indicator_from_form(fields, variables, src.id if src else ""))
        except FormError as exc:
            problems += [msg("err_form_var_problem", var=var, problem=p) for p in exc.problems]
    return indicators, sources, problems


def _inferred_totals_form(check, indicators: list, lang: str) -> list:
    """A box per total the table shows (a sum of other columns in every area): ticked, secondary
    suppression treats it as that sum; unticked, the planner says it is none."""
    found = inferred_totals(check.tidy, check.catalogue)
    if not found:
        return indicators
    st.markdown(t("dc_form_title", lang))
    off: dict[str, tuple[str, ...]] = {}
    for total, parts in found:
        keep = st.checkbox(md(t("dc_form_keep", lang, total=total, parts=" + ".join(parts))), value=True,
                           key=f"up_sum_{total}_{'_'.join(parts)}")
        if not keep:
            off[total] = ()
    variables = set(check.tidy["variable"]) | set(check.catalogue)
    return declare_parts(indicators, check.catalogue, off, variables) if off else indicators


def _accept_table(store, check, base, filename: str, lang: str) -> None:  # noqa: ARG001, C901 (unused, kept for the callers, issue #25; to split, issue #25)
    """Extend the chosen saved dataset (default) or save a new one under the label the planner types."""
    indicators, sources, problems = _catalogue_form(check, lang)
    indicators = _inferred_totals_form(check, indicators, lang)
    extend = False
    if extendable(store, base):
        modes = {"extend": t("gr_mode_extend", lang, label=base.label(lang)), "new": t("gr_mode_new", lang)}
        extend = st.radio(t("gr_mode", lang), list(modes), format_func=modes.get, key="up_t_mode",
                          horizontal=True) == "extend"
    else:
        st.caption(md(t("gr_shipped_note", lang, label=base.label(lang))))
    label = ""
    if not extend:
        provenance = copy_provenance(store, base.id)
        if provenance:  # another user's dataset: only its published values are taken over
            st.info(md(t("dc_copy_note", lang, name=base.label(lang), owner=provenance["based_on_owner"] or "–")))
        label = st.text_input(t("up_dataset_label", lang), key="up_t_label").strip()
        if not label:
            problems = [*problems, t("gr_label_missing", lang)]
    if extend and not problems:
        try:
            growth = preview_growth(base, check.tidy, indicators, store=store)
        except InputError as exc:
            problems = [error_message(exc)]
        else:
            st.markdown(t("gr_preview", lang) + "\n" + "\n".join(
                f"- {md(line)}" for line in growth_lines(growth, lang, {i.id: i.label(lang) for i in indicators})))
    for p in problems:
        common.show_error(p, "warning")
    if st.button(t("up_accept_and_save", lang), key="up_t_ok", disabled=bool(problems)):
        try:
            if extend:
                geo, growth = extend_dataset(store, base, check.tidy, indicators=indicators, sources=sources,
                                             reports=[check.report])
                lines = growth_lines(growth, lang, {i.id: i.label(lang) for i in indicators})
                message = t("gr_extended", lang, label=md(geo.label(lang))) + " ".join(f"{md(x)}." for x in lines)
            else:
                geo = accept_upload(store, label, label, tidy=check.tidy, base_geography=base,
                                    indicators=indicators, sources=sources, reports=[check.report])
                message = t("up_saved", lang) + md(geo.label(lang))
        except (StoreError, UploadError, ValueError) as exc:
            common.show_error(exc)
        else:
            _saved(message)


def render() -> None:  # noqa: C901 (to split, issue #25)
    lang = common.lang()
    store: DataStore = common.store()
    if not allowed(store.user, "upload"):
        st.subheader(t("up_load_your_own_data", lang))
        st.info(t("no_upload_right", lang))
        _saved_list(store, lang)
        return
    st.subheader(t("up_load_your_own_data", lang))
    st.caption(t("up_checked_max_size", lang, mb=max_upload_bytes() // 2**20))
    if "upload_message" in st.session_state:
        st.success(st.session_state.pop("upload_message"))
    geos = common.geographies()
    # a radio, not st.tabs: the choice must survive the reruns an upload causes
    modes = {"bound": t("up_boundaries", lang),
             "table": t("up_indicator_table", lang),
             "grid": t("up_grid", lang),
             "saved": t("up_saved_data", lang)}
    mode = st.radio(t("up_what_do_you_want", lang), list(modes),
                    format_func=modes.get, horizontal=True, key="up_mode")
    if mode == "bound":
        up = st.file_uploader(t("up_geopackage_geojson_or_zip", lang),
                              type=["gpkg", "geojson", "json", "zip"], key="up_bound")
        if up is not None:
            check = _checked_boundaries(up.getvalue(), up.name, lang)
            if not check.ok:
                _report(check.report, lang)
            else:
                cols = check.columns
                key = st.selectbox(t("up_key_column", lang), cols,
                                   index=cols.index(check.key_column) if check.key_column in cols else 0)
                others = [c for c in cols if c != key] or cols  # the name defaults to a text column, not the key
                name_default = check.name_column if check.name_column in cols else others[0]
                name = st.selectbox(t("up_name_column", lang), cols, index=cols.index(name_default))
                result = boundary_areas(check, key, name)
                _report(result.report, lang)
                label = st.text_input(t("up_label", lang), up.name.rsplit(".", 1)[0], key="up_b_label")
                if result.ok and st.button(t("up_accept_and_save", lang), key="up_b_ok"):
                    try:
                        geo = accept_upload(store, label, label, areas=result.areas, reports=[result.report])
                    except (StoreError, UploadError, ValueError) as exc:
                        common.show_error(exc)
                    else:
                        _saved(t("up_saved_as_geography", lang) + md(geo.label(lang)))
    elif mode == "table":
        target = st.selectbox(t("up_geography", lang), list(geos),
                              format_func=lambda g: geos[g].label(lang), key="up_t_geo")
        _template_downloads(target, lang)
        up = st.file_uploader(t("up_csv_or_excel_long", lang),
                              type=["csv", "txt", "xlsx"], key="up_table")
        if up is not None:
            try:
                with st.spinner(t("up_checking_file", lang)):
                    check = check_table(up.getvalue(), up.name, geos[target], store=store)
            except UploadError as exc:
                common.show_error(exc)
                return
            mapping, year = _column_roles(check, lang)
            if mapping != {**{r: check.roles.get(r, "") for r in ROLES}, "ignore": list(check.ignored)}:
                check = recheck_table(check, {k: v for k, v in mapping.items() if v}, int(year))
            _report(check.report, lang)
            if check.ok:
                st.dataframe(display_columns(preview_frame(check.tidy, lang), lang), hide_index=True,
                             width="stretch")
                _accept_table(store, check, geos[target], up.name, lang)
    elif mode == "grid":
        _grid_upload(store, lang)
    else:
        _saved_list(store, lang)


@st.cache_data(show_spinner="Datei wird geprüft …", max_entries=4, ttl=3600)
def _checked_grid(files: tuple[tuple[str, bytes], ...]):
    """The check of uploaded grid files, cached by their content (reruns do not read them again)."""
    return check_grid_upload(list(files))


def _grid_upload(store: DataStore, lang: str) -> None:
    """Zensus grid CSVs: the checks of ``cli.py grid import``, its report, then save as a geography."""
    ups = st.file_uploader(t("up_grid_files", lang), type=["csv", "txt"], accept_multiple_files=True,
                           key="up_grid")
    if not ups:
        return
    check = _checked_grid(tuple((u.name, u.getvalue()) for u in ups))
    for err in check.errors:
        common.show_error(err)
    for report in check.reports:
        _report(report, lang)
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
            _saved(t("up_grid_saved", lang) + md(geo.label(lang)))


@st.cache_data(show_spinner=False, max_entries=8)
def _template(geo_id: str, cache_key: tuple) -> tuple[bytes, bytes]:  # noqa: ARG001 (keys the Streamlit cache)
    from geo.uploads.template import template_csv, template_frame, template_xlsx

    geo = common.geographies()[geo_id]
    years = common.dataset(geo_id).years
    frame = template_frame(geo, int(years[-1]) if years else 2024)
    return template_csv(frame), template_xlsx(frame)


def _template_downloads(geo_id: str, lang: str) -> None:
    """The upload template (CSV and XLSX) for the chosen geography."""
    csv, xlsx = _template(geo_id, common.geographies()[geo_id].cache_key())
    st.caption(t("up_template_hint", lang))
    c1, c2 = st.columns(2)
    c1.download_button(t("up_template_csv", lang), csv, f"vorlage_{geo_id}.csv", "text/csv", key="up_tpl_csv")
    c2.download_button(t("up_template_xlsx", lang), xlsx, f"vorlage_{geo_id}.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="up_tpl_xlsx")


def _changed(message: str = "") -> None:
    """Reload so every list shows the change (and ``message`` on the next run)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    if message:
        st.session_state["upload_message"] = message
    st.rerun()


def _saved_list(store: DataStore, lang: str) -> None:  # noqa: C901 (to split, issue #25)
    """Saved datasets the user may read; remove (with confirmation), publish and the trash by role."""
    saved = store.list()
    if not saved:
        st.write(t("up_no_saved_data_yet", lang))
    by_name = {d.name: d for d in saved}
    for item in saved:
        c1, c2, c3 = st.columns([4, 1, 1])
        vis = t("visibility_public" if item.public else "visibility_internal", lang)
        c1.markdown(f"**{md(item.label)}** ({md(item.name)}) · {vis} · {md(item.owner or '–')}")
        owner_id = item.record.owner_id if item.record else None
        if allowed(store.user, "publish") and c3.button(
                t("unpublish_button" if item.public else "publish_button", lang), key=f"pub_{item.name}"):
            _try(lambda it=item: store.publish(it.name, not it.public))
        source = by_name.get(str((item.meta or {}).get("based_on") or ""))
        if source is not None and source.record and store.user.id is not None \
                and source.record.owner_id == store.user.id and owner_id != store.user.id:
            # a colleague's copy of the user's dataset (its published values): the owner may withdraw it
            if c2.button(t("dc_withdraw_button", lang), key=f"wd_{item.name}", help=t("dc_withdraw_help", lang)):
                try:
                    withdraw_copy(store, item.name)
                except (StoreError, UploadError) as exc:
                    common.show_error(exc)
                else:
                    _saved(t("dc_withdrawn", lang, name=item.name, source=source.name))
            continue
        if not allowed(store.user, "remove", owner_id):
            continue
        if st.session_state.get("rm_confirm") == item.name:
            st.warning(t("remove_confirm", lang))
            y, n = st.columns(2)
            if y.button(t("remove_yes", lang), key=f"rm_yes_{item.name}"):
                st.session_state.pop("rm_confirm", None)
                _try(lambda it=item: store.remove(it.name))
            if n.button(t("remove_no", lang), key=f"rm_no_{item.name}"):
                st.session_state.pop("rm_confirm", None)
                st.rerun()
        elif c2.button(t("remove_button", lang), key=f"rm_{item.name}"):
            st.session_state["rm_confirm"] = item.name
            st.rerun()
    if allowed(store.user, "restore"):
        st.markdown(f"**{t('trash_title', lang)}**")
        trashed = store.trash()
        if not trashed:
            st.caption(t("trash_empty", lang))
        for item in trashed:
            c1, c2 = st.columns([4, 1])
            when = item.record.removed_at.strftime("%d.%m.%Y %H:%M") if item.record and item.record.removed_at else ""
            c1.markdown(f"**{md(item.label)}** ({md(item.name)}) · {when}")
            if c2.button(t("restore_button", lang), key=f"restore_{item.name}"):
                _try(lambda it=item: store.restore(it.name))


def _try(action) -> None:
    try:
        action()
    except StoreError as exc:
        common.show_error(exc)
    else:
        _changed()
