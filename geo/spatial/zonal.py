"""Raster zonal statistics per area (e.g. a heat map per Stadtteil).

The raster stays in its own CRS (no resampling); the area polygons are
projected to it. Two ways to decide which cells belong to an area:

``center`` (default, rasterio)
    a cell belongs to the area if its centre lies inside;
``coverage`` (exactextract)
    every cell counts with the fraction of it covered by the area.

Per area: mean, sum, min, max, number of valid cells and the share (%) of
valid cells above a value. NoData cells (and NaN) are ignored. Areas outside
the raster get NaN and a note. :func:`zonal_rows` turns the result into
indicator rows (``area_code, indicator, value, …``) for mapping and export.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import rasterio.features
import rasterio.windows
import shapely

from geo.safe_open import GDAL_CONFIG, UnsafeFileError, check_raster
from geo.uploads.check_cache import checked
from indicators.catalogue import Indicator
from indicators.errors import InputError, error_message, msg
from indicators.formatting import json_records
from indicators.wording.message import Message, Number, Percent
from indicators.wording.voice import GERMAN, Voice
from store.permissions import User, require

ENV_MAX_PIXELS = "SOZIALMONITOR_MAX_RASTER_PIXELS"
DEFAULT_MAX_PIXELS = 25_000_000
STATS = ("mean", "sum", "min", "max", "count", "share_above")


class ZonalError(InputError):
    """The raster cannot be used (a wording key naming the file)."""


@dataclass
class ZonalResult:
    """Statistics per area: ``stats`` has ``code, name`` + :data:`STATS` + ``note``."""

    raster: str
    crs: str
    stats: pd.DataFrame
    above: float | None = None
    method: str = "center"
    notes: list[Message] = field(default_factory=list)  # per area; ``stats["note"]`` holds the same Messages

    def to_json_dict(self, *, voice: Voice = GERMAN) -> dict[str, Any]:
        """Raster, method, threshold and the statistics per area, notes in ``voice``'s language."""
        areas = self.stats.assign(note=[voice.text(n) for n in self.stats["note"]])
        return {
            "raster": self.raster,
            "crs": self.crs,
            "method": self.method,
            "above": self.above,
            "areas": json_records(areas),
        }

    def to_text(self, *, voice: Voice = GERMAN) -> str:
        """Plain-text table for the command line, in ``voice``'s language and number format."""
        f, c = voice.number, voice.t
        lines = [c("zonal_head", raster=self.raster, crs=self.crs, method=self.method)]
        head = (
            f"{c('zonal_col_area'):<22} {c('zonal_col_mean'):>10} {c('zonal_col_sum'):>12} {'Min':>8} {'Max':>8} "
            f"{c('zonal_col_cells'):>8}"
        )
        lines.append(head + (f" {'> ' + f(self.above, 1):>8} %" if self.above is not None else ""))
        for r in self.stats.itertuples():
            line = (
                f"{r.code} {r.name[:19]:<19} {f(r.mean, 2):>10} {f(r.sum, 1):>12} "
                f"{f(r.min, 1):>8} {f(r.max, 1):>8} {f(r.count, 0):>8}"
            )
            if self.above is not None:
                line += f" {f(r.share_above, 1):>10}"
            lines.append(line + (f"  ({voice.text(r.note)})" if r.note else ""))
        return "\n".join(lines)


def max_pixels() -> int:
    """Cells read per area at most (env ``SOZIALMONITOR_MAX_RASTER_PIXELS``, default 25 million)."""
    try:
        return max(1, int(float(os.environ.get(ENV_MAX_PIXELS, DEFAULT_MAX_PIXELS))))
    except ValueError:
        return DEFAULT_MAX_PIXELS


def _open(path: str | Path) -> rasterio.DatasetReader:
    """Open a GeoTIFF with the GTiff driver only, checked by its leading bytes, GDAL fenced in."""
    name = Path(path).name
    try:
        check_raster(path, name)
    except UnsafeFileError as exc:
        raise ZonalError(error_message(exc)) from None
    except OSError:
        raise ZonalError(msg("err_file_unreadable", name=name)) from None
    try:
        with rasterio.Env(**GDAL_CONFIG):
            src = rasterio.open(path, driver="GTiff")
    except rasterio.errors.RasterioIOError as exc:
        detail = str(exc).splitlines()[0][:200].replace(str(Path(path).parent), "").lstrip("/")
        raise ZonalError(msg("err_raster_unreadable", name=name, detail=detail)) from None
    if src.driver != "GTiff":
        src.close()
        raise ZonalError(msg("err_raster_not_gtiff", name=name))
    if src.crs is None:
        src.close()
        raise ZonalError(msg("err_raster_no_crs", name=name))
    bh, bw = src.block_shapes[0] if src.count else (0, 0)
    if bh * bw > max_pixels():  # GDAL decodes a block whole, however small the window: a decompression bomb
        src.close()
        raise ZonalError(msg("err_raster_blocks", name=name, cells=Number(bh * bw, 0), cap=Number(max_pixels(), 0)))
    return src


