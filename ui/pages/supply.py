"""Versorgung: where facilities are, who reaches them (2SFCA), and where one more would help most.

Widgets only: reach is :mod:`geo.spatial.reach`, siting :mod:`geo.spatial.siting`, the map
:mod:`geo.webmap.supply_map`, the tables :mod:`geo.exports.supply` (the CLI's ``reach`` and
``site`` call the same functions).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from geo.exports.supply import reach_export, reach_headers, reach_table, sites_export
from geo.formats import ExportFormat, formats_for
from geo.spatial.facility_kinds import KINDS, ROOT, source_line
from geo.webmap.supply_map import supply_map
from indicators.errors import InputError
from indicators.formatting import fmt_number
from indicators.wording import display_columns, t
from indicators.wording.voice import Voice
from ui import common, downloads
from ui.map_view import show_map
from ui.pages.query_tools import _saved_upload

UPLOAD = "upload"
POINT_TYPES = ["csv", "txt", "xlsx", "geojson", "json", "gpkg"]
CHILDMINDERS = ROOT / "data" / "kindertagespflege_luebeck.csv"


def _digest(up) -> str:
    return hashlib.sha256(up.getvalue()).hexdigest()[:16] if up is not None else ""


def _reach(ds, opts: dict):
    """The reach result and street network for the page's options (:func:`_controls`), computed once per
    input (shared through :func:`ui.common.derived`)."""
    kind, fac_up, capacity, net_up = opts["kind"], opts["fac_up"], opts["capacity"], opts["net_up"]
    dem_up, weight = opts["dem_up"], opts["weight"]
    variable, year, distance, decay = opts["variable"], opts["year"], opts["distance"], opts["decay"]
    from geo.spatial.network import StreetNetwork
    from geo.spatial.reach import compute_reach
    from geo.spatial.reach_points import demand_from_points, demand_from_variable, load_supply

    def make():
        if variable == UPLOAD:
            with _saved_upload(dem_up, Path(dem_up.name).suffix) as path:
                if path is None:
                    raise InputError(t("sup_upload_too_large", common.lang()))
                demand = demand_from_points(path=path, weight=weight or "", areas=ds.areas, name=dem_up.name)
        else:
            demand = demand_from_variable(ds=ds, variable=variable, year=year)
        if kind == UPLOAD:
            with _saved_upload(fac_up, Path(fac_up.name).suffix) as path:
                if path is None:
                    raise InputError(t("sup_upload_too_large", common.lang()))
                supply = load_supply(facilities=path, capacity=capacity, areas=ds.areas, name=fac_up.name)
        else:
            supply = load_supply(facilities=kind, areas=ds.areas)
        network = None
        if net_up is not None:
            with _saved_upload(net_up, Path(net_up.name).suffix) as path:
                if path is None:
                    raise InputError(t("sup_upload_too_large", common.lang()))
                network = StreetNetwork.from_file(path, net_up.name)
        return compute_reach(demand=demand, supply=supply, max_distance=distance, decay=decay, network=network), network

    key = (
        "supply_reach",
        kind,
        _digest(fac_up),
        capacity,
        variable,
        _digest(dem_up),
        weight,
        year,
        distance,
        decay,
        _digest(net_up),
    )
    return common.derived(ds, key, make, keep=4)


def _controls(ds, lang: str) -> dict:
    kinds = [*KINDS, UPLOAD]
    c1, c2, c3, c4, c5 = st.columns([1.2, 1.6, 0.8, 0.9, 0.9])
    kind = c1.selectbox(
        t("sup_facilities", lang),
        kinds,
        key="sup_kind",
        format_func=lambda k: t("sup_own_file", lang) if k == UPLOAD else t(KINDS[k].label_key, lang),
    )
    counts = [i for i, ind in ds.catalogue.items() if ind.kind == "count" and i.startswith("pop")]
    voice = common.voice()  # bound now: a format_func may run after the page
    variable = c2.selectbox(
        t("sup_demand", lang),
        [*counts, UPLOAD],
        key="sup_demand",
        index=counts.index("pop_under18") if "pop_under18" in counts else 0,
        format_func=lambda i: t("sup_own_demand", lang) if i == UPLOAD else ds.catalogue[i].label(voice=voice),
    )
    years = (ds.years if variable == UPLOAD else ds.years_for(variable))[::-1]
    year = c3.selectbox(t("year", lang), years, key="sup_year")
    distance = c4.number_input(t("sup_distance", lang), 100, 10_000, 500, 50, key="sup_distance")
    decay = c5.selectbox(
        t("sup_decay", lang), ["none", "gaussian"], key="sup_decay", format_func=lambda d: t(f"sup_decay_{d}", lang)
    )
    fac_up, capacity = None, None
    if kind == UPLOAD:
        u1, u2 = st.columns([2, 1])
        fac_up = u1.file_uploader(t("sup_upload_facilities", lang), type=POINT_TYPES, key="sup_fac_up")
        capacity = u2.text_input(t("sup_capacity", lang), key="sup_capacity").strip() or None
    dem_up, weight = None, None
    if variable == UPLOAD:
        d1, d2 = st.columns([2, 1])
        dem_up = d1.file_uploader(t("sup_upload_demand", lang), type=POINT_TYPES, key="sup_dem_up")
        weight = d2.text_input(t("sup_weight", lang), key="sup_weight").strip() or None
    with st.expander(t("sup_network_title", lang)):
        net_up = st.file_uploader(t("sup_network_upload", lang), type=["gpkg"], key="sup_net_up")
    return {
        "kind": kind,
        "fac_up": fac_up,
        "capacity": capacity,
        "variable": variable,
        "year": int(year),
        "distance": float(distance),
        "decay": decay,
        "net_up": net_up,
        "dem_up": dem_up,
        "weight": weight,
    }


def _demand_source(ds, result, opts: dict) -> str:
    """Source of the demand: the variable's attribution, or the uploaded file."""
    return (
        result.demand.label_in(voice=common.voice()) if opts["variable"] == UPLOAD else ds.attribution(opts["variable"])
    )


