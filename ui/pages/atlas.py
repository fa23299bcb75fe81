"""The atlas view: choropleth, flags, ranking, profile and time series."""

from __future__ import annotations

import dataclasses

import streamlit as st

from geo.join import view_layer
from geo.printmap.spec import K_RANGE
from geo.printmap.text import flag_note
from geo.webmap.folium_map import COMPACT_MIN_AREAS, build_map
from geo.webmap.geometry import area_at
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import (
    DIVERGING_PALETTES,
    SCHEME_NAMES,
    SCHEMES,
    SEQUENTIAL_PALETTES,
    layer_classification,
    parse_breaks,
)
from indicators.compute.flags import FlagRule, default_threshold, flag_areas, flag_direction, flag_rule
from indicators.compute.ranking import ranking_table
from indicators.compute.smoothing import smoothable, smoothed_layer
from indicators.compute.timeseries import start_problem
from indicators.errors import SozialmonitorError, error_text
from indicators.formatting import fmt_number, fmt_value
from indicators.query.syntax import parse_number
from indicators.text import md
from indicators.types import View
from indicators.wording import display_columns, t
from indicators.wording.voice import Voice
from ui import common, downloads
from ui.map_view import show_map
from ui.pages import atlas_profile
from ui.state import AtlasView

RANKING_ROWS = 100  # rows of the ranking shown for maps of more than COMPACT_MIN_AREAS areas
LAYERS_KEPT = 8  # joined layers kept per dataset (one of a 100 m grid is a few MB)


def _controls(ds, lang: str) -> AtlasView:
    """Sidebar widgets; state is initialised from and written back to the URL."""
    cat = ds.catalogue
    with_years = common.years(ds)
    ids = [i for i in cat if with_years.get(i)]
    sb = st.sidebar
    voice = common.voice()  # bound now: a format_func may run after the page

    def ind_name(i: str) -> str:
        return f"{cat[i].label(voice=voice)} ({cat[i].unit_for(voice=voice)})"

    common.choice("indicator", ids, "share_65plus", label=t("indicator", lang), shown=ind_name)
    ind_id = sb.selectbox(t("indicator", lang), ids, key="indicator", format_func=ind_name)
    years = common.years_for(ds, ind_id)
    common.choice("year", years, years[-1], cast=int)
    year = sb.select_slider(t("year", lang), years, key="year") if len(years) > 1 else years[0]
    views: dict[View, str] = {"level": t("view_level", lang), "change": t("view_change", lang)}
    common.choice("view", views, "level")
    view = sb.radio(t("view", lang), list(views), key="view", horizontal=True, format_func=views.__getitem__)
    start = None
    relative = False
    if view == "change":
        start, relative = _change_controls(ds, ind_id, year, years, lang)
    common.choice("scheme", SCHEMES, "quantiles")
    scheme = sb.selectbox(
        t("scheme", lang),
        SCHEMES,
        key="scheme",
        help=t("help_scheme", lang),
        format_func=lambda s: SCHEME_NAMES[lang][s],
    )
    common.init_state("k", 5, int, set(K_RANGE))
    k = sb.slider(t("classes", lang), K_RANGE[0], K_RANGE[-1], key="k", help=t("help_classes", lang))
    breaks = None
    if scheme == "manual":
        common.init_state("breaks", "", str)
        breaks = _manual_breaks(sb.text_input(t("breaks", lang), key="breaks", help=t("help_breaks", lang)), lang)
        if breaks is None:  # e.g. a link with scheme=manual and no breaks: fall back, say so
            sb.info(t("manual_fallback", lang))
            scheme = "quantiles"
    palettes = list(SEQUENTIAL_PALETTES) + list(DIVERGING_PALETTES)
    default_pal = "RdBu" if view == "change" else palettes[0]  # diverging around 0 for changes
    common.init_state("palette", default_pal, str, set(palettes))
    if not st.session_state.get("_palette_chosen") and common.remembered("palette") is None:
        st.session_state["palette"] = default_pal  # until the planner picks one, it follows the view
    palette = sb.selectbox(
        t("palette", lang), palettes, key="palette", on_change=lambda: st.session_state.update(_palette_chosen=True)
    )
    common.init_state("labels", False, lambda v: v == "1")
    labels = sb.checkbox(t("labels", lang), key="labels")
    if (common.remembered("indicator"), common.remembered("view")) != (ind_id, None if view == "level" else view):
        common.forget("threshold")  # a typed threshold belongs to one indicator and view
    common.sync_url(
        indicator=ind_id,
        year=year,
        view=None if view == "level" else view,
        start=start,
        scheme=scheme,
        k=k,
        palette=palette if palette != default_pal or st.session_state.get("_palette_chosen") else None,
        labels="1" if labels else None,
        breaks=(st.session_state.get("breaks") or None) if scheme == "manual" else None,
    )
    return AtlasView(
        indicator=ind_id,
        year=year,
        view=view,
        start=start,
        relative=relative,
        scheme=scheme,
        k=k,
        breaks=breaks,
        palette=palette,
        labels=labels,
    )


