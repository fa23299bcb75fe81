"""Command line front door of the Sozialmonitor Lübeck: subcommands call the app's functions and print.

Every subcommand parses its arguments, calls the same functions in ``geo/`` and
``indicators/`` that the app calls, and prints. Bad input ends as one clear
German message on stderr and exit code 1: usage errors (:mod:`commands.usage`) and expected
errors (subclasses of :class:`indicators.errors.SozialmonitorError`) are mapped once, in
:func:`main`. Anything else is a bug: logged with its traceback, exit code 2.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from commands import SPECS as STORE_COMMANDS  # users, audit, data, grid: argument specs, handlers load lazily
from commands import arg as _arg
from commands.usage import GermanParser
from geo.printmap.spec import FORMATS, K_RANGE, PAGE_SIZES_PX
from indicators.errors import SozialmonitorError
from indicators.schemes import SCHEMES  # constants only: no numeric stack

# The numeric stack creates ~1 M objects: a higher GC threshold starts a command ~0.3 s sooner (bench P4).
PYTHON_GC, GC_THRESHOLD = gc.get_threshold(), (50_000, 20, 20)
Handler = Callable[[argparse.Namespace], int]
COMMANDS: list[tuple[str, str, tuple, Handler, bool]] = list(STORE_COMMANDS)


class UserError(SozialmonitorError):
    """A problem with the user's input found by the CLI itself: printed as a message, exit code 1."""


def command(name: str, help: str, *args: tuple, extra: bool = False) -> Callable[[Handler], Handler]:
    """Register the decorated handler as subcommand ``name`` with arguments made by :func:`_arg`;
    with ``extra``, unknown options are passed on in ``args.extra`` instead of refused."""
    def register(func: Handler) -> Handler:
        COMMANDS.append((name, help, args, func, extra))
        return func
    return register


GEOGRAPHY = _arg("--geography", default="stadtteile", help="Gebietsgliederung (Standard: stadtteile)")
JSON, YEAR = _arg("--json", action="store_true", help="Ergebnis als JSON"), _arg("--year", type=int, required=True)
LATEST_YEAR = _arg("--year", type=int, help="Jahr (Standard: das neueste)")
LANG, OUT_CSV = _arg("--lang", default="de", choices=["de", "en"]), _arg("--out", required=True, help="Ausgabe-CSV")


@contextlib.contextmanager
def _writing(path: str) -> Iterator[None]:
    """Turn an OSError while writing ``path`` into a UserError naming it."""
    try:
        yield
    except OSError as exc:
        raise UserError(f"{path}: Datei kann nicht geschrieben werden ({exc.strerror or exc})") from None


def _write_csv(df, path: str) -> None:
    with _writing(path):
        df.to_csv(path, index=False, lineterminator="\n")


def _dataset(geography: str):
    from geo.loading import load_dataset  # by id: shipped or saved (one registry, geo.geographies)

    return load_dataset(geography)


def _show(args: argparse.Namespace, result, text: str) -> int:
    print(json.dumps(result.to_json_dict(), ensure_ascii=False) if args.json else text)
    return 0


@command("indicators", "Indikatoren des Katalogs auflisten", GEOGRAPHY)
def _cmd_indicators(args: argparse.Namespace) -> int:
    from geo.geographies import get_geography
    from indicators.catalogue import load_catalogue

    for ind in load_catalogue(get_geography(args.geography).catalogue).values():
        print(f"{ind.id}\t{ind.label_de}")
    return 0


@command("mss", "MSS-Status- und Dynamikindex aus einer MSS-Tabelle 2-1 berechnen",
         _arg("--input", required=True, help="MSS-Anteilstabelle (*-2-1.csv)"), OUT_CSV,
         _arg("--min-population", type=float, default=300, help="Mindest-Einwohnerzahl (Standard 300)"),
         _arg("--exclude", default="", help="auszuschließende Gebiets-IDs, kommagetrennt"))
def _cmd_mss(args: argparse.Namespace) -> int:
    from indicators.needs.mss import class_counts, mss_from_file

    res = mss_from_file(args.input, args.min_population, [e.strip() for e in args.exclude.split(",") if e.strip()])
    _write_csv(res[["id", "status_index", "status_class", "dynamic_index", "dynamic_class"]], args.out)
    print(f"{int(res['assessed'].sum())} von {len(res)} Gebieten bewertet -> {args.out}")
    print("Status: " + ", ".join(f"{k} {v}" for k, v in class_counts(res)["status"].items()))
    return 0


@command("svi", "CDC Social Vulnerability Index aus einer CDC-Eingabetabelle",
         _arg("--input", required=True, help="CDC SVI CSV (E_/EP_-Spalten)"), OUT_CSV,
         _arg("--edition", required=True, choices=["2018", "2020", "2020-corrected"],
              help="2020 = veröffentlichte Datei (HBURD aus E_HBURD); "
                   "2020-corrected = CDC-Korrektur vom 22.12.2022 (EP_HBURD)"))
