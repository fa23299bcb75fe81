"""The one name → export format table: what file each output offers, and who writes it.

An :class:`ExportFormat` names a file format once: the wording key of its button, the file
suffix, the MIME type and, per output it applies to, the function that writes it. The app's
download buttons (:mod:`ui.downloads`) and the command line (``cli.py map --format``, ``batch``,
the suffix check of ``--out``) read this table; nothing else lists formats.

The outputs and the call each writer answers (``bytes`` back):

========== ============================================================ ==============================
output     call                                                         e.g.
========== ============================================================ ==============================
map        ``write(ds, indicator, year, options=PrintOptions)``         print map PNG, SVG, PDF
need_map   ``write(ds, result, method, year, options=PrintOptions)``    need map PNG, PDF
supply_map ``write(ds=, result=, variable=, sites=, options=)``         Versorgung map PNG, PDF
table      ``write(table, voice=voice)`` (an ``ExportTable``)           CSV, XLSX of a view's table
layer      ``write(ds, indicator, year, voice=voice)``                  CSV, XLSX, GeoPackage, GeoJSON
report     ``write(ds, year, voice=voice)``                             the social report (PDF)
========== ============================================================ ==============================

A writer is named by ``"module:function"`` (plus fixed keywords, e.g. ``fmt="svg"``) and
imported only when a file is made, so ``cli.py`` and the first page view stay light. This
module sits above the outputs (``geo.exports``, ``geo.printmap``, ``geo.report``), which never
import it. Adding a format: its writer in its own module, one entry in :data:`EXPORTS`.
Tests (or plug-ins) may add one at run time with :func:`register` and drop it with :func:`unregister`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from indicators.errors import InputError, msg

Output = Literal["map", "need_map", "supply_map", "table", "layer", "report"]
MAP_OUTPUTS: frozenset[Output] = frozenset({"map", "need_map", "supply_map"})


@dataclass(frozen=True)
class Writer:
    """A function named by ``"module:function"``, imported on its first call, with fixed keywords."""

    target: str
    fixed: Mapping[str, Any] = field(default_factory=dict)

    def function(self) -> Callable[..., bytes]:
        """The named function (imports its module)."""
        module, _, name = self.target.partition(":")
        func: Callable[..., bytes] = getattr(importlib.import_module(module), name)
        return func

    def __call__(self, *args: Any, **kw: Any) -> bytes:
        return self.function()(*args, **self.fixed, **kw)


@dataclass(frozen=True)
class ExportFormat:
    """One file format.

    Parameters
    ----------
    name : str
        The key of the table and the CLI's ``--format`` value.
    label_key : str
        Wording key of the download button.
    suffix : str
        File suffix without the dot.
    mime : str
        MIME type of the download.
    writers : mapping
        Output → :class:`Writer`; the outputs the format applies to.
    stem : str
        Added to a file's base name (``_excel``: two CSV dialects side by side).
    """

    name: str
    label_key: str
    suffix: str
    mime: str
    writers: Mapping[Output, Writer]
    stem: str = ""

    def applies_to(self, output: Output) -> bool:
        """Whether this format is offered for ``output``."""
        return output in self.writers

    def file_name(self, base: str) -> str:
        """``base`` with the format's stem and suffix: ``karte_2022.png``, ``tabelle_excel.csv``."""
        return f"{base}{self.stem}.{self.suffix}"

    def write(self, output: Output, *args: Any, **kw: Any) -> bytes:
        """The file of ``output`` (see the module's table for the call)."""
        if output not in self.writers:
            raise InputError(msg("err_unknown_format", fmt=self.name, allowed=list(names_for(output))))
        return self.writers[output](*args, **kw)


def _map(fmt: str, *, layers: bool = True) -> dict[Output, Writer]:
    """The print-map writers of ``fmt``: the indicator map and (``layers``) the need and Versorgung maps."""
    out: dict[Output, Writer] = {"map": Writer("geo.printmap.render:render_print_map", {"fmt": fmt})}
    if layers:
        out["need_map"] = Writer("geo.printmap.layer_map:needs_map_bytes", {"fmt": fmt})
        out["supply_map"] = Writer("geo.printmap.supply_map:supply_map_bytes", {"fmt": fmt})
    return out