def _meta(ds, result, opts: dict, lang: str) -> list[tuple[str, str]]:
    return [
        (t("sup_method_label", lang), result.method_in(voice=common.voice())),
        (t("sup_distance", lang), f"{opts['distance']:g} m"),
        (t("sup_decay", lang), t(f"sup_decay_{opts['decay']}", lang)),
        (t("sup_demand", lang), result.demand.label_in(voice=common.voice())),
        (t("sup_facilities", lang), result.supply.label_in(voice=common.voice())),
        (t("year", lang), str(opts["year"])),
        (t("ex_geography", lang), ds.geography.label(voice=common.voice())),
    ]


def _facility_frame(result) -> pd.DataFrame:
    s = result.supply
    return pd.DataFrame({"x": s.xy[:, 0], "y": s.xy[:, 1], "name": s.names if s.names is not None else s.ids})


def _render_reach(ds, result, opts: dict, lang: str) -> None:
    method = result.method_in(voice=common.voice())
    st.info(t("sup_method_line", lang, method=method, distance=fmt_number(opts["distance"], 0, lang)))
    gap = result.uncovered_share * 100
    c1, c2 = st.columns(2)
    c1.metric(t("sup_gap", lang), common.voice().percent(gap, 1))
    c2.metric(t("sup_n_facilities", lang), fmt_number(len(result.supply), 0, lang))
    areas = result.area_frame(ds.areas)
    attribution = f"{result.supply.label_in(voice=common.voice())}; {_demand_source(ds, result, opts)}; {method}"
    level = st.radio(
        t("sup_map_level", lang),
        ["areas", "grid"],
        key="sup_level",
        horizontal=True,
        format_func=lambda v: t(f"sup_map_{v}", lang),
    )
    if level == "grid":
        cells = result.grid_frame()
        shapes = cells.assign(code=[str(i) for i in range(len(cells))], name="")[["code", "name", "geometry"]]
        values = pd.DataFrame(
            {"code": shapes["code"], "value": cells["uncovered_share"].to_numpy() * 100, "withheld": False}
        )
    else:
        shapes = ds.areas
        values = pd.DataFrame(
            {"code": areas["code"], "value": areas["uncovered_share"] * 100, "withheld": areas["withheld"]}
        )
    m = supply_map(
        areas=shapes,
        area_values=values,
        label=t("sup_gap_map", lang, distance=f"{opts['distance']:g}"),
        facilities=_facility_frame(result),
        attribution=attribution,
        voice=Voice.of(lang),
        tiles=common.tiles(),
    )
    show_map(m, key=f"sup_map_{ds.geography.id}_{level}", height=460)
    st.markdown("**" + t("sup_table_title", lang, distance=f"{opts['distance']:g}") + "**")
    table = reach_table(areas, voice=Voice.of(lang)).sort_values(
        "uncovered_demand", ascending=False, na_position="last"
    )
    shown = table.copy()
    for col, dec in (("demand", 0), ("access_1000", 3), ("uncovered_demand", 0), ("uncovered_pct", 1)):
        shown[col] = [fmt_number(v, dec, lang) if pd.notna(v) else t("suppressed", lang) for v in shown[col]]
    st.dataframe(display_columns(shown, lang, reach_headers(voice=Voice.of(lang))), hide_index=True, width="stretch")
    st.caption(t("sup_reach_note", lang))
    downloads.table_downloads(
        lambda: reach_export(areas, meta=_meta(ds, result, opts, lang), source=attribution, voice=Voice.of(lang)),
        "versorgung_erreichbarkeit",
        lang,
        t("dl_result", lang),
    )
    _print_buttons(ds, result, opts, None, "versorgung_karte", lang)