def _cmd_svi(args: argparse.Namespace) -> int:
    from indicators.needs.svi import svi_from_file, to_cdc_csv_frame

    res = svi_from_file(args.input, args.edition)
    _write_csv(to_cdc_csv_frame(res), args.out)
    print(f"{len(res)} Gebiete -> {args.out}; F_TOTAL > 0 bei {int((res['F_TOTAL'] > 0).sum())}")
    return 0


def _map_style() -> tuple[tuple, ...]:
    return (GEOGRAPHY, LANG,
            _arg("--scheme", default="quantiles", choices=[s for s in SCHEMES if s != "manual"]),
            _arg("--k", type=int, default=5, choices=K_RANGE, metavar="K", help="Anzahl Klassen (2–9, wie in der App)"),
            _arg("--palette", default="YlOrRd", help="ColorBrewer-Palette, z. B. YlOrRd, PuBu, RdBu_r"),
            _arg("--format", choices=FORMATS, help="Standard: aus der Dateiendung von --out, sonst png"),
            _arg("--size", default="a4-landscape", choices=list(PAGE_SIZES_PX)),
            _arg("--labels", action="store_true", help="Gebietsnamen beschriften"))


def _print_options(args: argparse.Namespace, flagged=frozenset()):
    from geo.printmap.render import print_options

    return print_options(args.size, args.scheme, args.k, args.palette, labels=args.labels, lang=args.lang,
                         flagged=flagged)


@command("map", "Druckkarte eines Indikators als PNG, SVG oder PDF",
         _arg("--indicator", required=True, help="Indikator-ID (siehe: cli.py indicators)"), YEAR,
         *_map_style(), _arg("--out", required=True, help="Ausgabedatei"),
         _arg("--flags", action="store_true", help="Gebiete mit erhöhtem Bedarf (Schwelle in Bedarfsrichtung) hervorheben"))
def _cmd_map(args: argparse.Namespace) -> int:
    from geo.printmap.render import save_print_map
    from indicators.compute.flag_table import indicator_flags

    ds = _dataset(args.geography)
    flagged = indicator_flags(ds, args.indicator, args.year) if args.flags else frozenset()
    with _writing(args.out):
        print(save_print_map(ds, args.indicator, args.year, args.out, args.format, _print_options(args, flagged)))
    return 0


@command("batch", "Druckkarten aller Indikatoren eines Jahres, mit Index",
         YEAR, *_map_style(), _arg("--out", required=True, help="Ausgabeordner"))
def _cmd_batch(args: argparse.Namespace) -> int:
    from geo.exports.batch import export_all_maps

    ds = _dataset(args.geography)
    if args.year not in ds.years:
        raise UserError(f"kein Jahr {args.year} in den Daten (vorhanden: {ds.years[0]}–{ds.years[-1]})")
    with _writing(args.out):
        index = export_all_maps(ds, args.year, args.out, args.format or "png", _print_options(args))
    print(f"{int((index['status'] == 'ok').sum())} Karten in {args.out} (Index: index.csv, index.md)")
    for r in index[index["status"] != "ok"].itertuples():
        print(f"ausgelassen: {r.indicator}: {r.status}")
    return 0


@command("report", "Sozialbericht als mehrseitiges PDF",
         YEAR, GEOGRAPHY, LANG, _arg("--out", required=True, help="Ausgabedatei (.pdf)"))
def _cmd_report(args: argparse.Namespace) -> int:
    from geo.report.pdf import write_report

    with _writing(args.out):  # a progress bar on stderr while the pages are drawn
        print(write_report(_dataset(args.geography), args.year, args.out, args.lang))
    return 0


@command("locate", "Adresse suchen: Koordinaten und Stadtteil",
         _arg("address", help='z. B. "Breite Straße 62"'), JSON,
         _arg("--bezirke", help="Stadtbezirksgrenzen (GPKG/GeoJSON/SHP/ZIP), Spalten code und name"))
def _cmd_locate(args: argparse.Namespace) -> int:
    from geo.boundaries import read_areas
    from geo.spatial.addresses import locate

    res = locate(args.address, bezirke=read_areas(args.bezirke) if args.bezirke else None)
    if args.json:
        print(json.dumps(res.to_dict(), ensure_ascii=False, indent=1))
        return 0 if res.found else 1
    if not res.found:
        raise UserError(res.message)
    print(res.to_text())
    return 0


@command("estimate", "Schätzung für eine eigene Fläche (Radius oder Polygon-Datei)",
         _arg("--lon", type=float, help="Länge (WGS84) des Mittelpunkts"),
         _arg("--lat", type=float, help="Breite (WGS84) des Mittelpunkts"),
         _arg("--radius", type=float, help="Radius in Metern"),
         _arg("--polygon", help="Flächendatei (GPKG/GeoJSON/SHP/ZIP); alle Flächen zusammen"),
         LATEST_YEAR, GEOGRAPHY, JSON)
def _cmd_estimate(args: argparse.Namespace) -> int:
    from geo.spatial.estimate import default_estimator, geometry_from_options

    est = default_estimator(args.geography)
    res = est.estimate(geometry_from_options(args.lon, args.lat, args.radius, args.polygon), args.year)
    return _show(args, res, res.to_text(est.ds.attribution("population_total")))


