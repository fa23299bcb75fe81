"""``cli.py plan``: import, export, list, evaluate and report the planning register."""

from __future__ import annotations

import argparse
import json

from commands.registry import say, voice
from commands.session import acting_user, engine
from indicators.planning.display import status_word
from indicators.wording import t
from indicators.wording.voice import Voice
from store.errors import StoreError


def _need(args: argparse.Namespace, what_key: str, value) -> None:
    if not value:
        raise StoreError(say("cli_e_plan_need", action=args.action, what=say(what_key)))


def _import(args: argparse.Namespace) -> int:
    from geo.planning.evaluate import known
    from geo.uploads.planning_import import import_plan_files

    _need(args, "cli_w_plan_files", args.files)
    user = acting_user(args.as_user)  # before the files are read: a refused user costs nothing
    result = import_plan_files(engine(), user, args.files, known=known(), dry_run=args.dry_run)
    print(result.to_text(voice=voice()))
    return 0 if result.ok else 1


def _export(args: argparse.Namespace) -> int:
    from store.planning.excel import export_xlsx

    _need(args, "cli_w_out_xlsx", args.out)
    if not str(args.out).lower().endswith(".xlsx"):
        raise StoreError(say("cli_e_plan_xlsx", out=args.out))
    export_xlsx(engine(), acting_user(args.as_user), args.out)
    print(say("cli_m_plan_exported", out=args.out))
    return 0


def _list(args: argparse.Namespace) -> int:
    from store.planning import repository

    user = acting_user(args.as_user)
    measures = repository.list_records(engine(), user, "measure")
    goals = repository.list_records(engine(), user, "goal")
    partners = repository.list_records(engine(), user, "partner")
    if args.json:
        print(json.dumps({"measures": measures, "goals": goals, "partners": partners}, ensure_ascii=False, indent=1))
        return 0
    if not (measures or goals or partners):
        print(say("cli_m_plan_empty"))
    for m in measures:
        period = f"{m['start'] or '?'} – {m['end'] or say('cli_m_open_end')}"
        own = f" ({m['kennung']})" if m.get("kennung") else ""  # the planner's own numbering
        print(
            f"M{m['id']}{own}\t{status_word(m['status'], voice=voice())}\t{m['field']}\t{m['geography']}:{','.join(m['areas'])}\t{period}\t"
            f"{m['title']}"
        )
    for g in goals:
        target = say("cli_m_goal_target", value=g["target_value"], year=g["target_year"])
        own = f" ({g['kennung']})" if g.get("kennung") else ""
        print(f"Z{g['id']}{own}\t{g['field']}\t{g['indicator']} → {target}\t{g['text']}")
    for p in partners:
        print(f"P{p['id']}\t{p['organisation']}\t{p['kind']}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from geo.planning.evaluate import evaluate
    from store.planning import repository
    from store.planning.errors import PlanError

    user = acting_user(args.as_user)
    measures = repository.list_records(engine(), user, "measure")
    goals = repository.list_records(engine(), user, "goal")
    if args.measure is not None:
        measures = [m for m in measures if m["id"] == args.measure]
        if not measures:
            raise PlanError(say("cli_e_no_measure", id=args.measure))
        goals = []
    result = evaluate(goals, measures, comparison=args.comparison, post_year=args.post, voice=Voice.of(args.lang))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for g in result["goals"]:
        state = t("cli_m_on_track" if g["on_track"] else "cli_m_off_track", args.lang)
        print(
            t(
                "cli_m_goal_progress",
                args.lang,
                **{k: g[k] for k in ("id", "indicator", "baseline", "current", "target", "progress")},
                state=state,
            )
        )
    for m in result["measures"]:
        print(
            t(
                "cli_m_measure_effect",
                args.lang,
                **{k: m[k] for k in ("id", "indicator", "effect", "p_placebo", "n_placebo", "note")},
            )
        )
    return 0


def _report(args: argparse.Namespace) -> int:
    from geo.planning.report import write_report

    _need(args, "cli_w_year", args.year)
    _need(args, "cli_w_out_pdf", args.out)
    write_report(engine(), acting_user(args.as_user), year=args.year, out=args.out, voice=Voice.of(args.lang))
    print(say("cli_m_plan_report", year=args.year, out=args.out))
    return 0


ACTIONS = {"import": _import, "export": _export, "list": _list, "evaluate": _evaluate, "report": _report}


def run_plan(args: argparse.Namespace) -> int:
    """plan import FILE… [--dry-run] | export --out F.xlsx | list [--json] | evaluate … | report …"""
    return ACTIONS[args.action](args)
