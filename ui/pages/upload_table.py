"""Daten laden, "Indikatortabelle": template, check and report of a table, "Spalten zuordnen", the
catalogue form for new variables and inferred totals, then extend a saved dataset or save a new one."""

from __future__ import annotations

import streamlit as st

from geo.uploads.datastore import DataStore
from geo.uploads.growth import extend_dataset, extendable, preview_growth
from geo.uploads.pipeline import UploadContent, accept_upload, copy_provenance
from geo.uploads.table import UploadError, check_table, inferred_totals, recheck_table
from indicators.compute.disclosure import declare_parts
from indicators.errors import InputError, error_message, msg
from indicators.ingest.growth import growth_lines
from indicators.ingest.new_indicators import FormError, default_fields, indicator_from_form, source_from_form
from indicators.ingest.roles import ROLES, preview_frame
from indicators.text import md
from indicators.wording import display_columns, t
from store.errors import StoreError
from ui import common
from ui.pages.upload_common import saved, show_report


def table_upload(store: DataStore, lang: str) -> None:
    """The table mode: the geography, its template, the upload, "Spalten zuordnen", the report, then accept."""
    geos = common.geographies()
    voice = common.voice()  # bound now: the label function may be called after the run (e.g. by AppTest)
    target = st.selectbox(
        t("up_geography", lang), list(geos), format_func=lambda g: geos[g].label(voice=voice), key="up_t_geo"
    )
    _template_downloads(target, lang)
    up = st.file_uploader(t("up_csv_or_excel_long", lang), type=["csv", "txt", "xlsx"], key="up_table")
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
        show_report(check.report, lang)
        if check.ok:
            st.dataframe(
                display_columns(preview_frame(check.tidy, voice=common.voice()), lang), hide_index=True, width="stretch"
            )
            _accept_table(store, check, geos[target], lang)


def _column_roles(check, lang: str) -> tuple[dict, int]:
    """ "Spalten zuordnen": one column per role (area, name, year, variable, value) and columns to ignore."""
    cols = check.columns
    with st.expander(t("up_map_columns", lang), expanded=not check.ok or check.report.level != "ok"):
        st.caption(t("up_role_help", lang))
        mapping: dict = {}
        options = ["", *cols]
        for role in ROLES:
            cur = check.roles.get(role, "")
            mapping[role] = st.selectbox(
                t(f"up_role_{role}", lang),
                options,
                index=options.index(cur) if cur in options else 0,
                key=f"up_map_{role}",
                format_func=lambda c: c or t("up_role_none", lang),
            )
        mapping["ignore"] = st.multiselect(
            t("up_role_ignore", lang),
            cols,
            default=list(check.ignored),
            key="up_map_ignore",
            placeholder=t("up_role_none", lang),
            select_all=common.select_all(),
        )
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
            fields["kind"] = c.selectbox(
                t("up_kind", lang),
                kinds,
                key=f"up_kind_{var}",
                index=kinds.index(fields["kind"]),
                format_func=lambda k: t(f"kind_{k}", lang),
            )
            fields["direction"] = a.selectbox(
                t("up_need_direction", lang),
                ["neutral", "up", "down"],
                key=f"up_dir_{var}",
                format_func=lambda d: t(f"direction_{d}", lang),
            )
            if fields["kind"] == "rate":
                fields["numerator"] = b.text_input(t("up_numerator", lang), key=f"up_num_{var}")
                fields["denominator"] = c.text_input(t("up_denominator", lang), key=f"up_den_{var}")
            fields["reference_date"] = b.text_input(t("up_reference_date", lang), key=f"up_date_{var}")
            if fields["kind"] == "count":
                fields["parts"] = c.text_input(
                    t("up_parts", lang), key=f"up_parts_{var}", help=t("up_parts_help", lang)
                )
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
        keep = st.checkbox(
            md(t("dc_form_keep", lang, total=total, parts=" + ".join(parts))),
            value=True,
            key=f"up_sum_{total}_{'_'.join(parts)}",
        )
        if not keep:
            off[total] = ()
    variables = set(check.tidy["variable"]) | set(check.catalogue)
    return declare_parts(indicators, check.catalogue, off, variables) if off else indicators


