"""Methoden page: what each need method, flag and protection rule means, and the indicator ids
of the current geography that the query tool understands."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.needs.registry import NEED_METHODS
from indicators.text import md
from indicators.wording import t
from ui import common

SECTIONS = ("flags", "robust", "lisa", "eb", "disclosure", "estimate")  # after one section per need method


def sections() -> list[tuple[str, str]]:
    """(title key, body key) of each section: the registered need methods, then :data:`SECTIONS`."""
    methods = [(m.text_key("about_title"), m.text_key("about_body")) for m in NEED_METHODS.values()]
    return [*methods, *((f"methods_{name}_title", f"methods_{name}_body") for name in SECTIONS)]


def query_indicators(ds, lang: str) -> pd.DataFrame:
    """Id, label and unit of every indicator of ``ds`` that has values (the query tool's names)."""
    present = set(ds.values["indicator"].unique())
    rows = [(i, ind.label(lang), ind.unit_for(lang)) for i, ind in ds.catalogue.items() if i in present]
    return pd.DataFrame(
        rows, columns=[t("methods_col_id", lang), t("methods_col_label", lang), t("methods_col_unit", lang)]
    )


def render() -> None:
    lang = common.lang()
    st.title(t("methods_title", lang))
    st.markdown(t("methods_intro", lang))
    for title, body in sections():
        st.subheader(t(title, lang))
        st.markdown(t(body, lang))
    geo_id = common.geography_picker()
    ds = common.dataset(geo_id)
    table = query_indicators(ds, lang)
    st.subheader(t("methods_ids_title", lang))
    example = str(table.iloc[0, 0]) if len(table) else "id"
    st.markdown(
        t("methods_ids_body", lang, example=md(example), geography=md(ds.geography.label(voice=common.voice())))
    )
    st.dataframe(table, hide_index=True, use_container_width=True)
