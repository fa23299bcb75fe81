"""Generate the fuzz corpus of malformed and hostile input files (all SYNTHETIC).

Run ``python tests/data/bad/make_corpus.py``; it rewrites the files next to
it and ``expected.csv`` (file, kind, expected exit code of ``cli.py
validate``, or of ``cli.py zonal`` for kind ``raster``, what the file tests). Every file is small: the zip bombs are
a few kilobytes of zeros, or a header that lies about its size.
"""
from __future__ import annotations

import csv
import io
import json
import random
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

import geopandas as gpd  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from shapely.geometry import LineString, Point, Polygon, box  # noqa: E402

EXPECTED: list[tuple[str, str, int, str]] = []
X0, Y0 = 610_000, 5_970_000  # near Lübeck in EPSG:25832
CRS_25832 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}


def add(name: str, data: bytes | str, kind: str, code: int, what: str) -> None:
    path = HERE / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    EXPECTED.append((name, kind, code, what))


def square(i: int, size: float = 500) -> list:
    x, y = X0 + i * size, Y0
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def fc(features: list, crs: dict | None = CRS_25832) -> str:
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = crs
    return json.dumps(doc, ensure_ascii=False)


def feature(code, name, geom) -> dict:
    return {"type": "Feature", "properties": {"code": code, "name": name}, "geometry": geom}


def poly(i: int) -> dict:
    return {"type": "Polygon", "coordinates": [square(i)]}


def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def lie_about_size(data: bytes, size: int) -> bytes:
    """Patch the declared uncompressed size of the (single) member in both headers."""
    b = bytearray(data)
    b[22:26] = size.to_bytes(4, "little")
    i = b.find(b"PK\x01\x02")
    b[i + 24:i + 28] = size.to_bytes(4, "little")
    return bytes(b)


def shapefile_zip(drop: tuple[str, ...] = (), gdf: gpd.GeoDataFrame | None = None) -> bytes:
    gdf = gdf if gdf is not None else gpd.GeoDataFrame(
        {"STBZ": ["1", "2"], "NAME": ["Innenstadt", "Hüxtertor-Mühlentor-Gärtnergasse"]},
        geometry=[Polygon(square(0)), Polygon(square(1))], crs=25832)
    with tempfile.TemporaryDirectory() as tmp:
        gdf.to_file(Path(tmp) / "bezirke.shp", engine="pyogrio")
        members = [(p.name, p.read_bytes()) for p in sorted(Path(tmp).iterdir()) if p.suffix not in drop]
    return zip_bytes(members)