def _print_buttons(ds, result, opts: dict, sites, base: str, lang: str) -> None:
    """Print map (PNG, PDF) with the facilities, their source and date, and the chosen sites."""

    def make(fmt: ExportFormat) -> Callable[[], bytes]:
        def render() -> bytes:
            from geo.printmap.render import PrintOptions

            variable = None if opts["variable"] == UPLOAD else opts["variable"]
            return fmt.write(
                "supply_map",
                ds=ds,
                result=result,
                variable=variable,
                sites=sites,
                options=PrintOptions(voice=Voice.of(lang)),
            )

        return render

    st.markdown(f"**{t('sup_print_map', lang)}**")
    downloads.format_buttons(formats_for("supply_map"), make, base, lang)


def _render_kita_extras(lang: str) -> None:
    if not CHILDMINDERS.exists():
        return
    with st.expander(t("sup_childminders_title", lang)):
        tpp = pd.read_csv(CHILDMINDERS, dtype={"area_code": str}, keep_default_na=False)
        st.dataframe(
            tpp.rename(
                columns={
                    "district_source": t("sup_col_district", lang),
                    "area_code": t("sup_col_code", lang),
                    "records": t("sup_col_records", lang),
                }
            ),
            hide_index=True,
        )
        st.caption(t("sup_childminders_note", lang) + " " + source_line("kitas"))


