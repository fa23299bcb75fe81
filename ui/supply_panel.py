"""Reach of the facility layers beside the need classes (Bedarfslagen) and in the area profile.

One call from each page (:func:`reach_beside_needs`, :func:`reach_in_profile`); the numbers are
:mod:`geo.spatial.reach_need`.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from geo.spatial.facility_kinds import KINDS, source_line
from indicators.formatting import fmt_number
from indicators.needs.words import need_words
from indicators.wording import t
from ui import common


def _reach(ds, year: int) -> dict:
    from geo.spatial.reach_need import kind_reach  # PySAL access: loaded when a panel opens, not with the page

    out = {}
    for kind in KINDS:
        result = common.derived(
            ds, ("supply_kind_reach", kind, year), partial(kind_reach, ds=ds, kind=kind, year=year), keep=4
        )
        if result is not None:
            out[kind] = result
    return out


def _fmt(v: float, dec: int, lang: str) -> str:
    return fmt_number(v, dec, lang) if pd.notna(v) else t("suppressed", lang)


def reach_beside_needs(ds, needs: pd.DataFrame, year: int, lang: str) -> None:
    """An expander with each area's need class, flag and the reach and gap of every facility layer."""
    reach = _reach(ds, year)
    if not reach:
        return
    from geo.spatial.reach_need import need_and_reach

    with st.expander(t("sup_needs_title", lang)):
        table = need_and_reach(needs=needs, reach=reach, areas=ds.areas)
        shown = pd.DataFrame(
            {
                "name": table["name"],
                "label": need_words(table["label"], voice=common.voice()),
                "flag": [t("yes", lang) if f else t("no", lang) for f in table["flag"]],
            }
        )
        headers = {
            "name": t("sup_col_name", lang),
            "label": t("sup_col_need", lang),
            "flag": t("needs_elevated_need", lang),
        }
        for kind, result in reach.items():
            name, dist = t(KINDS[kind].label_key, lang), f"{result.distance:g}"
            shown[f"{kind}_access"] = [_fmt(v, 3, lang) for v in table[f"{kind}_access"]]
            shown[f"{kind}_gap"] = [_fmt(v, 1, lang) for v in table[f"{kind}_gap"]]
            headers[f"{kind}_access"] = t("sup_col_kind_access", lang, kind=name)
            headers[f"{kind}_gap"] = t("sup_col_kind_gap", lang, kind=name, distance=dist)
        st.dataframe(shown.rename(columns=headers), hide_index=True, width="stretch")
        low = table[table["low_any"]]
        st.markdown(
            "**" + t("sup_need_low_reach", lang) + ":** " + (", ".join(low["name"]) if len(low) else t("none", lang))
        )
        st.caption(t("sup_needs_note", lang) + " " + "; ".join(source_line(k) for k in reach))


def reach_in_profile(ds, code: str, year: int, lang: str) -> None:
    """Lines for the area profile: reach and gap of each facility layer in area ``code``."""
    reach = _reach(ds, year)
    lines = []
    for kind, result in reach.items():
        af = result.area_frame(ds.areas).set_index("code")
        if code not in af.index:
            continue
        r = af.loc[code]
        lines.append(
            t(
                "sup_profile_line",
                lang,
                kind=t(KINDS[kind].label_key, lang),
                access=_fmt(r["access"] * 1000, 3, lang),
                gap=_fmt(r["uncovered_share"] * 100, 1, lang),
                distance=f"{result.distance:g}",
                city=_fmt(result.uncovered_share * 100, 1, lang),
            )
        )
    if lines:
        st.markdown("**" + t("sup_profile_title", lang) + "**\n\n" + "\n".join(f"- {x}" for x in lines))
