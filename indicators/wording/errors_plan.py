"""Wording: Messages of expected errors and file findings of the planning register (goals, measures,
partners, fields of action; its workbook import, trash and undo). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # store/planning/sheets.py
    "err_plan_too_many_rows": ("mehr als {cap} Zeilen – ein Import darf höchstens {cap} Zeilen je Tabelle haben "
                               "({env}); bitte die Datei aufteilen",
                               "more than {cap} rows – an import may have at most {cap} rows per table ({env}); "
                               "please split the file"),
    "err_plan_xml_bomb": ("verbotene XML-Entitäten (mögliche XML-Bombe)", "forbidden XML entities (possible XML bomb)"),
    "err_plan_parse": ("{kind}: {detail}", "{kind}: {detail}"),
    "err_plan_sheet_unreadable": ("Tabellenblatt '{sheet}' nicht lesbar: {problem}",
                                  "sheet '{sheet}' not readable: {problem}"),
    "err_plan_xlsx_unusable": ("Excel-Datei nicht verwendbar: {problem}", "Excel file not usable: {problem}"),
    "err_plan_xlsx_unreadable": ("Excel-Datei nicht lesbar: {problem}", "Excel file not readable: {problem}"),
    "err_plan_place_sheet": ("Tabellenblatt '{name}'", "sheet '{name}'"),
    "err_plan_place_part": ("Teil '{name}'", "part '{name}'"),
    "err_plan_dtd": ("Excel-Datei nicht lesbar: {place} enthält XML-Entitäten (DTD), wie sie keine "
                     "Tabellenkalkulation schreibt (mögliche XML-Bombe); die Datei wird nicht geöffnet",
                     "Excel file not readable: {place} holds XML entities (DTD) as no spreadsheet writes them "
                     "(possible XML bomb); the file is not opened"),
    "err_plan_no_sheet": ("kein Tabellenblatt 'Massnahmen' oder 'Ziele' (gefunden: {found})",
                          "no sheet 'Massnahmen' or 'Ziele' (found: {found})"),
    "err_plan_csv_name": ("CSV-Datei muss 'Massnahmen…' oder 'Ziele…' heißen (so weiß der Import, was sie enthält)",
                          "a CSV file must be named 'Massnahmen…' or 'Ziele…' (so the import knows what it holds)"),
    "err_plan_file_unreadable": ("Datei nicht lesbar: {problem}", "file not readable: {problem}"),
    "err_plan_file_missing": ("Datei nicht gefunden", "file not found"),
    "err_plan_file_too_large": ("Datei größer als {mb} MB", "file larger than {mb} MB"),
    "err_plan_sheet_twice": ("Tabelle '{sheet}' kommt mehrfach vor", "table '{sheet}' occurs more than once"),
}
