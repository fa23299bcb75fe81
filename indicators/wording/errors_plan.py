"""Wording: Messages of expected errors and file findings of the planning register (goals, measures,
partners, fields of action; its workbook import, trash and undo). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "err_plan_record": ("{entity} {id}", "{entity} {id}"),
    "err_plan_not_found": ("{record} gibt es nicht", "{record} does not exist"),
    "err_plan_partner_exists": ("Partner '{name}' gibt es schon", "Partner '{name}' exists already"),
    "err_plan_field_name": (
        "Handlungsfeld: Name fehlt oder ist länger als 120 Zeichen",
        "Field of action: name missing or longer than 120 characters",
    ),
    "err_plan_field_exists": ("Handlungsfeld '{name}' gibt es schon", "Field of action '{name}' exists already"),
    "err_plan_goals_missing": ("Ziele: {ids} gibt es nicht", "Goals: {ids} do not exist"),
    "err_plan_not_in_trash": ("{record} liegt nicht im Papierkorb", "{record} is not in the trash"),
    "err_plan_no_snapshot": (
        "{record}: kein gespeicherter Stand zum Wiederherstellen",
        "{record}: no saved state to restore",
    ),
    "err_plan_partner_blocks_restore": (
        "Partner '{name}' gibt es schon; {record} wurde nicht wiederhergestellt",
        "Partner '{name}' exists already; {record} was not restored",
    ),
    "err_plan_nothing_to_undo": (
        "Es gibt keine eigene Änderung, die rückgängig gemacht werden könnte",
        "There is no change of yours that could be undone",
    ),
    "err_plan_no_earlier": ("{record}: kein früherer Stand", "{record}: no earlier state"),
    "err_plan_stale_gone": (
        "{record} gibt es nicht mehr oder wurde inzwischen geändert; Ihre Änderung wurde nicht "
        "gespeichert – bitte neu laden",
        "{record} no longer exists or was changed meanwhile; your change was not saved – please reload",
    ),
    "err_plan_stale_deleted": (
        "{record} wurde inzwischen von '{user}' gelöscht; Ihre Änderung wurde nicht gespeichert",
        "{record} was deleted meanwhile by '{user}'; your change was not saved",
    ),
    "err_plan_stale_changed": (
        "{record} wurde inzwischen von '{user}' am {when} UTC geändert (Version {based_on} → "
        "{version}): {changes}. Ihre Änderung auf Version {based_on} wurde nicht gespeichert – "
        "bitte neu laden und erneut eintragen.",
        "{record} was changed meanwhile by '{user}' on {when} UTC (version {based_on} → "
        "{version}): {changes}. Your change to version {based_on} was not saved – please "
        "reload and enter it again.",
    ),
    "err_plan_import_what": ("Import", "import"),
    "err_plan_trash_what": ("Papierkorb", "trash"),
    # store/planning/excel.py
    "err_plan_columns_missing": ("Spalten fehlen: {columns}", "columns missing: {columns}"),
    "err_plan_column_ignored": ("unbekannte Spalte ignoriert", "unknown column ignored"),
    "err_plan_import_aborted": (
        "Import abgebrochen, nichts gespeichert: {why}",
        "import aborted, nothing saved: {why}",
    ),
    "err_plan_database": ("Datenbank", "database"),
    "plan_import_stored": ("Gespeichert: {new} neu, {changed} geändert.", "Saved: {new} new, {changed} changed."),
    "plan_import_dry_run": (
        "Probelauf: {new} neu, {changed} geändert – nichts gespeichert.",
        "Dry run: {new} new, {changed} changed – nothing saved.",
    ),
    "plan_import_refused": (
        "Nichts gespeichert: bitte die genannten Zeilen korrigieren (ein Import gilt ganz oder gar nicht).",
        "Nothing saved: please correct the rows named (an import counts whole or not at all).",
    ),
    "err_plan_kennung_long": ("Kennung länger als {max} Zeichen", "Reference longer than {max} characters"),
    "err_plan_id_unknown": (
        "Id {id}: {entity} gibt es nicht – für einen neuen Eintrag die Id leer lassen",
        "Id {id}: {entity} does not exist – leave the id empty for a new entry",
    ),
    "err_plan_kennung_twice": ("Kennung '{own}' kommt mehrfach vor", "Reference '{own}' occurs more than once"),
    # store/planning/sheets.py
    "err_plan_too_many_rows": (
        "mehr als {cap} Zeilen – ein Import darf höchstens {cap} Zeilen je Tabelle haben "
        "({env}); bitte die Datei aufteilen",
        "more than {cap} rows – an import may have at most {cap} rows per table ({env}); please split the file",
    ),
    "err_plan_xml_bomb": ("verbotene XML-Entitäten (mögliche XML-Bombe)", "forbidden XML entities (possible XML bomb)"),
    "err_plan_parse": ("{kind}: {detail}", "{kind}: {detail}"),
    "err_plan_sheet_unreadable": (
        "Tabellenblatt '{sheet}' nicht lesbar: {problem}",
        "sheet '{sheet}' not readable: {problem}",
    ),
    "err_plan_xlsx_unusable": ("Excel-Datei nicht verwendbar: {problem}", "Excel file not usable: {problem}"),
    "err_plan_xlsx_unreadable": ("Excel-Datei nicht lesbar: {problem}", "Excel file not readable: {problem}"),
    "err_plan_place_sheet": ("Tabellenblatt '{name}'", "sheet '{name}'"),
    "err_plan_place_part": ("Teil '{name}'", "part '{name}'"),
    "err_plan_dtd": (
        "Excel-Datei nicht lesbar: {place} enthält XML-Entitäten (DTD), wie sie keine "
        "Tabellenkalkulation schreibt (mögliche XML-Bombe); die Datei wird nicht geöffnet",
        "Excel file not readable: {place} holds XML entities (DTD) as no spreadsheet writes them "
        "(possible XML bomb); the file is not opened",
    ),
    "err_plan_no_sheet": (
        "kein Tabellenblatt 'Massnahmen' oder 'Ziele' (gefunden: {found})",
        "no sheet 'Massnahmen' or 'Ziele' (found: {found})",
    ),
    "err_plan_csv_name": (
        "CSV-Datei muss 'Massnahmen…' oder 'Ziele…' heißen (so weiß der Import, was sie enthält)",
        "a CSV file must be named 'Massnahmen…' or 'Ziele…' (so the import knows what it holds)",
    ),
    "err_plan_file_unreadable": ("Datei nicht lesbar: {problem}", "file not readable: {problem}"),
    "err_plan_file_missing": ("Datei nicht gefunden", "file not found"),
    "err_plan_file_too_large": ("Datei größer als {mb} MB", "file larger than {mb} MB"),
    "err_plan_sheet_twice": ("Tabelle '{sheet}' kommt mehrfach vor", "table '{sheet}' occurs more than once"),
}
