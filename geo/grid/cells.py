"""Cell squares from INSPIRE ids, kept where they touch the city outline.

The id names the lower-left corner in EPSG:3035 (``CRS3035RES100mN3275800E4350300``:
north 3,275,800 m, east 4,350,300 m, 100 m wide). Squares are built in EPSG:3035
and reprojected to the project's metric CRS (EPSG:25832).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import METRIC_CRS
from indicators.errors import msg
from indicators.ingest.grid import GridTable

GRID_CRS = "EPSG:3035"


def cell_squares(grid: GridTable, only: np.ndarray | None = None) -> gpd.GeoDataFrame:
    """``code`` (cell id), ``name``, geometry: one square per cell (or per cell where ``only``), in EPSG:25832."""
    c = grid.cells if only is None else grid.cells[only]
    e, n, r = c["east"].to_numpy(float), c["north"].to_numpy(float), float(grid.resolution)
    geoms = shapely.box(e, n, e + r, n + r)
    gdf = gpd.GeoDataFrame(
        {"code": c["cell_id"].to_numpy(), "name": _names(c, grid.resolution)}, geometry=geoms, crs=GRID_CRS
    )
    return gdf.to_crs(METRIC_CRS)


def _names(cells, res: int) -> np.ndarray:
    size = f"{res} m" if res < 1000 else f"{res // 1000} km"
    names: np.ndarray = (
        "Zelle "
        + size
        + " N"
        + (cells["north"].astype("int64") // 100).astype(str)
        + " E"
        + (cells["east"].astype("int64") // 100).astype(str)
    ).to_numpy()
    return names


def clip_to_city(grid: GridTable, outline: shapely.Geometry) -> tuple[GridTable, gpd.GeoDataFrame]:
    """The grid and its squares reduced to the cells touching ``outline`` (EPSG:25832).

    The squares get ``share_in_city``, the share of each cell's surface inside the outline.

    The file lines of the other cells are listed in the grid's report.
    """
    squares = cell_squares(grid, _near(grid, outline))
    shapely.prepare(outline)
    touch = shapely.intersects(outline, squares.geometry.values)
    kept = grid.keep_cells(set(squares.loc[touch, "code"]), msg("grid_outside_city"))
    squares = squares[touch].reset_index(drop=True)
    geoms = squares.geometry.values
    inside = shapely.contains(outline, geoms)
    share = np.ones(len(squares))
    part = ~inside
    share[part] = shapely.area(shapely.intersection(geoms[part], outline)) / shapely.area(geoms[part])
    squares["share_in_city"] = share
    return kept, squares


def _near(grid: GridTable, outline: shapely.Geometry) -> np.ndarray:
    """Cells within one cell size of the outline, tested in EPSG:3035 before any reprojection.

    A superset of the cells touching the city (the exact test follows in EPSG:25832), so
    a 100,000-cell file reprojects only the few thousand squares near the city.
    """
    from pyproj import Transformer

    to_grid = Transformer.from_crs(METRIC_CRS, GRID_CRS, always_xy=True)
    near = shapely.transform(outline, lambda xy: np.column_stack(to_grid.transform(xy[:, 0], xy[:, 1])))
    near = near.buffer(float(grid.resolution))
    shapely.prepare(near)
    e, n, r = grid.cells["east"].to_numpy(float), grid.cells["north"].to_numpy(float), float(grid.resolution)
    touching: np.ndarray = shapely.intersects(near, shapely.box(e, n, e + r, n + r))
    return touching
