"""Raster zonal statistics on small synthetic GeoTIFFs (made here, not real data)."""

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import box

from geo.spatial.zonal import ZonalError, zonal_indicators, zonal_rows, zonal_stats
from indicators.wording.voice import Voice

NODATA = -9999.0
# rasterio 1.4 with affine 3 warns about its own use of "*" for matrix products
pytestmark = pytest.mark.filterwarnings("ignore:Use `@` matmul:PendingDeprecationWarning")


def write_tif(path, data, transform, crs="EPSG:25832", nodata=NODATA):
    data = np.asarray(data, dtype="float32")
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=data.shape[0],
        width=data.shape[1],
        count=1,
        dtype="float32",
        crs=crs,
        transform=transform,
        nodata=nodata,
    ) as dst:
        dst.write(data, 1)
    return path


@pytest.fixture
def tif(tmp_path):
    """Synthetic 4×2 raster, 10 m cells, top-left corner (0, 20); one NoData cell."""
    data = [[1, 2, 3, 4], [5, 6, NODATA, 8]]
    return write_tif(tmp_path / "synthetic.tif", data, from_origin(0, 20, 10, 10))


@pytest.fixture
def areas():
    """Synthetic areas: A = left half, B = right half, C far outside the raster."""
    return gpd.GeoDataFrame(
        {"code": ["A", "B", "C"], "name": ["Links", "Rechts", "Weit weg"]},
        geometry=[box(0, 0, 20, 20), box(20, 0, 40, 20), box(1000, 1000, 1100, 1100)],
        crs="EPSG:25832",
    )


def test_hand_computed_values(tif, areas):
    res = zonal_stats(tif, areas, above=4)
    s = res.stats.set_index("code")
    # A: cells 1, 2, 5, 6
    assert s.loc["A", ["mean", "sum", "min", "max", "count"]].tolist() == [3.5, 14, 1, 6, 4]
    assert s.loc["A", "share_above"] == pytest.approx(50.0)  # 5 and 6 > 4
    # B: cells 3, 4, (NoData), 8 → NoData ignored
    assert s.loc["B", ["mean", "sum", "min", "max", "count"]].tolist() == [5, 15, 3, 8, 3]
    assert s.loc["B", "share_above"] == pytest.approx(100 / 3)  # only 8 > 4
    assert s.loc["A", "note"] == "" and s.loc["B", "note"] == ""


def test_area_outside_raster_gets_nan_and_note(tif, areas):
    res = zonal_stats(tif, areas)
    c = res.stats.set_index("code").loc["C"]
    assert np.isnan(c["mean"]) and np.isnan(c["sum"])
    assert "außerhalb des Rasters" in str(c["note"])
    assert any(str(n).startswith("C Weit weg") for n in res.notes)


def test_notes_and_table_speak_the_readers_language(tif, areas):
    # the computation is language-free (notes are wording keys); the front door's voice renders them
    res = zonal_stats(tif, areas)
    english, german = Voice.of("en"), Voice.of("de")
    text = res.to_text(voice=english)
    assert "method center" in text and "Area" in text and "(outside the raster)" in text
    assert "Methode" not in text and "außerhalb" not in text
    assert "Methode center" in res.to_text(voice=german) and "(außerhalb des Rasters)" in res.to_text(voice=german)
    notes = [a["note"] for a in res.to_json_dict(voice=english)["areas"]]
    assert "outside the raster" in notes and all(isinstance(n, str) for n in notes)
    assert [english.text(n) for n in res.notes] == ["C Weit weg: outside the raster"]


def test_partly_outside_area_is_noted(tif):
    part = gpd.GeoDataFrame({"code": ["P"], "name": ["Halb"]}, geometry=[box(20, 0, 60, 20)], crs="EPSG:25832")
    s = zonal_stats(tif, part).stats.iloc[0]
    assert s["mean"] == 5 and "50\u00a0% der Fläche außerhalb" in str(s["note"])


def test_only_nodata_cells(tmp_path):
    path = write_tif(tmp_path / "nodata.tif", [[NODATA, NODATA]], from_origin(0, 10, 10, 10))
    a = gpd.GeoDataFrame({"code": ["X"], "name": ["X"]}, geometry=[box(0, 0, 20, 10)], crs="EPSG:25832")
    s = zonal_stats(path, a).stats.iloc[0]
    assert s["count"] == 0 and np.isnan(s["mean"]) and str(s["note"]) == "nur NoData-Zellen"


def test_nan_cells_without_declared_nodata_are_ignored(tmp_path):
    path = write_tif(tmp_path / "nan.tif", [[1, np.nan, 3]], from_origin(0, 10, 10, 10), nodata=None)
    a = gpd.GeoDataFrame({"code": ["X"], "name": ["X"]}, geometry=[box(0, 0, 30, 10)], crs="EPSG:25832")
    s = zonal_stats(path, a).stats.iloc[0]
    assert (s["mean"], s["count"]) == (2, 2)


