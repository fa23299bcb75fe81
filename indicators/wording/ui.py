"""Wording: Streamlit app: pages, sidebar, widgets. Entries are ``key: (German, English)``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app_title": ("Sozialmonitor Lübeck", "Social monitor Lübeck"),
    "language": ("Sprache", "Language"),
    "geography": ("Gebietsgliederung", "Geography"),
    "indicator": ("Indikator", "Indicator"),
    "year": ("Jahr", "Year"),
    "scheme": ("Klassenbildung", "Classification"),
    "classes": ("Anzahl Klassen", "Number of classes"),
    "breaks": ("Eigene Klassengrenzen (z. B. 10; 15; 20)", "Manual breaks (e.g. 10; 15; 20)"),
    "palette": ("Farbschema", "Palette"),
    "labels": ("Gebietsnamen anzeigen", "Show area names"),
    "view": ("Darstellung", "View"),
    "view_level": ("Stand", "Level"),
    "view_change": ("Veränderung", "Change"),
    "start_year": ("Vergleichsjahr", "Base year"),
    "change_mode": ("Veränderung als", "Change as"),
    "abs_change": ("Differenz (Prozentpunkte bei Anteilen)", "Difference (percentage points for shares)"),
    "rel_change": ("relative Veränderung in %", "relative change in %"),
    "flag_rule": ("Markierung: erhöhter Bedarf ab", "Flag: elevated need from"),
    "flag_note": (
        "Schwelle auf dem gewählten Indikator (Vorgabe: Mittelwert + 1 Standardabweichung in Bedarfsrichtung).",
        "Threshold on the chosen indicator (default: mean + 1 standard deviation in the direction of need).",
    ),
    "flagged": ("Markierte Gebiete (erhöhter Bedarf)", "Flagged areas (elevated need)"),
    "no_flags": ("Kein Gebiet überschreitet die Schwelle.", "No area passes the threshold."),
    "ranking": ("Rangfolge", "Ranking"),
    "atlas_ranking_first": (
        "Die ersten {n} von {total} Gebieten nach Rang; alle Werte in den Downloads (CSV, Excel, GeoPackage).",
        "The first {n} of {total} areas by rank; all values in the downloads (CSV, Excel, GeoPackage).",
    ),
    "profile": ("Gebietsprofil", "Area profile"),
    "choose_area": ("Gebiet wählen (oder in die Karte klicken)", "Choose an area (or click the map)"),
    "none": ("– keins –", "– none –"),
    "choose_options": ("Bitte auswählen", "Choose options"),  # placeholder of every multiselect
    "date_input_format": ("DD.MM.YYYY", "YYYY-MM-DD"),  # every date field (Streamlit's default is YYYY/MM/DD)
    "source": ("Quelle", "Source"),
    "name": ("Gebiet", "Area"),
    "code": ("Schlüssel", "Code"),
    "value": ("Wert", "Value"),
    "rank": ("Rang", "Rank"),
    "suppressed": ("gesperrt", "suppressed"),
    "no_data": ("keine Daten", "no data"),
    "page_atlas": ("Atlas", "Atlas"),
    "page_needs": ("Bedarfslagen", "Needs"),
    "page_queries": ("Abfragen", "Queries"),
    "page_upload": ("Daten laden", "Load data"),
    "page_about": ("Über", "About"),
    "series_title": ("Zeitreihe", "Time series"),
    "licence_line": ("Daten", "Data"),
    "needs_method": ("Verfahren", "Method"),
    "needs_indicators": ("Indikatoren", "Indicators"),
    "needs_flag_threshold": ("Schwelle für Markierung", "Flag threshold"),
    "needs_choose_at_least_one": ("Bitte mindestens einen Indikator wählen.", "Choose at least one indicator."),
    "needs_elevated_need": ("erhöhter Bedarf", "elevated need"),
    "needs_flagged_areas": ("Markierte Gebiete", "Flagged areas"),
    "atlas_smooth_rates_empirical_bayes": ("Raten glätten (Empirical Bayes)", "Smooth rates (Empirical Bayes)"),
    "atlas_eb_smoothed": ("EB-geglättet", "EB-smoothed"),
    "dl_csv_german_excel": ("CSV (Excel, ;)", "CSV (German Excel)"),
    "dl_paper_size": ("Papierformat", "Paper size"),
    "dl_create_and_download_report": ("Bericht erstellen und herunterladen", "Create and download report"),
    "dl_print_map": (
        "Druckkarte für Sitzungsvorlagen (PNG 300 dpi, SVG, PDF)",
        "Print map for committee papers (PNG 300 dpi, SVG, PDF)",
    ),
    "dl_report": ("Sozialbericht {year} als PDF", "Social report {year} (PDF)"),
    "dl_report_note": (
        "Titelseite, Übersicht der Gebiete mit erhöhtem Bedarf, eine Seite je Indikator, ein Profil je Gebiet, Methoden und Quellen. Die Erstellung dauert etwa eine halbe Minute.",
        "Cover, overview of areas with elevated need, one page per indicator, one profile per area, methods and sources. Takes about half a minute.",
    ),
    "needs_pattern": (
        "Räumliches Muster (explorativ): Moran's I und LISA",
        "Spatial pattern (exploratory): Moran's I and LISA",
    ),
    "atlas_since": ("{change} seit {year}", "{change} since {year}"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "unit": ("Einheit", "Unit"),
    "licence": ("Lizenz", "Licence"),
    "rank_of": ("{rank}. von {total}", "{rank} of {total}"),
    "needs_method_mss": (
        "MSS (Berlin, Monitoring Soziale Stadtentwicklung)",
        "MSS (Berlin, Monitoring Social Urban Development)",
    ),
    "needs_method_svi": (
        "SVI (CDC/ATSDR Social Vulnerability Index)",
        "SVI (CDC/ATSDR Social Vulnerability Index)",
    ),
    "needs_method_z": ("z-Wert-Summe (gewichtet)", "Sum of z-scores (weighted)"),
    "needs_score_mss": ("Statusindex", "Status index"),
    "needs_score_svi": ("SVI-Perzentil", "SVI percentile"),
    "needs_score_z": ("Bedarfswert (z)", "Need score (z)"),
    "needs_note_mss": (
        "Statusindex: standardisierte Summe der z-Werte der Statusindikatoren; Klassen hoch < −1 ≤ mittel ≤ +1 < niedrig ≤ +1,5 < sehr niedrig. Erhöhter Bedarf: niedrig und sehr niedrig.",
        "Status index: standardised sum of the z-scores of the status indicators; classes high < −1 ≤ medium ≤ +1 < low ≤ +1.5 < very low. Elevated need: low and very low.",
    ),
    "needs_note_svi": (
        "Perzentilränge (rank−1)/(N−1), Summe neu gerangt; erhöhter Bedarf ab dem Perzentil der Schwelle.",
        "Percentile ranks (rank−1)/(N−1), sum re-ranked; elevated need from the threshold percentile.",
    ),
    "needs_note_z": (
        "Gewichteter Mittelwert der vorzeichenrichtigen z-Werte; erhöhter Bedarf ab der Schwelle.",
        "Weighted mean of the direction-adjusted z-scores; elevated need from the threshold.",
    ),
    "atlas_eb_help": (
        "Globale Empirical-Bayes-Glättung nach Marshall (1991): kleine Gebiete werden zum Stadtwert hin gezogen. Rohwerte stehen in der Rangfolge daneben.",
        "Global Empirical Bayes smoothing after Marshall (1991): small areas are pulled towards the city value. Raw values are shown next to them in the ranking.",
    ),
    "about_body": (
        "Der **Sozialmonitor Lübeck** zeigt kleinräumige Indikatoren der Hansestadt Lübeck als Karte,\n"
        "Tabelle und Gebietsprofil. Er ersetzt den gedruckten Armuts- und Sozialbericht durch ein\n"
        "Werkzeug, das mit aktuellen Daten arbeitet. Die Anwendung läuft vollständig offline.\n"
        "\n"
        "Mitgelieferte Daten sind demografisch (Melderegister 2010–2022). Sozialdaten (SGB II,\n"
        "Arbeitslosigkeit) lädt die Stadt selbst über „Daten laden“. Fallzahlen unter der\n"
        "Geheimhaltungsschwelle verlassen das Werkzeug nicht.",
        "The **Sozialmonitor Lübeck** shows small-area indicators of the Hansestadt Lübeck as maps,\n"
        "tables and area profiles. It replaces the printed poverty and social report with a tool that\n"
        "works on current data. The app runs fully offline.\n"
        "\n"
        "Shipped data are demographic (population register 2010–2022). Social data (SGB II,\n"
        'unemployment) are loaded by the city itself via "Load data". Counts below the disclosure\n'
        "threshold never leave the tool.",
    ),
    "change_no_start": (
        "Für eine Veränderung braucht es ein Vergleichsjahr vor {year}. {year} ist das erste Jahr der Daten: bitte ein späteres Jahr wählen.",
        "A change needs a base year before {year}. {year} is the first year of the data: please choose a later year.",
    ),
    "rel_change_balance": (
        "Relative Veränderung (%) nicht angeboten: ein Saldo wechselt das Vorzeichen, Prozente davon wären irreführend. Gezeigt wird die Differenz.",
        "Relative change (%) not offered: a balance changes sign, percentages of it would mislead. The difference is shown.",
    ),
    "rel_change_not_positive": (
        "Relative Veränderung (%) nicht angeboten: mindestens ein Gebiet hat im Vergleichsjahr einen Wert von 0 oder darunter. Gezeigt wird die Differenz.",
        "Relative change (%) not offered: at least one area has a base-year value of 0 or below. The difference is shown.",
    ),
    "flag_none": (
        "Keine Markierung: nur Quoten und Anteile mit Bedarfsrichtung werden markiert, nicht Anzahlen oder Kontextindikatoren.",
        "No flags: only rates and shares with a need direction are flagged, not counts or context indicators.",
    ),
    "flag_input_help": (
        "Leer lassen für die Vorgabe (Mittelwert ± 1 Standardabweichung in Bedarfsrichtung). Deutsche Zahlen wie 15,5 oder 1.234,5.",
        "Leave empty for the default (mean ± 1 standard deviation in the direction of need).",
    ),
    "flag_bad_number": (
        "„{text}“ ist keine Zahl; es gilt die Vorgabe.",
        "'{text}' is not a number; the default applies.",
    ),
    "flag_default_up": (
        "Vorgabe: ab {value} (Mittelwert + 1 Standardabweichung)",
        "Default: from {value} (mean + 1 standard deviation)",
    ),
    "flag_default_down": (
        "Vorgabe: bis {value} (Mittelwert − 1 Standardabweichung; niedriger = mehr Bedarf)",
        "Default: up to {value} (mean − 1 standard deviation; lower = more need)",
    ),
    "flag_custom_up": ("Eigene Schwelle: ab {value}", "Custom threshold: from {value}"),
    "flag_custom_down": (
        "Eigene Schwelle: bis {value} (niedriger = mehr Bedarf)",
        "Custom threshold: up to {value} (lower = more need)",
    ),
    "breaks_bad": (
        "Eigene Klassengrenzen: „{text}“ ist keine Zahl. Grenzen mit ; trennen, z. B. 10; 15,5; 20.",
        "Manual breaks: '{text}' is not a number. Separate breaks with ;, e.g. 10; 15.5; 20.",
    ),
    "breaks_fallback": ("{message}. Gezeigt werden Quantile.", "{message}. Quantiles are shown."),
    "fewer_classes_std": (
        "Nur {k} statt {wanted} Klassen: „Mittelwert ± Standardabweichung“ bildet Klassen in Schritten von einer Standardabweichung; weitere lägen außerhalb der Werte.",
        "Only {k} instead of {wanted} classes: 'mean ± standard deviation' makes classes one standard deviation wide; more would lie outside the values.",
    ),
    "report_few": (
        "Titelseite, Übersicht der Gebiete mit erhöhtem Bedarf, eine Seite je Indikator, ein Profil je Gebiet, Methoden und Quellen. Die Erstellung dauert etwa eine halbe Minute.",
        "Cover, overview of areas of elevated need, one page per indicator, one profile per area, methods and sources. Takes about half a minute.",
    ),
    "report_many": (
        "{n} Gebiete: Titelseite, Übersicht der Gebiete mit erhöhtem Bedarf, eine Seite je Indikator (die höchsten Werte), alle Gebiete als Tabelle im Anhang (Gebietsprofile erst bis {many} Gebiete), Methoden und Quellen. Die Erstellung dauert etwa eine Minute.",
        "{n} areas: cover, overview of areas of elevated need, one page per indicator (highest values), all areas as an appendix table (area profiles up to {many} areas), methods and sources. Takes about a minute.",
    ),
    "report_build": ("Bericht erstellen", "Create report"),
    "report_progress": ("Bericht: Seite {done} von {total}", "Report: page {done} of {total}"),
    "report_download": ("Bericht herunterladen (PDF)", "Download report (PDF)"),
    "open_profile": ("Gebietsprofil öffnen", "Open area profile"),
    "address_not_found": ("Adresse nicht gefunden.", "Address not found."),
    "did_you_mean": ("Meinten Sie (anklicken zum Suchen):", "Did you mean (click to search):"),
    "fewer_classes": (
        "Nur {k} statt {wanted} Klassen: die Werte lassen nicht mehr verschiedene Klassen zu.",
        "Only {k} instead of {wanted} classes: the values do not allow more distinct classes.",
    ),
    "breaks_sorted": (
        "Klassengrenzen aufsteigend sortiert: {breaks}",
        "Manual breaks sorted in ascending order: {breaks}",
    ),
    "no_indicators": (
        "Dieser Datensatz enthält nur Gebiete, keine Kennzahlen mit Werten: hier gibt es nichts zu zeigen. Bitte eine Tabelle zu diesen Gebieten laden oder eine andere Gebietsgliederung wählen.",
        "This dataset holds areas only, no indicators with values: nothing to show here. Please load a table for these areas or choose another geography.",
    ),
    "manual_fallback": (
        "Eigene Klassengrenzen fehlen oder sind keine Zahlen (Beispiel: 10; 15; 20): Quantile verwendet.",
        "Manual breaks missing or not numbers (example: 10; 15; 20): quantiles used.",
    ),
    "needs_none_flagged": (
        "Kein Gebiet erreicht die Schwelle {threshold}. Den höchsten Wert hat {name} ({score}).",
        "No area reaches the threshold {threshold}. The highest value is {name}'s ({score}).",
    ),
    "needs_none_flagged_z": (
        "Ein Mittelwert mehrerer z-Werte streut weniger als ein einzelner z-Wert (hier Standardabweichung"
        " {sd}): eine niedrigere Schwelle in der Seitenleiste oder die Einzelindikatoren im Atlas zeigen,"
        " wo der Bedarf am höchsten ist.",
        "A mean of several z-scores spreads less than a single z-score (here standard deviation {sd}):"
        " a lower threshold in the sidebar or the single indicators in the atlas show where need is highest.",
    ),
    "needs_threshold_help": (
        "Leer lassen für die Vorgabe des Verfahrens ({preset}). Deutsche Zahlen wie 0,75 oder englische wie 0.75.",
        "Leave empty for the method's default ({preset}). Numbers like 0.75 (or German 0,75).",
    ),
    # Vega-Lite label expression: its numbers come as 1,234.5; German swaps the separators
    "unit_pp": ("Pp.", "pp"),  # percentage points: the change of a share
    # help next to the controls that need it (issue 24)
    "help_scheme": (
        "Wie die Werte in Farbklassen geteilt werden: Quantile = gleich viele Gebiete je Klasse; "
        "Natürliche Brüche = Grenzen in großen Lücken der Werte; Gleiche Intervalle = gleich breite "
        "Klassen; Mittelwert ± Standardabweichung der Gebiete = Klassen je eine Standardabweichung breit; "
        "Eigene Klassengrenzen = selbst eingeben.",
        "How values are split into colour classes: quantiles = the same number of areas per class; "
        "natural breaks = bounds in large gaps between values; equal intervals = classes of equal width; "
        "mean ± standard deviation of the areas = classes one standard deviation wide; manual breaks = "
        "type your own.",
    ),
    "help_classes": (
        "Anzahl der Farbklassen (2–9). Wenige Klassen sind leichter zu lesen; ein Verfahren kann "
        "weniger bilden, wenn die Werte es nicht hergeben.",
        "Number of colour classes (2–9). Few classes read more easily; a scheme may make fewer when the "
        "values do not allow more.",
    ),
    "help_breaks": (
        "Obergrenzen der Klassen, durch Semikolon getrennt, deutsche Zahlen: z. B. 10; 20,5; 30.",
        "Upper class bounds separated by semicolons, e.g. 10; 20.5; 30.",
    ),
    "help_needs_method": (
        "MSS: Statusindex nach dem Berliner Monitoring (z-Werte, Statusklassen). SVI: Rang-Perzentile "
        "wie der Social Vulnerability Index (0 bis 1). z-Summe: gewichteter Mittelwert der "
        "z-Werte. Einzelheiten unter „Methoden“.",
        "MSS: status index after the Berlin monitoring (z-scores, status classes). SVI: percentile "
        "ranks as in the Social Vulnerability Index (0 to 1). z sum: weighted mean of the z-scores. "
        'Details under "Methods".',
    ),
    "help_robustness": (
        "Robustheit: die Bewertung unter anderen Annahmen wiederholt (anderes Verfahren, andere "
        "Gewichte, Schwelle ±0,25). „robust“: mindestens 80 % der Varianten kommen zum selben "
        "Ergebnis; „knapp“: weniger.",
        "Robustness: the assessment repeated under other assumptions (other method, other weights, "
        'threshold ±0.25). "robust": at least 80% of the variants agree; "narrow": fewer.',
    ),
    "help_radius": (
        "Umkreis um die Adresse in Metern. Die Zahlen darin sind Schätzungen aus den Stadtteilwerten "
        "(nach Fläche und nach Adresspunkten); kleine Zahlen werden gerundet oder nicht ausgewiesen.",
        "Radius around the address in metres. Its numbers are estimates from the district values (by "
        "area and by address points); small numbers are rounded or withheld.",
    ),
    "help_estimate_range": (
        "Spanne zwischen den beiden Schätzungen (Flächenanteil und Adresspunkte): je weiter, desto unsicherer.",
        "Range between the two estimates (area share and address points): the wider, the less certain.",
    ),
}
