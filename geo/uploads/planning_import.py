"""Planning imports through the upload gate: the files are read in the fenced, limited child.

``plan import`` and the Planung page's "Prüfen"/"Speichern" call
:func:`import_plan_files`: :func:`read_plan_files` reads the workbooks and CSV files
in the child of :mod:`geo.uploads.sandbox` (no network, memory and time limits, at
most :func:`indicators.limits.max_upload_checks` at once, the row cap of
:func:`indicators.limits.max_plan_rows`); only the parsed sheets, at most that many
rows each, come back. The rows are then checked with reads only and written in one
short transaction (:func:`store.planning.excel.import_plan`), so a large or hostile
file never holds the database's write lock while it is parsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from geo.uploads.sandbox import UploadLimitError, run_limited
from indicators.errors import error_message, msg
from indicators.ingest.report import Report
from store.permissions import User, require
from store.planning.excel import ImportResult, import_plan
from store.planning.records import Known
from store.planning.sheets import Sheets, read_sheets


def read_plan_files(paths: Sequence[str | Path]) -> Sheets:
    """:func:`store.planning.sheets.read_sheets` in the upload sandbox; limits reached end in a refused report."""
    files = [Path(p) for p in paths]
    label = ", ".join(p.name for p in files) or "Planungsdatei"
    try:
        return run_limited(read_sheets, files, file_label=label)
    except UploadLimitError as exc:
        report = Report(label)
        report.reject_file(error_message(exc))
        return {label: (pd.DataFrame(), report)}


def import_plan_files(
    engine: Engine, user: User, paths: Sequence[str | Path], *, known: Known | None = None, dry_run: bool = False
) -> ImportResult:
    """Read the files in the sandbox, then check and (unless ``dry_run``) store their rows.

    Parameters
    ----------
    engine, user
        The database and the acting user (``plan_edit`` needed, checked before any file is read).
    paths
        XLSX or CSV files of the planning register.
    known
        Area codes and indicators for the checks.
    dry_run
        Check only; nothing is written and no write lock taken.
    """
    require(user, "plan_edit", what=msg("err_plan_import_what"))
    return import_plan(engine, user, list(paths), known=known, dry_run=dry_run, sheets=read_plan_files(paths))
