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

def add_locate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("locate", help="Adresse suchen: Koordinaten und Stadtteil")
    p.add_argument("address", help='z. B. "Breite Straße 62"')
    p.add_argument("--bezirke", help="Stadtbezirksgrenzen (GPKG/GeoJSON/SHP/ZIP), Spalten code und name")
    p.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    p.set_defaults(func=_cmd_locate)


def _read_areas(path: str, code_col: str = "code", name_col: str = "name"):
    """Polygon file with code and name columns, or UserError with the reasons."""
    from geo.boundaries import pick_columns, read_vector

    gdf, report = read_vector(path)
    if gdf is not None:
        gdf = pick_columns(gdf, code_col, name_col, report)
    if gdf is None or not report.ok or len(gdf) == 0:
        raise UserError(f"{path}: " + report.to_text())
    return gdf


def _cmd_locate(args: argparse.Namespace) -> int:
    import json

    from geo.addresses import ATTRIBUTION, locate

    bezirke = _read_areas(args.bezirke) if args.bezirke else None
    res = locate(args.address, bezirke=bezirke)
    if args.json:
        print(json.dumps(res.to_dict(), ensure_ascii=False, indent=1))
        return 0 if res.found else 1
    if not res.found:
        raise UserError(res.message)
    for m in res.matches:
        area = f"{m.stadtteil_code} {m.stadtteil_name}" if m.stadtteil_code else "außerhalb der Stadtteile"
        if m.stadtbezirk_code:
            area += f", Stadtbezirk {m.stadtbezirk_code} {m.stadtbezirk_name}".rstrip()
        print(f"{m.address}\t{area}\tE {m.x:.1f} N {m.y:.1f} (EPSG:25832)\t{m.lat:.6f}, {m.lon:.6f}")
    if res.status != "exact":
        print(res.message)
    print(ATTRIBUTION)
    return 0


def _de(x: float | None, decimals: int = 1) -> str:
    """German number format for the terminal ("1.234,5"); '–' for no value."""
    if x is None or x != x:
        return "–"
    return f"{x:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def add_estimate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("estimate", help="Schätzung für eine eigene Fläche (Radius oder Polygon-Datei)")
    p.add_argument("--lon", type=float, help="Länge (WGS84) des Mittelpunkts")
    p.add_argument("--lat", type=float, help="Breite (WGS84) des Mittelpunkts")
    p.add_argument("--radius", type=float, help="Radius in Metern")
    p.add_argument("--polygon", help="Flächendatei (GPKG/GeoJSON/SHP/ZIP); alle Flächen zusammen")
    p.add_argument("--year", type=int, help="Jahr (Standard: das neueste)")
    p.add_argument("--geography", default="stadtteile", help="Gebietsgliederung der Zählwerte")
    p.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    p.set_defaults(func=_cmd_estimate)


def _cmd_estimate(args: argparse.Namespace) -> int:
    import json

    from geo.estimate import METHOD_LABELS, EstimateError, circle, default_estimator, geometry_from_file

    if args.polygon and any(v is not None for v in (args.lon, args.lat, args.radius)):
        raise UserError("entweder --polygon oder --lon/--lat/--radius angeben, nicht beides.")
    try:
        if args.polygon:
            geom, report = geometry_from_file(args.polygon)
            if geom is None:
                raise UserError(report.to_text())
        elif None in (args.lon, args.lat, args.radius):
            raise UserError("--lon, --lat und --radius zusammen angeben (oder --polygon DATEI).")
        else:
            geom = circle(args.lon, args.lat, args.radius)
        try:
            est = default_estimator(args.geography)
        except KeyError as exc:
            raise UserError(str(exc.args[0])) from None
        res = est.estimate(geom, args.year)
    except EstimateError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(res.to_json_dict(), ensure_ascii=False))
        return 0
    print(f"Fläche: {_de(res.area_km2, 3)} km², Jahr {res.year}")
    print(f"{'Merkmal':<40} {METHOD_LABELS['areal']['de']:>14} {METHOD_LABELS['dasymetric']['de']:>14}")
    for r in res.wide().itertuples():
        d = 0 if r.kind == "count" else 1
        print(f"{r.label[:40]:<40} {_de(r.areal, d):>14} {_de(r.dasymetric, d):>14}")
    for c in res.contributions.itertuples():
        print(f"  {c.code} {c.name}: Flächenanteil {_de(100 * c.areal, 1)} %, "
              f"Adressen {c.addresses_inside} von {c.addresses_total}")
    for note in res.notes:
        print(note)
    print(est.ds.attribution("population_total"))
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
    add_mss,
    add_svi,
    add_map,
    add_batch,
    add_locate,
    add_estimate,
    add_validate,
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
