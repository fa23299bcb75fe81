"""``cli.py data``: load, list and remove saved datasets without a browser (same checks, same rights)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.uploads.datastore import DataStore
    from geo.uploads.table import TableCheck
    from indicators.catalogue import Indicator
    from indicators.ingest.report import Report

from commands.registry import say, voice
from commands.session import acting_user
from store.errors import StoreError
from store.permissions import require


def _store(args: argparse.Namespace):
    from geo.uploads.datastore import DataStore

    return DataStore(user=acting_user(args.as_user))


def _indicators(check, source: str | None) -> tuple[list, list]:
    """Catalogue entries for variables the catalogue does not know (counts of persons, neutral)."""
    from indicators.ingest.new_indicators import default_fields, indicator_from_form, source_from_form

    if not check.new_variables:
        return [], []
    if not source:
        raise StoreError(say("cli_e_need_source", names=", ".join(check.new_variables[:10])))
    src = source_from_form(source)
    variables = set(check.tidy["variable"])
    return [indicator_from_form(default_fields(v), variables, src.id) for v in check.new_variables], [src]


def _report(report, ok: bool) -> None:
    from indicators.text import plain

    print(plain(report.to_text(voice=voice())))
    print(say("cli_m_usable" if ok else "cli_m_not_usable"))


def _read_inputs(
    args: argparse.Namespace, store: DataStore, name: str, exists: bool
) -> tuple[TableCheck, gpd.GeoDataFrame | None, list[Report], str | None] | None:
    """Boundaries (if given) and table checked and reported: ``(check, areas, reports, base)``, or None if
    a file is unusable."""
    from geo.uploads.pipeline import boundary_areas, check_boundaries, check_table

    reports: list[Report] = []
    areas, base = None, None
    if args.boundaries:
        bcheck = check_boundaries(Path(args.boundaries))
        if not bcheck.ok:
            _report(bcheck.report, False)
            return None
        result = boundary_areas(bcheck, args.key)
        _report(result.report, result.ok)
        if not result.ok:
            return None
        areas, reports = result.areas, [result.report]
        check = check_table(Path(args.table), areas=areas, default_year=args.year)
    else:
        base = args.base or (name if exists else "stadtteile")
        check = check_table(Path(args.table), geography=base, default_year=args.year, store=store)
    _report(check.report, check.ok)
    return (check, areas, reports, base) if check.ok else None


def _say_before_saving(
    store: DataStore, name: str, base: str | None, check: TableCheck, indicators: list[Indicator], *, extends: bool
) -> list[str] | None:
    """What saving will change: growth lines when the table ``extends`` the saved dataset ``name`` (returned,
    printed after saving), the copy note at once when a colleague's dataset is the base."""
    growth = None
    if extends:  # the table extends the saved dataset: say what changes
        from geo.uploads.growth import preview_growth
        from indicators.ingest.growth import growth_lines

        growth = growth_lines(
            preview_growth(store.geographies()[name], check.tidy, indicators, store=store),
            {i.id: i.label(voice=voice()) for i in indicators},
            voice=voice(),
        )
    if base and base != name:  # a colleague's dataset as base: say before saving that only its published values come
        from geo.uploads.pipeline import copy_provenance

        prov = copy_provenance(store, base)
        if prov:
            print(say("dc_copy_note", name=base, owner=prov["based_on_owner"] or "–"))
    return growth


