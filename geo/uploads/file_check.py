"""Check one file the way the upload page does, for ``cli.py validate``.

Returns the verdict and a plain-text report; never raises for bad input (a bug propagates).
"""

from __future__ import annotations

import logging
from pathlib import Path

from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import boundary_areas, check_boundaries, check_table
from indicators.errors import SozialmonitorError, error_text, msg
from indicators.ingest.report import Report
from indicators.text import plain
from indicators.wording.voice import GERMAN, Voice

_log = logging.getLogger(__name__)


def _text(reports: list[Report], ok: bool, extra: list[str], voice: Voice) -> str:
    verdict = voice.t("up_check_usable" if ok else "up_check_not_usable")
    lines = [r.to_text(voice=voice) for r in reports[-1:]] + extra + [verdict]
    return plain("\n".join(lines))


def validate_boundaries_file(
    path: str | Path,
    key: str | None = None,
    name: str | None = None,
    layer: str | None = None,
    *,
    voice: Voice = GERMAN,
) -> tuple[bool, str]:
    """Check a boundary file; without ``key`` the usual key columns are recognised (report in the voice's language)."""
    check = check_boundaries(Path(path), layer=layer)
    if not check.ok:
        return False, _text([check.report], False, [], voice)
    extra = [voice.t("up_check_columns", columns=", ".join(check.columns))]
    if key and key not in check.columns:
        check.report.reject_file(msg("bnd_key_not_found", key=key, columns=list(check.columns)), key)
        return False, _text([check.report], False, extra, voice)
    if not (key or check.key_column):
        check.report.reject_file(msg("bnd_no_key", columns=list(check.columns)))
        return False, _text([check.report], False, extra, voice)
    result = boundary_areas(check, key, name)
    shown_name = name or check.name_column or voice.t("up_check_name_is_key")
    extra.append(voice.t("up_check_key_name", key=key or check.key_column, name=shown_name))
    if result.is_stadtbezirke:
        n = int((result.areas["stadtteil_code"] != "").sum())
        extra.append(voice.t("up_check_stadtbezirke", n=n, total=len(result.areas)))
    return result.ok, _text([result.report], result.ok, extra, voice)


def validate_table_file(
    path: str | Path,
    geography: str = "stadtteile",
    year: int | None = None,
    store: DataStore | None = None,
    *,
    voice: Voice = GERMAN,
) -> tuple[bool, str]:
    """Check an indicator table against a geography (default: the shipped Stadtteile), reported in the voice's
    language."""
    check = check_table(Path(path), geography=geography, default_year=year, store=store)
    extra = []
    if check.roles:
        roles = ", ".join(f"{k}={v}" for k, v in check.roles.items())
        extra.append(voice.t("up_check_roles", roles=roles, layout=check.layout))
    if check.new_variables:
        extra.append(voice.t("up_check_new_variables", names=", ".join(check.new_variables[:20])))
    r = check.report
    extra.append(
        voice.t(
            "up_check_rows",
            rows_in=r.rows_in,
            rows_used=r.rows_used,
            dropped=len(r.dropped_rows),
            values=len(check.tidy),
        )
    )
    return check.ok, _text([r], check.ok, extra, voice)


def validate_file(
    boundaries: str | None = None,
    table: str | None = None,
    *,
    key: str | None = None,
    name: str | None = None,
    layer: str | None = None,
    geography: str = "stadtteile",
    year: int | None = None,
    voice: Voice = GERMAN,
) -> tuple[bool, str]:
    """Report on a boundary file or a table, as ``cli.py validate`` prints it, in the voice's language.

    A bad file or an expected error (an unknown geography, a refused file) ends in the report
    as "nicht verwendbar" ("not usable"); the readers turn the file libraries' errors into findings. Anything
    else is a bug and propagates (``cli.py`` logs its traceback, exit code 2).
    """
    target = boundaries or table
    try:
        if boundaries:
            return validate_boundaries_file(boundaries, key, name, layer, voice=voice)
        return validate_table_file(table or "", geography, year, voice=voice)
    except SozialmonitorError as exc:  # expected (an unknown geography, a refused file): its message says why
        _log.info("check of %s refused: %s", target, exc)
        error = voice.t("up_check_error", file=target, message=error_text(exc, voice=voice))
        return False, f"{error}\n{voice.t('up_check_not_usable')}"
