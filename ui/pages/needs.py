"""Bedarfslagen view: need assessment with map, table, explanations, robustness."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.join import score_layer
from geo.spatial.cluster_map import cluster_classification, cluster_members, cluster_notes
from geo.spatial.pattern import spatial_pattern
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.errors import InputError, error_text
from indicators.formatting import fmt_number, fmt_percent
from indicators.needs.assessment import default_setup, need_classes, needs_setup, run_needs
from indicators.needs.method import ASSESSED
from indicators.needs.registry import method_names, need_method
from indicators.needs.table import need_table, shown_need_table
from indicators.needs.words import need_word, reason_lines
from indicators.query.syntax import parse_number
from indicators.text import md
from indicators.wording import display_columns, t
from ui import common, downloads, supply_panel
from ui.map_view import show_map
from ui.state import NeedsView


@st.cache_data(show_spinner=False, max_entries=16)
def _run(geo_id: str, key: tuple, year: int, method: str, indicators: tuple, threshold: float):  # noqa: ARG001 (keys the Streamlit cache)
    ds = common.dataset(geo_id)
    return run_needs(ds, year, needs_setup(ds, year, method=method, indicators=indicators, threshold=threshold))


def render() -> None:
    lang = common.lang()
    picked = common.page_dataset(lang)
    if picked is None:
        return
    geo_id, ds = picked
    c = _controls(ds, lang)
    if c is None:
        return
    year, method, chosen, threshold = c.year, c.method, list(c.indicators), c.threshold
    result, expl, rob = _run(geo_id, ds.geography.cache_key(), year, method, tuple(chosen), threshold)

    st.subheader(t("page_needs", lang) + f" – {md(ds.geography.label(voice=common.voice()))} {year}")
    st.caption(t(need_method(method).text_key("note"), lang))
    layer = score_layer(ds, result["id"], result["score"], result["flag"])
    layer["note"] = _notes(result, rob, lang, method)
    classes = need_classes(result, method, voice=common.voice())
    left, right = st.columns([3, 2], gap="medium")
    with left:
        map_labels = MapLabels(
            indicator_label=t(need_method(method).text_key("score"), lang),
            voice=common.voice(),
            decimals=2,
            flag_label=t("needs_elevated_need", lang),
        )
        m = build_map(
            MapLayer(layer, classes, map_labels),
            attribution=ds.geography.label(voice=common.voice()),
            tiles=common.tiles(),
        )
        show_map(m, key=f"needs-{geo_id}", height=560)
    labels = {i: ds.catalogue[i].label(voice=common.voice()) for i in ds.catalogue}
    reasons = reason_lines(expl, labels, voice=common.voice())
    with right:
        flagged = result[result["flag"]].sort_values("rank")
        st.markdown(f"**{t('needs_flagged_areas', lang)}: {len(flagged)}**")
        if flagged.empty:
            _none_flagged(result, method, threshold, lang)
        for _, row in flagged.head(30).iterrows():
            st.markdown(
                f"- **{md(row['name'])}** ({md(need_word(row['label'], method, voice=common.voice()))}): "
                f"{md(reasons.get(row['id'], ''))}"
            )
    voice = common.voice()
    table = shown_need_table(need_table(result, expl, rob, method=method, labels=labels, voice=voice), voice=voice)
    st.dataframe(
        display_columns(table, lang),
        hide_index=True,
        width="stretch",
        column_config={t("col_robustness", lang): st.column_config.TextColumn(help=t("help_robustness", lang))},
    )

    def make():
        from geo.exports.results import needs_export

        return needs_export(ds, result, expl, rob, method, year, voice=common.voice())

    downloads.table_downloads(make, f"bedarfslagen_{method}_{year}", lang, t("dl_needs_table", lang))
    downloads.needs_map_downloads(ds, result, method, year, lang)
    supply_panel.reach_beside_needs(ds, result, year, lang)  # Versorgung beside the need classes
    _pattern(ds, layer, lang)
    common.source_footer(ds)


def _none_flagged(result: pd.DataFrame, method: str, threshold: float, lang: str) -> None:
    """Why the list is empty: the threshold, the highest score, and for the z sum how little a mean spreads."""
    scores = result["score"].where(result["status"] == ASSESSED)
    if scores.notna().sum() == 0:
        return
    top = result.loc[scores.idxmax()]
    text = t(
        "needs_none_flagged",
        lang,
        threshold=fmt_number(threshold, 2, lang),
        name=md(top["name"]),
        score=fmt_number(top["score"], 2, lang),
    )
    extra = need_method(method).text_key("none_flagged")  # the z sum: how little a mean spreads
    if extra and scores.notna().sum() > 1:
        text += " " + t(extra, lang, sd=fmt_number(float(scores.std(ddof=0)), 2, lang))
    st.info(text)


def _threshold(preset: float, lang: str) -> float:
    """The flag threshold as typed in German or English numbers ("0,75"); ``preset`` if empty or bad."""
    text = st.sidebar.text_input(
        t("needs_flag_threshold", lang),
        key="needs_threshold",
        placeholder=fmt_number(preset, 2, lang),
        help=t("needs_threshold_help", lang, preset=fmt_number(preset, 2, lang)),
    )
    if not text.strip():
        return preset
    value = parse_number(text)
    if value is None:
        st.sidebar.warning(t("flag_bad_number", lang, text=text.strip()))
        return preset
    return value


def _controls(ds, lang: str) -> NeedsView | None:
    """Sidebar widgets of the assessment; initialised from and written back to the URL.

    URL names: ``year`` (shared with the atlas), ``method``, ``needs`` (indicator ids, comma
    separated) and ``needs_threshold`` (only when it differs from the method's preset).
    """
    sb = st.sidebar
    years = list(ds.years[::-1])
    common.choice("needs_year", years, years[0], cast=int, param="year")
    year = sb.selectbox(t("year", lang), years, key="needs_year")
    base = default_setup(ds, year)
    methods = {m: t(need_method(m).text_key("label"), lang) for m in method_names()}
    common.choice(
        "needs_method", methods, base.method, param="method", label=t("needs_method", lang), shown=methods.get
    )
    method = sb.selectbox(
        t("needs_method", lang),
        list(methods),
        key="needs_method",
        help=t("help_needs_method", lang),
        format_func=methods.__getitem__,
    )
    candidates = [
        i
        for i in ds.catalogue
        if ds.catalogue[i].kind != "count" and i not in base.dynamic_indicators and common.years_for(ds, i)
    ]
    # the method's indicators, else (e.g. an uploaded table without the usual ids) every candidate
    default_ids = [i for i in base.indicators if i in candidates] or candidates
    if "needs_indicators" not in st.session_state:
        raw = common.url_default("needs", None) or common.remembered("needs")
        linked = [i for i in str(raw).split(",") if i in candidates] if raw else []
        st.session_state["needs_indicators"] = linked or default_ids
    common.choices("needs_indicators", candidates, default_ids, label=t("needs_indicators", lang))
    voice = common.voice()  # bound now: a format_func may run after the page
    chosen = sb.multiselect(
        t("needs_indicators", lang),
        candidates,
        key="needs_indicators",
        placeholder=t("choose_options", lang),
        format_func=lambda i: ds.catalogue[i].label(voice=voice),
        select_all=common.select_all(),
    )
    preset = need_method(method).threshold
    common.init_state("needs_threshold", "", str, param="needs_threshold")  # empty: the method's preset
    threshold = _threshold(preset, lang)
    common.sync_url(
        year=year,
        method=method if method != base.method else None,
        needs=",".join(chosen) if chosen and chosen != default_ids else None,
        needs_threshold=f"{threshold:g}" if threshold != preset else None,
    )
    if not chosen:
        st.info(t("needs_choose_at_least_one", lang))
        return None
    return NeedsView(year=int(year), method=method, indicators=tuple(chosen), threshold=float(threshold))


def _notes(result: pd.DataFrame, rob: pd.DataFrame | None, lang: str, method: str | None = None) -> list[str]:
    """Tooltip line per area: class label and, if computed, robustness of its flag."""
    robust = rob.set_index("id") if rob is not None else None
    out = []
    for rid, label in zip(result["id"], result["label"]):
        text = str(need_word(label, method, voice=common.voice()))
        if robust is not None and rid in robust.index and pd.notna(robust.at[rid, "share"]):
            share = fmt_percent(100 * robust.at[rid, "share"], 0, lang)
            text += f" · {need_word(robust.at[rid, 'robustness'], voice=common.voice())} ({share})"
        out.append(text)
    return out


def _pattern(ds, layer, lang: str) -> None:
    """Moran's I, the LISA cluster map (HH/LL/HL/LH/ns with legend) and the areas per cluster."""
    with st.expander(t("needs_pattern", lang)):
        try:
            pat = spatial_pattern(layer, "value")
        except InputError as exc:
            st.info(t("lisa_failed", lang, message=md(error_text(exc, voice=common.voice()))))
            return
        st.write(f"Moran's I = {fmt_number(pat.moran_i, 3, lang)}, p = {fmt_number(pat.p_sim, 3, lang)}")
        st.caption(pat.note_text(voice=common.voice()))
        shown = layer[["code", "name", "value", layer.geometry.name]].copy()
        shown["note"] = cluster_notes(shown, pat, voice=common.voice())
        map_labels = MapLabels(indicator_label=t("lisa_title", lang), voice=common.voice(), decimals=2)
        m = build_map(
            MapLayer(shown, cluster_classification(shown, pat, voice=common.voice()), map_labels),
            attribution=ds.geography.label(voice=common.voice()),
            tiles=common.tiles(),
        )
        show_map(m, key=f"lisa-{ds.geography.id}", height=480)
        st.markdown(f"**{t('lisa_list', lang)}**")
        members = cluster_members(shown, pat)
        st.markdown(
            "\n".join(
                f"- **{md(t(f'lisa_{c}', lang))}** ({len(names)}): {md(', '.join(names)) or t('lisa_none', lang)}"
                for c, names in members.items()
            )
        )