def _add(args: argparse.Namespace) -> int:
    from geo.uploads.datastore import safe_name, shipped_names
    from geo.uploads.pipeline import UploadContent, accept_upload
    from store.datasets import precheck

    if not (args.table and args.geography and args.label):
        raise StoreError(say("cli_e_data_add"))
    store = _store(args)
    require(store.user, "upload")
    if args.public:
        require(store.user, "publish", what=args.geography)
    name = safe_name(args.geography)
    exists = name in {d.name for d in store.list()}
    precheck(
        store.engine,
        store.user,
        name,
        args.label,
        overwrite=exists,
        shipped=shipped_names(),
        visibility="öffentlich" if args.public else "intern",
    )  # refuse before reading any file
    inputs = _read_inputs(args, store, name, exists)
    if inputs is None:
        return 1
    check, areas, reports, base = inputs
    indicators, sources = _indicators(check, args.source)
    if args.parts:  # TOTAL=PART+PART…: used by secondary suppression; TOTAL= switches an inferred one off
        from indicators.compute.disclosure import declare_parts, parse_parts

        indicators = declare_parts(
            indicators, check.catalogue, parse_parts(args.parts), set(check.tidy["variable"]) | set(check.catalogue)
        )
    growth = _say_before_saving(store, name, base, check, indicators, extends=exists and base == name)
    content = UploadContent(
        areas=areas,
        tidy=check.tidy,
        base_geography=base,
        indicators=indicators,
        sources=sources,
        reports=[*reports, check.report],
    )
    geo = accept_upload(store, name, args.label, content, overwrite=exists)
    if args.public:
        store.publish(geo.id)
    print(
        say(
            "cli_m_replaced" if exists else "cli_m_saved",
            id=geo.id,
            label=geo.label_de,
            visibility=say("cli_m_public" if args.public else "cli_m_internal"),
        )
    )
    for line in growth or []:
        print(f"  {line}")
    return 0


def _migrate_files(args: argparse.Namespace) -> int:
    """Move dataset folders of an older release into the database (also done at every first start); say what."""
    from geo.dataset_files import migrate_files
    from store import config, db

    root = config.data_dir()
    result = migrate_files(db.engine_for(None, root), root)
    if args.json:
        print(
            json.dumps(
                {
                    "moved": [vars(m) for m in result.moved],
                    "missing": [vars(p) for p in result.missing],
                    "failed": [vars(p) for p in result.failed],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 1 if result.missing or result.failed else 0
    for m in result.moved:
        print(say("cli_m_migrated", name=m.name, version=m.version, areas=m.areas, values=m.values, folder=m.folder))
    for key, items in (("cli_m_migrate_missing", result.missing), ("cli_m_migrate_failed", result.failed)):
        for p in items:
            print(say(key, name=p.name, version=p.version, folder=p.folder))
    done = result.moved or result.missing or result.failed
    print(
        say("cli_m_migrate_summary", n=len(result.moved), path=root / "datasets")
        if done
        else say("cli_m_migrate_nothing")
    )
    return 1 if result.missing or result.failed else 0


def run_data(args: argparse.Namespace) -> int:
    """data add|list|remove|restore|publish|unpublish|withdraw|migrate-files."""
    if args.action == "add":
        return _add(args)
    if args.action == "migrate-files":  # before any store is opened: opening one moves them silently
        return _migrate_files(args)
    store = _store(args)
    if args.action == "list":
        items = store.list()
        if args.json:
            print(json.dumps([d.record.to_json_dict() for d in items if d.record], ensure_ascii=False, indent=1))
        for d in [] if args.json else items:
            print(f"{d.name}\t{d.label}\t{say('cli_m_public' if d.public else 'cli_m_internal')}\t{d.owner or '–'}")
        return 0
    if not args.name:
        raise StoreError(say("cli_e_data_name", action=args.action))
    if args.action == "remove":
        if not store.remove(args.name):
            raise StoreError(say("cli_e_no_dataset", name=args.name))
        print(say("cli_m_trashed", name=args.name))
    elif args.action == "withdraw":  # the owner of a dataset withdraws a colleague's copy of it
        from geo.uploads.pipeline import withdraw_copy

        print(say("dc_withdrawn", name=args.name, source=withdraw_copy(store, args.name)))
    elif args.action == "restore":
        store.restore(args.name)
        print(say("cli_m_restored", name=args.name))
    else:
        store.publish(args.name, args.action == "publish")
        print(
            say(
                "cli_m_visibility",
                name=args.name,
                visibility=say("cli_m_public" if args.action == "publish" else "cli_m_internal"),
            )
        )
    return 0