def _center_stats(src, geom, band: int, above: float | None) -> tuple[dict[str, Any], Message | str]:
    """Statistics of the cells whose centre lies in ``geom`` (raster CRS)."""
    bounds = shapely.box(*src.bounds)
    if not geom.intersects(bounds):
        return {}, msg("zonal_outside")
    win = rasterio.features.geometry_window(src, [geom]).intersection(
        rasterio.windows.Window(0, 0, src.width, src.height)
    )
    data, transform = _read_window(src, band, win)
    inside = rasterio.features.geometry_mask(
        [geom], out_shape=data.shape, transform=transform, invert=True, all_touched=False
    )
    if inside.sum() == 0:
        return {}, msg("zonal_no_centre")
    vals = np.ma.filled(data.astype(float), np.nan)[inside]
    vals = vals[np.isfinite(vals)]
    if vals.size == 0:
        return {"count": 0}, msg("zonal_nodata")
    out = {"mean": vals.mean(), "sum": vals.sum(), "min": vals.min(), "max": vals.max(), "count": int(vals.size)}
    if above is not None:
        out["share_above"] = 100.0 * (vals > above).sum() / vals.size
    return out, ""


def _read_window(src, band: int, win) -> tuple[np.ma.MaskedArray, object]:
    """Read a window, from an overview if it has more cells than :func:`max_pixels`.

    Raises
    ------
    ZonalError
        Too many cells and no overview in the file: refused instead of
        reading gigabytes.
    """
    cap = max_pixels()
    cells = int(win.width) * int(win.height)
    if cells <= cap:
        return src.read(band, window=win, masked=True), src.window_transform(win)
    factors = src.overviews(band)
    if not factors or cells / max(factors) ** 2 > cap:
        raise ZonalError(msg("err_raster_window", name=Path(src.name).name, cells=Number(cells, 0), cap=Number(cap, 0)))
    scale = (cells / cap) ** 0.5
    shape = (max(1, int(win.height / scale)), max(1, int(win.width / scale)))
    data = src.read(band, window=win, masked=True, out_shape=shape)
    transform = src.window_transform(win) * rasterio.Affine.scale(win.width / shape[1], win.height / shape[0])
    return data, transform


def _coverage_stats(src, geoms: gpd.GeoDataFrame, band: int, above: float | None) -> pd.DataFrame:
    """Coverage-weighted statistics with exactextract (fraction of each cell inside)."""
    from exactextract import exact_extract
    from exactextract.raster import NumPyRasterSource

    if src.width * src.height > max_pixels():
        raise ZonalError(
            msg(
                "err_raster_coverage",
                name=Path(src.name).name,
                cells=Number(src.width * src.height, 0),
                cap=Number(max_pixels(), 0),
            )
        )

    data = src.read(band, masked=True)
    arr = data.filled(np.nan).astype(float)
    b = src.bounds
    wkt = src.crs.to_wkt()
    vals = NumPyRasterSource(arr, b.left, b.bottom, b.right, b.top, nodata=np.nan, srs_wkt=wkt)
    ops = ["mean", "sum", "min", "max", "count"]
    out = exact_extract(vals, geoms, ops, output="pandas")
    if above is not None:
        flag = np.where(np.isnan(arr), np.nan, (arr > above).astype(float))
        src_flag = NumPyRasterSource(flag, b.left, b.bottom, b.right, b.top, nodata=np.nan, srs_wkt=wkt)
        out["share_above"] = 100.0 * exact_extract(src_flag, geoms, ["mean"], output="pandas")["mean"]
    return out


def zonal_stats(
    raster: str | Path,
    areas: gpd.GeoDataFrame,
    above: float | None = None,
    band: int = 1,
    method: str = "center",
    *,
    user: User | None = None,
) -> ZonalResult:
    """Mean, sum, min, max, valid-cell count and share above ``above`` per area.

    The raster is read in the limited child of :mod:`geo.uploads.sandbox`
    (memory, CPU and wall-clock limits), once per file content
    (:func:`geo.uploads.check_cache.checked`): a hostile file costs a German
    message, not the server.

    Parameters
    ----------
    raster
        GeoTIFF (or any GDAL raster) in any CRS.
    areas
        Polygons with ``code`` and ``name`` (any CRS).
    above
        Threshold for ``share_above`` (percent of valid cells with value > above).
    band
        Band number (1-based).
    method
        "center" (cell centres, rasterio) or "coverage" (cell fractions, exactextract).
    user
        The acting user of the app; an anonymous visitor may not have a file
        opened (action ``check_file``). None: the command line's local user.

    Raises
    ------
    ZonalError
        Unreadable raster, no CRS, a band that does not exist, or more cells
        than allowed.
    geo.uploads.sandbox.UploadLimitError
        The check needed more memory or time than allowed.
    """
    if user is not None:
        require(user, "check_file", what=Path(raster).name)
    if method not in ("center", "coverage"):
        raise ZonalError(msg("err_zonal_unknown_method", method=method))
    return checked(_zonal_stats, Path(raster), areas, above, band, method, file_label=Path(raster).name)