@command("query", 'Gebiete filtern, z. B. "Anteil 65+ > 25 und Bevölkerungsentwicklung < 0"',
         _arg("expression", help="Abfrage (Indikator oder Bezeichnung, Vergleich, und/oder/nicht)"),
         LATEST_YEAR, GEOGRAPHY, JSON)
def _cmd_query(args: argparse.Namespace) -> int:
    from indicators.query.evaluate import run_query

    ds = _dataset(args.geography)
    res = run_query(ds, args.expression, args.year)
    return _show(args, res, res.to_text({i: ind.label_de for i, ind in ds.catalogue.items()}))


@command("zonal", "Rasterwerte je Gebiet (Mittel, Summe, Min, Max, Anteil über Schwelle)",
         _arg("--raster", required=True, help="GeoTIFF in beliebigem CRS"), GEOGRAPHY, JSON,
         _arg("--above", type=float, help="Schwelle für den Anteil der Zellen darüber"),
         _arg("--band", type=int, default=1, help="Band (Standard 1)"),
         _arg("--method", choices=["center", "coverage"], default="center",
              help="center: Zellmittelpunkt in der Fläche; coverage: flächengewichtet (exactextract)"))
def _cmd_zonal(args: argparse.Namespace) -> int:
    from geo.geographies import get_geography, load_areas
    from geo.spatial.zonal import zonal_stats

    res = zonal_stats(args.raster, load_areas(get_geography(args.geography)), args.above, args.band, args.method)
    return _show(args, res, res.to_text())


@command("validate", "Grenzen- oder Tabellendatei prüfen (Exit 0 = verwendbar, 1 = nicht)",
         _arg("--boundaries", metavar="FILE", help="GeoPackage, GeoJSON oder Shapefile-ZIP"),
         _arg("--table", metavar="FILE", help="CSV- oder XLSX-Tabelle (lang oder breit)"),
         _arg("--key", help="Schlüsselspalte der Grenzen (sonst erkannt)"),
         _arg("--name", help="Namensspalte der Grenzen"), _arg("--layer", help="Ebene einer GeoPackage-Datei"),
         GEOGRAPHY, _arg("--year", type=int, help="Jahr für Tabellen ohne Jahresspalte"))
def _cmd_validate(args: argparse.Namespace) -> int:
    from geo.uploads.file_check import validate_file

    if bool(args.boundaries) == bool(args.table):
        raise UserError("genau eine Datei angeben: --boundaries DATEI oder --table DATEI")
    ok, text = validate_file(args.boundaries, args.table, key=args.key, name=args.name, layer=args.layer,
                             geography=args.geography, year=args.year)
    print(text)
    return 0 if ok else 1


@command("serve", "Web-App starten (wie make run); lädt die Bibliotheken der Startseite schon beim Serverstart",
         _arg("--port", type=int, default=8501, help="Port (Standard 8501); weitere Streamlit-Optionen "
                                                      "werden durchgereicht, z. B. --server.headless true"),
         extra=True)
def _cmd_serve(args: argparse.Namespace) -> int:
    from streamlit.web import cli as streamlit_cli

    from commands.serve import server_options
    from ui import warmup

    options = server_options(args.extra)  # auth none: 127.0.0.1 only; the upload cap; upgrades the database
    gc.set_threshold(*PYTHON_GC)  # a long-running server collects cyclic garbage (figures) promptly
    warmup.start(gc_threshold=GC_THRESHOLD)  # runs while the browser loads the front end
    app = Path(__file__).resolve().parent / "app.py"
    return streamlit_cli.main(["run", str(app), "--server.port", str(args.port), *options], prog_name="streamlit")


def build_parser() -> argparse.ArgumentParser:
    parser = GermanParser(
        prog="cli.py",
        description="Sozialmonitor Lübeck: Karten, Indikatoren und Abfragen auf der Kommandozeile.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=GermanParser)
    for name, help, args, func, extra in COMMANDS:
        p = sub.add_parser(name, help=help)
        for flags, kw in args:
            p.add_argument(*flags, **kw)
        p.set_defaults(func=func, takes_extra=extra)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, args.extra = parser.parse_known_args(argv)  # left to right: args first, then its .extra
    if args.extra and not args.takes_extra:
        parser.error(f"unbekannte Argumente: {' '.join(args.extra)}")
    gc.set_threshold(*GC_THRESHOLD)
    try:
        return args.func(args)
    except SozialmonitorError as exc:  # expected: the German message says what and where
        message = str(exc)
    except OSError as exc:  # a file of the user's that cannot be read (missing, no permission)
        message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    except Exception:  # a bug: keep the traceback for the log, tell the user briefly
        logging.getLogger("sozialmonitor.cli").exception("interner Fehler in 'cli.py %s'", args.command)
        print("Interner Fehler (Programmfehler, kein Eingabefehler); Details im Protokoll oben.", file=sys.stderr)
        return 2
    print(f"Fehler: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    code = main()
    gc.freeze()  # no garbage worth collecting is left: skip the full collection at exit (~0.25 s)
    sys.exit(code)