def xlsx(rows: list[list], formulas: bool = False) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def tables() -> None:
    rng = random.Random(7)
    head = "Stadtteil;Jahr;Merkmal;Wert\n"
    add("empty.csv", b"", "table", 1, "0 Bytes")
    add("only_header.csv", head, "table", 1, "Kopfzeile ohne Daten")
    add("blank_lines.csv", "\n\n ; ; \n\n", "table", 1, "nur Leerzeilen")
    add("binary_junk.csv", bytes(rng.randrange(256) for _ in range(3000)), "table", 1, "Zufallsbytes mit NUL")
    add("utf16_bom.csv", ("\ufeff" + head + "01;2022;x;5\n").encode("utf-16-le"), "table", 0, "UTF-16 mit BOM")
    add("utf16_no_bom.csv", (head + "01;2022;x;5\n").encode("utf-16-le"), "table", 1, "UTF-16 ohne BOM (NUL-Bytes)")
    add("cp1252_german.csv", (head + "St. Jürgen;2022;Größe;1.234,5\nMoisling;2022;Größe;12,5\n").encode("cp1252"),
        "table", 0, "cp1252, Semikolon, Dezimalkomma, Namen statt Codes")
    add("utf8_bom_tab.csv", "\ufeffcode\tyear\tvariable\tvalue\n01\t2022\tx\t3\n02\t2022\tx\t4\n", "table", 0,
        "UTF-8-BOM, Tabulator")
    add("mixed_delimiters.csv", "Stadtteil;Jahr,Merkmal;Wert\n01,2022;x;5\n02;2022,x,6\n", "table", 1,
        "gemischte Trennzeichen")
    add("unclosed_quote.csv", 'Stadtteil,Jahr,Merkmal,Wert\n01,2022,"x,5\n02,2022,x,6\n', "table", 1,
        "nicht geschlossenes Anführungszeichen")
    add("ragged_rows.csv", "Stadtteil;Jahr;Merkmal;Wert\n01;2022;x;5;9;9\n02;2022\n03;2022;x;7\n", "table", 0,
        "Zeilen mit zu vielen/wenigen Feldern")
    add("duplicate_keys.csv", head + "01;2022;x;5\n01;2022;x;6\n02;2022;x;7\n02;2022;x;7\n", "table", 0,
        "widersprüchliche und gleiche Duplikate")
    add("duplicate_header.csv", "Stadtteil;Jahr;Wert;Wert\n01;2022;5;6\n", "table", 0, "doppelter Spaltenname")
    add("unknown_codes.csv", head + "99;2022;x;5\nAtlantis;2022;x;5\n01;2022;x;5\n", "table", 0,
        "unbekannte Gebietsschlüssel")
    add("all_unknown_codes.csv", head + "99;2022;x;5\n98;2022;x;5\n", "table", 1, "nur unbekannte Gebiete")
    add("missing_symbols.csv", head + "01;2022;x;.\n02;2022;x;-\n03;2022;x;x\n04;2022;x;…\n05;2022;x;4\n",
        "table", 0, "Fehlzeichen der Statistikämter")
    add("negative_counts.csv", head + "01;2022;births;-4\n02;2022;births;4\n", "table", 0, "negative Anzahl")
    add("bad_years.csv", head + "01;20x2;x;5\n02;1800;x;5\n03;2022,5;x;5\n04;2022;x;5\n", "table", 0,
        "ungültige Jahre")
    add("formula_cells.csv", head + "=cmd|' /C calc'!A0;2022;x;5\n01;2022;+x;@SUM(1)\n02;2022;x;=1+1\n", "table", 1,
        "Formeln in Zellen")
    add("html_names.csv", head + "<script>alert(1)</script>;2022;x;5\n01;2022;<img src=x onerror=alert(1)>;5\n",
        "table", 0, "HTML/Skript in Namen")
    add("huge_field.csv", "Stadtteil,Jahr,Merkmal,Wert\n01,2022,x,\"" + "9" * 200_000 + "\"\n", "table", 1,
        "Feld größer als das CSV-Feldlimit")
    add("too_many_columns.csv", ";".join(["Stadtteil"] + [f"v{i}" for i in range(2500)]) + "\n", "table", 1,
        "2500 Spalten")
    add("inf_nan_numbers.csv", head + "01;2022;x;inf\n02;2022;x;1e400\n03;2022;x;NaN\n04;2022;x;5\n", "table", 0,
        "inf, NaN, Überlauf")
    add("no_area_column.csv", "Foo;Bar\n1;2\n", "table", 1, "keine Gebietsspalte")
    add("cr_only_lines.csv", (head + "01;2022;x;5\n02;2022;x;6\n").replace("\n", "\r"), "table", 0,
        "alte Mac-Zeilenenden (nur CR)")
    add("wide_stadtbezirke_vs_stadtteile.csv", "Stadtbezirk;Jahr;Einwohner\n" +
        "".join(f"{i};2022;{100 + i}\n" for i in range(1, 36)), "table", 0,
        "Stadtbezirk-Codes gegen Stadtteile: 11-35 unbekannt")
    add("german_thousands.csv", head + "01;2022;x;1.234.567\n02;2022;x;1.234,5\n", "table", 0, "Tausenderpunkte")
    wb_rows = [["Stadtteil", "Jahr", "Einwohner"], ["01", 2022, 1000], ["02", 2022, None]]
    add("xlsx_ok_with_gap.xlsx", xlsx(wb_rows), "table", 0, "XLSX mit leerer Zelle")
    import datetime as dt
    add("xlsx_dates_in_numbers.xlsx", xlsx([["Stadtteil", "Jahr", "Wert"], ["01", 2022, dt.datetime(2022, 3, 1)],
                                            ["02", 2022, 5]]), "table", 0, "Excel-Datum in Zahlenspalte")
    add("xlsx_formulas.xlsx", xlsx([["Stadtteil", "Jahr", "Wert"], ["01", 2022, "=1+1"], ["02", 2022, "=HYPERLINK(\"http://x\")"]]),
        "table", 1, "Formeln ohne gespeicherte Werte")
    add("xlsx_truncated.xlsx", xlsx([["Stadtteil", "Jahr", "Wert"], ["01", 2022, 5]])[:600], "table", 1,
        "abgeschnittene XLSX")
    add("xlsx_not_a_zip.xlsx", b"Stadtteil;Jahr;Wert\n01;2022;5\n", "table", 0, "CSV-Text mit .xlsx-Endung")
    add("xlsx_empty_sheet.xlsx", xlsx([]), "table", 1, "leeres Tabellenblatt")
    add("xlsx_hostile_names.xlsx", xlsx([["Stadtteil", "Jahr", "<b>Wert</b>"], ["=HYPERLINK(\"http://evil\")", 2022, 5],
                                        ["01", 2022, 6]]), "table", 0, "Formeltext und HTML in XLSX")
    add("xlsx_bomb.xlsx", zip_bytes([("[Content_Types].xml", b"<x/>"), ("xl/worksheets/sheet1.xml", b"\0" * 6_000_000)]),
        "table", 1, "ZIP-Bombe als XLSX (Verhältnis)")