def _render_siting(ds, result, network, opts: dict, lang: str) -> None:
    from geo.spatial.siting import choose_sites
    from geo.spatial.siting_candidates import candidates_from

    st.subheader(t("sup_site_title", lang))
    c1, c2, c3 = st.columns([1.4, 0.6, 1.2])
    source = c1.selectbox(
        t("sup_candidates", lang),
        ["grid", "addresses", UPLOAD],
        key="sup_cand",
        format_func=lambda s: t(f"sup_cand_{s}", lang),
    )
    k = int(c2.number_input(t("sup_k", lang), 1, 20, 2, 1, key="sup_k"))
    objective = c3.radio(
        t("sup_objective", lang),
        ["coverage", "pmedian"],
        key="sup_objective",
        horizontal=True,
        format_func=lambda o: t(f"sup_objective_{o}", lang),
    )
    cand_up = (
        st.file_uploader(t("sup_upload_candidates", lang), type=POINT_TYPES, key="sup_cand_up")
        if source == UPLOAD
        else None
    )
    key = ("supply_site", id(result), source, _digest(cand_up), k, objective)
    if st.button(t("sup_site_button", lang), key="sup_site_go", type="primary"):
        try:
            with st.spinner(t("sup_site_running", lang)):
                if cand_up is not None:
                    with _saved_upload(cand_up, Path(cand_up.name).suffix) as path:
                        cands = candidates_from(source=path, areas=ds.areas, name=cand_up.name) if path else None
                else:
                    cands = None if source == UPLOAD else candidates_from(source=source, areas=ds.areas)
                if cands is not None:
                    st.session_state["sup_site_result"] = (
                        key,
                        choose_sites(
                            demand=result.demand,
                            existing=result.supply,
                            candidates=cands,
                            k=k,
                            max_distance=opts["distance"],
                            objective=objective,
                            network=network,
                        ),
                    )
        except InputError as exc:
            common.show_error(exc)
    stored = st.session_state.get("sup_site_result")
    if not stored or stored[0] != key:
        st.caption(t("sup_site_hint", lang))
        return
    site = stored[1]
    before, after = site.covered_shares()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("sup_covered_before", lang), common.voice().percent(before, 1))
    c2.metric(
        t("sup_covered_after", lang),
        common.voice().percent(after, 1),
        f"+{fmt_number(site.covered_after - site.covered_before, 0, lang)}",
    )
    c3.metric(t("sup_chosen", lang), fmt_number(len(site.chosen), 0, lang))
    st.warning(t("caveat_model", lang))
    if site.note:
        st.caption(site.note_in(voice=common.voice()))
    chosen = site.chosen_frame()
    after = site.area_frame(ds.areas)
    values = site.gap_after(ds.areas)
    supply, method = result.supply.label_in(voice=common.voice()), site.method_in(voice=common.voice())
    attribution = f"{supply}; {_demand_source(ds, result, opts)}; {method}"
    m = supply_map(
        areas=ds.areas,
        area_values=values,
        label=t("sup_gap_after_map", lang),
        facilities=_facility_frame(result),
        sites=chosen,
        attribution=attribution,
        voice=Voice.of(lang),
        tiles=common.tiles(),
    )
    show_map(m, key=f"sup_site_map_{ds.geography.id}", height=460)
    shown = chosen.assign(
        newly_covered=[fmt_number(v, 0, lang) for v in chosen["newly_covered"]],
        x=chosen["x"].round(0),
        y=chosen["y"].round(0),
    )
    st.dataframe(display_columns(shown, lang, reach_headers(voice=Voice.of(lang))), hide_index=True, width="stretch")
    st.dataframe(
        display_columns(after.drop(columns="withheld"), lang, reach_headers(voice=Voice.of(lang))),
        hide_index=True,
        width="stretch",
    )
    meta = [
        *_meta(ds, result, opts, lang),
        (t("sup_objective", lang), t(f"sup_objective_{site.objective}", lang)),
        (t("sup_candidates", lang), site.candidates.label_in(voice=common.voice())),
    ]
    downloads.table_downloads(
        lambda: sites_export(after, chosen, meta=meta, source=attribution, voice=Voice.of(lang)),
        "versorgung_standorte",
        lang,
        t("dl_result", lang),
    )
    _print_buttons(ds, result, opts, chosen, "versorgung_standorte_karte", lang)


def render() -> None:
    lang = common.lang()
    ds = common.dataset("stadtteile")
    st.title(t("page_supply", lang))
    st.caption(t("sup_intro", lang))
    opts = _controls(ds, lang)
    if (opts["kind"] == UPLOAD and opts["fac_up"] is None) or (
        opts["variable"] == UPLOAD and (opts["dem_up"] is None or not opts["weight"])
    ):
        st.caption(t("sup_upload_hint", lang))
        return
    try:
        with st.spinner(t("sup_running", lang)):
            result, network = _reach(ds, opts)
    except InputError as exc:
        common.show_error(exc)
        return
    if opts["kind"] in KINDS:
        st.caption(t("sup_layer_source", lang, source=source_line(opts["kind"])))
    _render_reach(ds, result, opts, lang)
    if opts["kind"] == "kitas":
        _render_kita_extras(lang)
    _render_siting(ds, result, network, opts, lang)
    common.source_footer(ds, None if opts["variable"] == UPLOAD else opts["variable"])