def _manual_breaks(text: str, lang: str) -> tuple[float, ...] | None:
    """Breaks as typed (German or English numbers); a message instead of an exception.

    Unsorted breaks are sorted (and said so); duplicates are refused by the
    classification itself (see :func:`_classes`).
    """
    try:
        breaks = parse_breaks(text)
    except SozialmonitorError as exc:  # e.g. "abc;;5" or "20; 25,5; 20": say why, draw quantiles meanwhile
        st.sidebar.warning(t("breaks_fallback", lang, message=error_text(exc, voice=common.voice()).rstrip(".")))
        return None
    if breaks and list(breaks) != sorted(breaks):
        shown = "; ".join(fmt_number(b, _decimals_of(b), lang) for b in sorted(breaks))
        st.sidebar.warning(t("breaks_sorted", lang, breaks=shown))
    return breaks


def _decimals_of(x: float) -> int:
    """Decimals a typed number had (at most 3): 15.25 → 2."""
    text = f"{x:g}"
    return min(3, len(text.split(".")[1])) if "." in text else 0


def _change_controls(ds, ind_id: str, year: int, years: list[int], lang: str) -> tuple[int | None, bool]:
    """Base year (None if there is no earlier year) and whether the change is relative."""
    sb = st.sidebar
    earlier = [y for y in years if y < year]
    if not earlier:
        return None, False
    common.choice("start", earlier, earlier[0], cast=int)
    start = sb.selectbox(t("start_year", lang), earlier, key="start")
    problem = start_problem(ds.values, ds.catalogue[ind_id], start, ds.geography.reference_code)
    if problem:
        sb.caption(t(f"rel_change_{problem}", lang))
        return start, False
    modes = {False: t("abs_change", lang), True: t("rel_change", lang)}
    common.choice("relative", modes, False)
    relative = (
        sb.radio(t("change_mode", lang), list(modes), horizontal=False, key="relative", format_func=modes.__getitem__)
        is True
    )
    return start, relative


def _flag_rule(layer, ind, c: AtlasView, dec: int, unit: str, lang: str) -> FlagRule:
    """The threshold widget: empty means the default rule; the typed value survives year and smoothing."""
    sb = st.sidebar
    sb.markdown(f"**{t('flag_rule', lang)}**")
    direction = flag_direction(ind)
    if direction is None:
        sb.caption(t("flag_none", lang))
        return FlagRule(None, None)
    default = default_threshold(layer["value"], direction)
    common.init_state(f"threshold-{ind.id}-{c.view}", "", str, param="threshold")
    text = sb.text_input(
        t("flag_rule", lang),
        key=f"threshold-{ind.id}-{c.view}",
        label_visibility="collapsed",
        help=t("flag_input_help", lang),
        placeholder=fmt_number(default, dec, lang) if default is not None else "",
    )
    common.sync_url(threshold=text.strip() or None)
    custom = parse_number(text) if text and text.strip() else None
    if text and text.strip() and custom is None:
        sb.warning(t("flag_bad_number", lang, text=text.strip()))
    rule = flag_rule(layer["value"], ind, custom)
    if rule.threshold is not None:
        key = f"flag_{'custom' if rule.custom else 'default'}_{rule.direction}"
        sb.caption(t(key, lang, value=fmt_value(rule.threshold, unit, dec, lang)))
    return rule


