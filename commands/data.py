"""``cli.py data``: load, list and remove saved datasets without a browser (same checks, same rights)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from commands.session import acting_user
from store.errors import StoreError
from store.permissions import require


def _store(args: argparse.Namespace):
    from geo.uploads.store import DataStore

    return DataStore(user=acting_user(args.as_user))


def _indicators(check, source: str | None) -> tuple[list, list]:
    """Catalogue entries for variables the catalogue does not know (counts of persons, neutral)."""
    from indicators.ingest.new_indicators import default_fields, indicator_from_form, source_from_form

    if not check.new_variables:
        return [], []
    if not source:
        raise StoreError("neue Merkmale " + ", ".join(check.new_variables[:10])
                         + ": bitte mit --source die Quelle der Daten angeben")
    src = source_from_form(source)
    variables = set(check.tidy["variable"])
    return [indicator_from_form(default_fields(v), variables, src.id) for v in check.new_variables], [src]


def _report(report, ok: bool) -> None:
    from indicators.text import plain

    print(plain(report.to_text()))
    print("Ergebnis: verwendbar" if ok else "Ergebnis: nicht verwendbar")


def _add(args: argparse.Namespace) -> int:
    from geo.uploads.pipeline import accept_upload, boundary_areas, check_boundaries, check_table
    from geo.uploads.store import safe_name, shipped_names
    from store.datasets import precheck

    if not (args.table and args.geography and args.label):
        raise StoreError("data add: bitte --table DATEI, --geography NAME und --label TEXT angeben")
    store = _store(args)
    require(store.user, "upload")
    if args.public:
        require(store.user, "publish", what=args.geography)
    name = safe_name(args.geography)
    exists = name in {d.name for d in store.list()}
    precheck(store.engine, store.user, name, args.label, overwrite=exists, shipped=shipped_names(),
             visibility="öffentlich" if args.public else "intern")  # refuse before reading any file
    reports, areas, base = [], None, None
    if args.boundaries:
        bcheck = check_boundaries(Path(args.boundaries))
        if not bcheck.ok:
            _report(bcheck.report, False)
            return 1
        result = boundary_areas(bcheck, args.key)
        _report(result.report, result.ok)
        if not result.ok:
            return 1
        areas, reports = result.areas, [result.report]
        check = check_table(Path(args.table), areas=areas, default_year=args.year)
    else:
        base = args.base or (name if exists else "stadtteile")
        check = check_table(Path(args.table), geography=base, default_year=args.year, store=store)
    _report(check.report, check.ok)
    if not check.ok:
        return 1
    indicators, sources = _indicators(check, args.source)
    growth = None
    if exists and base == name:  # the table extends the saved dataset: say what changes
        from geo.uploads.growth import preview_growth
        from indicators.ingest.growth import growth_lines

        growth = growth_lines(preview_growth(store.geographies()[name], check.tidy, indicators), "de",
                              {i.id: i.label("de") for i in indicators})
    geo = accept_upload(store, name, args.label, areas=areas, tidy=check.tidy, base_geography=base,
                        indicators=indicators, sources=sources, reports=[*reports, check.report], overwrite=exists)
    if args.public:
        store.publish(geo.id)
    print(f"{'ersetzt' if exists else 'gespeichert'}: {geo.id} ({geo.label_de}), "
          f"{'öffentlich' if args.public else 'intern'}")
    for line in growth or []:
        print(f"  {line}")
    return 0


def run_data(args: argparse.Namespace) -> int:
    """data add|list|remove|restore|publish|unpublish."""
    if args.action == "add":
        return _add(args)
    store = _store(args)
    if args.action == "list":
        items = store.list()
        if args.json:
            print(json.dumps([d.record.to_json_dict() for d in items if d.record], ensure_ascii=False, indent=1))
        for d in [] if args.json else items:
            print(f"{d.name}\t{d.label}\t{'öffentlich' if d.public else 'intern'}\t{d.owner or '–'}")
        return 0
    if not args.name:
        raise StoreError(f"data {args.action}: bitte NAME angeben")
    if args.action == "remove":
        if not store.remove(args.name):
            raise StoreError(f"Datensatz '{args.name}' gibt es nicht")
        print(f"'{args.name}' in den Papierkorb verschoben (30 Tage wiederherstellbar: cli.py data restore)")
    elif args.action == "restore":
        store.restore(args.name)
        print(f"'{args.name}' wiederhergestellt")
    else:
        store.publish(args.name, args.action == "publish")
        print(f"'{args.name}': {'öffentlich' if args.action == 'publish' else 'intern'}")
    return 0