def _accept_table(store: DataStore, check, base, lang: str) -> None:
    """Extend the chosen saved dataset (default) or save a new one under the label the planner types."""
    indicators, sources, problems = _catalogue_form(check, lang)
    indicators = _inferred_totals_form(check, indicators, lang)
    extend = _extend_chosen(store, base, lang)
    label = ""
    if not extend:
        label = _new_label(store, base, lang)
        if not label:
            problems = [*problems, t("gr_label_missing", lang)]
    if extend and not problems:
        problems = _growth_preview(store, check, base, indicators, lang)
    for p in problems:
        common.show_error(p, "warning")
    if st.button(t("up_accept_and_save", lang), key="up_t_ok", disabled=bool(problems)):
        _save_table(store, check, base, extend=extend, label=label, indicators=indicators, sources=sources, lang=lang)


def _extend_chosen(store: DataStore, base, lang: str) -> bool:
    """Whether the planner extends ``base`` (possible for a saved dataset of theirs) or saves a new one."""
    extend = False
    if extendable(store, base):
        modes = {
            "extend": t("gr_mode_extend", lang, label=base.label(voice=common.voice())),
            "new": t("gr_mode_new", lang),
        }
        extend = (
            st.radio(t("gr_mode", lang), list(modes), format_func=modes.get, key="up_t_mode", horizontal=True)
            == "extend"
        )
    else:
        st.caption(md(t("gr_shipped_note", lang, label=base.label(voice=common.voice()))))
    return extend


def _new_label(store: DataStore, base, lang: str) -> str:
    """The label of the new dataset as typed ("" if none); a copy of another user's data says so."""
    provenance = copy_provenance(store, base.id)
    if provenance:  # another user's dataset: only its published values are taken over
        st.info(
            md(
                t(
                    "dc_copy_note",
                    lang,
                    name=base.label(voice=common.voice()),
                    owner=provenance["based_on_owner"] or "–",
                )
            )
        )
    label = st.text_input(t("up_dataset_label", lang), key="up_t_label").strip()
    return label


def _growth_preview(store: DataStore, check, base, indicators: list, lang: str) -> list:
    """What the extension adds, as a list (no problems), or the reason it cannot be made."""
    try:
        growth = preview_growth(base, check.tidy, indicators, store=store)
    except InputError as exc:
        return [error_message(exc)]
    st.markdown(
        t("gr_preview", lang)
        + "\n"
        + "\n".join(
            f"- {md(line)}"
            for line in growth_lines(
                growth, {i.id: i.label(voice=common.voice()) for i in indicators}, voice=common.voice()
            )
        )
    )
    return []


def _save_table(
    store: DataStore, check, base, *, extend: bool, label: str, indicators: list, sources: list, lang: str
) -> None:
    """Extend ``base`` or save the table as a new dataset under ``label``; the message on the next run."""
    try:
        if extend:
            geo, growth = extend_dataset(
                store, base, check.tidy, indicators=indicators, sources=sources, reports=[check.report]
            )
            lines = growth_lines(
                growth, {i.id: i.label(voice=common.voice()) for i in indicators}, voice=common.voice()
            )
            message = t("gr_extended", lang, label=md(geo.label(voice=common.voice()))) + " ".join(
                f"{md(x)}." for x in lines
            )
        else:
            content = UploadContent(
                tidy=check.tidy, base_geography=base, indicators=indicators, sources=sources, reports=[check.report]
            )
            geo = accept_upload(store, label, label, content)
            message = t("up_saved", lang) + md(geo.label(voice=common.voice()))
    except (StoreError, UploadError, ValueError) as exc:
        common.show_error(exc)
    else:
        saved(message)


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
    c2.download_button(
        t("up_template_xlsx", lang),
        xlsx,
        f"vorlage_{geo_id}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="up_tpl_xlsx",
    )
