"""The atlas view: choropleth, flags, ranking, profile and time series."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.join import indicator_layer, join_values
from geo.printmap.spec import K_RANGE
from geo.printmap.text import flag_note
from geo.webmap.folium_map import build_map
from geo.webmap.geometry import area_at
from indicators.compute.classify import (
    DIVERGING_PALETTES,
    SCHEME_NAMES,
    SCHEMES,
    SEQUENTIAL_PALETTES,
    layer_classification,
)
from indicators.compute.flags import FlagRule, default_threshold, flag_direction, flag_rule, threshold_flags
from indicators.compute.profile import area_profile
from indicators.compute.ranking import ranking_table
from indicators.compute.smoothing import eb_rates
from indicators.compute.timeseries import change_between, relative_change_problem, series
from indicators.formatting import fmt_change, fmt_number, fmt_value
from indicators.query.syntax import parse_number
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
        start, relative = _change_controls(ds, ind_id, year, years, lang)
    common.init_state("scheme", "quantiles", str, set(SCHEMES))
    scheme = sb.selectbox(t("scheme", lang), SCHEMES, key="scheme",
                          format_func=lambda s: SCHEME_NAMES[lang][s])
    common.init_state("k", 5, int, set(K_RANGE))
    k = sb.slider(t("classes", lang), K_RANGE[0], K_RANGE[-1], key="k")
    breaks = None
    if scheme == "manual":
        breaks, bad = parse_breaks(sb.text_input(t("breaks", lang), "", key="breaks"))
        if bad:
            sb.warning(t("breaks_bad", lang).format(text=bad))
    palettes = list(SEQUENTIAL_PALETTES) + list(DIVERGING_PALETTES)
    default_pal = "RdBu" if view == "change" else palettes[0]  # diverging around 0 for changes
    palette = sb.selectbox(t("palette", lang), palettes, index=palettes.index(default_pal)
                           if default_pal in palettes else 0)
    labels = sb.checkbox(t("labels", lang), value=False)
    common.sync_url(indicator=ind_id, year=year, view=None if view == "level" else view,
                    start=start, scheme=scheme, k=k)
    return dict(decimals=cat[ind_id].decimals, indicator=ind_id, year=year, view=view, start=start, relative=relative,
                scheme=scheme, k=k, breaks=breaks, palette=palette, labels=labels)


def _change_controls(ds, ind_id: str, year: int, years: list[int], lang: str) -> tuple[int | None, bool]:
    """Base year (None if there is no earlier year) and whether the change is relative."""
    sb = st.sidebar
    earlier = [y for y in years if y < year]
    if not earlier:
        return None, False
    common.init_state("start", earlier[0], int)
    if st.session_state["start"] not in earlier:
        st.session_state["start"] = earlier[0]
    start = sb.selectbox(t("start_year", lang), earlier, key="start")
    base = ds.values[(ds.values["indicator"] == ind_id) & (ds.values["year"] == start)
                     & (ds.values["area_code"] != ds.geography.reference_code)]["value"]
    problem = relative_change_problem(ds.catalogue[ind_id], base)
    if problem:
        sb.caption(t(f"rel_change_{problem}", lang))
        return start, False
    relative = sb.radio(t("change_mode", lang), [False, True], horizontal=False, key="relative",
                        format_func=lambda r: t("rel_change" if r else "abs_change", lang)) is True
    return start, relative


def parse_breaks(text: str) -> tuple[list[float] | None, str | None]:
    """Manual breaks from ``10; 15,5; 20`` (German or English numbers); the first bad part, if any."""
    parts = [p.strip() for p in (text or "").split(";") if p.strip()]
    values = [parse_number(p) for p in parts]
    bad = next((p for p, v in zip(parts, values) if v is None), None)
    good = [v for v in values if v is not None]
    return (good or None), bad


def _flag_rule(layer, ind, c: dict, unit: str, lang: str) -> FlagRule:
    """The threshold widget: empty means the default rule; the typed value survives year and smoothing."""
    sb = st.sidebar
    sb.markdown(f"**{t('flag_rule', lang)}**")
    direction = flag_direction(ind)
    if direction is None:
        sb.caption(t("flag_none", lang))
        return FlagRule(None, None)
    default = default_threshold(layer["value"], direction)
    text = sb.text_input(t("flag_rule", lang), key=f"threshold-{ind.id}-{c['view']}",
                         label_visibility="collapsed", help=t("flag_input_help", lang),
                         placeholder=fmt_number(default, c["decimals"], lang) if default is not None else "")
    custom = parse_number(text) if text and text.strip() else None
    if text and text.strip() and custom is None:
        sb.warning(t("flag_bad_number", lang).format(text=text.strip()))
    rule = flag_rule(layer["value"], ind, custom)
    if rule.threshold is not None:
        key = f"flag_{'custom' if rule.custom else 'default'}_{rule.direction}"
        sb.caption(t(key, lang).format(value=fmt_value(rule.threshold, unit, c["decimals"], lang)))
    return rule


def _classes(layer, ind, city, c: dict, lang: str):
    """Classes of the view; bad manual breaks fall back to quantiles with a message."""
    reference = 0.0 if c["view"] == "change" else city
    kind = ind.kind if c["view"] == "level" else None
    try:
        classes = layer_classification(layer, reference, c["scheme"], c["k"], c["palette"], c["breaks"], lang,
                                       kind=kind)
    except ValueError as err:
        st.warning(t("breaks_fallback", lang).format(message=str(err).rstrip(".")))
        classes = layer_classification(layer, reference, "quantiles", c["k"], c["palette"], None, lang, kind=kind)
    if classes.fewer_classes:
        key = "fewer_classes_std" if classes.scheme == "std_mean" else "fewer_classes"
        st.caption(t(key, lang).format(k=classes.k, wanted=classes.requested_k))
    return classes


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
    unit = ind.unit_for(lang)
    label = ind.label(lang)
    if c["view"] == "change" and c["start"] is None:
        st.subheader(f"{label}: {t('view_change', lang)}")
        st.info(t("change_no_start", lang).format(year=c["year"]))
        common.source_footer(ds, ind.id)
        return
    layer, city = _layer(ds, c)
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
    rule = _flag_rule(layer, ind, c, unit, lang)
    layer["flagged"] = threshold_flags(layer["value"], rule.threshold, rule.direction)
    c["flag_note"] = flag_note(rule, unit, c["decimals"], lang)

    # the same function decides classes and colours for the print map
    classes = _classes(layer, ind, city, c, lang)
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
    ref = ds.geography.reference_code
    ts = series(ds.values, c["indicator"], [code, ref] if ref else [code])
    ts.columns = [names.get(col, ds.geography.reference_label(lang)) for col in ts.columns]
    st.markdown(f"**{t('series_title', lang)}: {ds.catalogue[c['indicator']].label(lang)}**")
    st.line_chart(ts)
