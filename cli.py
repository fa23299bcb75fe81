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


def add_mss(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mss", help="MSS-Status- und Dynamikindex aus einer MSS-Tabelle 2-1 berechnen")
    p.add_argument("--input", required=True, help="MSS-Anteilstabelle (*-2-1.csv)")
    p.add_argument("--out", required=True, help="Ausgabe-CSV")
    p.add_argument("--min-population", type=float, default=300,
                   help="Mindest-Einwohnerzahl (Standard 300)")
    p.add_argument("--exclude", default="", help="auszuschließende Gebiets-IDs, kommagetrennt")
    p.set_defaults(func=_cmd_mss)


def _cmd_mss(args: argparse.Namespace) -> int:
    from indicators.mss import MSS_OUTLIERS, class_counts, mss, read_mss_shares

    try:
        df = read_mss_shares(args.input)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{args.input}: nicht lesbar ({exc})") from None
    if "inhabitants" not in df.columns:
        raise UserError(f"{args.input}: Spalte 'inhabitants' fehlt")
    if args.min_population < 0:
        raise UserError("--min-population darf nicht negativ sein")
    exclude = list(MSS_OUTLIERS) + [e.strip() for e in args.exclude.split(",") if e.strip()]
    res = mss(df, min_population=args.min_population, exclude=exclude)
    cols = ["id", "status_index", "status_class", "dynamic_index", "dynamic_class"]
    _write_csv(res[cols], args.out)
    counts = class_counts(res)
    print(f"{int(res['assessed'].sum())} von {len(res)} Gebieten bewertet -> {args.out}")
    print("Status: " + ", ".join(f"{k} {v}" for k, v in counts["status"].items()))
    return 0


def add_svi(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("svi", help="CDC Social Vulnerability Index aus einer CDC-Eingabetabelle")
    p.add_argument("--input", required=True, help="CDC SVI CSV (E_/EP_-Spalten)")
    p.add_argument("--edition", required=True, choices=["2018", "2020", "2020-corrected"],
                   help="2020 = veröffentlichte Datei (HBURD aus E_HBURD); "
                        "2020-corrected = CDC-Korrektur vom 22.12.2022 (EP_HBURD)")
    p.add_argument("--out", required=True, help="Ausgabe-CSV")
    p.set_defaults(func=_cmd_svi)


def _cmd_svi(args: argparse.Namespace) -> int:
    from indicators.svi import read_cdc_inputs, svi_cdc, to_cdc_csv_frame

    try:
        df = read_cdc_inputs(args.input)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{args.input}: nicht lesbar ({exc})") from None
    if "FIPS" not in df.columns:
        raise UserError(f"{args.input}: Spalte 'FIPS' fehlt")
    try:
        res = svi_cdc(df, args.edition)
    except KeyError as exc:
        raise UserError(f"{args.input}: passt nicht zur Ausgabe {args.edition}: {exc.args[0]}") from None
    out = to_cdc_csv_frame(res)
    _write_csv(out, args.out)
    print(f"{len(out)} Gebiete -> {args.out}; F_TOTAL > 0 bei {int((res['F_TOTAL'] > 0).sum())}")
    return 0


def _write_csv(df, path: str, **kwargs) -> None:
    try:
        df.to_csv(path, index=False, lineterminator="\n", **kwargs)
    except OSError as exc:
        raise UserError(f"{path}: nicht schreibbar ({exc.strerror})") from None


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_indicators,
    add_mss,
    add_svi,
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
