"""Daten laden, shared by every upload kind: the check report and the reload after a change."""

from __future__ import annotations

import streamlit as st

from indicators.text import md
from indicators.wording import display_columns
from indicators.wording.voice import Voice


def saved(message: str) -> None:
    """Reload so every list shows the new dataset, and say so on the next run."""
    changed(message)


def show_report(report, lang: str) -> None:
    """The summary (green, amber when rows or values were dropped, red when unusable), errors first."""
    box = {"ok": st.success, "warning": st.warning}.get(report.level, st.error)
    voice = Voice.of(lang)
    box(md(report.summary(voice=voice)))
    if report.findings:
        st.dataframe(display_columns(report.to_frame(voice=voice), lang), hide_index=True, width="stretch")


def changed(message: str = "") -> None:
    """Reload so every list shows the change (and ``message`` on the next run)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    if message:
        st.session_state["upload_message"] = message
    st.rerun()