def boundaries() -> None:
    good = [feature(str(i + 1), f"Gebiet {i + 1}", poly(i)) for i in range(3)]
    add("empty.geojson", b"", "boundaries", 1, "0 Bytes")
    add("truncated.geojson", fc(good)[:150], "boundaries", 1, "abgeschnittenes JSON")
    add("no_features.geojson", fc([]), "boundaries", 1, "FeatureCollection ohne Objekte")
    add("not_geojson.json", json.dumps({"hallo": [1, 2, 3]}), "boundaries", 1, "JSON, aber kein GeoJSON")
    add("utm_declared_wgs84.geojson", fc(good, crs=None), "boundaries", 1,
        "ohne crs (also WGS84) mit UTM-Koordinaten")
    lonlat = [feature("1", "A", {"type": "Polygon", "coordinates": [[[10.6, 53.8], [10.7, 53.8], [10.7, 53.9], [10.6, 53.8]]]})]
    add("lonlat_declared_utm.geojson", fc(lonlat), "boundaries", 1, "EPSG:25832 erklärt, Längen/Breiten enthalten")
    add("wgs84_ok.geojson", fc(lonlat, crs=None), "boundaries", 0, "gültiges WGS84 ohne crs-Angabe")
    huge = [feature("1", "A", {"type": "Polygon", "coordinates": [[[1e300, 1e300], [2e300, 1e300], [2e300, 2e300], [1e300, 1e300]]]})]
    add("huge_coordinates.geojson", fc(huge), "boundaries", 1, "Koordinaten 1e300")
    add("nan_coordinates.geojson", fc(good).replace(str(float(X0)), "NaN", 1).replace(f"[{X0}, {Y0}]", "[NaN, NaN]", 1),
        "boundaries", 1, "NaN in Koordinaten")
    hostile = [feature("1", "<script>alert('x')</script>", poly(0)), feature("2", "=HYPERLINK(\"http://evil\")", poly(1)),
               feature("3", "\"><img src=x onerror=alert(1)>\u202e", poly(2))]
    add("hostile_names.geojson", fc(hostile), "boundaries", 0, "HTML, Formel, Steuerzeichen in Namen")
    z = [feature(str(i + 1), "Z", {"type": "Polygon", "coordinates": [[[x, y, 12.5] for x, y in square(i)]]}) for i in range(2)]
    add("3d_polygons.geojson", fc(z), "boundaries", 0, "3D-Koordinaten")
    mixed = [feature("1", "Fläche", poly(0)), feature("2", "Punkt", {"type": "Point", "coordinates": [X0, Y0]}),
             feature("3", "Linie", {"type": "LineString", "coordinates": square(1)[:2]})]
    add("mixed_geometries.geojson", fc(mixed), "boundaries", 0, "Punkte, Linien, Flächen gemischt")
    add("null_geometries.geojson", fc([feature("1", "A", poly(0)), feature("2", "leer", None)]), "boundaries", 0,
        "Objekt ohne Geometrie")
    add("points_only.geojson", fc([feature("1", "P", {"type": "Point", "coordinates": [X0, Y0]})]), "boundaries", 1,
        "nur Punkte")
    add("duplicate_keys.geojson", fc([feature("1", "A", poly(0)), feature("1", "B", poly(1)), feature(None, "C", poly(2))]),
        "boundaries", 0, "doppelte und fehlende Schlüssel")
    bow = [[X0, Y0], [X0 + 500, Y0 + 500], [X0 + 500, Y0], [X0, Y0 + 500], [X0, Y0]]
    add("self_intersecting.geojson", fc([feature("1", "Fliege", {"type": "Polygon", "coordinates": [bow]})]), "boundaries", 0,
        "Selbstüberschneidung")
    bez = [feature(str(i), "", poly(i)) for i in range(1, 36)]
    add("stadtbezirke_unpadded.geojson", fc(bez), "boundaries", 0, "Stadtbezirk-Codes ohne führende Null")
    add("shp_no_prj.zip", shapefile_zip(drop=(".prj",)), "boundaries", 1, "Shapefile ohne .prj")
    add("shp_missing_dbf.zip", shapefile_zip(drop=(".dbf",)), "boundaries", 1, "Shapefile ohne .dbf")
    add("shp_ok.zip", shapefile_zip(), "boundaries", 0, "gültiges Shapefile-ZIP, Codes ohne Null")
    add("zip_traversal.zip", zip_bytes([("../../evil.shp", b"x"), ("ok.dbf", b"x")]), "boundaries", 1, "../ im ZIP")
    add("zip_absolute.zip", zip_bytes([("/etc/evil.shp", b"x")]), "boundaries", 1, "absoluter Pfad im ZIP")
    add("zip_bomb_ratio.zip", zip_bytes([("bomb.shp", b"\0" * 8_000_000)]), "boundaries", 1,
        "ZIP-Bombe (8 MB Nullen, Verhältnis ~1000:1)")
    add("zip_bomb_declared.zip", lie_about_size(zip_bytes([("bomb.shp", b"\0" * 1000)]), 4_000_000_000), "boundaries", 1,
        "ZIP-Bombe (Kopf meldet 4 GB)")
    add("zip_empty.zip", zip_bytes([]), "boundaries", 1, "leeres ZIP")
    add("zip_nested.zip", zip_bytes([("inner.zip", shapefile_zip())]), "boundaries", 1, "ZIP im ZIP")
    add("zip_corrupt.zip", shapefile_zip()[:-200], "boundaries", 1, "abgeschnittenes ZIP")
    add("gpkg_junk.gpkg", bytes(random.Random(3).randrange(256) for _ in range(4096)), "boundaries", 1,
        "Zufallsbytes als GeoPackage")
    add("sqlite_header_junk.gpkg", b"SQLite format 3\0" + b"\x10\x00" + b"\0" * 2000, "boundaries", 1,
        "SQLite-Kopf, sonst leer")
    with tempfile.TemporaryDirectory() as tmp:
        g = gpd.GeoDataFrame({"wert": [1.5, 1.5]}, geometry=[Polygon(square(0)), LineString(square(1))], crs=25832)
        g.iloc[:1].to_file(Path(tmp) / "x.gpkg", layer="flaechen", engine="pyogrio")
        gpd.GeoDataFrame({"a": [1]}, geometry=[Point(X0, Y0)], crs=25832).to_file(Path(tmp) / "x.gpkg", layer="punkte",
                                                                              engine="pyogrio")
        add("gpkg_no_key_two_layers.gpkg", (Path(tmp) / "x.gpkg").read_bytes(), "boundaries", 1,
            "zwei Ebenen, keine Schlüsselspalte")
        far = gpd.GeoDataFrame({"code": ["1"]}, geometry=[box(2_000_000, 1_000_000, 2_001_000, 1_001_000)], crs=25832)
        far.to_file(Path(tmp) / "far.gpkg", engine="pyogrio")
        add("far_away.gpkg", (Path(tmp) / "far.gpkg").read_bytes(), "boundaries", 0,
            "gültig, aber nicht in Deutschland (Hinweis)")


