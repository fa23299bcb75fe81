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
    "err_no_map_format": ("{name}: Endung .{suffix} ist kein Kartenformat (erlaubt: .png, .svg, .pdf)",
                          "{name}: .{suffix} is no map format (allowed: .png, .svg, .pdf)"),
    "err_unknown_format": ("unbekanntes Dateiformat '{fmt}'; erlaubt: {allowed}",
                           "unknown file format '{fmt}'; allowed: {allowed}"),
    "err_format_suffix": ("{name}: Format {fmt} passt nicht zur Endung .{suffix}",
                          "{name}: format {fmt} does not match the suffix .{suffix}"),
    # class breaks
    "err_break_no_number": ("Klassengrenze {i} ('{part}') ist keine Zahl; Beispiel: 10; 20,5; 30",
                            "class break {i} ('{part}') is not a number; example: 10; 20.5; 30"),
    "err_break_twice": ("Klassengrenze {i} ('{part}') ist doppelt: jede Grenze nur einmal angeben",
                        "class break {i} ('{part}') is given twice: give each break once"),
    "err_breaks_too_many": ("höchstens {max} Klassengrenzen, nicht {n}", "at most {max} class breaks, not {n}"),
    "err_breaks_missing": ("Eigene Klassengrenzen: mindestens eine Grenze angeben",
                           "Manual breaks: give at least one break"),
    "err_breaks_not_finite": ("Eigene Klassengrenzen: nur endliche Zahlen", "Manual breaks: finite numbers only"),
    "err_breaks_doubled": ("Eigene Klassengrenzen: Grenze doppelt angegeben: {values}",
                           "Manual breaks: break given twice: {values}"),
    # address search
    "err_address_empty": ("Bitte Straße und Hausnummer eingeben, z. B. 'Breite Straße 62'.",
                          "Please enter street and house number, e.g. 'Breite Straße 62'."),
    "err_street_unknown": ("Straße '{street}' nicht gefunden.", "Street '{street}' not found."),
    "err_street_unknown_hint": ("Straße '{street}' nicht gefunden. Meinten Sie: {hints}?",
                                "Street '{street}' not found. Did you mean: {hints}?"),
    "err_street_no_number": (
        "{street}: keine Hausnummer angegeben; {n} Adressen, Stadtteil(e): {areas}. "
        "Für eine genaue Lage bitte die Hausnummer angeben.",
        "{street}: no house number given; {n} addresses, district(s): {areas}. "
        "Give the house number for an exact location."),
    "err_number_unknown": ("{house} gibt es nicht (vorhanden: {lo}–{hi}).",
                           "{house} does not exist (numbers {lo}–{hi})."),
    "err_number_unknown_hint": ("{house} gibt es nicht (vorhanden: {lo}–{hi}). Nächste Hausnummern: {hints}.",
                                "{house} does not exist (numbers {lo}–{hi}). Nearest house numbers: {hints}."),
    # geographies, indicators, print options
    "err_unknown_geography": ("Unbekannte Geografie '{id}'. Bekannt: {known}", "Unknown geography '{id}'. Known: {known}"),
    "err_unknown_indicator": ("unbekannter Indikator '{id}'; bekannt: {known}", "unknown indicator '{id}'; known: {known}"),
    "err_none": ("keine", "none"),
    "err_no_year_for": ("für '{id}' gibt es kein Jahr {year} (vorhanden: {span})",
                        "'{id}' has no year {year} (available: {span})"),
    "err_unknown_size": ("unbekanntes Format '{value}'; erlaubt: {allowed}", "unknown size '{value}'; allowed: {allowed}"),
    "err_unknown_scheme": ("unbekannte Klassifizierung '{value}'; erlaubt: {allowed}",
                           "unknown classification '{value}'; allowed: {allowed}"),
    "err_bad_k": ("Anzahl Klassen muss zwischen 1 und {max} liegen, nicht {k}",
                  "the number of classes must lie between 1 and {max}, not {k}"),
    "err_unknown_palette": ("unbekannte Farbpalette '{value}'; erlaubt: {allowed} (mit _r umgekehrt)",
                            "unknown palette '{value}'; allowed: {allowed} (reversed with _r)"),
}
