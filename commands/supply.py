"""``cli.py reach|site``: reach of facilities (2SFCA) and where new sites would help most.

The same functions as the app's Versorgung page (:mod:`geo.spatial.reach`,
:mod:`geo.spatial.siting`); demand from a count variable comes from the disclosure-protected
values of :func:`geo.loading.load_dataset`.
"""

from __future__ import annotations

import argparse
import json

from commands.analysis import GEOGRAPHY, JSON, LATEST_YEAR, dataset
from commands.registry import UserError, arg, command, say, voice

FACILITIES = arg("--facilities", required=True, metavar="kitas|schools|" + say("cli_v_file"), help="cli_a_facilities")
DEMAND = arg("--demand", metavar="VAR", help="cli_a_demand")
DEMAND_POINTS = arg("--demand-points", metavar=say("cli_v_file"), help="cli_a_demand_points")
WEIGHT = arg("--weight", metavar="COL", help="cli_a_weight")
MAX_DISTANCE = arg("--max-distance", type=float, required=True, metavar="M", help="cli_a_max_distance")
NETWORK = arg("--network", metavar=say("cli_v_file"), help="cli_a_network")


def _demand(args: argparse.Namespace, ds):
    from geo.spatial.reach_points import demand_from_points, demand_from_variable

    if bool(args.demand) == bool(args.demand_points):
        raise UserError(say("cli_supply_demand_choice"))
    if args.demand_points:
        if not args.weight:
            raise UserError(say("cli_supply_weight_missing"))
        return demand_from_points(path=args.demand_points, weight=args.weight, areas=ds.areas)
    return demand_from_variable(ds=ds, variable=args.demand, year=args.year)


def _network(args: argparse.Namespace):
    if not args.network:
        return None
    from geo.spatial.network import StreetNetwork

    return StreetNetwork.from_file(args.network)


def _fmt(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


@command(
    "reach",
    "cli_h_reach",
    FACILITIES,
    arg("--capacity", metavar="COL", help="cli_a_capacity"),
    DEMAND,
    DEMAND_POINTS,
    WEIGHT,
    MAX_DISTANCE,
    arg("--decay", choices=["none", "gaussian"], default="none", help="cli_a_decay"),
    NETWORK,
    GEOGRAPHY,
    LATEST_YEAR,
    JSON,
)
def _reach(args: argparse.Namespace) -> int:
    from geo.spatial.reach import compute_reach
    from geo.spatial.reach_points import load_supply

    ds = dataset(args.geography)
    demand = _demand(args, ds)
    supply = load_supply(facilities=args.facilities, capacity=args.capacity, areas=ds.areas)
    result = compute_reach(
        demand=demand, supply=supply, max_distance=args.max_distance, decay=args.decay, network=_network(args)
    )
    doc = result.to_json(ds.areas, points=bool(args.demand_points), voice=voice())
    if args.json:
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    print(say("cli_supply_header", method=doc["method"], distance=f"{result.distance:g}", decay=result.decay))
    print(say("cli_supply_sources", demand=doc["demand"], facilities=doc["facilities"]))
    print(
        say("cli_supply_gap", share=_fmt(None if doc["uncovered_share"] is None else 100 * doc["uncovered_share"], 1))
    )
    for a in doc["areas"]:
        share = None if a["uncovered_share"] is None else 100 * a["uncovered_share"]
        print(
            f"{a['code']}  {_fmt(a['access'], 6)}  {_fmt(share, 1)} %"
            + ("  " + say("cli_supply_withheld") if a["withheld"] else "")
        )
    return 0


@command(
    "site",
    "cli_h_site",
    FACILITIES,
    DEMAND,
    DEMAND_POINTS,
    WEIGHT,
    arg("--candidates", required=True, metavar="addresses|grid|" + say("cli_v_file"), help="cli_a_candidates"),
    arg("--k", type=int, required=True, help="cli_a_new_sites"),
    MAX_DISTANCE,
    arg("--objective", choices=["coverage", "pmedian"], default="coverage", help="cli_a_objective"),
    NETWORK,
    GEOGRAPHY,
    LATEST_YEAR,
    JSON,
)
def _site(args: argparse.Namespace) -> int:
    from geo.spatial.reach_points import load_supply
    from geo.spatial.siting import choose_sites
    from geo.spatial.siting_candidates import candidates_from

    ds = dataset(args.geography)
    demand = _demand(args, ds)
    existing = load_supply(facilities=args.facilities, areas=ds.areas)
    candidates = candidates_from(source=args.candidates, areas=ds.areas)
    result = choose_sites(
        demand=demand,
        existing=existing,
        candidates=candidates,
        k=args.k,
        max_distance=args.max_distance,
        objective=args.objective,
        network=_network(args),
    )
    doc = result.to_json(ds.areas, voice=voice())
    if args.json:
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    print(say("cli_supply_header", method=doc["method"], distance=f"{result.distance:g}", decay="–"))
    print(
        say(
            "cli_site_result",
            before=f"{doc['covered_before']:.0f}",
            after=f"{doc['covered_after']:.0f}",
            total=f"{doc['demand_total']:.0f}",
        )
    )
    for r in result.chosen_frame().itertuples():
        print(f"{r.id}  x={r.x:.0f} y={r.y:.0f}  {r.area_code}  +{r.newly_covered:.0f}")
    print(say("caveat_model"))
    return 0