def test_raster_in_other_crs_than_areas(tmp_path, luebeck):
    """Constant 7 over Lübeck in WGS84: every Stadtteil has mean = min = max = 7."""
    data = np.full((40, 50), 7.0)
    path = write_tif(tmp_path / "wgs84.tif", data, from_origin(10.45, 54.0, 0.01, 0.01), crs="EPSG:4326")
    res = zonal_stats(path, luebeck.areas, above=6)
    s = res.stats.set_index("code")
    assert res.crs == "EPSG:4326"
    assert (s["mean"] == 7).all() and (s["min"] == 7).all() and (s["max"] == 7).all()
    assert (s["share_above"] == 100).all()
    assert (s["sum"] == 7 * s["count"]).all()
    # St. Jürgen (61.6 km²) covers more 0.01° cells (~0.73 km² each) than the Innenstadt (2.3 km²)
    assert s.loc["02", "count"] > 50 > s.loc["01", "count"] > 0


def test_coverage_method_weights_partial_cells(tif):
    # half of cell (0,0)=1 and half of cell (0,1)=2 along the top row: weighted mean 1.5, sum 0.5*1 + 0.5*2
    a = gpd.GeoDataFrame({"code": ["H"], "name": ["Halbzellen"]}, geometry=[box(5, 10, 15, 20)], crs="EPSG:25832")
    s = zonal_stats(tif, a, above=1, method="coverage").stats.iloc[0]
    assert s["mean"] == pytest.approx(1.5)
    assert s["sum"] == pytest.approx(1.5)
    assert s["count"] == pytest.approx(1.0)
    assert s["share_above"] == pytest.approx(50.0)
    res_full = zonal_stats(
        tif,
        gpd.GeoDataFrame({"code": ["A"], "name": ["A"]}, geometry=[box(0, 0, 20, 20)], crs="EPSG:25832"),
        above=4,
        method="coverage",
    )
    assert res_full.stats.iloc[0]["mean"] == pytest.approx(3.5)


def test_indicator_rows_and_catalogue(tif, areas):
    res = zonal_stats(tif, areas, above=4)
    rows = zonal_rows(res, prefix="hitze", year=2024)
    assert set(rows["indicator"]) == {f"hitze_{s}" for s in ("mean", "sum", "min", "max", "count", "share_above")}
    assert list(rows.columns) == ["area_code", "year", "indicator", "value", "numerator", "denominator", "note"]
    v = rows.set_index(["area_code", "indicator"])["value"]
    assert v[("A", "hitze_mean")] == 3.5 and np.isnan(v[("C", "hitze_mean")])
    cat = zonal_indicators(res, prefix="hitze", label="Hitze", unit="°C")
    assert cat["hitze_share_above"].label_de == "Hitze: Anteil Zellen über 4" and cat["hitze_mean"].unit == "°C"
    # English pages name the statistics in English (they once read "Zellen" and German definitions)
    en = Voice.of("en")
    assert cat["hitze_share_above"].label(voice=en) == "Hitze: share of cells above 4"
    assert cat["hitze_count"].unit_for(voice=en) == "cells" and cat["hitze_count"].unit == "Zellen"
    assert cat["hitze_mean"].definition_en.startswith("mean of the raster cells per area (cell centre)")
    assert cat["hitze_mean"].definition_de.startswith("Mittelwert der Rasterzellen je Gebiet (Zellmittelpunkt)")
    half = zonal_indicators(zonal_stats(tif, areas, above=2.5), prefix="h", label="Hitze")
    assert half["h_share_above"].label_de.endswith("über 2,5") and half["h_share_above"].label_en.endswith("above 2.5")
    no_thr = zonal_rows(zonal_stats(tif, areas))
    assert "raster_share_above" not in set(no_thr["indicator"])


def test_bad_rasters_are_explained(tmp_path, areas):
    bad = tmp_path / "kaputt.tif"
    bad.write_bytes(b"not a tiff")
    with pytest.raises(ZonalError, match="kaputt.tif"):
        zonal_stats(bad, areas)
    nocrs = tmp_path / "nocrs.tif"
    with rasterio.open(
        nocrs, "w", driver="GTiff", height=1, width=1, count=1, dtype="float32", transform=from_origin(0, 1, 1, 1)
    ) as dst:
        dst.write(np.ones((1, 1), "float32"), 1)
    with pytest.raises(ZonalError, match="CRS"):
        zonal_stats(nocrs, areas)
    with pytest.raises(ZonalError, match="Band 2"):
        zonal_stats(write_tif(tmp_path / "ok.tif", [[1]], from_origin(0, 1, 1, 1)), areas, band=2)


def test_catalogue_entries_without_threshold(tmp_path):
    """Regression: labels were formatted with ``above=None`` and raised TypeError."""
    import geopandas as gpd
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from shapely.geometry import box

    from geo.spatial.zonal import zonal_indicators, zonal_stats

    path = tmp_path / "r.tif"
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=2,
        width=2,
        count=1,
        dtype="float32",
        crs="EPSG:25832",
        transform=from_origin(0, 20, 10, 10),
    ) as dst:
        dst.write(np.ones((2, 2), dtype="float32"), 1)  # synthetic
    areas = gpd.GeoDataFrame({"code": ["01"], "name": ["A"]}, geometry=[box(0, 0, 20, 20)], crs=25832)
    cat = zonal_indicators(zonal_stats(path, areas), "raster", label="r.tif")
    assert "raster_share_above" not in cat and cat["raster_mean"].label_de.startswith("r.tif")
