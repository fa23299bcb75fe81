"""UI texts in German (default) and English."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"de": "Sozialmonitor Lübeck", "en": "Social monitor Lübeck"},
    "language": {"de": "Sprache", "en": "Language"},
    "geography": {"de": "Gebietsgliederung", "en": "Geography"},
    "indicator": {"de": "Indikator", "en": "Indicator"},
    "year": {"de": "Jahr", "en": "Year"},
    "scheme": {"de": "Klassenbildung", "en": "Classification"},
    "classes": {"de": "Anzahl Klassen", "en": "Number of classes"},
    "breaks": {"de": "Eigene Klassengrenzen (z. B. 10; 15; 20)", "en": "Manual breaks (e.g. 10; 15; 20)"},
    "palette": {"de": "Farbschema", "en": "Palette"},
    "labels": {"de": "Gebietsnamen anzeigen", "en": "Show area names"},
    "view": {"de": "Darstellung", "en": "View"},
    "view_level": {"de": "Stand", "en": "Level"},
    "view_change": {"de": "Veränderung", "en": "Change"},
    "start_year": {"de": "Vergleichsjahr", "en": "Base year"},
    "change_mode": {"de": "Veränderung als", "en": "Change as"},
    "abs_change": {"de": "Differenz (Prozentpunkte bei Anteilen)", "en": "Difference (percentage points for shares)"},
    "rel_change": {"de": "relative Veränderung in %", "en": "relative change in %"},
    "flag_rule": {"de": "Markierung: erhöhter Bedarf ab", "en": "Flag: elevated need from"},
    "flag_note": {"de": "Schwelle auf dem gewählten Indikator (Vorgabe: Mittelwert + 1 Standardabweichung in Bedarfsrichtung).",
                  "en": "Threshold on the chosen indicator (default: mean + 1 standard deviation in the direction of need)."},
    "flagged": {"de": "Markierte Gebiete (erhöhter Bedarf)", "en": "Flagged areas (elevated need)"},
    "no_flags": {"de": "Kein Gebiet überschreitet die Schwelle.", "en": "No area passes the threshold."},
    "ranking": {"de": "Rangfolge", "en": "Ranking"},
    "profile": {"de": "Gebietsprofil", "en": "Area profile"},
    "choose_area": {"de": "Gebiet wählen (oder in die Karte klicken)", "en": "Choose an area (or click the map)"},
    "none": {"de": "– keins –", "en": "– none –"},
    "no_indicators": {"de": "Dieser Datensatz enthält nur Gebiete, keine Kennzahlen mit Werten: hier gibt es nichts "
                            "zu zeigen. Bitte eine Tabelle zu diesen Gebieten laden oder eine andere "
                            "Gebietsgliederung wählen.",
                      "en": "This dataset holds areas only, no indicators with values: nothing to show here. "
                            "Please load a table for these areas or choose another geography."},
    "manual_fallback": {"de": "Eigene Klassengrenzen fehlen oder sind keine Zahlen (Beispiel: 10; 15; 20): "
                              "Quantile verwendet.",
                        "en": "Manual breaks missing or not numbers (example: 10; 15; 20): quantiles used."},
    "trend": {"de": "Entwicklung", "en": "Trend"},
    "city": {"de": "Gesamtstadt", "en": "City"},
    "source": {"de": "Quelle", "en": "Source"},
    "definition": {"de": "Definition", "en": "Definition"},
    "download_csv": {"de": "Tabelle als CSV", "en": "Table as CSV"},
    "download_csv_de": {"de": "CSV für Excel (;, Dezimalkomma)", "en": "CSV for German Excel"},
    "download_xlsx": {"de": "Tabelle als Excel", "en": "Table as Excel"},
    "name": {"de": "Gebiet", "en": "Area"},
    "code": {"de": "Schlüssel", "en": "Code"},
    "value": {"de": "Wert", "en": "Value"},
    "rank": {"de": "Rang", "en": "Rank"},
    "flag": {"de": "Bedarf", "en": "Need"},
    "vs_city": {"de": "Abweichung zur Stadt", "en": "Difference to city"},
    "suppressed": {"de": "geheim (kleine Fallzahl)", "en": "suppressed (small count)"},
    "no_data": {"de": "keine Daten", "en": "no data"},
    "page_atlas": {"de": "Atlas", "en": "Atlas"},
    "page_needs": {"de": "Bedarfslagen", "en": "Needs"},
    "page_queries": {"de": "Abfragen", "en": "Queries"},
    "page_upload": {"de": "Daten laden", "en": "Load data"},
    "page_about": {"de": "Über", "en": "About"},
    "series_title": {"de": "Zeitreihe", "en": "Time series"},
    "licence_line": {"de": "Daten", "en": "Data"},
}


def t(key: str, lang: str = "de") -> str:
    """Text for ``key`` in ``lang`` (German if missing)."""
    entry = TEXTS.get(key, {})
    return entry.get(lang) or entry.get("de") or key
