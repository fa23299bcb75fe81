"""``cli.py plan``: import, export, list, evaluate and report the planning register."""
from __future__ import annotations

import argparse
import json

from commands.session import acting_user, engine
from store.errors import StoreError


def _need(args: argparse.Namespace, what: str, value) -> None:
    if not value:
        raise StoreError(f"plan {args.action}: bitte {what} angeben")


def _import(args: argparse.Namespace) -> int:
    from geo.planning.evaluate import known
    from store.planning.excel import import_plan

    _need(args, "DATEI (XLSX mit den Blättern Massnahmen/Ziele oder CSV-Dateien Massnahmen*.csv, Ziele*.csv)",
          args.files)
    result = import_plan(engine(), acting_user(args.as_user), args.files, known=known(), dry_run=args.dry_run)
    print(result.to_text())
    return 0 if result.ok else 1


def _export(args: argparse.Namespace) -> int:
    from store.planning.excel import export_xlsx

    _need(args, "--out DATEI.xlsx", args.out)
    if not str(args.out).lower().endswith(".xlsx"):
        raise StoreError(f"--out {args.out}: die Ausgabe ist eine Excel-Datei (.xlsx)")
    export_xlsx(engine(), acting_user(args.as_user), args.out)
    print(f"Planung nach {args.out} geschrieben")
    return 0


def _list(args: argparse.Namespace) -> int:
    from store.planning import repository

    user = acting_user(args.as_user)
    data = {e: repository.list_records(engine(), user, e) for e in ("measure", "goal", "partner")}
    if args.json:
        print(json.dumps({"measures": data["measure"], "goals": data["goal"], "partners": data["partner"]},
                         ensure_ascii=False, indent=1))
        return 0
    if not any(data.values()):
        print("Die Planung ist leer (noch keine Maßnahmen, Ziele oder Partner).")
    for m in data["measure"]:
        period = f"{m['start'] or '?'} – {m['end'] or 'offen'}"
        print(f"M{m['id']}\t{m['status']}\t{m['field']}\t{m['geography']}:{','.join(m['areas'])}\t{period}\t"
              f"{m['title']}")
    for g in data["goal"]:
        print(f"Z{g['id']}\t{g['field']}\t{g['indicator']} → {g['target_value']} bis {g['target_year']}\t{g['text']}")
    for p in data["partner"]:
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
            raise PlanError(f"--measure {args.measure}: Maßnahme gibt es nicht")
        goals = []
    result = evaluate(goals, measures, comparison=args.comparison, post_year=args.post, lang=args.lang)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for g in result["goals"]:
        print(f"Ziel {g['id']} ({g['indicator']}): Basis {g['baseline']}, aktuell {g['current']}, Ziel {g['target']}, "
              f"Fortschritt {g['progress']}, {'im Plan' if g['on_track'] else 'nicht im Plan'}")
    for m in result["measures"]:
        print(f"Maßnahme {m['id']} ({m['indicator']}): Effekt {m['effect']}, p = {m['p_placebo']} "
              f"({m['n_placebo']} Placebo-Sätze). {m['note']}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from geo.planning.report import write_report

    _need(args, "--year JJJJ", args.year)
    _need(args, "--out DATEI.pdf", args.out)
    write_report(engine(), acting_user(args.as_user), year=args.year, out=args.out, lang=args.lang)
    print(f"Sachstand Strategische Sozialplanung {args.year} nach {args.out} geschrieben")
    return 0


ACTIONS = {"import": _import, "export": _export, "list": _list, "evaluate": _evaluate, "report": _report}


def run_plan(args: argparse.Namespace) -> int:
    """plan import FILE… [--dry-run] | export --out F.xlsx | list [--json] | evaluate … | report …"""
    return ACTIONS[args.action](args)
