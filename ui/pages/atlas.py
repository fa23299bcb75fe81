"""The atlas view: choropleth, flags, ranking, profile and time series."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.join import indicator_layer, join_values
from geo.webmap.folium_map import build_map
from geo.webmap.geometry import area_at
from indicators.compute.classify import (
    DIVERGING_PALETTES,
    SCHEME_NAMES,
    SCHEMES,
    SEQUENTIAL_PALETTES,
    layer_classification,
)
from indicators.compute.flags import default_threshold, threshold_flags
from indicators.compute.profile import area_profile
from indicators.compute.ranking import ranking_table
from indicators.compute.smoothing import eb_rates
from indicators.compute.timeseries import change_between, series
from indicators.formatting import fmt_change, fmt_value
from ui import common, downloads
from ui.i18n import t


def _controls(ds, lang: str) -> dict:
    """Sidebar widgets; state is initialised from and written back to the URL."""
    cat = ds.catalogue
    ids = [i for i in cat if ds.years_for(i)]
    common.init_state("indicator", ids[0] if "share_65plus" not in ids else "share_65plus", str, set(ids))
    sb = st.sidebar
    ind_id = sb.selectbox(t("indicator", lang), ids, key="indicator",
                          format_func=lambda i: f"{cat[i].label(lang)} ({cat[i].unit_for(lang)})")
    years = ds.years_for(ind_id)
    common.init_state("year", years[-1], int)
    if st.session_state["year"] not in years:
        st.session_state["year"] = years[-1]
    year = sb.select_slider(t("year", lang), years, key="year") if len(years) > 1 else years[0]
    common.init_state("view", "level", str, {"level", "change"})
    view = sb.radio(t("view", lang), ["level", "change"], key="view", horizontal=True,
                    format_func=lambda v: t("view_level" if v == "level" else "view_change", lang))
    start = None
    relative = False
    if view == "change":
        earlier = [y for y in years if y < year] or years[:1]
        common.init_state("start", earlier[0], int)
        if st.session_state["start"] not in earlier:
            st.session_state["start"] = earlier[0]
        start = sb.selectbox(t("start_year", lang), earlier, key="start")
        relative = sb.radio(t("change_mode", lang), [False, True], horizontal=False,
                            format_func=lambda r: t("rel_change" if r else "abs_change", lang)) is True
    common.init_state("scheme", "quantiles", str, set(SCHEMES))
    scheme = sb.selectbox(t("scheme", lang), SCHEMES, key="scheme",
                          format_func=lambda s: SCHEME_NAMES[lang][s])
    common.init_state("k", 5, int, set(range(2, 10)))
    k = sb.slider(t("classes", lang), 2, 9, key="k")
    breaks = None
    if scheme == "manual":
        text = sb.text_input(t("breaks", lang), "")
        breaks = [float(x.replace(",", ".")) for x in text.replace(" ", "").split(";") if x] or None
    palettes = list(SEQUENTIAL_PALETTES) + list(DIVERGING_PALETTES)
    default_pal = "RdBu" if view == "change" else palettes[0]  # diverging around 0 for changes
    palette = sb.selectbox(t("palette", lang), palettes, index=palettes.index(default_pal)
                           if default_pal in palettes else 0)
    labels = sb.checkbox(t("labels", lang), value=False)
    common.sync_url(indicator=ind_id, year=year, view=None if view == "level" else view,
                    start=start, scheme=scheme, k=k)
    return dict(decimals=cat[ind_id].decimals, indicator=ind_id, year=year, view=view, start=start, relative=relative,
                scheme=scheme, k=k, breaks=breaks, palette=palette, labels=labels)


def _layer(ds, c: dict):
    if c["view"] == "level":
        return indicator_layer(ds, c["indicator"], c["year"])
    ref = ds.geography.reference_code
    rows = change_between(ds.values, c["indicator"], c["start"], c["year"], c["relative"])
    city = rows[rows["area_code"] == ref]["value"]
    layer = join_values(ds.areas, rows[rows["area_code"] != ref])
    return layer, (float(city.iloc[0]) if len(city) and pd.notna(city.iloc[0]) else None)


def render() -> None:
    lang = common.lang()
    geo_id = common.geography_picker()
    ds = common.dataset(geo_id)
    c = _controls(ds, lang)
    ind = ds.catalogue[c["indicator"]]
    layer, city = _layer(ds, c)
    unit = ind.unit_for(lang)
    label = ind.label(lang)
    if c["view"] == "change":
        unit = "%" if c["relative"] else ("Pp." if ind.unit == "%" else unit)
        label = f"{label}: {c['start']}–{c['year']}"

    if c["view"] == "level" and _smoothable(ind) and st.sidebar.checkbox(
            "Raten glätten (Empirical Bayes)" if lang == "de" else "Smooth rates (Empirical Bayes)",
            key="eb", help="Globale Empirical-Bayes-Glättung nach Marshall (1991): kleine Gebiete werden zum "
                           "Stadtwert hin gezogen. Rohwerte stehen in der Rangfolge daneben."):
        eb = eb_rates(layer["numerator"], layer["denominator"], ind.factor)
        layer["raw"], layer["value"] = layer["value"], eb["smoothed"]
        label = f"{label} ({'EB-geglättet' if lang == 'de' else 'EB-smoothed'})"
    direction = ind.direction if c["view"] == "level" else "up"
    default = default_threshold(layer["value"], direction)
    st.sidebar.markdown(f"**{t('flag_rule', lang)}**")
    threshold = st.sidebar.number_input(
        t("flag_rule", lang), value=round(default, 2) if default is not None else 0.0,
        label_visibility="collapsed", help=t("flag_note", lang), format="%.2f")
    layer["flagged"] = threshold_flags(layer["value"], threshold, direction)

    # the same function decides classes and colours for the print map
    reference = 0.0 if c["view"] == "change" else city
    classes = layer_classification(layer, reference, c["scheme"], c["k"], c["palette"], c["breaks"], lang,
                                   kind=ind.kind if c["view"] == "level" else None)
    common.init_state("area", None, str, set(layer["code"]))
    codes = list(layer["code"])
    selected = st.session_state.get("area") if st.session_state.get("area") in codes else None

    st.subheader(f"{label} – {c['year']}" if c["view"] == "level" else label)
    if ind.definition(lang):
        st.caption(ind.definition(lang))
    m = build_map(layer, classes, indicator_label=label, unit=unit, city_value=city, decimals=c["decimals"],
                      city_name=ds.geography.reference_label(lang), lang=lang,
                  selected=selected, show_labels=c["labels"],
                  attribution=ds.sources[ind.source].label if ind.source in ds.sources else None,
                  **common.tiles())
    out = st_folium(m, key=f"map-{geo_id}", height=620, use_container_width=True,
                    returned_objects=["last_object_clicked"])
    clicked = (out or {}).get("last_object_clicked")
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        hit = area_at(layer, clicked["lat"], clicked["lng"])
        if hit is not None and layer.at[hit, "code"] != selected:
            st.session_state["area"] = layer.at[hit, "code"]
            st.rerun()
    left, right = st.columns([1, 2], gap="medium")
    with left:
        _flag_list(layer, unit, c["decimals"], lang)
    with right:
        _ranking(ds, layer, city, unit, c, lang)
    _profile(ds, layer, c, lang)
    common.source_footer(ds, ind.id)


def _smoothable(ind) -> bool:
    """A rate of a plain count over a population can be EB-smoothed."""
    return ind.kind == "rate" and len(ind.numerator) == 1 and len(ind.denominator) == 1 \
        and not ind.numerator[0].startswith("-") and ind.denominator[0] != "area_km2"


def _flag_list(layer, unit: str, decimals: int, lang: str) -> None:
    st.markdown(f"**{t('flagged', lang)}**")
    flagged = layer[layer["flagged"]].sort_values("rank")
    if flagged.empty:
        st.write(t("no_flags", lang))
        return
    st.markdown("\n".join(
        f"- {row['name']}: {fmt_value(row['value'], unit, decimals, lang)}" for _, row in flagged.iterrows()))


def _ranking(ds, layer, city, unit: str, c: dict, lang: str) -> None:
    st.markdown(f"**{t('ranking', lang)}**")
    table = ranking_table(layer, city, c["decimals"], lang)
    if "raw" in layer:  # EB smoothing on: raw values side by side
        raw = dict(zip(layer["code"], layer["raw"]))
        table.insert(4, "raw", [fmt_value(raw[code], "", c["decimals"], lang) for code in table["code"]])
    shown = table.drop(columns="value_num").rename(columns={
        "raw": "Rohwert" if lang == "de" else "raw value",
        "rank": t("rank", lang), "code": t("code", lang), "name": t("name", lang),
        "value": f"{t('value', lang)} ({unit})", "vs_city": t("vs_city", lang), "flagged": t("flag", lang)})
    st.dataframe(shown, hide_index=True, width="stretch")
    if c["view"] == "level":
        downloads.data_downloads(ds, c["indicator"], c["year"], lang)
        downloads.print_map_downloads(ds, c["indicator"], c["year"], c,
                                      frozenset(layer.loc[layer["flagged"], "code"]), lang)
        downloads.report_download(ds, c["year"], lang)


def _profile(ds, layer, c: dict, lang: str) -> None:
    st.markdown(f"### {t('profile', lang)}")
    names = dict(zip(layer["code"], layer["name"]))
    st.selectbox(t("choose_area", lang), list(names), key="area", placeholder=t("none", lang),
                 format_func=lambda x: f"{x} {names[x]}")
    code = st.session_state.get("area")
    common.sync_url(area=code)
    if not code:
        return
    prof = area_profile(ds, code, c["year"], lang)
    if prof.empty:
        return
    n = int(prof["n"].max())
    shown = pd.DataFrame({
        t("indicator", lang): prof["label"],
        t("value", lang): [("geheim" if s else fmt_value(v, u, d, lang))
                          for v, u, d, s in zip(prof["value"], prof["unit"], prof["decimals"], prof["suppressed"])],
        t("city", lang): [fmt_value(v, u, d, lang) for v, u, d in zip(prof["city"], prof["unit"], prof["decimals"])],
        t("rank", lang): [f"{int(r)}. von {n}" if lang == "de" and pd.notna(r) else
                          (f"{int(r)} of {n}" if pd.notna(r) else "–") for r in prof["rank"]],
        t("trend", lang): [f"{fmt_change(d, dec, lang)} seit {y}" if lang == "de" and pd.notna(d) else
                           (f"{fmt_change(d, dec, lang)} since {y}" if pd.notna(d) else "–")
                           for d, y, dec in zip(prof["trend"], prof["first_year"], prof["decimals"])],
    })
    st.dataframe(shown, hide_index=True, width="stretch")
    from ui.pages.planning_form import area_section  # the area's measures and goals (Planung)

    area_section(ds.geography.id, code, lang)
    ref = ds.geography.reference_code
    ts = series(ds.values, c["indicator"], [code, ref] if ref else [code])
    ts.columns = [names.get(col, ds.geography.reference_label(lang)) for col in ts.columns]
    st.markdown(f"**{t('series_title', lang)}: {ds.catalogue[c['indicator']].label(lang)}**")
    st.line_chart(ts)
