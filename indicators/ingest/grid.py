"""Reading census grid tables (Zensus 2022 and 2011) into numbers per cell.

Numbers only: this module parses the INSPIRE cell ids and the values; the cell
squares are built in :mod:`geo.grid.cells`.

Layouts read
------------
Zensus 2022 (as published per topic)
    semicolon-separated, UTF-8 or cp1252, decimal comma:
    ``GITTER_ID_100m;x_mp_100m;y_mp_100m;<value>[;<value>…][;werterlaeuternde_Zeichen]``
    (also ``_1km`` and ``_10km``).
Zensus 2011, long
    ``gitter_id_100m,x,y,…,attribute,code,value`` (one row per cell and feature code).
Zensus 2011, wide
    ``gitter_id_1km`` or ``gitter_id_100m`` with ``x``/``y`` (cell centre) and value
    columns; ``-1`` means no value (nobody lives there), ``-9`` kept secret.

Marks of official statistics (secret, missing, in brackets, the dash) are read by
:mod:`indicators.ingest.grid_values`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.errors import InputError, msg
from indicators.ingest.grid_values import MARK_COLUMN, long_values, resolve_dashes, variable_kind
from indicators.ingest.read import decode, sniff_delimiter
from indicators.ingest.report import Report
from indicators.limits import GRID_FILE_MAX_BYTES
from indicators.wording.message import Message

ID_RE = re.compile(r"^CRS3035RES(\d+)(m|km)N(\d+)E(\d+)$", re.IGNORECASE)
_ID_RE2 = r"(?i)^CRS3035RES(?P<size>\d+)(?P<unit>m|km)N(?P<north>\d+)E(?P<east>\d+)$"  # ID_RE for pyarrow
ID_COLUMN = re.compile(r"^gitter_id_(100m|1km|10km)$", re.IGNORECASE)
RESOLUTIONS = {"100m": 100, "1km": 1000, "10km": 10000}
POPULATION_NAMES = ("einwohner", "insgesamt_bevoelkerung", "population_total", "population")


class GridError(InputError):
    """A grid file cannot be used (German message saying what and where)."""


@dataclass
class GridTable:
    """Cells and values of one grid file (or several joined ones).

    ``cells``: ``cell_id, east, north, x_mp, y_mp`` (EPSG:3035 metres; x_mp/y_mp
    NaN if the file has none). ``values``: ``cell_id, variable, value, line``
    (NaN = value missing or kept secret; ``line`` of the file, for the report). ``kinds``: variable -> ``count`` or ``mean``
    (means and shares are aggregated weighted by ``weight``).
    """

    resolution: int
    cells: pd.DataFrame
    values: pd.DataFrame
    kinds: dict[str, str] = field(default_factory=dict)
    weight: str | None = None
    reports: list[Report] = field(default_factory=list)

    @property
    def variables(self) -> list[str]:
        return list(self.kinds)

    def keep_cells(self, cell_ids: set[str] | pd.Index, reason: str | Message) -> GridTable:
        """Only the given cells; the file lines of the others are listed as dropped with ``reason``."""
        keep = pd.Index(list(cell_ids)).get_indexer(self.values["cell_id"]) >= 0  # hash lookup, not isin on a set
        gone = self.values.loc[~keep]
        src = gone["src"] if "src" in gone else pd.Series(0, index=gone.index)
        lines = gone.assign(src=src).drop_duplicates(["src", "line"]).sort_values(["src", "line"], kind="stable")
        for i, line, cell in zip(lines["src"].to_numpy(), lines["line"].to_numpy(), lines["cell_id"].to_numpy()):
            self.reports[int(i)].add(int(line), "", msg("grid_cell_dropped", cell=cell, reason=reason))
        for i, n in lines["src"].value_counts().items():
            self.reports[int(i)].rows_used -= int(n)
        cells = self.cells[pd.Index(list(cell_ids)).get_indexer(self.cells["cell_id"]) >= 0].reset_index(drop=True)
        return GridTable(
            self.resolution, cells, self.values[keep].reset_index(drop=True), self.kinds, self.weight, self.reports
        )

    def wide(self) -> pd.DataFrame:
        """One row per cell, one column per variable (index ``cell_id``)."""
        w = self.values.pivot_table(index="cell_id", columns="variable", values="value", aggfunc="first", dropna=False)
        return w.reindex(index=self.cells["cell_id"], columns=self.variables)


def parse_cell_ids(ids: pd.Series) -> pd.DataFrame:
    """``resolution, east, north`` (metres, lower-left corner) of INSPIRE ids; NaN where malformed.

    Also ``size`` and ``unit``, the id's own spelling of the cell size ("100", "m"), "" where malformed.
    The pattern is :data:`ID_RE`, matched by Arrow's RE2 in one pass (a tenth of pandas'
    per-row ``str.extract`` on a 100,000-row file).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.array(ids.astype(str).str.strip().to_numpy(dtype=object), type=pa.string())
    found = pc.extract_regex(text, _ID_RE2)

    def part(name: str) -> pd.Series:
        return pd.Series(pc.struct_field(found, name).to_numpy(zero_copy_only=False), index=ids.index, dtype=object)

    size_text, unit = part("size").fillna(""), part("unit").fillna("").str.lower()
    size = pd.to_numeric(size_text.where(size_text != "", None), errors="coerce")
    size = size.where(unit != "km", size * 1000)
    return pd.DataFrame(
        {
            "resolution": size,
            "north": pd.to_numeric(part("north"), errors="coerce"),
            "east": pd.to_numeric(part("east"), errors="coerce"),
            "size": size_text,
            "unit": unit,
        },
        index=ids.index,
    )


