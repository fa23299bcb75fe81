"""``cli.py indicators|mss|svi|map|batch|report``: catalogue, need indices, print maps and the report."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from commands.registry import UserError, arg, command, say
from geo.formats import FormatChoices, format_for_path
from geo.printmap.spec import K_RANGE, PAGE_SIZES_PX
from indicators.schemes import SCHEMES  # constants only: no numeric stack

GEOGRAPHY = arg("--geography", default="stadtteile", help="cli_a_geography")
JSON = arg("--json", action="store_true", help="cli_a_json")
YEAR = arg("--year", type=int, required=True, help="cli_a_year")
LATEST_YEAR = arg("--year", type=int, help="cli_a_latest_year")
LANG = arg("--lang", default="de", choices=["de", "en"], help="cli_a_lang")
OUT_CSV = arg("--out", required=True, help="cli_a_out_csv")


@contextlib.contextmanager
def writing(path: str) -> Iterator[None]:
    """Turn an OSError while writing ``path`` into a UserError naming it."""
    try:
        yield
    except OSError as exc:
        raise UserError(say("cli_cannot_write", path=path, reason=exc.strerror or exc)) from None


def write_csv(df, path: str) -> None:
    """``df`` as CSV at ``path`` (a write error names the file)."""
    with writing(path):
        df.to_csv(path, index=False, lineterminator="\n")


def dataset(geography: str):
    """The dataset of ``geography`` by id: shipped or saved (one registry, :mod:`geo.geographies`)."""
    from geo.loading import load_dataset

    return load_dataset(geography)


@command("indicators", "cli_h_indicators", GEOGRAPHY)
def _indicators(args: argparse.Namespace) -> int:
    from geo.geographies import get_geography
    from indicators.catalogue import load_catalogue

    for ind in load_catalogue(get_geography(args.geography).catalogue).values():
        print(f"{ind.id}\t{ind.label_de}")
    return 0


@command(
    "mss",
    "cli_h_mss",
    arg("--input", required=True, help="cli_a_mss_input"),
    OUT_CSV,
    arg("--min-population", type=float, default=300, help="cli_a_min_population"),
    arg("--exclude", default="", help="cli_a_exclude"),
)
def _mss(args: argparse.Namespace) -> int:
    from indicators.needs.mss import class_counts, mss_from_file

    res = mss_from_file(args.input, args.min_population, [e.strip() for e in args.exclude.split(",") if e.strip()])
    write_csv(res[["id", "status_index", "status_class", "dynamic_index", "dynamic_class"]], args.out)
    print(say("cli_m_mss_assessed", n=int(res["assessed"].sum()), total=len(res), out=args.out))
    counts = ", ".join(f"{k} {v}" for k, v in class_counts(res)["status"].items())
    print(say("cli_m_mss_status", counts=counts))
    return 0


@command(
    "svi",
    "cli_h_svi",
    arg("--input", required=True, help="cli_a_svi_input"),
    OUT_CSV,
    arg("--edition", required=True, choices=["2018", "2020", "2020-corrected"], help="cli_a_svi_edition"),
)
def _svi(args: argparse.Namespace) -> int:
    from indicators.needs.svi_cdc import svi_from_file, to_cdc_csv_frame

    res = svi_from_file(args.input, args.edition)
    write_csv(to_cdc_csv_frame(res), args.out)
    print(say("cli_m_svi_written", n=len(res), out=args.out, flagged=int((res["F_TOTAL"] > 0).sum())))
    return 0


MAP_STYLE = (
    GEOGRAPHY,
    LANG,
    arg("--scheme", default="quantiles", choices=[s for s in SCHEMES if s != "manual"], help="cli_a_scheme"),
    arg("--k", type=int, default=5, choices=K_RANGE, metavar="K", help="cli_a_k"),
    arg("--palette", default="YlOrRd", help="cli_a_palette"),
    arg("--format", choices=FormatChoices("map"), help="cli_a_format"),
    arg("--size", default="a4-landscape", choices=list(PAGE_SIZES_PX), help="cli_a_size"),
    arg("--labels", action="store_true", help="cli_a_labels"),
)


def _print_options(args: argparse.Namespace, flagged=frozenset()):
    from geo.printmap.render import print_options
    from geo.printmap.spec import ClassChoice
    from indicators.wording.voice import Voice

    chosen = ClassChoice(scheme=args.scheme, k=args.k, palette=args.palette)
    return print_options(args.size, classes=chosen, labels=args.labels, voice=Voice.of(args.lang), flagged=flagged)


@command(
    "map",
    "cli_h_map",
    arg("--indicator", required=True, help="cli_a_indicator"),
    YEAR,
    *MAP_STYLE,
    arg("--out", required=True, help="cli_a_out_file"),
    arg("--flags", action="store_true", help="cli_a_flags"),
    arg("--title", help="cli_a_map_title"),
    arg("--subtitle", help="cli_a_map_subtitle"),
)
def _map(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from pathlib import Path

    from indicators.compute.flag_table import indicator_flags

    fmt = format_for_path(args.out, output="map", name=args.format)  # the export registry (geo.formats)
    ds = dataset(args.geography)
    flagged = indicator_flags(ds, args.indicator, args.year) if args.flags else frozenset()
    options = replace(
        _print_options(args, flagged),
        title=(args.title or "").strip() or None,
        subtitle=(args.subtitle or "").strip() or None,
    )
    data = fmt.write("map", ds, args.indicator, args.year, options=options)
    with writing(args.out):
        Path(args.out).write_bytes(data)
    print(Path(args.out))
    return 0


@command("batch", "cli_h_batch", YEAR, *MAP_STYLE, arg("--out", required=True, help="cli_a_out_dir"))
def _batch(args: argparse.Namespace) -> int:
    from geo.exports.batch import export_all_maps

    ds = dataset(args.geography)
    if args.year not in ds.years:
        raise UserError(say("cli_e_no_year", year=args.year, first=ds.years[0], last=ds.years[-1]))
    fmt = format_for_path("", output="map", name=args.format)
    with writing(args.out):
        index = export_all_maps(ds, args.year, args.out, fmt.suffix, _print_options(args), render=fmt.writers["map"])
    print(say("cli_m_maps_written", n=int((index["status"] == "ok").sum()), out=args.out))
    for r in index[index["status"] != "ok"].itertuples():
        print(say("cli_m_skipped", indicator=r.indicator, status=r.status))
    return 0


@command("report", "cli_h_report", YEAR, GEOGRAPHY, LANG, arg("--out", required=True, help="cli_a_out_pdf"))
def _report(args: argparse.Namespace) -> int:
    from geo.report.pdf import write_report
    from indicators.wording.voice import Voice

    format_for_path(args.out, output="report")  # bericht.pdf (or no suffix); bericht.docx is refused
    with writing(args.out):  # a progress bar on stderr while the pages are drawn
        print(write_report(dataset(args.geography), args.year, args.out, voice=Voice.of(args.lang)))
    return 0
