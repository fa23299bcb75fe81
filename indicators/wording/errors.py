"""Wording: Messages of expected errors (German first; shown to users). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`); the front door
renders them in the user's language.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "err_file_too_large": ("{name}: Datei größer als {mb} MB", "{name}: file larger than {mb} MB"),
    "err_as_is": ("{text}", "{text}"),  # a caught error passed on (indicators.errors.error_message)
    "err_where_file": ("Datei {file}", "file {file}"),
    "err_where_row": ("Zeile {row}", "row {row}"),
    "err_where_column": ("Spalte {column}", "column {column}"),
    # print maps
    "err_no_map_format": (
        "{name}: Endung .{suffix} ist kein Kartenformat (erlaubt: {allowed})",
        "{name}: .{suffix} is no map format (allowed: {allowed})",
    ),
    "err_not_smoothable": (
        "{indicator} ist keine Rate einer Zahl je Bevölkerung: keine Glättung möglich",
        "{indicator} is no rate of a count per population: it cannot be smoothed",
    ),
    "err_no_file_format": (
        "{name}: Endung .{suffix} ist hier kein mögliches Dateiformat (erlaubt: {allowed})",
        "{name}: .{suffix} is no possible file format here (allowed: {allowed})",
    ),
    "err_unknown_format": (
        "unbekanntes Dateiformat '{fmt}'; erlaubt: {allowed}",
        "unknown file format '{fmt}'; allowed: {allowed}",
    ),
    "err_format_suffix": (
        "{name}: Format {fmt} passt nicht zur Endung .{suffix}",
        "{name}: format {fmt} does not match the suffix .{suffix}",
    ),
    # class breaks
    "err_break_no_number": (
        "Klassengrenze {i} ('{part}') ist keine Zahl; Beispiel: 10; 20,5; 30",
        "class break {i} ('{part}') is not a number; example: 10; 20.5; 30",
    ),
    "err_break_twice": (
        "Klassengrenze {i} ('{part}') ist doppelt: jede Grenze nur einmal angeben",
        "class break {i} ('{part}') is given twice: give each break once",
    ),
    "err_breaks_too_many": ("höchstens {max} Klassengrenzen, nicht {n}", "at most {max} class breaks, not {n}"),
    "err_breaks_missing": (
        "Eigene Klassengrenzen: mindestens eine Grenze angeben",
        "Manual breaks: give at least one break",
    ),
    "err_breaks_not_finite": ("Eigene Klassengrenzen: nur endliche Zahlen", "Manual breaks: finite numbers only"),
    "err_breaks_doubled": (
        "Eigene Klassengrenzen: Grenze doppelt angegeben: {values}",
        "Manual breaks: break given twice: {values}",
    ),
    # address search
    "err_address_empty": (
        "Bitte Straße und Hausnummer eingeben, z. B. 'Breite Straße 62'.",
        "Please enter street and house number, e.g. 'Breite Straße 62'.",
    ),
    "err_street_unknown": ("Straße '{street}' nicht gefunden.", "Street '{street}' not found."),
    "err_street_unknown_hint": (
        "Straße '{street}' nicht gefunden. Meinten Sie: {hints}?",
        "Street '{street}' not found. Did you mean: {hints}?",
    ),
    "err_street_no_number": (
        "{street}: keine Hausnummer angegeben; {n} Adressen, Stadtteil(e): {areas}. "
        "Für eine genaue Lage bitte die Hausnummer angeben.",
        "{street}: no house number given; {n} addresses, district(s): {areas}. "
        "Give the house number for an exact location.",
    ),
    "err_number_unknown": (
        "{house} gibt es nicht (vorhanden: {lo}–{hi}).",
        "{house} does not exist (numbers {lo}–{hi}).",
    ),
    "err_number_unknown_hint": (
        "{house} gibt es nicht (vorhanden: {lo}–{hi}). Nächste Hausnummern: {hints}.",
        "{house} does not exist (numbers {lo}–{hi}). Nearest house numbers: {hints}.",
    ),
    # exports, print maps, reports, uploads
    "err_unknown_csv": (
        "unbekanntes CSV-Format '{dialect}'; erlaubt: {allowed}",
        "unknown CSV format '{dialect}'; allowed: {allowed}",
    ),
    "err_unknown_indicator_id": ("unbekannter Indikator '{id}'", "unknown indicator '{id}'"),
    "err_no_year_in_data": (
        "kein Jahr {year} in den Daten (vorhanden: {first}–{last})",
        "no year {year} in the data (available: {first}–{last})",
    ),
    "err_unknown_profile_areas": (
        "unbekannte Gebiete für Gebietsprofile: {codes}",
        "unknown areas for area profiles: {codes}",
    ),
    "err_not_a_count": (
        "'{variable}' ist keine Anzahl der Geografie {geography}. Anzahlen: {known}",
        "'{variable}' is no count of the geography {geography}. Counts: {known}",
    ),
    "err_upload_not_taken": ("nicht übernommen: {reports}", "not taken over: {reports}"),
    "err_upload_no_base": (
        "weder Grenzen noch eine Geografie für die Tabelle angegeben",
        "neither boundaries nor a geography given for the table",
    ),
    "err_upload_no_areas": ("keine Flächen zum Speichern", "no areas to save"),
    "up_values_replaced": (
        "{n} Werte ersetzen vorhandene Werte gleicher Kennung",
        "{n} values replace existing values with the same key",
    ),
    # indicators/ingest/new_indicators.py (the form of a new variable)
    "err_form_problems": ("{problems}", "{problems}"),
    "err_form_var_problem": ("{var}: {problem}", "{var}: {problem}"),
    "err_form_id": (
        "Kennung {id}: nur Buchstaben, Ziffern und _ (beginnt mit einem Buchstaben)",
        "Id {id}: only letters, digits and _ (starting with a letter)",
    ),
    "err_form_label": ("Bezeichnung fehlt", "Label missing"),
    "err_form_too_long": ("{key}: höchstens {max} Zeichen", "{key}: at most {max} characters"),
    "err_form_kind": ("Art {kind} unbekannt (erlaubt: {allowed})", "Kind {kind} unknown (allowed: {allowed})"),
    "err_form_direction": (
        "Richtung {direction} unbekannt (erlaubt: {allowed})",
        "Direction {direction} unknown (allowed: {allowed})",
    ),
    "err_form_variable": ("Variable '{name}' gibt es in der Tabelle nicht", "Variable '{name}' is not in the table"),
    "err_form_parts_count": ("nur eine Anzahl kann Summe von Teilen sein", "only a count can be a sum of parts"),
    "err_form_part": (
        "Teil '{name}': keine andere Variable der Tabelle",
        "Part '{name}': no other variable of the table",
    ),
    "err_form_rate": ("eine Quote braucht Zähler und Nenner", "a rate needs a numerator and a denominator"),
    "err_form_factor": ("Faktor {factor} ist keine Zahl", "Factor {factor} is no number"),
    "err_form_source": (
        "Quelle fehlt: Daten ohne Quellenangabe werden nicht übernommen",
        "Source missing: data without a source are not taken over",
    ),
    # geo/aggregate.py (summing areas into larger ones)
    "agg_not_a_count": ("'{var}' ist keine Anzahl und wird nicht summiert", "'{var}' is no count and is not summed"),
    "agg_no_parent": (
        "Gebiete ohne übergeordnetes Gebiet, nicht zusammengefasst: {codes}",
        "areas without a parent area, not combined: {codes}",
    ),
    "agg_incomplete": (
        "Gebiet {parent}: nicht alle Teilgebiete haben Werte ({years}): keine Summe",
        "area {parent}: not every part has values ({years}): no sum",
    ),
    # need methods (indicators/needs)
    "err_no_column": ("{path}: keine Spalte '{column}'", "{path}: no column '{column}'"),
    "err_column_missing": ("{path}: Spalte '{column}' fehlt", "{path}: column '{column}' missing"),
    "err_mss_no_status": (
        "{path}: keine Statusindikatoren (Spalten s1_..., s2_...)",
        "{path}: no status indicators (columns s1_..., s2_...)",
    ),
    "err_path_unreadable": ("{path}: nicht lesbar ({detail})", "{path}: not readable ({detail})"),
    "err_min_population": (
        "die Mindest-Einwohnerzahl darf nicht negativ sein",
        "the minimum population must not be negative",
    ),
    "err_svi_edition": (
        "{path}: passt nicht zur Ausgabe {edition}: {detail}",
        "{path}: does not fit edition {edition}: {detail}",
    ),
    "err_unknown_method": (
        "Unbekanntes Verfahren '{name}'. Bekannt: {known}",
        "Unknown method '{name}'. Known: {known}",
    ),
    "err_year_order": (
        "Vergleichsjahr {start} muss vor dem Jahr {end} liegen",
        "comparison year {start} must lie before the year {end}",
    ),
    "err_columns_missing": ("Spalten fehlen: {columns}", "columns missing: {columns}"),
    "err_effect_comparison": (
        "Vergleich {comparison} gibt es nicht (erlaubt: all, matched)",
        "there is no comparison {comparison} (allowed: all, matched)",
    ),
    # geographies, indicators, print options
    "err_unknown_geography": (
        "Unbekannte Geografie '{id}'. Bekannt: {known}",
        "Unknown geography '{id}'. Known: {known}",
    ),
    "err_unknown_indicator": (
        "unbekannter Indikator '{id}'; bekannt: {known}",
        "unknown indicator '{id}'; known: {known}",
    ),
    "err_none": ("keine", "none"),
    "err_no_year_for": (
        "für '{id}' gibt es kein Jahr {year} (vorhanden: {span})",
        "'{id}' has no year {year} (available: {span})",
    ),
    "err_unknown_size": (
        "unbekanntes Format '{value}'; erlaubt: {allowed}",
        "unknown size '{value}'; allowed: {allowed}",
    ),
    "err_unknown_scheme": (
        "unbekannte Klassifizierung '{value}'; erlaubt: {allowed}",
        "unknown classification '{value}'; allowed: {allowed}",
    ),
    "err_bad_k": (
        "Anzahl Klassen muss zwischen 1 und {max} liegen, nicht {k}",
        "the number of classes must lie between 1 and {max}, not {k}",
    ),
    "err_unknown_palette": (
        "unbekannte Farbpalette '{value}'; erlaubt: {allowed} (mit _r umgekehrt)",
        "unknown palette '{value}'; allowed: {allowed} (reversed with _r)",
    ),
}