def _zonal_stats(raster: Path, areas: gpd.GeoDataFrame, above: float | None, band: int, method: str) -> ZonalResult:
    """:func:`zonal_stats` in this process (the sandboxed child)."""
    if method not in ("center", "coverage"):
        raise ZonalError(msg("err_zonal_unknown_method", method=method))
    name = Path(raster).name
    with rasterio.Env(**GDAL_CONFIG), _open(raster) as src:
        if not 1 <= band <= src.count:
            raise ZonalError(msg("err_raster_band", name=name, band=band, count=src.count))
        geoms = areas.to_crs(src.crs)
        rows = []
        bounds = shapely.box(*src.bounds)
        if method == "coverage":
            cov = _coverage_stats(src, geoms[["geometry"]], band, above)
        for i, (code, nm, geom) in enumerate(zip(geoms["code"], geoms["name"], geoms.geometry)):
            if method == "center":
                stats, note = _center_stats(src, geom, band, above)
            elif not geom.intersects(bounds):
                stats, note = {}, msg("zonal_outside")
            elif not cov["count"].iloc[i] > 0:
                stats, note = {"count": 0}, msg("zonal_nodata")
            else:
                stats, note = cov.iloc[i].to_dict(), ""
            outside = 1 - geom.intersection(bounds).area / geom.area if geom.area else 0
            if stats and outside > 0.01:
                note = msg("zonal_part_outside", share=Percent(100 * outside))
            rows.append({"code": code, "name": nm, **{s: stats.get(s, np.nan) for s in STATS}, "note": note})
        crs = src.crs.to_string()
    stats_df = pd.DataFrame(rows)
    if above is None:
        stats_df["share_above"] = np.nan
    notes = [msg("zonal_area_note", code=r.code, name=r.name, note=r.note) for r in stats_df.itertuples() if r.note]
    return ZonalResult(name, crs, stats_df, above, method, notes)


def zonal_rows(
    result: ZonalResult, prefix: str = "raster", year: int | None = None, *, voice: Voice = GERMAN
) -> pd.DataFrame:
    """Indicator rows ``area_code, year, indicator, value, numerator, denominator, note``.

    Indicator ids are ``{prefix}_{stat}``; ``share_above`` is left out when no
    threshold was given.
    """
    stats = [s for s in STATS if s != "share_above" or result.above is not None]
    long = result.stats.melt(id_vars=["code", "note"], value_vars=stats, var_name="stat", value_name="value")
    return pd.DataFrame(
        {
            "area_code": long["code"],
            "year": year,
            "indicator": prefix + "_" + long["stat"],
            "value": long["value"].astype(float),
            "numerator": np.nan,
            "denominator": np.nan,
            "note": [voice.text(n) for n in long["note"]],
        }
    )


def _stat_words(result: ZonalResult, stat: str, label: str, unit: str, *, voice: Voice) -> tuple[str, str, str]:
    """Label, unit and definition of one statistic's catalogue entry in ``voice``'s language."""
    above = "" if result.above is None else f"{result.above:g}"
    name = voice.t(f"zonal_stat_{stat}", above=above.replace(".", ",") if voice.lang == "de" else above)
    unit = "%" if stat == "share_above" else (voice.t("zonal_unit_cells") if stat == "count" else unit)
    how = voice.t(f"zonal_how_{result.method}")
    return (
        voice.t("zonal_indicator", label=label, stat=name),
        unit,
        voice.t("zonal_definition", stat=name, how=how, raster=result.raster, crs=result.crs),
    )


def zonal_indicators(
    result: ZonalResult, prefix: str = "raster", label: str | None = None, unit: str = ""
) -> dict[str, Indicator]:
    """Catalogue entries for :func:`zonal_rows`, so the values map like any indicator (German and English)."""
    out = {}
    for s in STATS:
        if s == "share_above" and result.above is None:
            continue
        de = _stat_words(result, s, label or result.raster, unit, voice=GERMAN)
        en = _stat_words(result, s, label or result.raster, unit, voice=Voice.of("en"))
        out[f"{prefix}_{s}"] = Indicator(
            id=f"{prefix}_{s}",
            label_de=de[0],
            label_en=en[0],
            kind="value",
            unit=de[1],
            unit_en=en[1],
            source=result.raster,
            definition_de=de[2],
            definition_en=en[2],
        )
    return out
