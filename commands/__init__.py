"""The subcommands of ``cli.py``, one module per theme; importing this package registers them all.

- :mod:`commands.analysis`: ``indicators``, ``mss``, ``svi``, ``map``, ``batch``, ``report``;
- :mod:`commands.places`: ``locate``, ``estimate``, ``query``, ``zonal``, ``validate``;
- :mod:`commands.strategy`: ``needs`` (with ``--consensus``), ``segregation``, ``typology``;
- :mod:`commands.supply`: ``reach``, ``site`` (Versorgung);
- :mod:`commands.accounts`, :mod:`commands.data`, :mod:`commands.planning`: the store's
  ``users``, ``audit``, ``data`` and ``plan`` (declared below, bodies loaded on use);
- :mod:`commands.ops`: ``ogc``, ``health``, ``backup``, ``restore`` (running a server) and JSON logs;
- ``grid`` (library in :mod:`geo.grid.service`); ``serve`` is declared in ``cli.py`` itself (it
  starts Streamlit, which no library module may import; its binding rules: :mod:`commands.serve`).

:data:`commands.registry.COMMANDS` lists them in the order of ``cli.py --help``.
"""

from __future__ import annotations

import argparse

from commands.registry import COMMANDS, Command, arg, command, say, voice
from indicators.errors import msg

JSON = arg("--json", action="store_true", help="cli_a_json")
AS_USER = arg("--as", dest="as_user", metavar=say("cli_v_user"), help="cli_a_as_user")


@command(
    "users",
    "cli_h_users",
    arg("action", choices=["add", "list", "remove", "set-role", "reset-password"]),
    arg("name", nargs="?", help="cli_a_user_name"),
    arg("--role", choices=["viewer", "planner", "admin"], help="cli_a_role"),
    JSON,
)
def _users(args: argparse.Namespace) -> int:
    from commands.accounts import run_users

    return run_users(args)


@command(
    "audit",
    "cli_h_audit",
    arg("--since", metavar=say("cli_v_date"), help="cli_a_since"),
    arg("--action", help="cli_a_action"),
    arg("--user", help="cli_a_only_user"),
    JSON,
    arg("--verify", action="store_true", help="cli_a_audit_verify"),
)
def _audit(args: argparse.Namespace) -> int:
    from commands.accounts import run_audit

    return run_audit(args)


@command(
    "data",
    "cli_h_data",
    arg("action", choices=["add", "list", "remove", "restore", "publish", "unpublish", "withdraw", "migrate-files"]),
    arg("name", nargs="?", help="cli_a_dataset"),
    arg("--table", metavar=say("cli_v_file"), help="cli_a_table"),
    arg("--boundaries", metavar=say("cli_v_file"), help="cli_a_new_boundaries"),
    arg("--geography", metavar="NAME", help="cli_a_dataset_name"),
    arg("--base", metavar="GEO", help="cli_a_base"),
    arg("--label", help="cli_a_label"),
    arg("--source", help="cli_a_source"),
    arg("--key", help="cli_a_boundary_key"),
    arg("--year", type=int, help="cli_a_default_year"),
    arg("--public", action="store_true", help="cli_a_public"),
    arg("--parts", action="append", default=[], metavar="SUMME=TEIL+TEIL", help="dc_a_parts"),
    JSON,
    AS_USER,
)
def _data(args: argparse.Namespace) -> int:
    from commands.data import run_data

    return run_data(args)


@command(
    "plan",
    "cli_h_plan",
    arg("action", choices=["import", "export", "list", "evaluate", "report"]),
    arg("files", nargs="*", metavar=say("cli_v_file"), help="cli_a_plan_files"),
    arg("--dry-run", action="store_true", help="cli_a_dry_run"),
    arg("--out", metavar=say("cli_v_file"), help="cli_a_plan_out"),
    arg("--measure", type=int, metavar="ID", help="cli_a_measure"),
    arg("--comparison", choices=["all", "matched"], default="all", help="cli_a_comparison"),
    arg("--post", type=int, metavar=say("cli_v_year"), help="cli_a_post"),
    arg("--year", type=int, metavar=say("cli_v_yyyy"), help="cli_a_report_year"),
    arg("--lang", default="de", choices=["de", "en"], help="cli_a_plan_lang"),
    JSON,
    AS_USER,
)
def _plan(args: argparse.Namespace) -> int:
    from commands.planning import run_plan

    return run_plan(args)


@command(
    "grid",
    "cli_h_grid",
    arg("action", choices=["import", "aggregate"], help="cli_a_grid_action"),
    arg("--file", action="append", help="cli_a_grid_file"),
    arg("--name", help="cli_a_grid_name"),
    arg("--grid", help="cli_a_grid"),
    arg("--to", default="stadtteile", help="cli_a_grid_to"),
    arg("--year", type=int, help="cli_a_grid_year"),
    JSON,
)
def _grid(args: argparse.Namespace) -> int:
    """``cli.py grid import|aggregate``: the library is :mod:`geo.grid.service`."""
    import json

    from geo.grid.service import GridCommandError, aggregate_saved, import_grid

    if args.action == "import":
        if not args.file:
            raise GridCommandError(msg("err_grid_import_file"))
        _geo, text = import_grid(args.file, args.name, args.year, voice=voice())
        print(text)
        return 0
    if not args.grid:
        raise GridCommandError(msg("err_grid_aggregate_grid"))
    res = aggregate_saved(args.grid, args.to, args.year)
    print(json.dumps(res.to_json_dict(), ensure_ascii=False) if args.json else res.to_text(voice=voice()))
    return 0


from commands import analysis, ops, places, strategy, supply  # noqa: E402  (registers the rest, in --help order)

__all__ = ["COMMANDS", "Command", "analysis", "arg", "ops", "places", "say", "strategy", "supply"]
