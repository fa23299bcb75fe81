"""Bedarfslagen view: need assessment with map, table, explanations, robustness."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.join import join_values
from geo.spatial.pattern import spatial_pattern
from geo.webmap.folium_map import build_map
from indicators.formatting import fmt_number
from indicators.needs.assess import METHODS, PRESETS
from indicators.needs.assessment import default_setup, need_classes, run_needs
from indicators.needs.explain import summary
from indicators.text import md
from ui import common

METHOD_LABELS = {
    "mss": "MSS (Berlin, Monitoring Soziale Stadtentwicklung)",
    "svi": "SVI (CDC/ATSDR Social Vulnerability Index)",
    "z": "z-Wert-Summe (gewichtet)",
}
SCORE_LABEL = {"mss": "Statusindex", "svi": "SVI-Perzentil", "z": "Bedarfswert (z)"}


@st.cache_data(show_spinner=False, max_entries=16)
def _run(geo_id: str, key: tuple, year: int, method: str, indicators: tuple, threshold: float):
    ds = common.dataset(geo_id)
    setup = default_setup(ds, year)
    setup.method = method
    setup.indicators = list(indicators)
    setup.directions = {i: setup.directions.get(i, 1) for i in indicators + tuple(setup.dynamic_indicators)}
    if method != "mss":
        setup.dynamic_indicators = []
    setup.params = {"flag_threshold": threshold}
    return run_needs(ds, year, setup)


def render() -> None:
    lang = common.lang()
    geo_id = common.geography_picker()
    ds = common.dataset(geo_id)
    sb = st.sidebar
    year = sb.selectbox("Jahr" if lang == "de" else "Year", ds.years[::-1], key="needs_year")
    base = default_setup(ds, year)
    method = sb.selectbox("Verfahren" if lang == "de" else "Method", METHODS,
                          index=METHODS.index(base.method), format_func=METHOD_LABELS.get)
    candidates = [i for i in ds.catalogue if ds.catalogue[i].kind != "count"
                  and i not in base.dynamic_indicators and ds.years_for(i)]
    chosen = sb.multiselect("Indikatoren" if lang == "de" else "Indicators", candidates,
                            default=[i for i in base.indicators if i in candidates],
                            format_func=lambda i: ds.catalogue[i].label(lang))
    threshold = sb.number_input("Schwelle für Markierung" if lang == "de" else "Flag threshold",
                                value=float(PRESETS[method]["flag_threshold"]), step=0.25)
    if not chosen:
        st.info("Bitte mindestens einen Indikator wählen." if lang == "de" else "Choose at least one indicator.")
        return
    result, expl, rob = _run(geo_id, ds.geography.cache_key(), year, method, tuple(chosen), threshold)

    st.subheader(("Bedarfslagen" if lang == "de" else "Needs") + f" – {md(ds.geography.label(lang))} {year}")
    st.caption(PRESETS_NOTE.get(method, ""))
    layer = join_values(ds.areas, pd.DataFrame({
        "area_code": result["id"], "value": result["score"], "numerator": np.nan,
        "denominator": np.nan, "suppressed": False}))
    layer["flagged"] = result["flag"].to_numpy()
    layer["note"] = _notes(result, rob, lang)
    classes = need_classes(result, method, lang)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        m = build_map(layer, classes, indicator_label=SCORE_LABEL[method], unit="",
                      lang=lang, decimals=2, attribution=ds.geography.label(lang),
                      flag_label="erhöhter Bedarf" if lang == "de" else "elevated need", **common.tiles())
        st_folium(m, key=f"needs-{geo_id}", height=560, use_container_width=True, returned_objects=[])
    with right:
        flagged = result[result["flag"]].sort_values("rank")
        st.markdown(f"**{'Markierte Gebiete' if lang == 'de' else 'Flagged areas'}: {len(flagged)}**")
        reasons = summary(expl)
        for _, row in flagged.head(30).iterrows():
            st.markdown(f"- **{md(row['name'])}** ({md(row['label'])}): {md(reasons.get(row['id'], ''))}")
    table = result[["id", "name", "label", "score", "rank", "flag", "status"]].copy()
    table["score"] = [fmt_number(v, 2, lang) for v in table["score"]]
    if rob is not None:
        r = rob.set_index("id")
        table["robustness"] = table["id"].map(r["robustness"])
        table["share"] = [fmt_number(v * 100, 0, lang) + " %" if pd.notna(v) else "–"
                          for v in table["id"].map(r["share"])]
        table["rank_range"] = [f"{a}–{b}" if pd.notna(a) else "–"
                               for a, b in zip(table["id"].map(r["rank_min"]), table["id"].map(r["rank_max"]))]
    table["reasons"] = table["id"].map(reasons).astype(object).fillna("")
    st.dataframe(table.sort_values("rank"), hide_index=True, width="stretch")
    _pattern(ds, layer, lang)
    common.source_footer(ds)


def _notes(result: pd.DataFrame, rob: pd.DataFrame | None, lang: str) -> list[str]:
    """Tooltip line per area: class label and, if computed, robustness of its flag."""
    robust = rob.set_index("id") if rob is not None else None
    out = []
    for rid, label in zip(result["id"], result["label"]):
        text = str(label)
        if robust is not None and rid in robust.index and pd.notna(robust.at[rid, "share"]):
            share = fmt_number(100 * robust.at[rid, "share"], 0, lang)
            text += f" · {robust.at[rid, 'robustness']} ({share} %)"
        out.append(text)
    return out


PRESETS_NOTE = {
    "mss": "Statusindex: standardisierte Summe der z-Werte der Statusindikatoren; Klassen hoch < −1 ≤ mittel ≤ +1 < niedrig ≤ +1,5 < sehr niedrig. Markiert: niedrig und sehr niedrig.",
    "svi": "Perzentilränge (rank−1)/(N−1), Summe neu gerangt; markiert ab dem Perzentil der Schwelle.",
    "z": "Gewichteter Mittelwert der vorzeichenrichtigen z-Werte; markiert ab der Schwelle.",
}


def _pattern(ds, layer, lang: str) -> None:
    with st.expander("Räumliches Muster (explorativ): Moran's I und LISA" if lang == "de"
                     else "Spatial pattern (exploratory): Moran's I and LISA"):
        pat = spatial_pattern(layer, "value")
        st.write(f"Moran's I = {fmt_number(pat.moran_i, 3, lang)}, p = {fmt_number(pat.p_sim, 3, lang)}")
        st.caption(pat.note)
        counts = pat.local["cluster"].value_counts().rename_axis("Cluster").reset_index(name="Anzahl")
        st.dataframe(counts, hide_index=True)
