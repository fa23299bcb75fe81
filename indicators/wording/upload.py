"""Wording: Daten laden page: uploads of boundaries and tables. Entries are ``key: (German, English)``."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "up_source_of_the_data": ("**Quelle der Daten**", "**Source of the data**"),
    "up_source_required": ("Quelle (Pflicht)", "Source (required)"),
    "up_new_variable": ("Neues Merkmal", "New variable"),
    "up_label": ("Bezeichnung", "Label"),
    "up_kind": ("Art", "Kind"),
    "up_need_direction": ("Bedarfsrichtung", "Need direction"),
    "up_numerator": ("Zähler", "Numerator"),
    "up_denominator": ("Nenner", "Denominator"),
    "up_reference_date": ("Stichtag", "Reference date"),
    "up_dataset_label": ("Bezeichnung des Datensatzes", "Dataset label"),
    "up_accept_and_save": ("Übernehmen und speichern", "Accept and save"),
    "up_saved": ("Gespeichert: ", "Saved: "),
    "up_load_your_own_data": ("Eigene Daten laden", "Load your own data"),
    "up_boundaries": ("Gebietsgrenzen", "Boundaries"),
    "up_indicator_table": ("Indikatortabelle", "Indicator table"),
    "up_saved_data": ("Gespeicherte Daten", "Saved data"),
    "up_what_do_you_want": ("Was möchten Sie laden?", "What do you want to load?"),
    "up_geopackage_geojson_or_zip": ("GeoPackage, GeoJSON oder ZIP (Shapefile)", "GeoPackage, GeoJSON or ZIP"),
    "up_key_column": ("Schlüsselspalte", "Key column"),
    "up_name_column": ("Namensspalte", "Name column"),
    "up_saved_as_geography": ("Gespeichert als Gebietsgliederung: ", "Saved as geography: "),
    "up_geography": ("Gebietsgliederung", "Geography"),
    "up_csv_or_excel_long": ("CSV oder Excel (lang oder breit)", "CSV or Excel (long or wide)"),
    "up_map_columns": ("Spalten zuordnen", "Map columns"),
    "up_year_if_no_year": ("Jahr (falls keine Jahresspalte)", "Year (if no year column)"),
    "up_no_saved_data_yet": ("Noch keine eigenen Daten gespeichert.", "No saved data yet."),
    "up_remove": ("Entfernen", "Remove"),
    "up_checked_max_size": (
        "Dateien werden geprüft, bevor etwas verwendet wird. Höchstgröße: {mb} MB",
        "Files are checked before anything is used. Maximum size: {mb} MB",
    ),
    "up_role_area": ("Gebiet", "Area"),
    "up_role_year": ("Jahr", "Year"),
    "up_role_variable": ("Merkmal", "Variable"),
    "up_role_value": ("Wert", "Value"),
    "ingest_unusable": ("{file}: nicht verwendbar – {problems}", "{file}: not usable – {problems}"),
    "ingest_summary": (
        "{file}: {rows_in} Zeilen gelesen, {rows_used} verwendet, {dropped} verworfen, {findings} Befunde",
        "{file}: {rows_in} rows read, {rows_used} used, {dropped} dropped, {findings} findings",
    ),
    "up_parts": ("Summe aus (Teile, z. B. a + b)", "Sum of (parts, e.g. a + b)"),
    "up_parts_help": (
        "Ist diese Anzahl die Summe anderer Merkmale der Tabelle, werden diese mit geschützt (Differenzbildung).",
        "If this count is the sum of other variables of the table, those are protected together (differencing).",
    ),
    "up_template_hint": (
        "Vorlage: eine Zeile je Gebiet, Jahr und Merkmal (area_code, year, variable, value); Werte "
        "in der Spalte value eintragen, leere Zeilen löschen.",
        "Template: one row per area, year and variable (area_code, year, variable, value); enter the "
        "values in the column value, delete empty rows."),
    "up_grid": ("Zensus-Gitter", "Census grid"),
    "up_grid_files": (
        "Gitter-CSV des Zensus (2022 oder 2011, wie veröffentlicht); mehrere Themendateien desselben Gitters "
        "werden verbunden",
        "Census grid CSV (2022 or 2011, as published); several topic files of the same grid are joined"),
    "up_grid_cells": ("{cells} Zellen berühren die Stadt; Merkmale: {variables}",
                      "{cells} cells touch the city; variables: {variables}"),
    "up_grid_name": ("Name des Gitters", "Name of the grid"),
    "up_grid_year": ("Stichtagsjahr", "Reference year"),
    "up_grid_saved": ("Gespeichert als Gitter-Geografie: ", "Saved as grid geography: "),
    "up_template_csv": ("Vorlage als CSV", "Template as CSV"),
    "up_template_xlsx": ("Vorlage als Excel (XLSX)", "Template as Excel (XLSX)"),
}
