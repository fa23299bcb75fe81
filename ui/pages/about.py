"""About page: what the tool shows, sources and licences."""
from __future__ import annotations

import streamlit as st

from indicators.text import md
from ui import common

TEXT_DE = """
Der **Sozialmonitor Lübeck** zeigt kleinräumige Indikatoren der Hansestadt Lübeck als Karte,
Tabelle und Gebietsprofil. Er ersetzt den gedruckten Armuts- und Sozialbericht durch ein
Werkzeug, das mit aktuellen Daten arbeitet. Die Anwendung läuft vollständig offline.

Mitgelieferte Daten sind demografisch (Melderegister 2010–2022). Sozialdaten (SGB II,
Arbeitslosigkeit) lädt die Stadt selbst über „Daten laden“. Fallzahlen unter der
Geheimhaltungsschwelle verlassen das Werkzeug nicht.
"""
TEXT_EN = """
The **Sozialmonitor Lübeck** shows small-area indicators of the Hansestadt Lübeck as maps,
tables and area profiles. It replaces the printed poverty and social report with a tool that
works on current data. The app runs fully offline.

Shipped data are demographic (population register 2010–2022). Social data (SGB II,
unemployment) are loaded by the city itself via "Load data". Counts below the disclosure
threshold never leave the tool.
"""


def render() -> None:
    lang = common.lang()
    st.markdown(TEXT_EN if lang == "en" else TEXT_DE)
    for geo_id, geo in common.geographies().items():
        ds = common.dataset(geo_id)
        st.markdown(f"#### {md(geo.label(lang))}")
        for src in ds.sources.values():  # all of it may come from an upload: text, no links
            link = f" – {md(src.url)}" if src.url else ""
            note = src.note_en if lang == "en" else src.note_de
            st.markdown(f"- {md(src.label)}, {md(src.licence)}{link}" + (f"  \n  {md(note)}" if note else ""))
        if geo.attribution:
            st.markdown(f"- {md(geo.attribution)}")
