"""Grids as geographies: read, import, save and aggregate (``cli.py grid`` in :mod:`commands` calls these).

Kept light at import time (the numeric stack is imported inside the functions),
so ``cli.py`` can register the command without slowing every other command.
A grid is saved through :class:`geo.uploads.datastore.DataStore` as a geography
whose areas are the cells; its catalogue marks counts (``count``), published
means and shares (``value``) and the cell population used to weight them
(``grid_weight: true``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

if TYPE_CHECKING:  # the numeric stack only for the type checker: imported inside the functions
    import geopandas as gpd

    from indicators.catalogue import Indicator, Source
    from indicators.ingest.grid import GridTable

SOURCE_ID = "zensus-gitter"
ATTRIBUTION = "© Statistische Ämter des Bundes und der Länder, Zensus, dl-de/by-2-0"


class GridCommandError(InputError):
    """Wrong use of ``cli.py grid`` (a wording key)."""


def grid_year(files: list[str], year: int | None = None) -> int:
    """``year``, else the one year in the file names, else 2022."""
    if year is not None:
        return int(year)
    found = {int(m) for f in files for m in re.findall(r"(20[0-4]\d)", str(f))}
    return found.pop() if len(found) == 1 else 2022


def grid_catalogue(grid: GridTable, year: int) -> tuple[dict[str, Indicator], dict[str, Source]]:
    """Catalogue and sources of a grid geography (counts, published means/shares, weight)."""
    from indicators.catalogue import Indicator, Source

    src = {
        SOURCE_ID: Source(
            SOURCE_ID,
            f"Zensus {year}, Gitterzellen",
            "dl-de/by-2-0",
            "https://www.govdata.de/dl-de/by-2-0",
            "https://www.zensus2022.de",
            "Gitterzellen nach INSPIRE (EPSG:3035).",
            "INSPIRE grid cells (EPSG:3035).",
        )
    }
    cat: dict[str, Indicator] = {}
    for var, kind in grid.kinds.items():
        extra = {"grid_weight": True} if var == grid.weight else {}
        cat[var] = Indicator(
            var,
            var,
            var,
            "count" if kind == "count" else "value",
            "",
            topic="Zensus-Gitter",
            source=SOURCE_ID,
            licence="dl-de/by-2-0",
            reference_date=str(year),
            extra=extra,
        )
    return cat, src


def grid_tidy(grid, year: int):
    """Tidy table (known values only) of a grid: ``area_code, year, variable, value``."""
    v = grid.values.dropna(subset=["value"])
    return v.rename(columns={"cell_id": "area_code"}).assign(year=year)[["area_code", "year", "variable", "value"]]


def prepare_grid(
    sources: Sequence[str | Path | bytes], names: Sequence[str | None] | None = None
) -> tuple[GridTable, gpd.GeoDataFrame]:
    """Read and join grid files (paths or bytes) and keep the cells touching the city.

    Returns ``(grid, squares)``; the grid's reports list every row. The one reading path of
    ``cli.py grid import`` and the upload page (which runs it in the upload sandbox).

    Raises
    ------
    GridError, GridCommandError
        A file cannot be read, or no cell touches the city (German message).
    """
    from geo.geographies import get_geography, load_outline
    from geo.grid.cells import clip_to_city
    from indicators.ingest.grid import join_grids, read_grid

    names = names or [None] * len(sources)
    grid = join_grids([read_grid(src, name) for src, name in zip(sources, names)])
    grid, squares = clip_to_city(grid, load_outline(get_geography("stadtteile")).union_all())
    if not len(squares):
        label = ", ".join(n or str(s) for s, n in zip(sources, names) if isinstance(s, str) or n)
        raise GridCommandError(msg("err_grid_no_cell", name=label or msg("err_grid_file")))
    return grid, squares


def save_grid(grid, squares, name: str, year: int, files: list[str], store=None, *, voice: Voice = GERMAN):
    """Save a prepared grid as a geography (cells as areas); return (geography, report text in ``voice``'s
    language)."""
    from geo.uploads.datastore import DataStore, SaveRequest

    cat, src = grid_catalogue(grid, year)
    size = f"{grid.resolution} m" if grid.resolution < 1000 else f"{grid.resolution // 1000} km"
    geo = (store or DataStore()).save(
        SaveRequest(
            name=name,
            label_de=GERMAN.t("grid_geo_label", size=size, name=name),
            label_en=Voice.of("en").t("grid_geo_label", size=size, name=name),
            areas=squares[["code", "name", "geometry"]],
            table=grid_tidy(grid, year),
            catalogue=cat,
            sources=src,
            reference_code=None,
            attribution=ATTRIBUTION,
            overwrite=True,
            meta={"grid_resolution": grid.resolution, "files": list(files)},
        )
    )
    lines = [r.to_text(voice=voice) for r in grid.reports]
    lines.append(voice.t("grid_import_saved", cells=len(squares), variables=len(cat), id=geo.id))
    return geo, "\n".join(lines)


def import_grid(
    files: list[str], name: str | None = None, year: int | None = None, store=None, *, voice: Voice = GERMAN
):
    """Read, join, clip to the city and save grid files; return (geography, report text in ``voice``'s language)."""
    from pathlib import Path

    grid, squares = prepare_grid([str(f) for f in files])
    return save_grid(
        grid,
        squares,
        name or Path(files[0]).stem,
        grid_year(files, year),
        [Path(f).name for f in files],
        store,
        voice=voice,
    )


def grid_from_geography(geo, year: int | None = None):
    """The GridTable of a saved or shipped grid geography (cells from the ids of its areas)."""
    import pandas as pd

    from indicators.catalogue import load_catalogue
    from indicators.ingest.grid import GridTable, parse_cell_ids
    from indicators.ingest.read import read_table

    raw, _ = read_table(geo.table)
    t = raw.frame
    t["year"] = pd.to_numeric(t["year"], errors="coerce")
    years = sorted(int(y) for y in t["year"].dropna().unique())
    if not years:
        raise GridCommandError(msg("err_grid_no_values_geo", id=geo.id))
    year = years[-1] if year is None else int(year)
    if year not in years:
        raise GridCommandError(msg("err_grid_no_year", id=geo.id, year=year, years=years))
    t = t[t["year"] == year]
    cat = load_catalogue(geo.catalogue)
    ids = pd.Series(sorted(t["area_code"].unique()))
    p = parse_cell_ids(ids)
    if p["east"].isna().any():
        raise GridCommandError(msg("err_not_a_grid", id=geo.id))
    cells = pd.DataFrame(
        {"cell_id": ids, "east": p["east"], "north": p["north"], "x_mp": float("nan"), "y_mp": float("nan")}
    )
    values = pd.DataFrame(
        {
            "cell_id": t["area_code"],
            "variable": t["variable"],
            "value": pd.to_numeric(t["value"], errors="coerce"),
            "line": 0,
        }
    )
    kinds = {
        v: ("count" if cat.get(v) is None or cat[v].kind == "count" else "mean")
        for v in dict.fromkeys(values["variable"])
    }
    weight = next((i.id for i in cat.values() if i.extra.get("grid_weight") and i.id in kinds), None)
    from indicators.ingest.report import Report

    return GridTable(int(p["resolution"].iloc[0]), cells, values, kinds, weight, [Report(geo.id)]), year


def aggregate_saved(grid_name: str, to: str, year: int | None = None, store=None, addresses=None):
    """Aggregate a grid geography to the districts of geography ``to``."""
    from geo.geographies import get_geography, load_areas, load_outline
    from geo.grid.aggregate import aggregate_grid
    from geo.grid.cells import clip_to_city
    from geo.uploads.datastore import DataStore, safe_name
    from store.errors import StoreError

    geos = (store or DataStore()).geographies()
    with contextlib.suppress(StoreError):  # "test-gitter" was saved as "test_gitter"
        grid_name = grid_name if grid_name in geos else safe_name(grid_name)
    for gid in (grid_name, to):
        if gid not in geos:
            raise GridCommandError(msg("err_unknown_geography", id=gid, known=list(geos)))
    grid, year = grid_from_geography(geos[grid_name], year)
    grid, squares = clip_to_city(grid, load_outline(get_geography("stadtteile")).union_all())
    return aggregate_grid(grid, squares, load_areas(geos[to]), names=(grid_name, to), year=year, addresses=addresses)
