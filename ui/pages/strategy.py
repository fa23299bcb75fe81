"""Strategie page: where the need methods agree, a threshold/weight sandbox, need against measures,
area types, segregation and goal forecasts. Widgets only: every number comes from
:mod:`indicators.needs.consensus`, :mod:`indicators.needs.coverage`, :mod:`geo.spatial.typology`,
:mod:`geo.spatial.segregation` and :mod:`indicators.planning.forecast` (the CLI calls the same)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.join import score_layer
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.errors import InputError
from indicators.formatting import fmt_number, fmt_percent
from indicators.needs.assessment import default_setup, need_classes, needs_setup, run_needs
from indicators.needs.consensus import dataset_consensus, sandbox
from indicators.needs.registry import method_names, need_method
from indicators.needs.words import need_words
from indicators.text import md
from indicators.wording import t
from indicators.wording.voice import Voice
from ui import common
from ui.map_view import show_map


@st.cache_data(show_spinner=False, max_entries=8)
def _consensus(geo_id: str, key: tuple, year: int, band: float):  # noqa: ARG001 (keys the Streamlit cache)
    ds = common.dataset(geo_id)
    return dataset_consensus(ds, year, default_setup(ds, year), band=band)


@st.cache_data(show_spinner=False, max_entries=8)
def _assessment(geo_id: str, key: tuple, year: int, method: str):  # noqa: ARG001 (keys the Streamlit cache)
    ds = common.dataset(geo_id)
    return run_needs(ds, year, needs_setup(ds, year, method=method), with_robustness=False)[0]


def render() -> None:
    lang = common.lang()
    picked = common.page_dataset(lang)
    if picked is None:
        return
    geo_id, ds = picked
    st.title(t("str_title", lang))
    st.caption(t("str_intro", lang))
    years = list(ds.years[::-1])
    year = st.sidebar.selectbox(t("year", lang), years, key="str_year")
    tabs = st.tabs(
        [t(f"str_tab_{k}", lang) for k in ("consensus", "sandbox", "measures", "types", "segregation", "goals")]
    )
    with tabs[0]:
        _consensus_tab(ds, geo_id, int(year), lang)
    with tabs[1]:
        _sandbox_tab(ds, int(year), lang)
    with tabs[2]:
        from ui.pages import strategy_plan

        strategy_plan.measures_tab(ds, geo_id, int(year), lang, _assessment)
    with tabs[3]:
        from ui.pages import strategy_types

        strategy_types.types_tab(ds, int(year), lang)
    with tabs[4]:
        from ui.pages import strategy_types

        strategy_types.segregation_tab(ds, lang)
    with tabs[5]:
        from ui.pages import strategy_plan

        strategy_plan.goals_tab(geo_id, lang)
    common.source_footer(ds)


def _consensus_tab(ds, geo_id: str, year: int, lang: str) -> None:
    band = st.number_input(
        t("str_band", lang),
        min_value=0.05,
        max_value=1.0,
        value=0.25,
        step=0.05,
        key="str_band",
        help=t("str_band_help", lang),
    )
    c = _consensus(geo_id, ds.geography.cache_key(), year, float(band))
    st.markdown(t("str_consensus_intro", lang, n=len(c.methods)))
    labels = {m: t(need_method(m).text_key("label"), lang) for m in c.methods}
    a = c.areas
    layer = score_layer(ds, a["id"], a["n_flagged"].astype(float))
    flagged_by = dict(zip(a["id"].astype(str), a["flagged_by"]))
    layer["note"] = [
        ", ".join(labels[m] for m in flagged_by.get(code, ())) or "–" for code in layer["code"].astype(str)
    ]
    from indicators.compute.classify import classify

    cls = classify(
        layer["value"],
        "manual",
        breaks=list(range(len(c.methods) + 1)),
        palette="YlOrRd",
        decimals=0,
        voice=common.voice(),
    )
    left, right = st.columns([3, 2], gap="medium")
    with left:
        map_labels = MapLabels(indicator_label=t("str_n_methods", lang), voice=Voice.of(lang), decimals=0)
        m = build_map(
            MapLayer(layer, cls, map_labels), attribution=ds.geography.label(voice=common.voice()), tiles=common.tiles()
        )
        show_map(m, key=f"str-consensus-{geo_id}", height=480)
    with right:
        for n in range(len(c.methods), 0, -1):
            names = a.loc[a["n_flagged"] == n, "name"].tolist()
            if names:
                st.markdown(f"**{t('str_flagged_by_n', lang, n=n, total=len(c.methods))}:** {md(', '.join(names))}")
        close = a[a["close_calls"].map(len) > 0]
        st.markdown(
            f"**{t('str_close_calls', lang)}:** "
            + (
                md(", ".join(f"{r.name} ({', '.join(labels[m] for m in r.close_calls)})" for r in close.itertuples()))
                or "–"
            )
        )
    table = pd.DataFrame({t("col_name", lang): a["name"], t("str_n_methods", lang): a["n_flagged"]})
    for m in c.methods:
        lo, thr, hi = c.bands[m]
        table[labels[m]] = [
            (t("yes", lang) if f else t("no", lang)) + (f" · {t('str_close', lang)}" if cl else "")
            if pd.notna(s)
            else t("str_not_assessed", lang)
            for f, cl, s in zip(a[f"flag__{m}"], a[f"close__{m}"], a[f"score__{m}"])
        ]
    st.dataframe(table.sort_values(t("str_n_methods", lang), ascending=False), hide_index=True, width="stretch")
    st.caption(
        " · ".join(
            t(
                "str_band_of",
                lang,
                method=labels[m],
                low=fmt_number(c.bands[m][0], 2, lang),
                high=fmt_number(c.bands[m][2], 2, lang),
            )
            for m in c.methods
        )
    )


def _sandbox_tab(ds, year: int, lang: str) -> None:
    st.markdown(t("str_sandbox_intro", lang))
    base = default_setup(ds, year)
    methods = method_names()
    method = st.selectbox(
        t("needs_method", lang),
        methods,
        index=methods.index(base.method),
        key="str_sb_method",
        format_func=lambda m: t(need_method(m).text_key("label"), lang),
    )
    preset = need_method(method).threshold
    threshold = st.number_input(
        t("needs_flag_threshold", lang), value=float(preset), step=0.05, format="%.2f", key=f"str_sb_threshold_{method}"
    )
    weights = {}
    with st.expander(t("str_weights", lang), expanded=False):
        cols = st.columns(2)
        for n, ind in enumerate(base.indicators):
            weights[ind] = cols[n % 2].number_input(
                ds.catalogue[ind].label(voice=common.voice()),
                min_value=0.0,
                max_value=5.0,
                value=1.0,
                step=0.5,
                key=f"str_sb_w_{ind}",
            )
    try:
        trial, changes = sandbox(
            ds,
            year,
            method=method,
            threshold=float(threshold),
            weights=weights if any(w != 1.0 for w in weights.values()) else None,
        )
    except (InputError, ValueError) as exc:
        common.show_error(exc, "warning")
        return
    st.markdown(t("str_sandbox_flagged", lang, n=int(trial["flag"].sum()), total=len(trial)))
    if changes.empty:
        st.info(t("str_sandbox_same", lang))
    else:
        shown = pd.DataFrame(
            {
                t("col_name", lang): changes["name"],
                t("str_change", lang): [
                    t("str_enters" if c == "neu markiert" else "str_leaves", lang) for c in changes["change"]
                ],
                t("str_score_default", lang): [fmt_number(v, 2, lang) for v in changes["score_default"]],
                t("str_score_trial", lang): [fmt_number(v, 2, lang) for v in changes["score_trial"]],
            }
        )
        st.dataframe(shown, hide_index=True, width="stretch")
    st.caption(t("str_sandbox_nothing_saved", lang))


def need_map(ds, result: pd.DataFrame, method: str, outlined: set[str], lang: str, key: str) -> None:
    """The need classes of ``result`` with the areas in ``outlined`` outlined (measures)."""
    layer = score_layer(ds, result["id"], result["score"])
    words = dict(zip(result["id"].astype(str), need_words(result["label"], voice=common.voice())))
    layer["note"] = layer["code"].astype(str).map(words).fillna("").tolist()
    layer["flagged"] = layer["code"].astype(str).isin(outlined).to_numpy()
    map_labels = MapLabels(
        indicator_label=t(need_method(method).text_key("score"), lang),
        voice=Voice.of(lang),
        decimals=2,
        flag_label=t("str_with_measure", lang),
    )
    m = build_map(
        MapLayer(layer, need_classes(result, method, voice=common.voice()), map_labels),
        attribution=ds.geography.label(voice=common.voice()),
        tiles=common.tiles(),
    )
    show_map(m, key=key, height=480)


def share_text(value: float | None, lang: str) -> str:
    return "–" if value is None else fmt_percent(100 * value, 0, lang)
