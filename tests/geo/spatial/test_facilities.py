"""Facility points and per-area facility indicators (synthetic facilities, made here)."""

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geo.spatial.facilities import FacilityRows, facility_catalogue, facility_indicators, read_facilities


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_with_german_excel_dialect_and_bad_rows(tmp_path, luebeck):
    path = _write(
        tmp_path / "kitas.csv",
        "Name;Breite;Länge\nKita Rathaus;53,8677;10,686\nKita Nord;53,88;10,70\n"
        "Kaputt;abc;10,7\nLeer;;10,7\nVertauscht;10,69;53,87\nBerlin;52,5;13,4\n",
        "cp1252",
    )
    pts, rep = read_facilities(path, areas=luebeck.areas)
    assert rep.ok and rep.rows_in == 6 and rep.rows_used == 4
    assert list(pts["row"]) == [2, 3, 6, 7]
    assert list(pts["name"]) == ["Kita Rathaus", "Kita Nord", "Vertauscht", "Berlin"]
    text = rep.to_text()
    assert "Zeile 4, Spalte 'Breite': keine Zahl: 'abc'" in text
    assert "Zeile 5, Spalte 'Breite': Koordinate fehlt" in text
    assert "Zeile 6" in text and "vertauscht" in text
    assert "Zeile 7" in text and "außerhalb aller Gebiete" in text
    assert rep.dropped_rows == {4, 5}
    assert pts.crs.to_epsg() == 25832
    assert pts.geometry.iloc[0].distance(Point(610857, 5970120)) < 50


def test_csv_with_utm_coordinates(tmp_path):
    path = _write(tmp_path / "b.csv", "bezeichnung,x,y\nA,610863.2,5970123.0\nB,10.68,53.86\n")
    pts, rep = read_facilities(path)
    assert len(pts) == 1 and pts.geometry.iloc[0].x == pytest.approx(610863.2)
    assert "keine plausible EPSG:25832-Koordinate" in rep.to_text()


def test_csv_without_coordinates_is_rejected(tmp_path):
    pts, rep = read_facilities(_write(tmp_path / "c.csv", "name,strasse\nA,Breite Straße 62\n"))
    assert pts is None and not rep.ok
    assert "keine Koordinatenspalten" in rep.to_text()


def test_geojson_points_and_polygons(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"name": ["P", "Fläche", "Leer"]},
        geometry=[Point(10.686, 53.8677), box(10.69, 53.87, 10.691, 53.871), None],
        crs=4326,
    )
    gdf.to_file(tmp_path / "f.geojson")
    pts, rep = read_facilities(tmp_path / "f.geojson")
    assert list(pts["name"]) == ["P", "Fläche"]
    assert (pts.geometry.geom_type == "Point").all()
    assert "innerer Punkt verwendet" in rep.to_text() and "leere Geometrie" in rep.to_text()
    assert rep.rows_in == 3 and rep.rows_used == 2


def test_geojson_without_crs_is_rejected(tmp_path):
    path = _write(tmp_path / "n.geojson", '{"type":"FeatureCollection","crs":null,"features":[]}')
    pts, rep = read_facilities(path)
    assert pts is None and not rep.ok


def test_hand_computed_indicators_on_synthetic_areas():
    """Synthetic: two 1 km squares; 2 facilities in A, none in B; 4 addresses each."""
    areas = gpd.GeoDataFrame(
        {"code": ["A", "B"], "name": ["A", "B"]}, geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], crs=25832
    )
    fac = gpd.GeoDataFrame({"name": ["f1", "f2"]}, geometry=[Point(100, 500), Point(900, 500)], crs=25832)
    addr = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy([100, 400, 500, 900, 1100, 1300, 1500, 1900], [500] * 8), crs=25832
    )
    pop = pd.Series({"A": 400.0, "B": 2000.0})
    rows = facility_indicators(
        fac, areas, pop, radius_m=200, addresses=addr, rows=FacilityRows(prefix="kita", group="pop_under18")
    )
    v = rows.set_index(["area_code", "indicator"])
    assert v.loc[("A", "kita_count"), "value"] == 2 and v.loc[("B", "kita_count"), "value"] == 0
    assert v.loc[("A", "kita_per_1000_pop_under18"), "value"] == pytest.approx(5.0)
    # within 200 m of a facility: A: 100, 900 (400 and 500 are 300/400 m away); B: 1100 (200 m from 900)
    assert v.loc[("A", "kita_coverage_200m"), "value"] == pytest.approx(50.0)
    assert v.loc[("B", "kita_coverage_200m"), ["numerator", "denominator"]].tolist() == [1, 4]
    city = v.loc[("00", "kita_coverage_200m")]
    assert (city["numerator"], city["denominator"], city["value"]) == (3, 8, 37.5)
    assert v.loc[("00", "kita_per_1000_pop_under18"), "value"] == pytest.approx(2 / 2400 * 1000)
    assert list(rows.columns) == ["area_code", "year", "indicator", "value", "numerator", "denominator"]
    assert set(rows["indicator"]) == set(facility_catalogue("kita", group="pop_under18", radius_m=200))


