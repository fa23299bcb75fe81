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


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_indicators,
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