def _vrt(source: str) -> str:
    return (f'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>{source}</SrcDataSource>'
            '</OGRVRTLayer></OGRVRTDataSource>')


def hostile() -> None:
    """Issue 13: VRT in every accepted extension and in a zip, remote references, Markdown and
    math text in names, statistical symbols, total/part tables, huge labels, shared-strings bomb."""
    passwd = _vrt("CSV:/etc/passwd")
    for ext in ("geojson", "json", "gpkg"):
        add(f"vrt_passwd.{ext}", passwd, "boundaries", 1, f"VRT mit CSV:/etc/passwd als .{ext}")
    add("vrt_vsicurl.geojson", _vrt("/vsicurl/http://127.0.0.1:9/x.geojson"), "boundaries", 1,
        "VRT mit /vsicurl/ (Netz)")
    add("vrt_in_zip.zip", zip_bytes([("grenzen.geojson", passwd.encode())]), "boundaries", 1, "VRT im ZIP")
    add("vrt_as_shp.zip", zip_bytes([(f"a{e}", passwd.encode()) for e in (".shp", ".shx", ".dbf", ".prj")]),
        "boundaries", 1, "VRT als .shp im ZIP")
    with tempfile.TemporaryDirectory() as tmp:
        import sqlite3
        path = Path(tmp) / "v.gpkg"
        gpd.GeoDataFrame({"code": ["1"]}, geometry=[box(X0, Y0, X0 + 500, Y0 + 500)], crs=25832).to_file(
            path, engine="pyogrio")
        con = sqlite3.connect(path)
        con.execute("CREATE VIEW fern AS SELECT * FROM v")
        con.execute("INSERT INTO gpkg_contents(table_name, data_type, identifier) VALUES ('fern', 'features', 'f')")
        con.commit()
        con.close()
        add("gpkg_view.gpkg", path.read_bytes(), "boundaries", 1, "GeoPackage mit Sicht (View)")
    names = [feature("1", "![b](http://127.0.0.1:8603/beacon.png)", poly(0)), feature("2", "$\\frac{$", poly(1)),
             feature("3", "x" * 5000, poly(2))]
    add("markdown_math_names.geojson", fc(names), "boundaries", 0, "Markdown-Bild, Mathe-Text, 5000 Zeichen im Namen")
    add("statistical_symbols.csv", "Stadtteil;Jahr;Merkmal;Wert\n01;2022;faelle;-\n02;2022;faelle;1\n"
        "03;2022;faelle;.\n04;2022;faelle;x\n05;2022;faelle;/\n06;2022;faelle;…\n07;2022;faelle;40\n",
        "table", 0, "Zeichen der amtlichen Statistik: - = 0, . x / … = kein Wert")
    add("total_and_parts.csv", "Stadtteil;Jahr;hilfe_gesamt;hilfe_u15;hilfe_15plus\n01;2022;10;1;9\n"
        "02;2022;50;20;30\n", "table", 0, "Gesamt und Teile (Teil 1 versteckt)")
    add("huge_label.csv", "Stadtteil;Jahr;Merkmal;Wert\n01;2022;" + "m" * 100_000 + ";5\n", "table", 1,
        "Merkmal mit 100.000 Zeichen")
    add("xlsx_shared_strings_bomb.xlsx", zip_bytes([("[Content_Types].xml", b"<Types/>"),
                                                     ("xl/sharedStrings.xml", b"<sst>" + b"<si><t>a</t></si>" * 1_200_000
                                                      + b"</sst>")]),
        "table", 1, "XLSX mit 20 MB Texttabelle (sharedStrings)")


