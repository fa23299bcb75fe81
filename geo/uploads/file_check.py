"""Check one file the way the upload page does, for ``cli.py validate``.

Returns the verdict and a plain-text report; never raises for bad input (a bug propagates).
"""

from __future__ import annotations

import logging
from pathlib import Path

from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import boundary_areas, check_boundaries, check_table
from indicators.errors import SozialmonitorError, msg
from indicators.ingest.report import Report
from indicators.text import plain

_log = logging.getLogger(__name__)

OK_DE = "Ergebnis: verwendbar"
BAD_DE = "Ergebnis: nicht verwendbar"


def _text(reports: list[Report], ok: bool, extra: list[str]) -> str:
    lines = [r.to_text() for r in reports[-1:]] + extra + [OK_DE if ok else BAD_DE]
    return plain("\n".join(lines))


def validate_boundaries_file(
    path: str | Path, key: str | None = None, name: str | None = None, layer: str | None = None
) -> tuple[bool, str]:
    """Check a boundary file; without ``key`` the usual key columns are recognised."""
    check = check_boundaries(Path(path), layer=layer)
    if not check.ok:
        return False, _text([check.report], False, [])
    extra = [f"Spalten: {', '.join(check.columns)}"]
    if key and key not in check.columns:
        check.report.reject_file(msg("bnd_key_not_found", key=key, columns=list(check.columns)), key)
        return False, _text([check.report], False, extra)
    if not (key or check.key_column):
        check.report.reject_file(msg("bnd_no_key", columns=list(check.columns)))
        return False, _text([check.report], False, extra)
    result = boundary_areas(check, key, name)
    extra.append(f"Schlüssel: {key or check.key_column}, Name: {name or check.name_column or '(Schlüssel)'}")
    if result.is_stadtbezirke:
        n = int((result.areas["stadtteil_code"] != "").sum())
        extra.append(
            f"als Lübecker Stadtbezirke erkannt: {n} von {len(result.areas)} Flächen einem Stadtteil zugeordnet"
        )
    return result.ok, _text([result.report], result.ok, extra)


def validate_table_file(
    path: str | Path, geography: str = "stadtteile", year: int | None = None, store: DataStore | None = None
) -> tuple[bool, str]:
    """Check an indicator table against a geography (default: the shipped Stadtteile)."""
    check = check_table(Path(path), geography=geography, default_year=year, store=store)
    extra = []
    if check.roles:
        extra.append("Spalten: " + ", ".join(f"{k}={v}" for k, v in check.roles.items()) + f" ({check.layout})")
    if check.new_variables:
        extra.append(f"neue Merkmale (brauchen Katalogangaben): {', '.join(check.new_variables[:20])}")
    r = check.report
    extra.append(
        f"Zeilen: {r.rows_in} gelesen, {r.rows_used} verwendet, {len(r.dropped_rows)} verworfen; "
        f"{len(check.tidy)} Werte"
    )
    return check.ok, _text([r], check.ok, extra)


def validate_file(
    boundaries: str | None = None,
    table: str | None = None,
    *,
    key: str | None = None,
    name: str | None = None,
    layer: str | None = None,
    geography: str = "stadtteile",
    year: int | None = None,
) -> tuple[bool, str]:
    """Report on a boundary file or a table, as ``cli.py validate`` prints it.

    A bad file or an expected error (an unknown geography, a refused file) ends in the report
    as "nicht verwendbar"; the readers turn the file libraries' errors into findings. Anything
    else is a bug and propagates (``cli.py`` logs its traceback, exit code 2).
    """
    target = boundaries or table
    try:
        if boundaries:
            return validate_boundaries_file(boundaries, key, name, layer)
        return validate_table_file(table or "", geography, year)
    except SozialmonitorError as exc:  # expected (an unknown geography, a refused file): its message says why
        _log.info("check of %s refused: %s", target, exc)
        return False, f"Fehler: {target}: {exc}\nErgebnis: nicht verwendbar"
