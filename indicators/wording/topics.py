"""Wording: the topics (themes) of the shipped indicator catalogues. Entries are ``key: (German, English)``.

A catalogue names each indicator's topic in German (``topic: Altersstruktur`` in ``data/indicators.yaml``);
:data:`TOPIC_KEYS` finds the entry of that name here, so report chapters, profiles and exports say
"Age structure" in English. A topic of a catalogue a user loads keeps its own name in both languages.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "topic_population": ("Bevölkerung", "Population"),
    "topic_age": ("Altersstruktur", "Age structure"),
    "topic_births_deaths": ("Natürliche Bevölkerungsbewegung", "Births and deaths"),
    "topic_migration": ("Wanderungen", "Migration"),
    "topic_schools": ("Schulen", "Schools"),
    "topic_kitas": ("Kitas", "Day-care centres (Kitas)"),
    "topic_census_2011": ("Zensus 2011", "Census 2011"),
    "topic_census_grid": ("Zensus-Gitter", "Census grid"),
    "topic_work_benefits": ("Arbeit und Transferbezug", "Work and benefits"),
    "topic_note": ("Hinweis", "Note"),
    "topic_own_data": ("Eigene Daten", "Own data"),
}

#: A catalogue's (German) topic name → its key above.
TOPIC_KEYS: dict[str, str] = {german: key for key, (german, _english) in TEXTS.items()}