def _read_text(source: str | Path | bytes, name: str) -> tuple[pd.DataFrame, str]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise GridError(msg("err_file_not_found", name=name))
        if path.stat().st_size > GRID_FILE_MAX_BYTES:
            raise GridError(msg("err_file_too_large", name=name, mb=GRID_FILE_MAX_BYTES // 2**20))
        data = path.read_bytes()
        if path.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
    else:
        data = source
    text, _enc = decode(data)
    if not text.strip():
        raise GridError(msg("err_file_empty", name=name))
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delim = max(";,\t", key=header.count) if any(c in header for c in ";,\t") else sniff_delimiter(text)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise GridError(msg("err_csv_unreadable", name=name, detail=exc)) from None
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame, delim


def read_grid(source: str | Path | bytes, name: str | None = None) -> GridTable:
    """Read one grid file in the Zensus 2022 or 2011 layout.

    Raises
    ------
    GridError
        If the file has no grid id column or cannot be read at all.
    """
    name = name or (Path(source).name if isinstance(source, (str, Path)) else "Gitterdatei")
    frame, delim = _read_text(source, name)
    id_col = next((c for c in frame.columns if ID_COLUMN.match(c)), None)
    if id_col is None:
        raise GridError(msg("err_grid_no_id", name=name, columns=list(frame.columns[:8])))
    res = RESOLUTIONS[ID_COLUMN.match(id_col).group(1).lower()]  # type: ignore[union-attr]  # matched above
    report = Report(name, rows_in=len(frame))
    frame.index = pd.RangeIndex(2, len(frame) + 2)  # line numbers of the file (header = 1)
    lower = {c.lower(): c for c in frame.columns}
    if {"attribute", "code", "value"} <= lower.keys():
        long = frame.rename(columns={lower["attribute"]: "attribute", lower["code"]: "code", lower["value"]: "value"})
        var = long["attribute"].str.strip() + "_" + long["code"].str.strip()
        if "table" in lower:  # the same feature can be counted in two tables (buildings, dwellings)
            var = long[lower["table"]].str.strip() + "_" + var
        frame = long.assign(_var=var)
        value_cols = ["value"]
    else:
        skip = {
            id_col.lower(),
            MARK_COLUMN,
            "x",
            "y",
            "stadtteil",
            "stadtteil_max_overlap",
            "share_in_city",
            f"x_mp_{id_col[10:].lower()}",
            f"y_mp_{id_col[10:].lower()}",
        }
        value_cols = [c for c in frame.columns if c.lower() not in skip and not c.lower().endswith("_klasse")]
    if not value_cols:
        raise GridError(msg("err_grid_no_values", name=name, id_col=id_col))
    decimal = "," if delim == ";" else "."
    cells = _cells(frame, id_col, res, report)
    codes_2011 = id_col.islower()  # the 2011 files name the id column in lower case
    values = long_values(frame, value_cols, decimal, cells["cell_id"], report, codes_2011)
    report.rows_used = int(values["line"].nunique())
    cells = cells.drop_duplicates("cell_id").reset_index(drop=True)
    kinds = {v: variable_kind(v, g["value"][~g["dash"]]) for v, g in values.groupby("variable", sort=False)}
    values = resolve_dashes(values, kinds, report)
    weight = next((v for v in kinds if v.lower() in POPULATION_NAMES and kinds[v] == "count"), None)
    return GridTable(res, cells, values, kinds, weight, [report])


def _cells(frame: pd.DataFrame, id_col: str, res: int, report: Report) -> pd.DataFrame:
    """Valid cells per file row (index = line); bad ids and centre mismatches reported and dropped."""
    ids = frame[id_col].astype(str).str.strip()
    parsed = parse_cell_ids(ids)
    bad = (
        parsed["east"].isna()
        | (parsed["resolution"] != res)
        | (parsed["east"] % res != 0)
        | (parsed["north"] % res != 0)
    )
    for row in frame.index[bad]:
        example = f"CRS3035RES{res if res < 1000 else res // 1000}{'m' if res < 1000 else 'km'}N3275800E4350300"
        report.add(int(row), id_col, msg("grid_bad_id", id=repr(ids[row][:60]), example=example))
    suffix = id_col[10:].lower()
    lower = {c.lower(): c for c in frame.columns}
    xc = lower.get(f"x_mp_{suffix}", lower.get("x"))
    yc = lower.get(f"y_mp_{suffix}", lower.get("y"))
    x = pd.to_numeric(frame[xc].str.replace(",", ".", regex=False), errors="coerce") if xc else np.nan
    y = pd.to_numeric(frame[yc].str.replace(",", ".", regex=False), errors="coerce") if yc else np.nan
    canon = (
        "CRS3035RES"
        + parsed["size"]
        + parsed["unit"]
        + "N"
        + parsed["north"].astype("Int64").astype(str)
        + "E"
        + parsed["east"].astype("Int64").astype(str)
    )
    out = pd.DataFrame({"cell_id": canon, "east": parsed["east"], "north": parsed["north"], "x_mp": x, "y_mp": y})
    if xc and yc:
        off = np.maximum((out["x_mp"] - out["east"] - res / 2).abs(), (out["y_mp"] - out["north"] - res / 2).abs())
        wrong = ~bad & ~(off <= 1)
        for row in frame.index[wrong]:
            report.add(
                int(row),
                xc,
                msg(
                    "grid_bad_centre",
                    x=out.at[row, "x_mp"],
                    y=out.at[row, "y_mp"],
                    id=ids[row],
                    ex=f"{out.at[row, 'east'] + res / 2:.0f}",
                    ey=f"{out.at[row, 'north'] + res / 2:.0f}",
                ),
            )
        bad = bad | wrong
    return out[~bad]


def join_grids(tables: list[GridTable]) -> GridTable:
    """Join topic files of the same grid into one table (cells united, variables side by side).

    Raises
    ------
    GridError
        If the files have different cell sizes or share a variable name.
    """
    if not tables:
        raise GridError(msg("err_grid_none"))
    sizes = {t.resolution for t in tables}
    if len(sizes) > 1:
        raise GridError(msg("err_grid_sizes", sizes=sorted(sizes)))
    kinds: dict[str, str] = {}
    for t in tables:
        both = set(kinds) & set(t.kinds)
        if both:
            raise GridError(msg("err_grid_twice", file=t.reports[0].file, names=sorted(both)))
        kinds.update(t.kinds)
    cells = pd.concat([t.cells for t in tables]).drop_duplicates("cell_id").reset_index(drop=True)
    offsets = np.cumsum([0] + [len(t.reports) for t in tables])
    values = pd.concat(
        [t.values.assign(src=t.values.get("src", 0) + off) for t, off in zip(tables, offsets)], ignore_index=True
    )  # src: which file's report a line belongs to
    weight = next((t.weight for t in tables if t.weight), None)
    return GridTable(tables[0].resolution, cells, values, kinds, weight, [r for t in tables for r in t.reports])