_SHEET = "geo.exports.sheet"
_TABLES = "geo.exports.tables"
EXPORTS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "csv",
            "dl_csv",
            "csv",
            "text/csv",
            {
                "table": Writer(f"{_SHEET}:table_csv", {"dialect": "utf8"}),
                "layer": Writer(f"{_TABLES}:layer_csv", {"dialect": "utf8"}),
            },
        ),
        ExportFormat(
            "csv-excel",
            "dl_csv_german_excel",
            "csv",
            "text/csv",
            {
                "table": Writer(f"{_SHEET}:table_csv", {"dialect": "excel-de"}),
                "layer": Writer(f"{_TABLES}:layer_csv", {"dialect": "excel-de"}),
            },
            stem="_excel",
        ),
        ExportFormat(
            "xlsx",
            "dl_xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            {"table": Writer(f"{_SHEET}:table_xlsx"), "layer": Writer(f"{_TABLES}:to_xlsx_bytes")},
        ),
        ExportFormat(
            "gpkg",
            "dl_gpkg",
            "gpkg",
            "application/geopackage+sqlite3",
            {"layer": Writer("geo.exports.geopackage:geopackage_bytes")},
        ),
        ExportFormat(
            "geojson",
            "dl_geojson",
            "geojson",
            "application/geo+json",
            {"layer": Writer("geo.exports.geojson:geojson_bytes")},
        ),
        ExportFormat("png", "dl_png", "png", "image/png", _map("png")),
        ExportFormat("svg", "dl_svg", "svg", "image/svg+xml", _map("svg", layers=False)),
        ExportFormat(
            "pdf", "dl_pdf", "pdf", "application/pdf", {**_map("pdf"), "report": Writer("geo.report.pdf:build_report")}
        ),
    )
}


def register(fmt: ExportFormat) -> ExportFormat:
    """Add (or replace) ``fmt`` in the table; returns it."""
    EXPORTS[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    """Remove the format ``name`` (no error if it is not registered)."""
    EXPORTS.pop(name, None)


def formats_for(output: Output) -> tuple[ExportFormat, ...]:
    """The formats offered for ``output``, in table order."""
    return tuple(f for f in EXPORTS.values() if f.applies_to(output))


def names_for(output: Output) -> tuple[str, ...]:
    """Names of the formats offered for ``output``."""
    return tuple(f.name for f in formats_for(output))


def export_format(name: str, *, output: Output | None = None) -> ExportFormat:
    """The format ``name`` (offered for ``output`` if given).

    Raises
    ------
    InputError
        ``err_unknown_format``, naming the formats allowed.
    """
    fmt = EXPORTS.get(name)
    if fmt is None or (output is not None and not fmt.applies_to(output)):
        allowed = names_for(output) if output is not None else tuple(EXPORTS)
        raise InputError(msg("err_unknown_format", fmt=name, allowed=list(allowed)))
    return fmt


def format_for_path(path: str | Path, *, output: Output, name: str | None = None) -> ExportFormat:
    """The format of a file to write: ``name`` if given, else the one of the suffix of ``path``.

    Without a suffix the first format of ``output`` is taken (``karte`` → PNG).

    Raises
    ------
    InputError
        ``err_no_map_format`` (a map) or ``err_no_file_format`` for a suffix no format of ``output``
        has; ``err_unknown_format``
        for an unknown ``name``; ``err_format_suffix`` if ``name`` contradicts the suffix
        (``karte.pdf`` as png).
    """
    file = Path(path)
    suffix = file.suffix.lstrip(".").lower()
    offered = formats_for(output)
    if name is not None:
        fmt = export_format(name, output=output)
        if suffix and suffix != fmt.suffix and any(f.suffix == suffix for f in offered):
            raise InputError(msg("err_format_suffix", name=file.name, fmt=name, suffix=suffix))
        return fmt
    if not suffix:
        return offered[0]
    for fmt in offered:
        if fmt.suffix == suffix:
            return fmt
    key = "err_no_map_format" if output in MAP_OUTPUTS else "err_no_file_format"
    raise InputError(msg(key, name=file.name, suffix=suffix, allowed=", ".join(f".{f.suffix}" for f in offered)))


class FormatChoices(Sequence[str]):
    """The format names of one output as a live sequence: argparse ``choices`` that see later registrations."""

    def __init__(self, output: Output) -> None:
        self.output: Output = output

    def __len__(self) -> int:
        return len(names_for(self.output))

    def __getitem__(self, i: Any) -> Any:
        return names_for(self.output)[i]

    def __iter__(self) -> Iterator[str]:
        return iter(names_for(self.output))

    def __contains__(self, name: object) -> bool:
        return name in names_for(self.output)
