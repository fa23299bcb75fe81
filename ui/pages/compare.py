"""Gebietsvergleich: two to four areas (and the city) side by side over all indicators.

Values and ranks come from :mod:`indicators.compute.compare`, the PDF from
:mod:`geo.report.compare`. The chosen areas and the year are part of the shared view
(``?areas=01,05&year=2022``), so a link reopens the comparison.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.formats import export_format
from geo.report.compare import AREA_COLORS, CITY_COLOR, area_names
from indicators.compute.compare import MAX_AREAS, MIN_AREAS, compare_cells, compare_series, compare_table
from indicators.formatting import fmt_value
from indicators.text import md
from indicators.wording import t
from indicators.wording.locale import vega_locale
from indicators.wording.voice import Voice
from ui import common

MANY_OPTIONS = 3000  # above this (grid cells) the areas are typed as codes instead of picked from a list
CHART_COLS = 3


def _area_choice(ds, lang: str) -> list[str]:
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    if "cmp_areas" not in st.session_state:
        raw = common.url_default("areas", None) or common.remembered("areas") or ""
        linked = [c for c in dict.fromkeys(str(raw).split(",")) if c in names][:MAX_AREAS]
        st.session_state["cmp_areas"] = linked
    too_many = len(st.session_state["cmp_areas"]) > MAX_AREAS  # a fifth area picked: keep four and say so
    st.session_state["cmp_areas"] = [c for c in st.session_state["cmp_areas"] if c in names][:MAX_AREAS]
    if too_many:
        st.sidebar.warning(t("cmp_too_many", lang))
    if len(names) > MANY_OPTIONS:
        text = st.sidebar.text_input(t("cmp_areas", lang), ",".join(st.session_state["cmp_areas"]))
        st.session_state["cmp_areas"] = [c for c in dict.fromkeys(x.strip() for x in text.split(",")) if c in names][
            :MAX_AREAS
        ]
        chosen = list(st.session_state["cmp_areas"])
    else:
        # no max_selections: Streamlit would say "You can only select up to 4 options" in English only;
        # a fifth area is refused with the wording table's note instead
        chosen = st.sidebar.multiselect(
            t("cmp_areas", lang),
            list(names),
            key="cmp_areas",
            placeholder=t("choose_options", lang),
            format_func=lambda c: f"{c} {names[c]}",
            select_all=common.select_all(),
        )[:MAX_AREAS]
    common.sync_url(areas=",".join(chosen) or None)
    return chosen


def render() -> None:
    lang = common.lang()
    picked = common.page_dataset(lang)
    if picked is None:
        return
    geo_id, ds = picked
    years = list(ds.years[::-1])
    common.init_state("cmp_year", years[0], int, set(years), param="year")
    year = st.sidebar.selectbox(t("year", lang), years, key="cmp_year")
    common.sync_url(year=year)
    codes = _area_choice(ds, lang)
    st.subheader(t("cmp_title", lang, year=year) + f" – {md(ds.geography.label(voice=common.voice()))}")
    if len(codes) < MIN_AREAS:
        st.info(t("cmp_choose", lang))
        common.source_footer(ds)
        return
    table = compare_table(ds, codes, year, voice=common.voice())
    names = area_names(ds, codes)
    city = ds.geography.reference_label(voice=common.voice())
    st.dataframe(_shown(table, codes, names, city, lang), hide_index=True, width="stretch")
    st.caption(t("cmp_footnote", lang, n=int(table["n"].max()) if len(table) else 0, k=ds.min_count))
    _pdf_button(ds, codes, year, lang)
    st.markdown(f"### {t('cmp_series', lang)}")
    _charts(ds, table, codes, names, city, lang)
    common.source_footer(ds)


def _shown(table: pd.DataFrame, codes: list[str], names: dict[str, str], city: str, lang: str) -> pd.DataFrame:
    """Indicator, then per area its value and rank, then the city (headers in words)."""
    cells = compare_cells(table, codes, voice=common.voice())
    out = {t("indicator", lang): list(table["label"])}
    for code in codes:
        out[names[code]] = cells[f"value:{code}"]
        out[f"{names[code]} – {t('cmp_rank', lang)}"] = cells[f"rank:{code}"]
    out[city] = cells["city"]
    return pd.DataFrame(out)


def _pdf_button(ds, codes: list[str], year: int, lang: str) -> None:
    def make() -> bytes:
        from geo.report.compare import build_compare_pdf

        return build_compare_pdf(ds, codes, year, voice=Voice.of(lang))

    st.download_button(
        t("cmp_pdf", lang),
        make,
        f"gebietsvergleich_{ds.geography.id}_{year}.pdf",
        export_format("pdf").mime,
        on_click="ignore",
        key="dl-compare-pdf",
        help=t("cmp_pdf_note", lang),
    )


def _charts(ds, table: pd.DataFrame, codes: list[str], names: dict[str, str], city: str, lang: str) -> None:
    """One small line chart per indicator with more than one year (Altair; years as 2022, not 2,022)."""
    rows = [r for _, r in table.iterrows() if len(common.years_for(ds, r["indicator"])) > 1]
    if not rows:
        st.caption(t("cmp_no_series", lang))
        return
    ref = ds.geography.reference_code
    label_of = {**names, **({ref: city} if ref else {})}
    domain = [names[c] for c in codes] + ([city] if ref else [])
    colors = list(AREA_COLORS[: len(codes)]) + ([CITY_COLOR] if ref else [])
    st.altair_chart(_key(domain, colors), width="stretch")
    cols = st.columns(CHART_COLS)
    for i, row in enumerate(rows):
        s = compare_series(ds, row["indicator"], codes)
        if row["kind"] == "count" and ref in s.columns:
            s = s.drop(columns=ref)  # the city's count would flatten the areas' lines
        long = (
            s.rename(columns=label_of)
            .rename_axis("year")
            .reset_index()
            .melt("year", var_name="area", value_name="value")
            .dropna(subset=["value"])
        )
        title = f"{row['label']} ({row['unit']})" if row["unit"] else str(row["label"])
        # Vega formats the English way: tooltips get the text formatted here, the axis swaps separators
        ind = ds.catalogue[row["indicator"]]
        dec = ind.decimals_for(long["value"])
        long["shown"] = [fmt_value(v, ind.unit_for(voice=common.voice()), dec, lang) for v in long["value"]]
        y_axis = alt.Axis(title=None, format=f",.{dec}f")  # German separators from the chart's locale
        chart = (
            alt.Chart(long, title=alt.TitleParams(title, fontSize=12, anchor="start"))
            .mark_line(point=True)
            .encode(
                x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
                y=alt.Y("value:Q", scale=alt.Scale(zero=False), axis=y_axis),
                color=alt.Color("area:N", title=None, scale=alt.Scale(domain=domain, range=colors), legend=None),
                tooltip=[
                    alt.Tooltip("area:N", title=t("name", lang)),
                    alt.Tooltip("year:Q", title=t("cmp_year", lang), format="d"),
                    alt.Tooltip("shown:N", title=t("value", lang)),
                ],
            )
            .properties(height=200)
            .configure(locale=vega_locale(lang))
        )
        with cols[i % CHART_COLS]:
            st.altair_chart(chart, width="stretch")


def _key(names: list[str], colors: list[str]) -> alt.LayerChart:
    """One colour key for all charts (a legend inside each small chart squeezes its plot to nothing)."""
    key = pd.DataFrame({"area": names, "slot": range(len(names))})
    scale = alt.Scale(domain=names, range=colors)
    x = alt.X("slot:Q", axis=None, scale=alt.Scale(domain=[-0.1, len(names)]))
    dots = (
        alt.Chart(key).mark_circle(size=140, opacity=1).encode(x=x, color=alt.Color("area:N", scale=scale, legend=None))
    )
    labels = alt.Chart(key).mark_text(align="left", dx=10, fontSize=13).encode(x=x, text="area:N")
    return alt.layer(dots, labels).properties(height=30).configure_view(stroke=None)