def _classes(layer, city, c: AtlasView, dec: int, lang: str):
    """Classes of the view; bad manual breaks (e.g. duplicates) fall back to quantiles with a message."""
    reference = 0.0 if c.view == "change" else city
    decimals = dec if c.level else None
    try:
        classes = layer_classification(
            layer, reference, c.scheme, c.k, c.palette, c.breaks, decimals=decimals, voice=common.voice()
        )
    except ValueError as err:
        st.warning(t("breaks_fallback", lang, message=error_text(err, voice=common.voice()).rstrip(".")))
        classes = layer_classification(
            layer, reference, "quantiles", c.k, c.palette, None, decimals=decimals, voice=common.voice()
        )
    if classes.fewer_classes:
        key = "fewer_classes_std" if classes.scheme == "std_mean" else "fewer_classes"
        st.caption(t(key, lang, k=classes.k, wanted=classes.requested_k))
    return classes


def _layer(ds, c: AtlasView):
    """The areas joined with the view's values (a copy: the page adds flags and smoothed values) and the city value."""
    key = ("layer", c.indicator, c.year, c.start if not c.level else None, c.relative and not c.level)
    layer, city = common.derived(ds, key, lambda: _joined(ds, c), keep=LAYERS_KEPT)
    return layer.copy(), city


def _joined(ds, c: AtlasView):
    return view_layer(ds, c.indicator, c.year, start=None if c.level else c.base_year, relative=c.relative)


def render() -> None:
    lang = common.lang()
    picked = common.page_dataset(lang)
    if picked is None:
        return
    geo_id, ds = picked
    c = _controls(ds, lang)
    ind = ds.catalogue[c.indicator]
    unit = ind.unit_for(voice=common.voice())
    label = ind.label(voice=common.voice())
    if c.view == "change" and c.start is None:
        st.subheader(f"{label}: {t('view_change', lang)}")
        st.info(t("change_no_start", lang, year=c.year))
        common.source_footer(ds, ind.id)
        return
    layer, city = _layer(ds, c)
    dec = ind.decimals_for(layer["value"])  # one decision for tooltip, legend, lists and downloads
    if c.view == "change":
        unit = "%" if c.relative else (t("unit_pp", lang) if ind.unit == "%" else unit)
        label = f"{label}: {c.start}–{c.year}"

    if (
        c.level
        and smoothable(ind)
        and st.sidebar.checkbox(t("atlas_smooth_rates_empirical_bayes", lang), key="eb", help=t("atlas_eb_help", lang))
    ):
        layer = smoothed_layer(layer, ind)
        label = f"{label} ({t('atlas_eb_smoothed', lang)})"
    # the same rule as `cli.py map --flags`, exports and report: rates and shares with a need direction
    rule = _flag_rule(layer, ind, c, dec, unit, lang)
    layer["flagged"] = flag_areas(layer["value"], rule.direction or "neutral", rule.threshold)
    c = dataclasses.replace(c, flag_note=flag_note(rule, unit, dec, voice=common.voice()))

    # the same function decides classes and colours for the print map
    classes = _classes(layer, city, c, dec, lang)
    common.init_state("area", None, str, set(layer["code"]))
    codes = list(layer["code"])
    if st.session_state.get("area") not in codes:  # e.g. an area of the geography shown before
        st.session_state["area"] = None
    selected = st.session_state.get("area") if st.session_state.get("area") in codes else None

    st.subheader(f"{md(label)} – {c.year}" if c.level else md(label))
    if ind.definition(voice=common.voice()):
        st.caption(md(ind.definition(voice=common.voice())))
    map_labels = MapLabels(
        indicator_label=label,
        unit=unit,
        city_value=city,
        decimals=dec,
        city_name=ds.geography.reference_label(voice=common.voice()),
        voice=common.voice(),
    )
    m = build_map(
        MapLayer(layer, classes, map_labels),
        selected=selected,
        show_labels=c.labels,
        attribution=ds.sources[ind.source].label if ind.source in ds.sources else None,
        tiles=common.tiles(),
    )
    out = show_map(m, key=f"map-{geo_id}", height=620, returned_objects=["last_object_clicked"])
    clicked = (out or {}).get("last_object_clicked")
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        hit = area_at(layer, clicked["lat"], clicked["lng"])
        if hit is not None and layer.at[hit, "code"] != selected:
            st.session_state["area"] = layer.at[hit, "code"]
            st.rerun()
    left, right = st.columns([1, 2], gap="medium")
    with left:
        _flag_list(layer, unit, dec, lang, flags_apply=rule.direction is not None)
    with right:
        _ranking(ds, layer, city, unit, c, dec, lang)
    atlas_profile.profile(ds, layer, c, lang)
    common.source_footer(ds, ind.id)


