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
    "change_no_start": {"de": "Für eine Veränderung braucht es ein Vergleichsjahr vor {year}. {year} ist das erste "
                                "Jahr der Daten: bitte ein späteres Jahr wählen.",
                        "en": "A change needs a base year before {year}. {year} is the first year of the data: "
                              "please choose a later year."},
    "rel_change_balance": {"de": "Relative Veränderung (%) nicht angeboten: ein Saldo wechselt das Vorzeichen, "
                                 "Prozente davon wären irreführend. Gezeigt wird die Differenz.",
                           "en": "Relative change (%) not offered: a balance changes sign, percentages of it "
                                 "would mislead. The difference is shown."},
    "rel_change_not_positive": {"de": "Relative Veränderung (%) nicht angeboten: mindestens ein Gebiet hat im "
                                      "Vergleichsjahr einen Wert von 0 oder darunter. Gezeigt wird die Differenz.",
                                "en": "Relative change (%) not offered: at least one area has a base-year value "
                                      "of 0 or below. The difference is shown."},
    "flag_none": {"de": "Keine Markierung: nur Quoten und Anteile mit Bedarfsrichtung werden markiert, "
                        "nicht Anzahlen oder Kontextindikatoren.",
                  "en": "No flags: only rates and shares with a need direction are flagged, not counts "
                        "or context indicators."},
    "flag_input_help": {"de": "Leer lassen für die Vorgabe (Mittelwert ± 1 Standardabweichung in Bedarfsrichtung). "
                              "Deutsche Zahlen wie 15,5 oder 1.234,5.",
                        "en": "Leave empty for the default (mean ± 1 standard deviation in the direction of need)."},
    "flag_bad_number": {"de": "„{text}“ ist keine Zahl; es gilt die Vorgabe.",
                        "en": "'{text}' is not a number; the default applies."},
    "flag_default_up": {"de": "Vorgabe: ab {value} (Mittelwert + 1 Standardabweichung)",
                        "en": "Default: from {value} (mean + 1 standard deviation)"},
    "flag_default_down": {"de": "Vorgabe: bis {value} (Mittelwert − 1 Standardabweichung; niedriger = mehr Bedarf)",
                          "en": "Default: up to {value} (mean − 1 standard deviation; lower = more need)"},
    "flag_custom_up": {"de": "Eigene Schwelle: ab {value}", "en": "Custom threshold: from {value}"},
    "flag_custom_down": {"de": "Eigene Schwelle: bis {value} (niedriger = mehr Bedarf)",
                         "en": "Custom threshold: up to {value} (lower = more need)"},
    "breaks_bad": {"de": "Eigene Klassengrenzen: „{text}“ ist keine Zahl. Grenzen mit ; trennen, z. B. 10; 15,5; 20.",
                   "en": "Manual breaks: '{text}' is not a number. Separate breaks with ;, e.g. 10; 15.5; 20."},
    "breaks_fallback": {"de": "{message}. Gezeigt werden Quantile.", "en": "{message}. Quantiles are shown."},
    "fewer_classes_std": {"de": "Nur {k} statt {wanted} Klassen: „Mittelwert ± Standardabweichung“ bildet Klassen "
                                "in Schritten von einer Standardabweichung; weitere lägen außerhalb der Werte.",
                          "en": "Only {k} instead of {wanted} classes: 'mean ± standard deviation' makes classes "
                                "one standard deviation wide; more would lie outside the values."},
    "report_few": {"de": "Titelseite, Übersicht der Gebiete mit erhöhtem Bedarf, eine Seite je Indikator, ein Profil "
                          "je Gebiet, Methoden und Quellen. Die Erstellung dauert etwa eine halbe Minute.",
                   "en": "Cover, overview of areas of elevated need, one page per indicator, one profile per area, "
                         "methods and sources. Takes about half a minute."},
    "report_many": {"de": "{n} Gebiete: Titelseite, Übersicht der Gebiete mit erhöhtem Bedarf, eine Seite je "
                          "Indikator (die höchsten Werte), alle Gebiete als Tabelle im Anhang (Gebietsprofile erst "
                          "bis {many} Gebiete), Methoden und Quellen. Die Erstellung dauert etwa eine Minute.",
                    "en": "{n} areas: cover, overview of areas of elevated need, one page per indicator (highest "
                          "values), all areas as an appendix table (area profiles up to {many} areas), methods and "
                          "sources. Takes about a minute."},
    "report_build": {"de": "Bericht erstellen", "en": "Create report"},
    "report_progress": {"de": "Bericht: Seite {done} von {total}", "en": "Report: page {done} of {total}"},
    "report_download": {"de": "Bericht herunterladen (PDF)", "en": "Download report (PDF)"},
    "open_profile": {"de": "Gebietsprofil öffnen", "en": "Open area profile"},
    "address_not_found": {"de": "Adresse nicht gefunden.", "en": "Address not found."},
    "did_you_mean": {"de": "Meinten Sie (anklicken zum Suchen):", "en": "Did you mean (click to search):"},
    "fewer_classes": {"de": "Nur {k} statt {wanted} Klassen: die Werte lassen nicht mehr verschiedene Klassen zu.",
                      "en": "Only {k} instead of {wanted} classes: the values do not allow more distinct classes."},
}


def t(key: str, lang: str = "de") -> str:
    """Text for ``key`` in ``lang`` (German if missing)."""
    entry = TEXTS.get(key, {})
    return entry.get(lang) or entry.get("de") or key
