"""``cli.py locate|estimate|query|zonal|validate``: ad-hoc spatial queries and file checks."""

from __future__ import annotations

import argparse
import json

from commands.analysis import GEOGRAPHY, JSON, LATEST_YEAR, dataset
from commands.registry import UserError, arg, command, say, voice


def _show(args: argparse.Namespace, result, text: str, **render) -> int:
    print(json.dumps(result.to_json_dict(**render), ensure_ascii=False) if args.json else text)
    return 0


@command("locate", "cli_h_locate", arg("address", help="cli_a_address"), JSON, arg("--bezirke", help="cli_a_bezirke"))
def _locate(args: argparse.Namespace) -> int:
    from geo.boundaries import read_areas
    from geo.spatial.addresses import locate

    res = locate(args.address, bezirke=read_areas(args.bezirke) if args.bezirke else None)
    if args.json:
        print(json.dumps(res.to_dict(), ensure_ascii=False, indent=1))
        return 0 if res.found else 1
    if not res.found:
        raise UserError(res.say or res.message)
    print(res.to_text(voice=voice()))
    return 0


@command(
    "estimate",
    "cli_h_estimate",
    arg("--lon", type=float, help="cli_a_lon"),
    arg("--lat", type=float, help="cli_a_lat"),
    arg("--radius", type=float, help="cli_a_radius"),
    arg("--polygon", help="cli_a_polygon"),
    LATEST_YEAR,
    GEOGRAPHY,
    JSON,
)
def _estimate(args: argparse.Namespace) -> int:
    from geo.spatial.estimate import default_estimator, geometry_from_options

    est = default_estimator(args.geography)
    res = est.estimate(geometry_from_options(args.lon, args.lat, args.radius, args.polygon), args.year)
    return _show(args, res, res.to_text(est.ds.attribution("population_total"), voice=voice()))


@command("query", "cli_h_query", arg("expression", help="cli_a_expression"), LATEST_YEAR, GEOGRAPHY, JSON)
def _query(args: argparse.Namespace) -> int:
    from indicators.query.evaluate import run_query

    ds = dataset(args.geography)
    speaking = voice()
    res = run_query(ds, args.expression, args.year, voice=speaking)
    labels = {i: ind.label(voice=speaking) for i, ind in ds.catalogue.items()}
    return _show(args, res, res.to_text(labels, voice=speaking))


@command(
    "zonal",
    "cli_h_zonal",
    arg("--raster", required=True, help="cli_a_raster"),
    GEOGRAPHY,
    JSON,
    arg("--above", type=float, help="cli_a_above"),
    arg("--band", type=int, default=1, help="cli_a_band"),
    arg("--method", choices=["center", "coverage"], default="center", help="cli_a_method"),
)
def _zonal(args: argparse.Namespace) -> int:
    from geo.geographies import get_geography, load_areas
    from geo.spatial.zonal import zonal_stats

    res = zonal_stats(args.raster, load_areas(get_geography(args.geography)), args.above, args.band, args.method)
    return _show(args, res, res.to_text(voice=voice()), voice=voice())


@command(
    "validate",
    "cli_h_validate",
    arg("--boundaries", metavar=say("cli_v_file"), help="cli_a_boundaries_file"),
    arg("--table", metavar=say("cli_v_file"), help="cli_a_table_file"),
    arg("--key", help="cli_a_key"),
    arg("--name", help="cli_a_name"),
    arg("--layer", help="cli_a_layer"),
    GEOGRAPHY,
    arg("--year", type=int, help="cli_a_default_year"),
)
def _validate(args: argparse.Namespace) -> int:
    from geo.uploads.file_check import validate_file

    if bool(args.boundaries) == bool(args.table):
        raise UserError(say("cli_e_one_file"))
    ok, text = validate_file(
        args.boundaries,
        args.table,
        key=args.key,
        name=args.name,
        layer=args.layer,
        geography=args.geography,
        year=args.year,
        voice=voice(),
    )
    print(text)
    return 0 if ok else 1
