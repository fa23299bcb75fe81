"""The atlas's area profile: every indicator of the chosen area, its reach (Versorgung), its measures
and goals (Planung) and the time series of the shown indicator."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.webmap.folium_map import COMPACT_MIN_AREAS
from indicators.compute.profile import area_profile, profile_table
from indicators.compute.timeseries import area_series
from indicators.formatting import fmt_value
from indicators.text import md
from indicators.wording import display_columns, t
from ui import common, downloads
from ui.state import AtlasView


def profile(ds, layer, c: AtlasView, lang: str) -> None:
    """The chosen area's profile (every indicator), its reach and measures, and its time series."""
    st.markdown(f"### {t('profile', lang)}")
    names = dict(zip(layer["code"], layer["name"]))
    # grid cells are named by their position: the long INSPIRE id would double the options' bytes
    by_name = len(names) > COMPACT_MIN_AREAS and layer["name"].is_unique
    st.selectbox(
        t("choose_area", lang),
        list(names),
        key="area",
        placeholder=t("none", lang),
        format_func=(lambda x: str(names[x])) if by_name else (lambda x: f"{x} {names[x]}"),
    )
    code = st.session_state.get("area")
    common.sync_url(area=code)
    if not code:
        return
    # every indicator of the area: the same for every rerun of this area, year and language
    prof = common.derived(ds, ("area_profile", code, c.year, lang), lambda: area_profile(ds, code, c.year, lang))
    if prof.empty:
        return
    st.dataframe(display_columns(profile_table(prof, lang), lang), hide_index=True, width="stretch")
    from ui import supply_panel  # loaded with the profile, not with the page (warm-up split)

    supply_panel.reach_in_profile(ds, code, c.year, lang)  # reach of the facility layers (Versorgung)
    downloads.profile_download(ds, code, c.year, lang)
    from ui.pages.planning_form import area_section  # the area's measures and goals (Planung)

    area_section(ds.geography.id, code, lang, {i: ds.catalogue[i].label(lang) for i in ds.catalogue})
    ind = ds.catalogue[c.indicator]
    ts, decimals = common.derived(
        ds, ("series", c.indicator, code), lambda: area_series(ds.values, ind, code, ds.geography.reference_code)
    )
    ts = ts.set_axis([names.get(col, ds.geography.reference_label(voice=common.voice())) for col in ts.columns], axis=1)
    st.markdown(f"**{t('series_title', lang)}: {md(ind.label(lang))}**")
    st.altair_chart(series_chart(ts, ind.unit_for(lang), decimals, lang), width="stretch")


# Vega formats numbers the English way unless the chart carries a locale (indicators.wording.locale)


def series_chart(ts: pd.DataFrame, unit: str, decimals: int, lang: str):
    """Line chart of a time series (years × areas): years without thousands separators, numbers in ``lang``."""
    import altair as alt

    from indicators.wording.locale import vega_locale  # with the chart, not at the page's import (warm-up)

    long = ts.rename_axis("year").reset_index().melt("year", var_name="area", value_name="value").dropna()
    long["year"] = long["year"].astype(int)
    long["shown"] = [fmt_value(v, unit, decimals, lang) for v in long["value"]]
    axis = alt.Axis(format=f",.{decimals}f")  # "21,0" in German: the chart carries the locale
    title = f"{t('value', lang)} ({unit})" if unit else t("value", lang)
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", title=t("year", lang), axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False), axis=axis),
            color=alt.Color("area:N", title=t("col_name", lang)),
            tooltip=[
                alt.Tooltip("area:N", title=t("col_name", lang)),
                alt.Tooltip("year:Q", title=t("year", lang), format="d"),
                alt.Tooltip("shown:N", title=title),
            ],
        )
        .configure(locale=vega_locale(lang))
    )
