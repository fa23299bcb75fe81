"""SYNTHETIC hostile upload files and a listener that counts every connection (for tests only).

The files name an address (or a local file) in a place where GDAL would fetch it: GeoJSON CRS
tricks, GML xlink:href, KML NetworkLink, a GeoPackage SRS and a Shapefile .prj. The listener on
127.0.0.1 counts every TCP connection (HTTP, proxy CONNECT or anything else): none may arrive.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import zipfile
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

POLY = [[[10.66, 53.86], [10.70, 53.86], [10.70, 53.89], [10.66, 53.86]]]


class Listener:
    """Counts every TCP connection to 127.0.0.1:<port> and answers like a web server."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.hits = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            try:
                conn.settimeout(1)
                conn.recv(4096)
                conn.sendall(b'HTTP/1.0 200 OK\r\nContent-Length: 27\r\n\r\nGEOGCS["x",DATUM["y",SPHEROID["z",1,0]]]')
            except OSError:
                pass
            conn.close()


def feature_collection(crs: object = None, geometry_crs: object = None) -> dict:
    geometry: dict = {"type": "Polygon", "coordinates": POLY}
    if geometry_crs is not None:
        geometry["crs"] = geometry_crs
    doc: dict = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"code": "01", "name": "Probe"}, "geometry": geometry}],
    }
    if crs is not None:
        doc["crs"] = crs
    return doc


def hostile_geojson(url: str) -> dict[str, str]:
    """SYNTHETIC GeoJSON texts whose CRS makes GDAL fetch ``url`` (or would)."""
    link = {"type": "link", "properties": {"href": f"{url}/crs.wkt", "type": "ogcwkt"}}
    return {
        "crs_link.geojson": json.dumps(feature_collection(link)),
        "crs_url.geojson": json.dumps(feature_collection({"type": "url", "properties": {"url": f"{url}/u"}})),
        "crs_name_url.geojson": json.dumps(feature_collection({"type": "name", "properties": {"name": f"{url}/n"}})),
        "crs_name_file.json": json.dumps(feature_collection({"type": "name", "properties": {"name": "/etc/passwd"}})),
        "crs_in_geometry.geojson": json.dumps(feature_collection(geometry_crs=link)),
        # two crs members: Python keeps the last, another parser might keep the first
        "crs_twice.geojson": '{"type": "FeatureCollection", "crs": ' + json.dumps(link) + ', "crs": '
        '{"type": "name", "properties": {"name": "EPSG:4326"}}, "features": []}',
        "crs_escaped_key.geojson": json.dumps(feature_collection(link)).replace('"crs"', '"\\u0063rs"'),
        "vrt_as.geojson": f'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>{url}/v.geojson'
        "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>",
    }


def write_hostile(folder: Path, url: str) -> list[Path]:
    """Every SYNTHETIC attack file: GeoJSON CRS tricks, GML xlink:href, KML NetworkLink, GeoPackage and .prj."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in hostile_geojson(url).items():
        (folder / name).write_text(text)
        out.append(folder / name)
    gml = (
        f'<?xml version="1.0"?><ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
        f'xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<gml:featureMember xlink:href="{url}/g.gml#f1"/></ogr:FeatureCollection>'
    )
    kml = (
        f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><NetworkLink>'
        f"<Link><href>{url}/k.kml</href></Link></NetworkLink></kml>"
    )
    for name, text in (("xlink.gml", gml), ("xlink_as.geojson", gml), ("netlink.kml", kml), ("netlink_as.json", kml)):
        (folder / name).write_text(text)
        out.append(folder / name)
    areas = gpd.GeoDataFrame(
        {"code": ["01"], "name": ["Probe"]}, geometry=[box(*POLY[0][0], 10.7, 53.89)], crs="EPSG:4326"
    )
    gpkg = folder / "srs_url.gpkg"
    areas.to_file(gpkg, driver="GPKG")
    with sqlite3.connect(gpkg) as con:
        con.execute("UPDATE gpkg_spatial_ref_sys SET definition = ? WHERE srs_id = 4326", (f"{url}/srs.wkt",))
    out.append(gpkg)
    shp = folder / "shp"
    shp.mkdir()
    areas.to_file(shp / "grenzen.shp")
    (shp / "grenzen.prj").write_text(f"{url}/prj.wkt")
    with zipfile.ZipFile(folder / "prj_url.zip", "w") as z:
        for part in shp.iterdir():
            z.write(part, part.name)
    out.append(folder / "prj_url.zip")
    return out