def _flag_list(layer, unit: str, decimals: int, lang: str, flags_apply: bool = True) -> None:
    st.markdown(f"**{t('flagged', lang)}**")
    flagged = layer[layer["flagged"]].sort_values("rank")
    if flagged.empty:  # no area above the threshold, or no threshold at all (counts, context)
        st.write(t("no_flags" if flags_apply else "flag_none", lang))
        return
    st.markdown(
        "\n".join(
            f"- {md(row['name'])}: {md(fmt_value(row['value'], unit, decimals, lang))}" for _, row in flagged.iterrows()
        )
    )


def _ranking(ds, layer, city, unit: str, c: AtlasView, dec: int, lang: str) -> None:
    st.markdown(f"**{t('ranking', lang)}**")
    table = ranking_table(layer, city, dec, voice=common.voice())
    table["flagged"] = [t("yes", lang) if f else t("no", lang) for f in table["flagged"]]
    shown = display_columns(table.drop(columns="value_num"), lang, {"value": f"{t('value', lang)} ({unit})"})
    if len(shown) > COMPACT_MIN_AREAS:  # thousands of grid cells: the table would outweigh the map
        st.caption(t("atlas_ranking_first", lang, n=RANKING_ROWS, total=fmt_number(len(shown), 0, lang)))
        shown = shown.head(RANKING_ROWS)
    st.dataframe(shown, hide_index=True, width="stretch")
    _ranking_downloads(ds, layer, city, unit, c, dec, lang)
    if c.level:
        downloads.data_downloads(ds, c.indicator, c.year, lang)
        downloads.print_map_downloads(ds, c.indicator, c.year, c, frozenset(layer.loc[layer["flagged"], "code"]), lang)
        downloads.report_download(ds, c.year, lang)
    else:

        def change():
            from geo.exports.views import change_export

            return change_export(ds, c.indicator, c.base_year, c.year, c.relative, voice=Voice.of(lang))

        downloads.table_downloads(
            change,
            f"{c.indicator}_{c.start}_{c.year}_veraenderung",
            lang,
            t("dl_change", lang, start=c.start, end=c.year),
        )
    downloads.all_years_download(ds, lang)


def _ranking_downloads(ds, layer, city, unit: str, c: AtlasView, dec: int, lang: str) -> None:
    """The ranking as shown (level or change, smoothed values if on) as visible download buttons."""

    def make():
        from geo.exports.views import ranking_export

        header = f"{t('value', lang)} ({unit})" if unit else t("value", lang)
        return ranking_export(ds, layer, city, c.indicator, dec, header, voice=Voice.of(lang))

    period = f"{c.year}" if c.level else f"{c.start}_{c.year}_{'rel' if c.relative else 'abs'}"
    downloads.table_downloads(make, f"{c.indicator}_{period}_rangliste", lang, t("dl_ranking", lang))
