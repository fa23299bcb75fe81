"""About page: what the tool shows, sources and licences."""

from __future__ import annotations

import streamlit as st

from indicators.text import md
from indicators.wording import pick, t
from ui import common


def render() -> None:
    lang = common.lang()
    st.markdown(t("about_body", lang))
    for geo_id, geo in common.geographies().items():
        ds = common.dataset(geo_id)
        st.markdown(f"#### {md(geo.label(voice=common.voice()))}")
        for src in ds.sources.values():  # all of it may come from an upload: text, no links
            link = f" – {md(src.url)}" if src.url else ""
            note = pick((src.note_de, src.note_en), lang)
            st.markdown(f"- {md(src.label)}, {md(src.licence)}{link}" + (f"  \n  {md(note)}" if note else ""))
        if geo.attribution:
            st.markdown(f"- {md(geo.attribution)}")
