"""GeoPackage download of the joined geography (areas with indicator values)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.exports.safety import safe_frame
from geo.exports.tables import export_frame, metadata_rows
from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice


def export_layer(ds: Dataset, indicators: str | Sequence[str], year: int, *, voice: Voice = GERMAN) -> gpd.GeoDataFrame:
    """Area polygons (EPSG:25832) with the export rows of :func:`geo.exports.tables.export_frame`.

    Long format: one feature per area and indicator; the city row is left out
    (it has no polygon of its own here).
    """
    rows = export_frame(ds, indicators, year, city=False, voice=voice)
    geom = ds.areas[["code", "geometry"]]
    out = geom.merge(rows, on="code", how="inner")
    out["rank"] = out["rank"].astype("Float64").astype(float)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=ds.areas.crs)


def geopackage_bytes(
    ds: Dataset,
    indicators: str | Sequence[str],
    year: int,
    *,
    voice: Voice = GERMAN,
    created: date | None = None,
) -> bytes:
    """A GeoPackage with a polygon layer of the values and a ``metadaten`` table.

    The layer is named ``<indicator>_<year>`` for one indicator, else
    ``indikatoren_<year>``. Written through a temporary file because GDAL's
    GeoPackage driver needs a seekable file on disk.
    """
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    layer = export_layer(ds, ids, year, voice=voice)
    layer = gpd.GeoDataFrame(safe_frame(layer.drop(columns="geometry")), geometry=layer.geometry, crs=layer.crs)
    name = f"{ids[0]}_{year}" if len(ids) == 1 else f"indikatoren_{year}"
    meta = pd.DataFrame(metadata_rows(ds, ids, year, voice=voice, created=created), columns=["feld", "inhalt"])
    meta = safe_frame(meta[meta["feld"] != ""])
    with tempfile.TemporaryDirectory(prefix="sozialmonitor_gpkg_") as tmp:
        path = Path(tmp) / "export.gpkg"
        pyogrio.write_dataframe(layer, path, layer=name, driver="GPKG")
        pyogrio.write_dataframe(meta, path, layer="metadaten", driver="GPKG", append=False)
        return path.read_bytes()
