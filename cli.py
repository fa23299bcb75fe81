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


def _dataset(geography: str):
    """Load a geography's dataset; unknown names become a UserError."""
    from geo.geographies import get_geography
    from indicators.dataset import load_dataset

    try:
        return load_dataset(get_geography(geography))
    except KeyError as exc:
        raise UserError(exc.args[0]) from None


def _map_options(args: argparse.Namespace, ds, flagged=frozenset()):
    from geo.printmap import PrintOptions

    return PrintOptions(size=args.size, scheme=args.scheme, k=args.k, palette=args.palette,
                        labels=getattr(args, "labels", False), lang=args.lang, flagged=flagged)


def _add_map_style(p: argparse.ArgumentParser) -> None:
    from geo.printlayout import PAGE_SIZES_PX
    from geo.printmap import FORMATS
    from indicators.classify import SCHEMES

    p.add_argument("--geography", default="stadtteile", help="Geografie (Standard: stadtteile)")
    p.add_argument("--scheme", default="quantiles", choices=[s for s in SCHEMES if s != "manual"])
    p.add_argument("--k", type=int, default=5, help="Anzahl Klassen (1–9)")
    p.add_argument("--palette", default="YlOrRd", help="ColorBrewer-Palette, z. B. YlOrRd, PuBu, RdBu_r")
    p.add_argument("--format", default="png", choices=FORMATS)
    p.add_argument("--size", default="a4-landscape", choices=list(PAGE_SIZES_PX))
    p.add_argument("--lang", default="de", choices=["de", "en"])


def add_map(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("map", help="Druckkarte eines Indikators als PNG, SVG oder PDF")
    p.add_argument("--indicator", required=True, help="Indikator-ID (siehe: cli.py indicators)")
    p.add_argument("--year", type=int, required=True)
    _add_map_style(p)
    p.add_argument("--labels", action="store_true", help="Gebietsnamen beschriften")
    p.add_argument("--flags", action="store_true",
                   help="auffällige Gebiete (Schwellenwert in Bedarfsrichtung) hervorheben")
    p.add_argument("--out", required=True, help="Ausgabedatei")
    p.set_defaults(func=_cmd_map)


def _cmd_map(args: argparse.Namespace) -> int:
    from geo.printmap import save_print_map
    from indicators.flag_table import indicator_flags

    ds = _dataset(args.geography)
    try:
        flagged = indicator_flags(ds, args.indicator, args.year) if args.flags else frozenset()
        path = save_print_map(ds, args.indicator, args.year, args.out, args.format,
                              _map_options(args, ds, flagged))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.out}: Datei kann nicht geschrieben werden ({exc.strerror})") from None
    print(path)
    return 0


def add_batch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="Druckkarten aller Indikatoren eines Jahres, mit Index")
    p.add_argument("--year", type=int, required=True)
    _add_map_style(p)
    p.add_argument("--labels", action="store_true", help="Gebietsnamen beschriften")
    p.add_argument("--out", required=True, help="Ausgabeordner")
    p.set_defaults(func=_cmd_batch)


def _cmd_batch(args: argparse.Namespace) -> int:
    from geo.batch import export_all_maps

    ds = _dataset(args.geography)
    if args.year not in ds.years:
        raise UserError(f"kein Jahr {args.year} in den Daten (vorhanden: {ds.years[0]}–{ds.years[-1]})")
    try:
        index = export_all_maps(ds, args.year, args.out, args.format, _map_options(args, ds))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.out}: kann nicht geschrieben werden ({exc.strerror})") from None
    ok = int((index["status"] == "ok").sum())
    print(f"{ok} Karten in {args.out} (Index: index.csv, index.md)")
    for r in index[index["status"] != "ok"].itertuples():
        print(f"ausgelassen: {r.indicator}: {r.status}")
    return 0


def add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="Sozialbericht als mehrseitiges PDF")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--geography", default="stadtteile", help="Geografie (Standard: stadtteile)")
    p.add_argument("--lang", default="de", choices=["de", "en"])
    p.add_argument("--out", required=True, help="Ausgabedatei (.pdf)")
    p.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from geo.report_pdf import build_report

    ds = _dataset(args.geography)
    try:
        data = build_report(ds, args.year, args.lang)
        Path(args.out).write_bytes(data)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.out}: Datei kann nicht geschrieben werden ({exc.strerror})") from None
    print(args.out)
    return 0


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_indicators,
    add_map,
    add_batch,
    add_report,
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
