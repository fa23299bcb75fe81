"""Strategie page, area parts: typology (map, profile chart, words) and segregation (chart, MAUP note)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.join import score_layer
from geo.spatial.segregation import counts_on, segregation
from geo.spatial.typology import METHODS, TypologyError, silhouettes, type_classification, typology
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.errors import InputError
from indicators.formatting import fmt_number
from indicators.text import md
from indicators.wording import t
from indicators.wording.voice import Voice
from ui import common
from ui.map_view import show_map


@st.cache_data(show_spinner=False, max_entries=8)
def _typology(geo_id: str, key: tuple, indicators: tuple, k: int, method: str, year: int):  # noqa: ARG001 (keys the Streamlit cache)
    return typology(common.dataset(geo_id), indicators=list(indicators), k=k, method=method, year=year)


@st.cache_data(show_spinner=False, max_entries=8)
def _silhouettes(geo_id: str, key: tuple, indicators: tuple, year: int, method: str):  # noqa: ARG001 (keys the Streamlit cache)
    return silhouettes(common.dataset(geo_id), indicators=list(indicators), year=year, method=method)


@st.cache_data(show_spinner=False, max_entries=8)
def _segregation(geo_id: str, key: tuple, group: str, total: str):  # noqa: ARG001 (keys the Streamlit cache)
    return segregation(common.dataset(geo_id), group=group, total=total, permutations=999)


def types_tab(ds, year: int, lang: str) -> None:
    geo_id = ds.geography.id
    candidates = [i for i, ind in ds.catalogue.items() if ind.kind != "count" and year in ds.years_for(i)]
    if len(candidates) < 2:
        st.info(t("str_types_few", lang))
        return
    preset = [
        i for i in ("share_under18", "share_65plus", "population_density", "net_migration_per_1000") if i in candidates
    ] or candidates[:3]
    voice = common.voice()  # bound now: a format_func may run after the page
    chosen = st.multiselect(
        t("needs_indicators", lang),
        candidates,
        default=preset,
        key=f"str_ty_ind_{geo_id}",
        placeholder=t("choose_options", lang),
        format_func=lambda i: ds.catalogue[i].label(voice=voice),
        select_all=common.select_all(),
    )
    c1, c2 = st.columns(2)
    method = c1.selectbox(
        t("str_types_method", lang), METHODS, key="str_ty_method", format_func=lambda m: t(f"typ_method_{m}", lang)
    )
    k = c2.number_input(t("str_types_k", lang), min_value=2, max_value=12, value=3, step=1, key="str_ty_k")
    if not chosen:
        st.info(t("needs_choose_at_least_one", lang))
        return
    try:
        ty = _typology(geo_id, ds.geography.cache_key(), tuple(chosen), int(k), method, year)
    except (TypologyError, InputError) as exc:
        common.show_error(exc, "warning")
        return
    labels = {i: ds.catalogue[i].label(voice=common.voice()) for i in chosen}
    words = ty.words(labels, voice=common.voice())
    layer = score_layer(ds, ty.areas["id"], ty.areas["type"])  # the type number as the value
    layer["note"] = [
        words.get(int(v), t("str_left_out", lang)) if v == v and v > 0 else t("str_left_out", lang)
        for v in layer["value"]
    ]
    left, right = st.columns([3, 2], gap="medium")
    with left:
        map_labels = MapLabels(indicator_label=t("str_type", lang), voice=Voice.of(lang), decimals=0)
        m = build_map(
            MapLayer(layer, type_classification(layer, ty, voice=common.voice()), map_labels),
            attribution=ds.geography.label(voice=common.voice()),
            tiles=common.tiles(),
        )
        show_map(m, key=f"str-types-{geo_id}", height=480)
    with right:
        for n, text in words.items():
            members = ty.areas.loc[ty.areas["type"] == n, "name"].tolist()
            st.markdown(
                f"**{t('typ_type', lang, k=n)}** ({len(members)}): {md(text)}  \n"
                f"<small>{md(', '.join(members[:25]))}{' …' if len(members) > 25 else ''}</small>",
                unsafe_allow_html=True,
            )
        if ty.left_out:
            st.caption(t("str_types_left_out", lang, n=len(ty.left_out), ids=", ".join(ty.left_out[:20])))
    prof = ty.profiles.rename(columns=labels).reset_index().melt("type", var_name="indicator", value_name="z")
    prof["type"] = [t("typ_type", lang, k=int(x)) for x in prof["type"]]
    chart = (
        alt.Chart(prof)
        .mark_bar()
        .encode(
            x=alt.X("z:Q", title=t("str_profile_z", lang)),
            y=alt.Y("indicator:N", title=None),
            color=alt.Color("type:N", title=t("str_type", lang)),
            row=alt.Row("type:N", title=None),
        )
    )
    st.altair_chart(chart, width="stretch")
    if method != "skater":
        sil = _silhouettes(geo_id, ds.geography.cache_key(), tuple(chosen), ty.year, method)
        if sil:
            best = max(sil, key=sil.__getitem__)
            st.caption(
                t(
                    "str_types_silhouette",
                    lang,
                    best=best,
                    values=", ".join(f"k={k_}: {fmt_number(v, 2, lang)}" for k_, v in sil.items()),
                )
            )
    st.caption(t("str_types_note", lang, year=ty.year))


def segregation_tab(ds, lang: str) -> None:
    geo_id = ds.geography.id
    counts = [i for i, ind in ds.catalogue.items() if ind.kind == "count" and ds.years_for(i)]
    if len(counts) < 2:
        st.info(t("str_seg_few", lang))
        return
    c1, c2 = st.columns(2)
    voice = common.voice()  # bound now: a format_func may run after the page
    group = c1.selectbox(
        t("str_seg_group", lang),
        counts,
        key=f"str_seg_group_{geo_id}",
        index=counts.index("pop_65plus") if "pop_65plus" in counts else 1,
        format_func=lambda i: ds.catalogue[i].label(voice=voice),
    )
    total = c2.selectbox(
        t("str_seg_total", lang),
        counts,
        key=f"str_seg_total_{geo_id}",
        index=counts.index("population_total") if "population_total" in counts else 0,
        format_func=lambda i: ds.catalogue[i].label(voice=voice),
    )
    res = _segregation(geo_id, ds.geography.cache_key(), group, total)
    frame = res.frame()
    if frame.empty or frame["dissimilarity"].isna().all():
        st.info(t("str_seg_none", lang))
    else:
        long = frame.melt("year", ["dissimilarity", "isolation", "entropy"], var_name="index", value_name="v")
        long["index"] = [t(f"str_seg_{i}", lang) for i in long["index"]]
        st.altair_chart(
            alt.Chart(long)
            .mark_line(point=True)
            .encode(
                x=alt.X("year:O", title=t("year", lang)),
                y=alt.Y("v:Q", title=t("str_seg_value", lang)),
                color=alt.Color("index:N", title=None),
            ),
            width="stretch",
        )
        shown = pd.DataFrame(
            {
                t("year", lang): frame["year"],
                t("str_seg_dissimilarity", lang): [fmt_number(v, 3, lang) for v in frame["dissimilarity"]],
                t("str_seg_isolation", lang): [fmt_number(v, 3, lang) for v in frame["isolation"]],
                t("str_seg_entropy", lang): [fmt_number(v, 3, lang) for v in frame["entropy"]],
                "p (D)": [fmt_number(v, 3, lang) for v in frame["p_dissimilarity"]],
                t("str_seg_left_out", lang): frame["left_out"].replace("", "–"),
            }
        )
        st.dataframe(shown, hide_index=True, width="stretch")
    st.caption(t("str_seg_method", lang))
    _maup(ds, group, total, lang)


def _maup(ds, group: str, total: str, lang: str) -> None:
    """The modifiable areal unit problem: the same counts on other geographies, where they exist."""
    st.markdown(f"**{t('str_maup_title', lang)}** {t('str_maup_body', lang)}")
    others = {g: pair for g, pair in counts_on(ds.geography.id, group, total).items() if g != ds.geography.id}
    rows = []
    for g, (gg, tt) in others.items():
        try:
            r = _segregation(g, common.dataset(g).geography.cache_key(), gg, tt)
        except InputError:
            continue
        for y in r.years:
            if y.dissimilarity is not None:
                rows.append(
                    {
                        t("geography", lang): common.dataset(g).geography.label(voice=common.voice()),
                        t("year", lang): y.year,
                        t("str_seg_dissimilarity", lang): fmt_number(y.dissimilarity, 3, lang),
                        t("str_seg_n_areas", lang): y.n_areas,
                    }
                )
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    elif others:
        st.caption(t("str_maup_missing", lang, geographies=", ".join(others)))
