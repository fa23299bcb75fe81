"""Wording: PDF social report: cover, pages, methods appendix. Entries are ``key: (German, English)``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "rep_share": ("Anteil", "Share"),
    "rep_vs_city": ("zur Stadt", "vs. city"),
    "rep_trend": ("Entwicklung ", "Trend "),
    "rep_series_too_short": ("Zeitreihe zu kurz", "Series too short"),
    "rep_definition": ("Definition: ", "Definition: "),
    "rep_flagged_see_overview": ("● = erhöhter Bedarf (siehe Übersicht)", "● = elevated need (see overview)"),
    "rep_none": ("keine", "none"),
    "rep_at_least_1_flagged": ("erhöhter Bedarf bei mind. 1 Indikator", "elevated need on at least 1 indicator"),
    "rep_count": ("Anzahl", "Count"),
    "rep_flagged_on": ("erhöhter Bedarf bei", "elevated need on"),
    "rep_residents": ("Einwohnerinnen und Einwohner: ", "Residents: "),
    "rep_methods": ("Methoden", "Methods"),
    "rep_indicators_and_definitions": ("Indikatoren und Definitionen", "Indicators and definitions"),
    "rep_sources_and_licences": ("Quellen und Lizenzen", "Sources and licences"),
    "rep_attribution": ("Namensnennung: ", "Attribution: "),
    "rep_overview_flagged_areas": ("Übersicht: Gebiete mit erhöhtem Bedarf", "Overview: areas with elevated need"),
    "rep_area_profiles": ("Gebietsprofile", "Area profiles"),
    "rep_methods_and_sources": ("Methoden und Quellen", "Methods and sources"),
    "rep_appendix": ("Anhang", "Appendix"),
    "rep_contents": ("Inhalt", "Contents"),
    "rep_page": ("Seite", "page"),
    "rep_methods_values": (
        "Alle Werte stammen aus der validierten Indikatortabelle der Geografie „{geography}“. Quoten werden immer aus Zählungen berechnet (Summe der Zähler durch Summe der Nenner), auch für die Gesamtstadt.",
        "All values come from the validated indicator table of the geography '{geography}'. Rates are always computed from counts (sum of numerators over sum of denominators), also for the city.",
    ),
    "rep_methods_disclosure": (
        "Datenschutz: Werte aus weniger als {n} Fällen sind gesperrt; sie erscheinen in Karten schraffiert und in Tabellen ohne Zahl.",
        "Disclosure control: values from fewer than {n} cases are suppressed; they are hatched on maps and shown without a number in tables.",
    ),
    "rep_methods_maps": (
        "Karten: Klassenbildung {method} (Farben nach ColorBrewer); Koordinatensystem ETRS89 / UTM 32N (EPSG:25832). Rang 1 = höchster Wert.",
        "Maps: classes {method} (ColorBrewer colours); projection ETRS89 / UTM 32N (EPSG:25832). Rank 1 = highest value.",
    ),
    "rep_flag_rule": (
        "Erhöhter Bedarf: Wert mindestens eine Standardabweichung über (bei Bedarfsrichtung „niedriger = mehr Bedarf“: unter) dem Mittel der Gebiete; nur Quoten und Anteile mit Bedarfsrichtung, keine Anzahlen. Gesperrte Werte werden nie markiert.",
        "Elevated need: value at least one standard deviation above (for indicators where lower means more need: below) the mean of the areas; only rates and shares with a need direction, no counts. Suppressed values are never flagged.",
    ),
    "rep_cover_note": (
        "Kleinräumige Indikatoren aus amtlichen Registerdaten; Werte aus weniger als {n} Fällen sind aus Datenschutzgründen gesperrt.",
        "Small-area indicators from register data; values from fewer than {n} cases are suppressed for privacy.",
    ),
    "rep_page_footer": ("Seite", "Page"),
    "rep_one_indicator": ("{n} Indikator", "{n} indicator"),
    "rep_n_indicators": ("{n} Indikatoren", "{n} indicators"),
    "rep_flag_legend_title": (
        "Indikatoren mit erhöhtem Bedarf je Gebiet",
        "Indicators with elevated need per area",
    ),
    "rep_area_flag_count": (
        "Erhöhter Bedarf bei {n} von {total} Bedarfsindikatoren",
        "Elevated need on {n} of {total} need indicators",
    ),
    "rep_rank_1": ("Rang 1 = höchster Wert unter den Gebieten.", "Rank 1 = highest value among the areas."),
    "rep_top_rows_note": (
        "Tabelle: die {top} Gebiete mit den höchsten Werten von {n}; alle Gebiete in der Gebietstabelle im Anhang.",
        "Table: the {top} areas with the highest values of {n}; all areas in the area table in the appendix.",
    ),
    "rep_appendix_legend": (
        "; ● = erhöhter Bedarf; Σ = Anzahl der Indikatoren mit erhöhtem Bedarf",
        "; ● = elevated need; Σ = number of indicators of elevated need",
    ),
    "rep_all_areas": ("Alle Gebiete", "All areas"),
    "rep_appendix_title": ("Anhang: Gebietstabelle", "Appendix: area table"),
}