def test_without_population_the_rate_is_left_out():
    areas = gpd.GeoDataFrame({"code": ["A"], "name": ["A"]}, geometry=[box(0, 0, 10, 10)], crs=25832)
    fac = gpd.GeoDataFrame(geometry=[Point(5, 5)], crs=25832)
    addr = gpd.GeoDataFrame(geometry=[Point(1, 1)], crs=25832)
    rows = facility_indicators(fac, areas, None, 100, addresses=addr, rows=FacilityRows(reference_code=None))
    assert set(rows["indicator"]) == {"facilities_count", "facilities_coverage_100m"}
    assert "00" not in set(rows["area_code"])


def test_dataset_facility_rows_set_facilities_against_a_group_of_the_dataset(luebeck):
    from geo.spatial.facilities import dataset_facility_rows, population_groups

    groups = population_groups(luebeck)
    assert groups and all(luebeck.catalogue[g].kind == "count" and g.startswith("pop") for g in groups)
    group, year = groups[0], luebeck.years_for(groups[0])[-1]
    centre = luebeck.areas.geometry.representative_point()
    fac = gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=list(centre.iloc[:2]), crs=luebeck.areas.crs)
    rows = dataset_facility_rows(luebeck, fac, group=group, year=year, radius_m=300)
    per_1000 = rows[rows["indicator"].str.contains("per_1000")].set_index("area_code")
    pop = luebeck.values[(luebeck.values["indicator"] == group) & (luebeck.values["year"] == year)]
    pop = pop.set_index("area_code")["value"]
    first = luebeck.areas["code"].iloc[0]
    assert per_1000.loc[first, "denominator"] == pop[first]
    assert per_1000.loc[first, "value"] == pytest.approx(1000 / pop[first])
    assert luebeck.geography.reference_code in set(rows["area_code"])  # the city row, from the summed counts


# ------------------------------------------------ narrowed excepts (issue #25 item 6)


def _points_file(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "EPSG:25832"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Kita"},
                "geometry": {"type": "Point", "coordinates": [610000, 5970000]},
            }
        ],
    }
    path = tmp_path / "kitas.geojson"
    path.write_text(json.dumps(doc))
    return path


def test_a_gdal_error_on_points_becomes_a_rejection(tmp_path, monkeypatch):
    import pyogrio
    from pyogrio.errors import DataLayerError

    from geo.spatial.facilities import _points_from_vector
    from indicators.ingest.report import Report

    def broken(*_a, **_k):
        raise DataLayerError("database disk image is malformed")

    monkeypatch.setattr(pyogrio, "read_dataframe", broken)
    report = Report("kitas.geojson")
    assert _points_from_vector(_points_file(tmp_path), report) is None
    assert report.file_error and "beschädigt" in report.to_text()


def test_a_bug_around_reading_points_propagates(tmp_path, monkeypatch):
    import pyogrio

    from geo.spatial.facilities import _points_from_vector
    from indicators.ingest.report import Report

    def bug(*_a, **_k):
        raise TypeError("bug")

    monkeypatch.setattr(pyogrio, "read_dataframe", bug)
    with pytest.raises(TypeError, match="bug"):
        _points_from_vector(_points_file(tmp_path), Report("kitas.geojson"))


def test_the_catalogue_names_itself_in_german_and_english():
    from indicators.wording.voice import Voice

    en = Voice.of("en")
    cat = facility_catalogue("kita", "Kitas", group="pop_under18", group_label="Kinder", radius_m=300)
    count, rate, cover = cat["kita_count"], cat["kita_per_1000_pop_under18"], cat["kita_coverage_300m"]
    assert (count.label(), count.unit_for(), count.definition()) == (
        "Kitas: Anzahl",
        "Anzahl",
        "Zahl der Kitas im Gebiet.",
    )
    assert (rate.label(), rate.unit_for()) == ("Kitas je 1.000 Kinder", "je 1.000 Kinder")
    assert cover.definition() == (
        "Anteil der amtlichen Adresspunkte des Gebiets, die höchstens 300 m Luftlinie von einer Einrichtung "
        "entfernt sind."
    )
    assert (count.label(voice=en), count.unit_for(voice=en)) == ("Kitas: number", "number")
    assert rate.definition(voice=en) == "Kitas in the area per 1,000 Kinder."
    assert cover.definition(voice=en).startswith("Share of the area's official address points that lie at most 300 m")
    english = " ".join(
        f"{i.label(voice=en)} {i.unit_for(voice=en)} {i.definition(voice=en)}" for i in facility_catalogue().values()
    )
    assert "Facilities per 1,000 residents" in english
    for word in ("Anzahl", "Zahl", "Gebiet", "Anteil", "Adress", "Luftlinie", "Einrichtung", "Einwohner", " je "):
        assert word not in english, word
