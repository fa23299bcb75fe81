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
    "up_checking_file": ("Datei wird geprüft …", "Checking the file …"),
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
    "ingest_summary_values": ("; {n} einzelne Werte verworfen", "; {n} single values dropped"),
    "ingest_sev_error": ("Fehler", "error"),
    "ingest_sev_warning": ("Hinweis", "note"),
    "ingest_act_dropped": ("Zeile verworfen", "row dropped"),
    "ingest_act_used": ("verwendet", "used"),
    "ingest_act_repaired": ("repariert und verwendet", "repaired and used"),
    "ingest_act_file_rejected": ("Datei nicht verwendet", "file not used"),
    "ingest_act_value_dropped": ("Wert verworfen", "value dropped"),
    "ingest_act_column_skipped": ("Spalte nicht verwendet", "column not used"),
    "ingest_at_row": ("Zeile {row}", "row {row}"),
    "ingest_at_file": ("Datei", "file"),
    "ingest_at_column": (", Spalte '{column}'", ", column '{column}'"),
    # findings of the table check (indicators.ingest.validate)
    "ingest_no_area_column": (
        "keine Spalte mit Gebietsschlüssel gefunden (z. B. 'Stadtteil', 'Gebiet', 'Code')",
        "no column with area codes found (e.g. 'Stadtteil', 'Gebiet', 'Code')",
    ),
    "ingest_no_year_column": (
        "keine Spalte 'Jahr' gefunden und kein Jahr angegeben",
        "no column 'Jahr' (year) found and no year given",
    ),
    "ingest_unknown_area": ("unbekannter Gebietsschlüssel '{code}'", "unknown area code '{code}'"),
    "ingest_bad_year": ("ungültiges Jahr '{year}'", "invalid year '{year}'"),
    "ingest_variable_missing": ("Merkmal fehlt", "variable missing"),
    "ingest_variable_too_long": ("Merkmal länger als {n} Zeichen", "variable longer than {n} characters"),
    "ingest_date_not_number": (
        "Datum statt Zahl ({date}), vermutlich Excel-Formatfehler",
        "a date instead of a number ({date}), probably an Excel format error",
    ),
    "ingest_no_value_symbol": ("kein Wert ('{text}': {meaning})", "no value ('{text}': {meaning})"),
    "ingest_no_value": ("kein Wert ('{text}')", "no value ('{text}')"),
    "ingest_value_missing": ("Wert fehlt", "value missing"),
    "ingest_sym_secret": ("Zahlenwert unbekannt oder geheim zu halten", "value unknown or to be kept secret"),
    "ingest_sym_locked": ("Tabellenfach gesperrt, weil Aussage nicht sinnvoll", "cell locked: no meaningful value"),
    "ingest_sym_unsure": ("keine Angabe, da Zahlenwert nicht sicher genug", "no value: not reliable enough"),
    "ingest_sym_later": ("Angabe fällt später an", "value follows later"),
    "ingest_zero_symbol": (
        "'{text}' gelesen als genau null (Zeichen der amtlichen Statistik)",
        "'{text}' read as exactly zero (symbol of official statistics)",
    ),
    "ingest_not_a_number": ("keine Zahl: '{text}'", "not a number: '{text}'"),
    "ingest_negative_count": ("negative Anzahl ({text})", "negative count ({text})"),
    "ingest_new_variable": (
        "Merkmal '{variable}' ist nicht im Katalog: als neues Merkmal übernommen",
        "variable '{variable}' is not in the catalogue: taken as a new variable",
    ),
    "ingest_row_without_values": ("keine verwendbaren Werte in dieser Zeile", "no usable values in this row"),
    "ingest_duplicate_same": ("Duplikat von Zeile {row} (gleicher Wert)", "duplicate of row {row} (same value)"),
    "ingest_duplicate_conflict": (
        "widersprüchliche Duplikate (Zeilen {rows}: {values})",
        "conflicting duplicates (rows {rows}: {values})",
    ),
    "ingest_numerator_too_big": (
        "Zähler {num} ({value}) größer als Nenner {den} ({den_value})",
        "numerator {num} ({value}) larger than denominator {den} ({den_value})",
    ),
    "ingest_no_data_rows": ("Tabelle enthält keine Datenzeilen", "the table has no data rows"),
    "ingest_no_usable_values": ("keine verwendbaren Werte in der Tabelle", "no usable values in the table"),
    "up_role_name": ("Name des Gebiets (kein Wert)", "Area name (not a value)"),
    "up_role_ignore": ("Ignorieren (nicht lesen)", "Ignore (do not read)"),
    "up_role_none": ("– keine –", "– none –"),
    "up_role_help": (
        "Jede Spalte hat eine Rolle: Gebietsschlüssel, Name, Jahr, Wert – oder ignorieren. In einer breiten "
        "Tabelle ist jede übrige Spalte ein Merkmal; Spalten mit Text (Namen, Bemerkungen) werden übergangen.",
        "Each column has a role: area key, name, year, value – or ignore. In a wide table every other column "
        "is a variable; columns holding text (names, remarks) are passed over.",
    ),
    "up_guess_rate": (
        "Aus der Überschrift geschätzt: Quote/Anteil in % (fertig berechneter Wert) – bitte prüfen.",
        "Guessed from the header: rate/share in % (a ready value) – please check.",
    ),
    "up_guess_per_1000": (
        "Aus der Überschrift geschätzt: Wert je 1.000 Einwohner – bitte prüfen.",
        "Guessed from the header: value per 1,000 inhabitants – please check.",
    ),
    "up_guess_value": (
        "Aus der Überschrift geschätzt: ein Wert (kein Zählwert) – bitte prüfen.",
        "Guessed from the header: a value (not a count) – please check.",
    ),
    "up_guess_count": (
        "Aus der Überschrift geschätzt: eine Anzahl von Personen – bitte prüfen.",
        "Guessed from the header: a count of persons – please check.",
    ),
    "ingest_text_column": (
        "Spalte '{column}' enthält Text (z. B. '{example}'), keine Zahlen: als Textspalte "
        "übergangen (unter „Spalten zuordnen“ als Name oder „ignorieren“ markierbar)",
        "column '{column}' holds text (e.g. '{example}'), not numbers: passed over as a text "
        "column (mark it as name or 'ignore' under 'Map columns')",
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
        "values in the column value, delete empty rows.",
    ),
    "up_grid": ("Zensus-Gitter", "Census grid"),
    "up_grid_files": (
        "Gitter-CSV des Zensus (2022 oder 2011, wie veröffentlicht); mehrere Themendateien desselben Gitters "
        "werden verbunden",
        "Census grid CSV (2022 or 2011, as published); several topic files of the same grid are joined",
    ),
    "up_grid_cells": (
        "{cells} Zellen berühren die Stadt; Merkmale: {variables}",
        "{cells} cells touch the city; variables: {variables}",
    ),
    "up_grid_name": ("Name des Gitters", "Name of the grid"),
    "up_grid_year": ("Stichtagsjahr", "Reference year"),
    "up_grid_saved": ("Gespeichert als Gitter-Geografie: ", "Saved as grid geography: "),
    "up_template_csv": ("Vorlage als CSV", "Template as CSV"),
    "up_template_xlsx": ("Vorlage als Excel (XLSX)", "Template as Excel (XLSX)"),
    "kind_count": ("Anzahl", "Count"),
    "kind_value": ("Wert (fertig berechnet, z. B. Quote in %)", "Value (ready, e.g. a rate in %)"),
    "kind_rate": ("Quote (aus Zähler und Nenner berechnet)", "Rate (computed from numerator and denominator)"),
    "direction_up": ("steigend = mehr Bedarf", "rising = more need"),
    "direction_down": ("fallend = mehr Bedarf", "falling = more need"),
    "direction_neutral": ("neutral (keine Bedarfsrichtung)", "neutral (no need direction)"),
    # findings of reading a table (indicators.ingest.read)
    "read_column_renamed": (
        "Spaltenname doppelt oder reserviert: Spalte {i} heißt jetzt '{new}'",
        "column name doubled or reserved: column {i} is now called '{new}'",
    ),
    "read_extra_fields": (
        "{cells} Felder statt {n}: überzählige Felder ignoriert",
        "{cells} fields instead of {n}: the extra fields are ignored",
    ),
    "read_csv_unreadable": ("CSV nicht lesbar (Zeile {line}): {detail}", "CSV not readable (line {line}): {detail}"),
    "read_empty": ("Datei ist leer (keine Kopfzeile)", "the file is empty (no header line)"),
    "read_too_many_columns": ("zu viele Spalten ({n}, erlaubt {max})", "too many columns ({n}, allowed {max})"),
    "read_too_many_rows": ("zu viele Zeilen (mehr als {max})", "too many rows (more than {max})"),
    "read_xlsx_unusable": ("Excel-Datei nicht verwendbar: {problem}", "Excel file not usable: {problem}"),
    "read_xlsx_no_sheet": ("Excel-Datei enthält kein Tabellenblatt", "the Excel file has no sheet"),
    "read_xlsx_unreadable": ("Excel-Datei nicht lesbar: {detail}", "Excel file not readable: {detail}"),
    "read_sheet_empty": ("Tabellenblatt ist leer", "the sheet is empty"),
    "read_not_found": ("Datei nicht gefunden", "file not found"),
    "read_too_large": ("Datei größer als {mb} MB", "file larger than {mb} MB"),
    "read_not_xlsx": ("keine gültige Excel-Datei (.xlsx)", "not a valid Excel file (.xlsx)"),
    "read_xlsx_is_text": (
        "Endung .xlsx, aber der Inhalt ist Text: als CSV gelesen",
        "suffix .xlsx, but the content is text: read as CSV",
    ),
    "read_binary": ("Binärdatei, keine CSV-Tabelle", "a binary file, not a CSV table"),
    # findings of a boundary file (geo.boundaries)
    "geo_z_dropped": (
        "{n} Geometrien mit Z/M-Koordinaten: auf 2D reduziert",
        "{n} geometries with Z/M coordinates: made 2D",
    ),
    "geo_empty": ("leere Geometrie", "empty geometry"),
    "geo_invalid": ("ungültige Geometrie ({reason})", "invalid geometry ({reason})"),
    "geo_not_area": ("keine Fläche ({kind})", "not an area ({kind})"),
    "geo_column_missing": (
        "Spalte '{column}' nicht gefunden (vorhanden: {have})",
        "column '{column}' not found (present: {have})",
    ),
    "geo_key_missing": ("Schlüssel fehlt", "key missing"),
    "geo_key_twice": (
        "Schlüssel '{code}' doppelt: nur das erste Objekt verwendet",
        "key '{code}' twice: only the first feature is used",
    ),
    "geo_key_too_long": ("Schlüssel länger als {n} Zeichen", "key longer than {n} characters"),
    "geo_names_cut": (
        "{n} Namen länger als {max} Zeichen: gekürzt",
        "{n} names longer than {max} characters: shortened",
    ),
    "geo_file_empty": ("Datei ist leer (0 Bytes)", "the file is empty (0 bytes)"),
    "geo_no_features": ("Datei enthält keine Objekte", "the file has no features"),
    "geo_no_polygons": ("keine verwendbaren Flächen (Polygone) in der Datei", "no usable areas (polygons) in the file"),
    # census grid on the command line (geo.grid: cli.py grid import|aggregate)
    "grid_label": ("Gitter", "Grid"),
    "grid_geo_label": ("Zensus-Gitter {size} ({name})", "Census grid {size} ({name})"),  # a saved grid geography
    "grid_import_saved": (
        "{cells} Zellen, {variables} Merkmale → Geografie '{id}'",
        "{cells} cells, {variables} variables → geography '{id}'",
    ),
    "grid_agg_head": ("Gitter {grid} → {to}, {year}", "Grid {grid} → {to}, {year}"),
    "grid_agg_col_area": ("Gebiet", "Area"),
    "grid_agg_col_variable": ("Merkmal", "Variable"),
    "grid_agg_col_areal": ("Fläche", "Surface"),
    "grid_agg_col_addresses": ("Adressen", "Addresses"),
    "grid_agg_note_methods": (
        "Fläche: Anteil der Zellfläche im Gebiet; Adressen: Anteil der amtlichen Adresspunkte der Zelle "
        "im Gebiet (Zellen ohne Adresspunkte nach Fläche).",
        "Surface: share of the cell's surface in the area; Addresses: share of the cell's official address "
        "points in the area (cells without address points by surface).",
    ),
    "grid_agg_estimate_weighted": (
        "{variable} (Schätzung, mit Einwohnern gewichtet)",
        "{variable} (estimate, weighted by residents)",
    ),
    "grid_agg_estimate": ("{variable} (Schätzung)", "{variable} (estimate)"),
    "grid_agg_note_weighted": (
        "Anteile und Mittelwerte: aus aufsummierten Zählern (Wert × Einwohner) und Nennern neu berechnet – Schätzwerte.",
        "Shares and means: recomputed from summed numerators (value × residents) and denominators – estimates.",
    ),
    "grid_agg_note_unweighted": (
        "Anteile und Mittelwerte: ohne Einwohnerzahl im Gitter je Zelle gleich gewichtet – Schätzwerte.",
        "Shares and means: without a population in the grid, every cell weighs the same – estimates.",
    ),
    "grid_agg_note_min_count": (
        "Werte unter {min} werden nicht ausgewiesen; fehlende oder gesperrte Zellwerte zählen nicht mit.",
        "Values below {min} are not shown; missing or suppressed cell values do not count.",
    ),
    # the file check of ``cli.py validate`` (geo.uploads.file_check)
    "up_check_usable": ("Ergebnis: verwendbar", "Result: usable"),
    "up_check_not_usable": ("Ergebnis: nicht verwendbar", "Result: not usable"),
    "up_check_columns": ("Spalten: {columns}", "Columns: {columns}"),
    "up_check_roles": ("Spalten: {roles} ({layout})", "Columns: {roles} ({layout})"),
    "up_check_key_name": ("Schlüssel: {key}, Name: {name}", "Key: {key}, name: {name}"),
    "up_check_name_is_key": ("(Schlüssel)", "(key)"),
    "up_check_stadtbezirke": (
        "als Lübecker Stadtbezirke erkannt: {n} von {total} Flächen einem Stadtteil zugeordnet",
        "recognised as Lübeck's Stadtbezirke: {n} of {total} areas assigned to a Stadtteil",
    ),
    "up_check_new_variables": (
        "neue Merkmale (brauchen Katalogangaben): {names}",
        "new variables (need catalogue entries): {names}",
    ),
    "up_check_rows": (
        "Zeilen: {rows_in} gelesen, {rows_used} verwendet, {dropped} verworfen; {values} Werte",
        "Rows: {rows_in} read, {rows_used} used, {dropped} dropped; {values} values",
    ),
    "up_check_error": ("Fehler: {file}: {message}", "Error: {file}: {message}"),
}
