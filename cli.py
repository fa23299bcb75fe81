"""Command line front door of the Sozialmonitor Lübeck.

Every subcommand is a thin wrapper: it parses arguments, calls the same
functions in ``geo/`` and ``indicators/`` that the app calls, and prints.
Errors that come from bad input are printed as one clear message (exit 1),
never as a traceback.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

Handler = Callable[[argparse.Namespace], int]


class UserError(Exception):
    """A problem with the user's input: printed as a message, exit code 1."""


# --- subcommands -----------------------------------------------------------
# Each ``add_*`` function registers one subcommand and its handler.


def add_indicators(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("indicators", help="Indikatoren des Katalogs auflisten")
    p.set_defaults(func=_cmd_indicators)


def _cmd_indicators(args: argparse.Namespace) -> int:
    from indicators.catalogue import load_catalogue

    for ind in load_catalogue().values():
        print(f"{ind.id}\t{ind.label_de}")
    return 0


def add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="Grenzen- oder Tabellendatei prüfen (Exit 0 = verwendbar, 1 = nicht)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--boundaries", metavar="FILE", help="GeoPackage, GeoJSON oder Shapefile-ZIP")
    what.add_argument("--table", metavar="FILE", help="CSV- oder XLSX-Tabelle (lang oder breit)")
    p.add_argument("--key", help="Schlüsselspalte der Grenzen (sonst erkannt)")
    p.add_argument("--name", help="Namensspalte der Grenzen")
    p.add_argument("--layer", help="Ebene einer GeoPackage-Datei")
    p.add_argument("--geography", default="stadtteile", help="Geografie der Tabelle (Standard: stadtteile)")
    p.add_argument("--year", type=int, help="Jahr für Tabellen ohne Jahresspalte")
    p.set_defaults(func=_cmd_validate)


def _cmd_validate(args: argparse.Namespace) -> int:
    target = args.boundaries or args.table
    try:
        from indicators.file_check import validate_boundaries_file, validate_table_file

        if args.boundaries:
            ok, text = validate_boundaries_file(args.boundaries, args.key, args.name, args.layer)
        else:
            ok, text = validate_table_file(args.table, args.geography, args.year)
    except Exception as exc:  # the contract: a message, never a traceback
        print(f"Fehler: {target} konnte nicht geprüft werden ({type(exc).__name__}: {str(exc)[:200]})")
        print("Ergebnis: nicht verwendbar")
        return 1
    print(text)
    return 0 if ok else 1


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_indicators,
    add_validate,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cli.py",
        description="Sozialmonitor Lübeck: Karten, Indikatoren und Abfragen auf der Kommandozeile.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
