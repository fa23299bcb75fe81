"""Subcommands of ``cli.py`` that act on the store (users, audit, data, grid) and the server's binding.

``SPECS`` holds ``(name, help, arguments, handler, passes_extra)`` in the form ``cli.py``
registers; the handlers import their libraries only when called, so ``cli.py`` starts fast.
"""
from __future__ import annotations

import argparse

from geo.grid.commands import GRID_ARGS, GRID_HELP, run_grid  # light: numeric stack imported on use


def arg(*flags: str, **kw) -> tuple:
    """One argument of a subcommand: ``parser.add_argument(*flags, **kw)``."""
    return flags, kw


def _users(args: argparse.Namespace) -> int:
    from commands.accounts import run_users

    return run_users(args)


def _audit(args: argparse.Namespace) -> int:
    from commands.accounts import run_audit

    return run_audit(args)


def _plan(args: argparse.Namespace) -> int:
    from commands.planning import run_plan

    return run_plan(args)


def _data(args: argparse.Namespace) -> int:
    from commands.data import run_data

    return run_data(args)


AS_USER = arg("--as", dest="as_user", metavar="BENUTZER",
               help="handelnder Benutzer (Passwort wird abgefragt oder von stdin gelesen); "
                    "ohne: der lokale Benutzer im Modus SOZIALMONITOR_AUTH=none")
JSON = arg("--json", action="store_true", help="Ergebnis als JSON")
SPECS = [
    ("users", "Benutzer verwalten: add NAME --role ROLLE | list | remove NAME | set-role NAME --role ROLLE | "
              "reset-password NAME (Passwort per Abfrage oder stdin, nie als Argument)",
     (arg("action", choices=["add", "list", "remove", "set-role", "reset-password"]),
      arg("name", nargs="?", help="Benutzername"),
      arg("--role", choices=["viewer", "planner", "admin"], help="Rolle"), JSON), _users, False),
    ("audit", "Protokoll: wer hat wann was geändert (nur fortschreibbar)",
     (arg("--since", metavar="DATUM", help="ab Datum (JJJJ-MM-TT) oder Zeitpunkt (ISO 8601)"),
      arg("--action", help="nur diese Aktion, z. B. upload, remove, login_failure"),
      arg("--user", help="nur dieser Benutzer"), JSON), _audit, False),
    ("data", "Gespeicherte Datensätze: add --table DATEI [--boundaries DATEI] --geography NAME --label TEXT "
             "[--public] | list [--json] | remove NAME | restore NAME",
     (arg("action", choices=["add", "list", "remove", "restore", "publish", "unpublish"]),
      arg("name", nargs="?", help="Datensatz (für remove, restore, publish, unpublish)"),
      arg("--table", metavar="DATEI", help="CSV- oder XLSX-Tabelle"),
      arg("--boundaries", metavar="DATEI", help="Gebietsgrenzen (GPKG/GeoJSON/ZIP) für eine neue Gliederung"),
      arg("--geography", metavar="NAME", help="Name des Datensatzes, unter dem gespeichert wird"),
      arg("--base", metavar="GEO", help="Gliederung, zu der die Tabelle gehört (Standard: NAME, "
                                         "wenn schon gespeichert, sonst stadtteile)"),
      arg("--label", help="Bezeichnung"), arg("--source", help="Quelle der Daten (Pflicht bei neuen Merkmalen)"),
      arg("--key", help="Schlüsselspalte der Grenzen"), arg("--year", type=int, help="Jahr ohne Jahresspalte"),
      arg("--public", action="store_true", help="öffentlich (nur Rolle admin)"), JSON, AS_USER), _data, False),
    ("plan", "Planung (Ziele, Maßnahmen, Partner): import DATEI… [--dry-run] | export --out DATEI.xlsx | "
             "list [--json] | evaluate [--measure ID] [--comparison all|matched] [--post JAHR] [--json] | "
             "report --year JJJJ --out DATEI.pdf [--lang en]",
     (arg("action", choices=["import", "export", "list", "evaluate", "report"]),
      arg("files", nargs="*", metavar="DATEI", help="XLSX (Blätter Massnahmen, Ziele) oder CSV-Dateien"),
      arg("--dry-run", action="store_true", help="nur prüfen, nichts speichern"),
      arg("--out", metavar="DATEI", help="Ausgabedatei (.xlsx für export, .pdf für report)"),
      arg("--measure", type=int, metavar="ID", help="nur diese Maßnahme bewerten"),
      arg("--comparison", choices=["all", "matched"], default="all",
          help="Vergleichsgebiete: alle übrigen (all) oder die 3 im Vorher-Wert ähnlichsten (matched)"),
      arg("--post", type=int, metavar="JAHR", help="Nachher-Jahr (Standard: letztes Jahr mit Daten)"),
      arg("--year", type=int, metavar="JJJJ", help="Berichtsjahr (report)"),
      arg("--lang", default="de", choices=["de", "en"], help="Sprache der Hinweise (evaluate) und des Berichts"),
      JSON, AS_USER), _plan, False),
]
SPECS.append(("grid", GRID_HELP, GRID_ARGS, run_grid, False))  # body in geo/grid/commands.py
