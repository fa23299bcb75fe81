"""Wording: the command line (``cli.py``): command and option help, messages, errors.

Entries are ``key: (German, English)``. ``cli_h_*`` is the help of a subcommand,
``cli_a_*`` the help of an option, ``cli_m_*`` a message printed on success and
``cli_e_*`` an error message (raised as :class:`commands.registry.UserError` or a
store error, printed as ``Fehler: …`` by ``cli.py``).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the frame
    "cli_description": (
        "Sozialmonitor Lübeck: Karten, Indikatoren und Abfragen auf der Kommandozeile.",
        "Sozialmonitor Lübeck: maps, indicators and queries on the command line.",
    ),
    "cli_error": ("Fehler: {message}", "Error: {message}"),
    "cli_usage_prefix": ("Aufruf: ", "usage: "),
    "cli_positionals": ("Argumente", "positional arguments"),
    "cli_optionals": ("Optionen", "options"),
    "cli_help_help": ("diese Hilfe zeigen und beenden", "show this help message and exit"),
    "cli_usage_error": ("Fehler: {message} (Hilfe: {prog} --help)", "Error: {message} (help: {prog} --help)"),
    "cli_unknown_args": ("unbekannte Argumente: {args}", "unrecognised arguments: {args}"),
    "cli_internal_error": (
        "Interner Fehler (Programmfehler, kein Eingabefehler); Details im Protokoll oben.",
        "Internal error (a bug, not an input error); details in the log above.",
    ),
    "cli_cannot_write": (
        "{path}: Datei kann nicht geschrieben werden ({reason})",
        "{path}: cannot write the file ({reason})",
    ),
    # metavars
    "cli_v_user": ("BENUTZER", "USER"),
    "cli_v_date": ("DATUM", "DATE"),
    "cli_v_file": ("DATEI", "FILE"),
    "cli_v_year": ("JAHR", "YEAR"),
    "cli_v_yyyy": ("JJJJ", "YYYY"),
    # shared options
    "cli_a_geography": ("Gebietsgliederung (Standard: stadtteile)", "geography (default: stadtteile)"),
    "cli_a_json": ("Ergebnis als JSON", "result as JSON"),
    "cli_a_year": ("Jahr", "year"),
    "cli_a_latest_year": ("Jahr (Standard: das neueste)", "year (default: the latest)"),
    "cli_a_lang": ("Sprache der Ausgabe (de oder en)", "language of the output (de or en)"),
    "cli_a_out_csv": ("Ausgabe-CSV", "output CSV"),
    "cli_a_out_file": ("Ausgabedatei", "output file"),
    "cli_a_as_user": (
        "handelnder Benutzer (Passwort wird abgefragt oder von stdin gelesen); "
        "ohne: der lokale Benutzer im Modus SOZIALMONITOR_AUTH=none",
        "acting user (password from a prompt or stdin); without: the local user in mode SOZIALMONITOR_AUTH=none",
    ),
    # indicators, mss, svi
    "cli_h_indicators": ("Indikatoren des Katalogs auflisten", "list the catalogue's indicators"),
    "cli_h_mss": (
        "MSS-Status- und Dynamikindex aus einer MSS-Tabelle 2-1 berechnen",
        "MSS status and dynamics index from an MSS table 2-1",
    ),
    "cli_a_mss_input": ("MSS-Anteilstabelle (*-2-1.csv)", "MSS share table (*-2-1.csv)"),
    "cli_a_min_population": ("Mindest-Einwohnerzahl (Standard 300)", "minimum population (default 300)"),
    "cli_a_exclude": ("auszuschließende Gebiets-IDs, kommagetrennt", "area ids to leave out, comma-separated"),
    "cli_m_mss_assessed": ("{n} von {total} Gebieten bewertet -> {out}", "{n} of {total} areas assessed -> {out}"),
    "cli_m_mss_status": ("Status: {counts}", "Status: {counts}"),
    "cli_h_svi": (
        "CDC Social Vulnerability Index aus einer CDC-Eingabetabelle",
        "CDC Social Vulnerability Index from a CDC input table",
    ),
    "cli_a_svi_input": ("CDC SVI CSV (E_/EP_-Spalten)", "CDC SVI CSV (E_/EP_ columns)"),
    "cli_a_svi_edition": (
        "2020 = veröffentlichte Datei (HBURD aus E_HBURD); 2020-corrected = CDC-Korrektur vom 22.12.2022 (EP_HBURD)",
        "2020 = the published file (HBURD from E_HBURD); 2020-corrected = CDC's correction of 22 Dec 2022 (EP_HBURD)",
    ),
    "cli_m_svi_written": (
        "{n} Gebiete -> {out}; F_TOTAL > 0 bei {flagged}",
        "{n} areas -> {out}; F_TOTAL > 0 for {flagged}",
    ),
    # map, batch, report
    "cli_h_map": ("Druckkarte eines Indikators als PNG, SVG oder PDF", "print map of an indicator as PNG, SVG or PDF"),
    "cli_a_indicator": ("Indikator-ID (siehe: cli.py indicators)", "indicator id (see: cli.py indicators)"),
    "cli_a_k": ("Anzahl Klassen (2–9, wie in der App)", "number of classes (2–9, as in the app)"),
    "cli_a_scheme": ("Klassenbildung", "classification"),
    "cli_a_palette": (
        "ColorBrewer-Palette, z. B. YlOrRd, PuBu, RdBu_r",
        "ColorBrewer palette, e.g. YlOrRd, PuBu, RdBu_r",
    ),
    "cli_a_format": (
        "Standard: aus der Dateiendung von --out, sonst png",
        "default: from the suffix of --out, else png",
    ),
    "cli_a_size": ("Papierformat", "paper size"),
    "cli_a_labels": ("Gebietsnamen beschriften", "label the areas with their names"),
    "cli_a_flags": (
        "Gebiete mit erhöhtem Bedarf (Schwelle in Bedarfsrichtung) hervorheben",
        "highlight areas with elevated need (threshold in the need direction)",
    ),
    "cli_h_batch": (
        "Druckkarten aller Indikatoren eines Jahres, mit Index",
        "print maps of every indicator of a year, with an index",
    ),
    "cli_a_out_dir": ("Ausgabeordner", "output folder"),
    "cli_e_no_year": (
        "kein Jahr {year} in den Daten (vorhanden: {first}–{last})",
        "no year {year} in the data (available: {first}–{last})",
    ),
    "cli_m_maps_written": (
        "{n} Karten in {out} (Index: index.csv, index.md)",
        "{n} maps in {out} (index: index.csv, index.md)",
    ),
    "cli_m_skipped": ("ausgelassen: {indicator}: {status}", "skipped: {indicator}: {status}"),
    "cli_h_report": ("Sozialbericht als mehrseitiges PDF", "social report as a multi-page PDF"),
    "cli_a_out_pdf": ("Ausgabedatei (.pdf)", "output file (.pdf)"),
    # locate, estimate, query, zonal
    "cli_h_locate": ("Adresse suchen: Koordinaten und Stadtteil", "find an address: coordinates and Stadtteil"),
    "cli_a_address": ('z. B. "Breite Straße 62"', 'e.g. "Breite Straße 62"'),
    "cli_a_bezirke": (
        "Stadtbezirksgrenzen (GPKG/GeoJSON/SHP/ZIP), Spalten code und name",
        "Stadtbezirk boundaries (GPKG/GeoJSON/SHP/ZIP), columns code and name",
    ),
    "cli_h_estimate": (
        "Schätzung für eine eigene Fläche (Radius oder Polygon-Datei)",
        "estimate for a custom area (radius or polygon file)",
    ),
    "cli_a_lon": ("Länge (WGS84) des Mittelpunkts", "longitude (WGS84) of the centre"),
    "cli_a_lat": ("Breite (WGS84) des Mittelpunkts", "latitude (WGS84) of the centre"),
    "cli_a_radius": ("Radius in Metern", "radius in metres"),
    "cli_a_polygon": (
        "Flächendatei (GPKG/GeoJSON/SHP/ZIP); alle Flächen zusammen",
        "polygon file (GPKG/GeoJSON/SHP/ZIP); all polygons together",
    ),
    "cli_h_query": (
        'Gebiete filtern, z. B. "Anteil 65+ > 25 und Bevölkerungsentwicklung < 0"',
        'filter areas, e.g. "share_65plus > 25 and population_change < 0"',
    ),
    "cli_a_expression": (
        "Abfrage (Indikator oder Bezeichnung, Vergleich, und/oder/nicht)",
        "query (indicator or label, comparison, and/or/not)",
    ),
    "cli_h_zonal": (
        "Rasterwerte je Gebiet (Mittel, Summe, Min, Max, Anteil über Schwelle)",
        "raster values per area (mean, sum, min, max, share above a threshold)",
    ),
    "cli_a_raster": ("GeoTIFF in beliebigem CRS", "GeoTIFF in any CRS"),
    "cli_a_above": ("Schwelle für den Anteil der Zellen darüber", "threshold for the share of cells above it"),
    "cli_a_band": ("Band (Standard 1)", "band (default 1)"),
    "cli_a_method": (
        "center: Zellmittelpunkt in der Fläche; coverage: flächengewichtet (exactextract)",
        "center: cell centre inside the area; coverage: area-weighted (exactextract)",
    ),
    # validate, serve
    "cli_h_validate": (
        "Grenzen- oder Tabellendatei prüfen (Exit 0 = verwendbar, 1 = nicht)",
        "check a boundary or table file (exit 0 = usable, 1 = not)",
    ),
    "cli_a_boundaries_file": ("GeoPackage, GeoJSON oder Shapefile-ZIP", "GeoPackage, GeoJSON or zipped shapefile"),
    "cli_a_table_file": ("CSV- oder XLSX-Tabelle (lang oder breit)", "CSV or XLSX table (long or wide)"),
    "cli_a_key": ("Schlüsselspalte der Grenzen (sonst erkannt)", "key column of the boundaries (else detected)"),
    "cli_a_name": ("Namensspalte der Grenzen", "name column of the boundaries"),
    "cli_a_layer": ("Ebene einer GeoPackage-Datei", "layer of a GeoPackage file"),
    "cli_a_default_year": ("Jahr für Tabellen ohne Jahresspalte", "year for tables without a year column"),
    "cli_e_one_file": (
        "genau eine Datei angeben: --boundaries DATEI oder --table DATEI",
        "give exactly one file: --boundaries FILE or --table FILE",
    ),
    "cli_h_serve": (
        "Web-App starten (wie make run); lädt die Bibliotheken der Startseite schon beim Serverstart",
        "start the web app (as make run does); loads the start page's libraries while the server starts",
    ),
    "cli_a_port": (
        "Port (Standard 8501); weitere Streamlit-Optionen werden durchgereicht, z. B. --server.headless true",
        "port (default 8501); further Streamlit options are passed on, e.g. --server.headless true",
    ),
    "cli_e_bind": (
        "SOZIALMONITOR_AUTH=none: ohne Anmeldung lauscht der Server nur auf 127.0.0.1, "
        "nicht auf {address!r}. Für den Zugriff von anderen Rechnern bitte "
        "SOZIALMONITOR_AUTH=local oder oidc setzen.",
        "SOZIALMONITOR_AUTH=none: without login the server listens on 127.0.0.1 only, "
        "not on {address!r}. For access from other computers set "
        "SOZIALMONITOR_AUTH=local or oidc.",
    ),
    # users, audit
    "cli_h_users": (
        "Benutzer verwalten: add NAME --role ROLLE | list | remove NAME | set-role NAME --role ROLLE | "
        "reset-password NAME (Passwort per Abfrage oder stdin, nie als Argument)",
        "manage users: add NAME --role ROLE | list | remove NAME | set-role NAME --role ROLE | "
        "reset-password NAME (password from a prompt or stdin, never as an argument)",
    ),
    "cli_a_user_name": ("Benutzername", "user name"),
    "cli_a_role": ("Rolle", "role"),
    "cli_e_users_need": ("users {action}: bitte {what} angeben", "users {action}: please give {what}"),
    "cli_m_locked_until": ("gesperrt bis {until}", "locked until {until}"),
    "cli_m_user_added": ("Benutzer '{name}' angelegt (Rolle {role})", "user '{name}' added (role {role})"),
    "cli_m_user_removed": ("Benutzer '{name}' entfernt", "user '{name}' removed"),
    "cli_m_user_role": ("Benutzer '{name}': Rolle {role}", "user '{name}': role {role}"),
    "cli_m_user_reset": (
        "Benutzer '{name}': Passwort neu gesetzt, Sperre aufgehoben",
        "user '{name}': new password set, lock lifted",
    ),
    "cli_p_password": ("Passwort: ", "Password: "),
    "cli_p_new_password": ("Neues Passwort: ", "New password: "),
    "cli_p_repeat_password": ("Passwort wiederholen: ", "Repeat password: "),
    "cli_p_password_for": ("Passwort für {name}: ", "Password for {name}: "),
    "cli_e_password_mismatch": ("die beiden Passwörter stimmen nicht überein", "the two passwords differ"),
    "cli_e_no_password": (
        "kein Passwort: bitte eingeben oder eine Zeile auf stdin übergeben",
        "no password: please type it or pass one line on stdin",
    ),
    "cli_e_who_acts": (
        "SOZIALMONITOR_AUTH={mode}: bitte mit --as BENUTZER angeben, wer handelt",
        "SOZIALMONITOR_AUTH={mode}: please say with --as USER who acts",
    ),
    "cli_h_audit": (
        "Protokoll: wer hat wann was geändert (nur fortschreibbar)",
        "audit log: who changed what when (append-only)",
    ),
    "cli_a_since": ("ab Datum (JJJJ-MM-TT) oder Zeitpunkt (ISO 8601)", "from a date (YYYY-MM-DD) or time (ISO 8601)"),
    "cli_a_action": (
        "nur diese Aktion, z. B. upload, remove, login_failure",
        "only this action, e.g. upload, remove, login_failure",
    ),
    "cli_a_only_user": ("nur dieser Benutzer", "only this user"),
    "cli_e_since": ("--since {text!r}: kein Datum (erwartet JJJJ-MM-TT)", "--since {text!r}: not a date (YYYY-MM-DD)"),
    # data
    "cli_h_data": (
        "Gespeicherte Datensätze: add --table DATEI [--boundaries DATEI] --geography NAME --label TEXT "
        "[--public] | list [--json] | remove NAME | restore NAME | migrate-files",
        "saved datasets: add --table FILE [--boundaries FILE] --geography NAME --label TEXT "
        "[--public] | list [--json] | remove NAME | restore NAME | migrate-files",
    ),
    "cli_a_dataset": (
        "Datensatz (für remove, restore, publish, unpublish)",
        "dataset (for remove, restore, publish, unpublish)",
    ),
    "cli_a_table": ("CSV- oder XLSX-Tabelle", "CSV or XLSX table"),
    "cli_a_new_boundaries": (
        "Gebietsgrenzen (GPKG/GeoJSON/ZIP) für eine neue Gliederung",
        "area boundaries (GPKG/GeoJSON/ZIP) for a new geography",
    ),
    "cli_a_dataset_name": ("Name des Datensatzes, unter dem gespeichert wird", "name the dataset is saved under"),
    "cli_a_base": (
        "Gliederung, zu der die Tabelle gehört (Standard: NAME, wenn schon gespeichert, sonst stadtteile)",
        "geography the table belongs to (default: NAME if already saved, else stadtteile)",
    ),
    "cli_a_label": ("Bezeichnung", "label"),
    "cli_a_source": (
        "Quelle der Daten (Pflicht bei neuen Merkmalen)",
        "source of the data (required for new variables)",
    ),
    "cli_a_boundary_key": ("Schlüsselspalte der Grenzen", "key column of the boundaries"),
    "cli_a_public": ("öffentlich (nur Rolle admin)", "public (admin role only)"),
    "cli_e_need_source": (
        "neue Merkmale {names}: bitte mit --source die Quelle der Daten angeben",
        "new variables {names}: please give the data's source with --source",
    ),
    "cli_e_data_add": (
        "data add: bitte --table DATEI, --geography NAME und --label TEXT angeben",
        "data add: please give --table FILE, --geography NAME and --label TEXT",
    ),
    "cli_e_data_name": ("data {action}: bitte NAME angeben", "data {action}: please give NAME"),
    "cli_e_no_dataset": ("Datensatz '{name}' gibt es nicht", "there is no dataset '{name}'"),
    "cli_m_usable": ("Ergebnis: verwendbar", "Result: usable"),
    "cli_m_not_usable": ("Ergebnis: nicht verwendbar", "Result: not usable"),
    "cli_m_public": ("öffentlich", "public"),
    "cli_m_internal": ("intern", "internal"),
    "cli_m_saved": ("gespeichert: {id} ({label}), {visibility}", "saved: {id} ({label}), {visibility}"),
    "cli_m_replaced": ("ersetzt: {id} ({label}), {visibility}", "replaced: {id} ({label}), {visibility}"),
    "cli_m_trashed": (
        "'{name}' in den Papierkorb verschoben (30 Tage wiederherstellbar: cli.py data restore)",
        "'{name}' moved to the trash (restorable for 30 days: cli.py data restore)",
    ),
    "cli_m_restored": ("'{name}' wiederhergestellt", "'{name}' restored"),
    "cli_m_visibility": ("'{name}': {visibility}", "'{name}': {visibility}"),
    # data migrate-files (geo/dataset_files.py)
    "cli_m_migrated": (
        "übernommen: {name} Version {version} ({areas} Gebiete, {values} Werte) aus {folder}",
        "moved: {name} version {version} ({areas} areas, {values} values) from {folder}",
    ),
    "cli_m_migrate_missing": (
        "nicht übernommen, Ordner fehlt oder ist unvollständig: {name} Version {version} ({folder})",
        "not moved, folder missing or incomplete: {name} version {version} ({folder})",
    ),
    "cli_m_migrate_failed": (
        "nicht übernommen, Ordner nicht lesbar (Einzelheiten im Protokoll): {name} Version {version} ({folder})",
        "not moved, folder unreadable (details in the log): {name} version {version} ({folder})",
    ),
    "cli_m_migrate_summary": (
        "{n} Datensatz-Versionen aus Ordnern in die Datenbank übernommen. Die Ordner unter "
        "{path} bleiben liegen; nach Prüfung können sie gelöscht werden.",
        "{n} dataset versions moved from folders into the database. The folders under "
        "{path} stay; once checked they may be deleted.",
    ),
    "cli_m_migrate_nothing": (
        "Nichts zu übernehmen: alle gespeicherten Datensätze liegen in der Datenbank.",
        "Nothing to move: every saved dataset is in the database.",
    ),
    # plan
    "cli_h_plan": (
        "Planung (Ziele, Maßnahmen, Partner): import DATEI… [--dry-run] | export --out DATEI.xlsx | "
        "list [--json] | evaluate [--measure ID] [--comparison all|matched] [--post JAHR] [--json] | "
        "report --year JJJJ --out DATEI.pdf [--lang en]",
        "planning (goals, measures, partners): import FILE… [--dry-run] | export --out FILE.xlsx | "
        "list [--json] | evaluate [--measure ID] [--comparison all|matched] [--post YEAR] [--json] | "
        "report --year YYYY --out FILE.pdf [--lang en]",
    ),
    "cli_a_plan_files": (
        "XLSX (Blätter Massnahmen, Ziele) oder CSV-Dateien",
        "XLSX (sheets Massnahmen, Ziele) or CSV files",
    ),
    "cli_a_dry_run": ("nur prüfen, nichts speichern", "check only, save nothing"),
    "cli_a_plan_out": (
        "Ausgabedatei (.xlsx für export, .pdf für report)",
        "output file (.xlsx for export, .pdf for report)",
    ),
    "cli_a_measure": ("nur diese Maßnahme bewerten", "evaluate only this measure"),
    "cli_a_comparison": (
        "Vergleichsgebiete: alle übrigen (all) oder die 3 im Vorher-Wert ähnlichsten (matched)",
        "comparison areas: all others (all) or the 3 nearest in the pre value (matched)",
    ),
    "cli_a_post": ("Nachher-Jahr (Standard: letztes Jahr mit Daten)", "post year (default: the latest with data)"),
    "cli_a_report_year": ("Berichtsjahr (report)", "report year (report)"),
    "cli_a_plan_lang": (
        "Sprache der Hinweise (evaluate) und des Berichts",
        "language of the notes (evaluate) and the report",
    ),
    "cli_e_plan_need": ("plan {action}: bitte {what} angeben", "plan {action}: please give {what}"),
    "cli_w_plan_files": (
        "DATEI (XLSX mit den Blättern Massnahmen/Ziele oder CSV-Dateien Massnahmen*.csv, Ziele*.csv)",
        "FILE (XLSX with the sheets Massnahmen/Ziele or CSV files Massnahmen*.csv, Ziele*.csv)",
    ),
    "cli_w_out_xlsx": ("--out DATEI.xlsx", "--out FILE.xlsx"),
    "cli_w_out_pdf": ("--out DATEI.pdf", "--out FILE.pdf"),
    "cli_w_year": ("--year JJJJ", "--year YYYY"),
    "cli_e_plan_xlsx": (
        "--out {out}: die Ausgabe ist eine Excel-Datei (.xlsx)",
        "--out {out}: the output is an Excel file (.xlsx)",
    ),
    "cli_m_plan_exported": ("Planung nach {out} geschrieben", "planning written to {out}"),
    "cli_m_plan_empty": (
        "Die Planung ist leer (noch keine Maßnahmen, Ziele oder Partner).",
        "The planning register is empty (no measures, goals or partners yet).",
    ),
    "cli_m_open_end": ("offen", "open"),
    "cli_m_goal_target": ("{value} bis {year}", "{value} by {year}"),
    "cli_e_no_measure": ("--measure {id}: Maßnahme gibt es nicht", "--measure {id}: no such measure"),
    "cli_m_on_track": ("im Plan", "on track"),
    "cli_m_off_track": ("nicht im Plan", "not on track"),
    "cli_m_goal_progress": (
        "Ziel {id} ({indicator}): Basis {baseline}, aktuell {current}, Ziel {target}, Fortschritt {progress}, {state}",
        "Goal {id} ({indicator}): baseline {baseline}, now {current}, target {target}, progress {progress}, {state}",
    ),
    "cli_m_measure_effect": (
        "Maßnahme {id} ({indicator}): Effekt {effect}, p = {p_placebo} ({n_placebo} Placebo-Sätze). {note}",
        "Measure {id} ({indicator}): effect {effect}, p = {p_placebo} ({n_placebo} placebo sets). {note}",
    ),
    "cli_m_plan_report": (
        "Sachstand Strategische Sozialplanung {year} nach {out} geschrieben",
        "Status report strategic social planning {year} written to {out}",
    ),
    # grid
    "cli_h_grid": (
        "Zensus-Gitter: import (CSV laden und speichern) oder aggregate (auf Gebiete verteilen)",
        "census grid: import (read and save a CSV) or aggregate (share out to areas)",
    ),
    "cli_a_grid_action": ("import oder aggregate", "import or aggregate"),
    "cli_a_grid_file": (
        "Gitter-CSV (Zensus 2022 oder 2011); mehrfach für Themendateien",
        "grid CSV (census 2022 or 2011); repeat for topic files",
    ),
    "cli_a_grid_name": ("Name des gespeicherten Gitters (import)", "name of the saved grid (import)"),
    "cli_a_grid": (
        "Gitter-Geografie (aggregate), z. B. zensus2011-1km",
        "grid geography (aggregate), e.g. zensus2011-1km",
    ),
    "cli_a_grid_to": ("Ziel-Gebietsgliederung (Standard: stadtteile)", "target geography (default: stadtteile)"),
    "cli_a_grid_year": (
        "Stichtagsjahr (import: Standard aus dem Dateinamen, sonst 2022)",
        "reference year (import: default from the file name, else 2022)",
    ),
}
