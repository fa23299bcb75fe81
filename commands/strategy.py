"""``cli.py needs|segregation|typology``: the strategy views on the command line.

Each handler calls the same functions as the Strategie page (:mod:`indicators.needs.consensus`,
:mod:`indicators.compute.segregation`, :mod:`geo.spatial.typology`) and prints text or JSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence

from commands.analysis import GEOGRAPHY, JSON, LATEST_YEAR, dataset
from commands.registry import UserError, arg, command, say
from indicators.wording.voice import Voice


class _NeedMethods(Sequence[str]):
    """``--method`` choices: the need-method registry, read when argparse checks a value
    (so ``cli.py`` starts without pandas, and a method registered later is a choice too)."""

    @staticmethod
    def _names() -> tuple[str, ...]:
        from indicators.needs.registry import method_names

        return method_names()

    def __len__(self) -> int:
        return len(self._names())

    def __getitem__(self, i):
        return self._names()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


NEED_METHOD_CHOICES = _NeedMethods()


def _year(ds, year: int | None) -> int:
    if year is None:
        return ds.years[-1]
    if year not in ds.years:
        raise UserError(say("cli_e_no_year", year=year, first=ds.years[0], last=ds.years[-1]))
    return int(year)


def _num(value: object, kind: type = float) -> float | int | None:
    """A number for JSON; missing values (NaN, pd.NA) as ``None``."""
    import pandas as pd

    return None if pd.isna(value) else kind(value)


def _dump(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False, default=str))


@command(
    "needs",
    "cli_h_needs",
    GEOGRAPHY,
    LATEST_YEAR,
    arg("--method", choices=NEED_METHOD_CHOICES, help="cli_a_need_method"),
    arg("--consensus", action="store_true", help="cli_a_consensus"),
    arg("--band", type=float, default=0.25, help="cli_a_close_band"),
    JSON,
)
def _needs(args: argparse.Namespace) -> int:
    from indicators.needs.assessment import needs_setup, run_needs
    from indicators.needs.consensus import consensus_json, dataset_consensus

    ds = dataset(args.geography)
    year = _year(ds, args.year)
    setup = needs_setup(ds, year, method=args.method)
    if args.consensus:
        data = consensus_json(dataset_consensus(ds, year, setup, band=args.band))
        data = {"geography": ds.geography.id, "year": year, "method": setup.method, **data}
        if args.json:
            _dump(data)
            return 0
        for a in data["areas"]:
            print(
                say(
                    "cli_m_consensus_row",
                    name=a["name"],
                    n=a["n_flagged"],
                    methods=", ".join(a["flagged_by"]) or "–",
                    close=", ".join(a["close_calls"]) or "–",
                )
            )
        return 0
    result, _, _ = run_needs(ds, year, setup, with_robustness=False)
    if args.json:
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "score": _num(r.score),
                "rank": _num(r.rank, int),
                "flag": bool(r.flag),
                "label": r.label,
                "status": r.status,
            }
            for r in result.itertuples(index=False)
        ]
        _dump({"geography": ds.geography.id, "year": year, "method": setup.method, "areas": rows})
        return 0
    print(say("cli_m_needs_flagged", n=int(result["flag"].sum()), total=len(result), method=setup.method, year=year))
    for r in result[result["flag"]].sort_values("rank").itertuples(index=False):
        print(f"{r.id}\t{r.name}\t{r.score:.2f}")
    return 0


@command(
    "segregation",
    "cli_h_segregation",
    GEOGRAPHY,
    arg("--group", required=True, metavar="VAR", help="cli_a_group"),
    arg("--total", required=True, metavar="VAR", help="cli_a_total"),
    arg("--years", default="all", help="cli_a_years"),
    arg("--permutations", type=int, default=999, help="cli_a_permutations"),
    JSON,
)
def _segregation(args: argparse.Namespace) -> int:
    from geo.spatial.segregation import segregation

    ds = dataset(args.geography)
    years = None
    if args.years != "all":
        try:
            years = [_year(ds, int(args.years))]
        except ValueError:
            raise UserError(say("cli_e_no_year", year=args.years, first=ds.years[0], last=ds.years[-1])) from None
    res = segregation(ds, group=args.group, total=args.total, years=years, permutations=max(args.permutations, 0))
    if args.json:
        _dump(res.to_json_dict())
        return 0
    for y in res.years:
        print(
            say(
                "cli_m_segregation_row",
                year=y.year,
                d=_fmt(y.dissimilarity),
                i=_fmt(y.isolation),
                h=_fmt(y.entropy),
                p=_fmt(y.p_dissimilarity),
            )
        )
    return 0


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.4f}"


@command(
    "typology",
    "cli_h_typology",
    GEOGRAPHY,
    LATEST_YEAR,
    arg("--indicators", required=True, help="cli_a_typology_indicators"),
    arg("--k", required=True, metavar="K|auto", help="cli_a_typology_k"),
    arg("--method", default="ward", choices=["ward", "kmeans", "skater"], help="cli_a_typology_method"),
    arg("--lang", default="de", choices=["de", "en"], help="cli_a_lang"),
    JSON,
)
def _typology(args: argparse.Namespace) -> int:
    from geo.spatial.typology import best_k, typology

    ds = dataset(args.geography)
    year = None if args.year is None else _year(ds, args.year)
    indicators = [i.strip() for i in args.indicators.split(",") if i.strip()]
    criterion = None
    if args.k == "auto":  # the number of types with the best mean silhouette width (k = 2 … 8)
        k, criterion = best_k(ds, indicators=indicators, year=year, method=args.method)
    elif args.k.isdigit():
        k = int(args.k)
    else:
        raise UserError(say("cli_e_typology_k", k=args.k))
    ty = typology(ds, indicators=indicators, k=k, method=args.method, year=year)
    labels = {i: ds.catalogue[i].label(args.lang) for i in indicators}
    data = ty.to_json_dict(labels, voice=Voice.of(args.lang))
    if criterion is not None:
        data["criterion"] = {"name": "silhouette", "values": {str(k_): v for k_, v in criterion.items()}}
    if args.json:
        _dump({"geography": ds.geography.id, **data})
        return 0
    for tp in data["types"]:
        print(say("cli_m_typology_row", k=tp["type"], n=tp["n"], words=tp["words"]))
        print("  " + ", ".join(a["name"] for a in data["areas"] if a["type"] == tp["type"]))
    return 0
