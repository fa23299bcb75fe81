"""Census grid files uploaded in the app: checked like ``cli.py grid import``, in the upload sandbox.

:func:`check_grid_upload` takes the uploaded files' bytes, refuses files over the one
upload limit (:func:`indicators.limits.max_upload_bytes`) and runs
:func:`geo.grid.service.prepare_grid` — the reading path of the command line — in a
child process with the memory and time limits of every other upload
(:func:`geo.uploads.sandbox.run_limited`). The result carries the reports of
every file; :func:`accept_grid_upload` saves it through the page's
:class:`geo.uploads.datastore.DataStore` with :func:`geo.grid.service.save_grid`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from geo.grid.service import grid_year, prepare_grid, save_grid
from geo.uploads.sandbox import run_limited
from indicators.errors import InputError, error_message, msg
from indicators.ingest.report import Report
from indicators.limits import max_upload_bytes
from indicators.wording.message import Listed, Message

_log = logging.getLogger(__name__)

SUFFIXES = (".csv", ".txt")


@dataclass
class GridUpload:
    """Checked grid files: the joined grid and its squares (None if unusable) and every file's report."""

    files: list[str]
    reports: list[Report]
    grid: object | None = None  # GridTable
    squares: object | None = None  # GeoDataFrame of the cells touching the city
    errors: list[Message] = field(default_factory=list)  # shown in the reader's language

    @property
    def ok(self) -> bool:
        return self.grid is not None and not self.errors

    @property
    def year(self) -> int:
        return grid_year(self.files)

    @property
    def default_name(self) -> str:
        return Path(self.files[0]).stem if self.files else "gitter"


def _clean_name(name: str) -> str:
    """The file's own name, no path (a browser may send one; it is never used as a path)."""
    return Path(str(name).replace("\\", "/")).name[:120] or "Gitterdatei"


def check_grid_upload(files: list[tuple[str, bytes]], max_bytes: int | None = None) -> GridUpload:
    """Read, join and clip uploaded grid files ``(name, bytes)`` in the upload sandbox.

    Expected problems (too large, wrong type, unreadable, no cell in the city, limits
    exceeded) come back as messages (wording keys) in ``errors``; anything else is a bug and propagates.
    """
    max_bytes = max_bytes or max_upload_bytes()
    names = [_clean_name(n) for n, _ in files]
    out = GridUpload(names, [])
    if not files:
        out.errors.append(msg("err_grid_none_chosen"))
        return out
    for name, (_, data) in zip(names, files):
        if not name.lower().endswith(SUFFIXES):
            out.errors.append(msg("err_grid_not_csv", name=name))
        if len(data) > max_bytes:
            out.errors.append(msg("err_upload_too_large", name=name, mb=max_bytes // 2**20))
    if out.errors:
        return out
    try:
        grid, squares = run_limited(prepare_grid, [d for _, d in files], names, file_label=", ".join(names))
    except InputError as exc:
        out.errors.append(error_message(exc))
        return out
    except ValueError as exc:  # pandas or a decoder (UnicodeDecodeError) on bytes no check foresaw; a bug propagates
        _log.warning("grid upload %s not readable", names, exc_info=exc)  # the log keeps the traceback
        out.errors.append(msg("err_file_unreadable_kind", name=", ".join(names), kind=type(exc).__name__))
        return out
    out.grid, out.squares, out.reports = grid, squares, list(grid.reports)
    return out


def accept_grid_upload(check: GridUpload, name: str, year: int, store):
    """Save a checked upload as a grid geography; return (geography, report text)."""
    if not check.ok:
        raise InputError(msg("err_grid_unusable", errors=Listed(tuple(check.errors))))
    return save_grid(check.grid, check.squares, name, int(year), check.files, store)