def _tif(name: str, kind_what: str, code: int, size: int, cell: float, block: int | None = None,
         crs: str | None = "EPSG:25832", fill: bool = True) -> None:
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        tiles = {"tiled": True, "blockxsize": block, "blockysize": block} if block else {}
        with rasterio.open(path, "w", driver="GTiff", width=size, height=size, count=1, dtype="uint8", crs=crs,
                           transform=from_origin(X0 - 20_000, Y0 + 25_000, cell, cell), compress="deflate",
                           sparse_ok=True, nodata=0, **tiles) as dst:
            if fill:
                n = min(size, block or size)
                dst.write(np.full((1, n, n), 7, "uint8"), window=Window(0, 0, n, n))
        add(name, path.read_bytes(), "raster", code, kind_what)


def rasters() -> None:
    """Issue 13: rasters for ``cli.py zonal`` (kind ``raster``, exit code of ``cli.py zonal``)."""
    _tif("raster_ok.tif", "kleines GeoTIFF über Lübeck (1 km-Zellen)", 0, 50, 1000)
    _tif("giant_sparse.tif", "100.000 x 100.000 Zellen, dünn besetzt (80 KB)", 1, 100_000, 0.4, block=1024)
    _tif("tif_one_huge_block.tif", "eine Kachel mit 8192 x 8192 Zellen", 1, 8192, 5, block=8192, fill=False)
    _tif("raster_no_crs.tif", "GeoTIFF ohne CRS", 1, 50, 1000, crs=None)
    add("vrt_passwd.tif", '<VRTDataset rasterXSize="10" rasterYSize="10"><VRTRasterBand dataType="Byte" band="1">'
        '<SimpleSource><SourceFilename>/etc/passwd</SourceFilename></SimpleSource></VRTRasterBand></VRTDataset>',
        "raster", 1, "VRT mit /etc/passwd als .tif")
    add("tif_junk.tif", b"II*\x00" + bytes(random.Random(13).randrange(256) for _ in range(2000)), "raster", 1,
        "TIFF-Kennung, dann Zufallsbytes")


def main() -> None:
    for p in HERE.iterdir():
        if p.name not in {"make_corpus.py", "__pycache__"}:
            p.unlink() if p.is_file() else shutil.rmtree(p)
    tables()
    boundaries()
    hostile()
    rasters()
    with open(HERE / "expected.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "kind", "exit_code", "what"])
        w.writerows(EXPECTED)
    total = sum((HERE / n).stat().st_size for n, *_ in EXPECTED)
    print(f"{len(EXPECTED)} files, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
