"""The one gate for uploaded files (issue 23, Deliver 4): hostile files, the fenced child, its limits.

Every attack file here is SYNTHETIC, made by the test. A TCP listener on 127.0.0.1
counts every connection (HTTP, proxy CONNECT or anything else): none may arrive.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box
from testkit import ROOT

from geo.safe_open import UnsafeFileError, check_geojson
from geo.spatial.facilities import read_facilities
from geo.uploads import isolation, sandbox, workdir
from geo.uploads.boundary import check_boundaries
from geo.uploads.sandbox import UploadLimitError, run_limited
from geo.uploads.slots import check_slot

pytestmark = pytest.mark.filterwarnings("ignore:Use `@` matmul:PendingDeprecationWarning")
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


@pytest.fixture(scope="module")
def listener():
    ear = Listener()
    yield ear
    ear.sock.close()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def feature_collection(crs: object = None, geometry_crs: object = None) -> dict:
    geometry: dict = {"type": "Polygon", "coordinates": POLY}
    if geometry_crs is not None:
        geometry["crs"] = geometry_crs
    doc: dict = {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "properties": {"code": "01", "name": "Probe"},
                               "geometry": geometry}]}
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
                          '</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>',
    }


def write_hostile(folder: Path, url: str) -> list[Path]:
    """Every SYNTHETIC attack file: GeoJSON CRS tricks, GML xlink:href, KML NetworkLink, GeoPackage and .prj."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in hostile_geojson(url).items():
        (folder / name).write_text(text)
        out.append(folder / name)
    gml = (f'<?xml version="1.0"?><ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
           f'xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">'
           f'<gml:featureMember xlink:href="{url}/g.gml#f1"/></ogr:FeatureCollection>')
    kml = (f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><NetworkLink>'
           f'<Link><href>{url}/k.kml</href></Link></NetworkLink></kml>')
    for name, text in (("xlink.gml", gml), ("xlink_as.geojson", gml), ("netlink.kml", kml), ("netlink_as.json", kml)):
        (folder / name).write_text(text)
        out.append(folder / name)
    areas = gpd.GeoDataFrame({"code": ["01"], "name": ["Probe"]}, geometry=[box(*POLY[0][0], 10.7, 53.89)],
                             crs="EPSG:4326")
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


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


# --- content: GeoJSON crs only by name ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(hostile_geojson("http://127.0.0.1:1")))
def test_hostile_geojson_is_refused_before_gdal_sees_it(name, tmp_path, listener):
    path = tmp_path / name
    path.write_text(hostile_geojson(listener.url)[name])
    with pytest.raises(UnsafeFileError, match=name) as err:
        from geo.safe_open import vector_source
        vector_source(path)
    assert "Koordinatenbezug" in str(err.value) or "kein GeoJSON" in str(err.value)
    assert listener.hits == 0


def test_refusal_names_the_place(tmp_path):
    path = tmp_path / "ort.geojson"
    path.write_text(json.dumps(feature_collection(geometry_crs={"type": "link", "properties": {"href": "x.wkt"}})))
    with pytest.raises(UnsafeFileError, match=r"ort\.geojson: Koordinatenbezug \('crs'\) in Objekt 1 \(geometry\)"):
        check_geojson(path)


@pytest.mark.parametrize("crs", [None, {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
                                 {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                                 {"type": "name", "properties": {"name": "EPSG:4326"}},
                                 {"type": "EPSG", "properties": {"code": 4326}}])
def test_named_crs_and_urls_in_attributes_pass(crs, tmp_path):
    doc = feature_collection(crs)
    doc["features"][0]["properties"]["web"] = "https://www.luebeck.de/kita"  # an attribute, never fetched
    doc["features"][0]["properties"]["crs"] = {"type": "link"}  # an attribute named crs: GDAL ignores it
    path = tmp_path / "gut.geojson"
    path.write_text(json.dumps(doc))
    check_geojson(path)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["link", "url", "name", "EPSG", "ogc", "proj4"]) | _TEXT,
       key=st.sampled_from(["href", "url", "name", "code", "link"]),
       target=st.sampled_from(["http://127.0.0.1:1/a", "https://x.invalid/b.wkt", "file:///etc/passwd",
                               "/etc/passwd", "../a.prj", "/vsicurl/http://x/y", "ftp://x/z", r"C:\a.prj"]),
       where=st.sampled_from(["top", "geometry"]))
def test_any_crs_naming_an_address_or_file_is_refused(kind, key, target, where, tmp_path):
    crs = {"type": kind, "properties": {key: target}}
    doc = feature_collection(crs) if where == "top" else feature_collection(geometry_crs=crs)
    path = tmp_path / "h.geojson"
    path.write_text(json.dumps(doc))
    with pytest.raises(UnsafeFileError, match="h.geojson: Koordinatenbezug"):
        check_geojson(path)


# --- every door: CLI validate, boundary upload, facility upload, raster zonal -------------------


def test_cli_validate_refuses_every_attack_file_without_a_request(tmp_path, listener):
    files = write_hostile(tmp_path / "angriff", listener.url)
    for path in files:
        res = cli("validate", "--boundaries", str(path), env={"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")})
        out = res.stdout + res.stderr
        assert res.returncode == 1, (path.name, out)
        assert "Traceback" not in out and "Interner Fehler" not in out, (path.name, out)
        assert "nicht verwendbar" in out, (path.name, out)
    assert listener.hits == 0


@pytest.mark.parametrize("name", ["crs_link.geojson", "srs_url.gpkg", "prj_url.zip"])
def test_cli_data_add_and_locate_refuse_attack_boundaries(name, tmp_path, listener):
    path = next(p for p in write_hostile(tmp_path / "angriff", listener.url) if p.name == name)
    table = tmp_path / "werte.csv"
    table.write_text("code;jahr;einwohner\n01;2020;100\n")  # SYNTHETIC
    env = {"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")}
    added = cli("data", "add", "--boundaries", str(path), "--table", str(table), "--geography", "probe",
                "--label", "Probe", env=env)
    located = cli("locate", "Breite Straße 1", "--bezirke", str(path), env=env)
    for res in (added, located):
        out = res.stdout + res.stderr
        assert res.returncode == 1 and "Traceback" not in out and "Interner Fehler" not in out, out
        assert "nicht verwendbar" in out or "Fehler" in out, out
    assert listener.hits == 0


def test_boundary_and_facility_uploads_refuse_every_attack_file(tmp_path, listener):
    for path in write_hostile(tmp_path / "angriff", listener.url):
        check = check_boundaries(path.read_bytes(), path.name)
        assert not check.ok and check.report.file_error, path.name
        points, report = read_facilities(path, path.name)
        assert points is None and not report.ok, path.name
    assert listener.hits == 0


def test_cli_zonal_refuses_a_raster_that_points_elsewhere(tmp_path, listener):
    vrt = tmp_path / "hitze.tif"
    vrt.write_text(f'<VRTDataset rasterXSize="1" rasterYSize="1"><VRTRasterBand dataType="Byte" band="1">'
                   f'<SimpleSource><SourceFilename>{listener.url}/r.tif</SourceFilename></SimpleSource>'
                   f'</VRTRasterBand></VRTDataset>')
    res = cli("zonal", "--raster", str(vrt), env={"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")})
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "keine GeoTIFF-Datei" in res.stderr
    assert listener.hits == 0


# --- the fence: even a file that got past the content check reaches nobody ----------------------


def _gdal_reads(path: str) -> str:
    """Open a GeoJSON with GDAL directly, past every content check (what a check we forgot would do)."""
    import pyogrio

    return str(pyogrio.read_dataframe("GeoJSON:" + path).crs)


def _connects(port: int) -> bool:
    return isolation.network_reachable("127.0.0.1", port)


@pytest.mark.parametrize("mode", ["auto", "settings"])
def test_the_child_reaches_no_server_even_past_the_content_check(mode, tmp_path, listener, monkeypatch):
    monkeypatch.setenv(isolation.ENV_NET, mode)
    path = tmp_path / "link.geojson"
    path.write_text(hostile_geojson(listener.url)["crs_link.geojson"])
    run_limited(_gdal_reads, str(path))
    assert listener.hits == 0


def test_the_child_has_no_network_at_all_where_the_kernel_allows(listener):
    if run_limited(_namespace_mode) != "namespace":
        pytest.skip("no network namespace on this kernel: the proxy settings fence (tested above)")
    assert run_limited(_connects, listener.port) is False
    assert listener.hits == 0


def _namespace_mode() -> str:
    return isolation.cut_network()


def _sockets_held() -> list[int]:
    """Sockets open in the child, but for its own bound-not-listening proxy target."""
    own = {s.fileno() for s in isolation._HELD}
    out = []
    for name in os.listdir("/proc/self/fd"):
        if int(name) in own:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(int(name)).st_mode):
                out.append(int(name))
        except OSError:
            continue
    return out


def test_the_child_holds_none_of_the_parents_sockets():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        held = run_limited(_sockets_held)
    finally:
        server.close()
    assert held == []


def _temp_folder() -> str:
    import tempfile

    with tempfile.NamedTemporaryFile() as f:
        return f.name


def test_the_childs_temp_files_live_under_the_data_directory(data_dir):
    name = run_limited(_temp_folder)
    assert Path(name).resolve().is_relative_to((data_dir / "tmp").resolve())
    assert list((data_dir / "tmp").iterdir()) == []  # the child's folder is removed when it ends


def test_the_memory_limit_respects_an_outside_hard_limit(tmp_path):
    # today: "ValueError: not allowed to raise maximum limit" under prlimit --as / LimitAS=
    script = ("import sys; sys.path.insert(0, '.')\n"
              "from geo.uploads.sandbox import run_limited, UploadLimitError\n"
              "def f(n): return len(bytearray(n * 2**20))\n"
              "print(run_limited(f, 10))\n"
              "try:\n    run_limited(f, 5000, file_label='bombe.xlsx')\nexcept UploadLimitError as e:\n    print(e)\n")
    res = subprocess.run(["prlimit", "--as=3000000000", sys.executable, "-c", script], cwd=ROOT,
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")})
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == str(10 * 2**20)
    assert "bombe.xlsx" in lines[1] and "Speicher" in lines[1]


# --- bounded together ---------------------------------------------------------------------------


def _one() -> int:
    return 1


def test_checks_beyond_the_cap_wait_and_then_get_a_message(monkeypatch, capsys):
    monkeypatch.setenv("SOZIALMONITOR_UPLOAD_CHECKS", "1")
    with check_slot("erste.csv"):  # a check of another user (any process: the slot is a file lock)
        with pytest.raises(UploadLimitError, match="zweite.csv: Zurzeit laufen zu viele Upload-Prüfungen"):
            run_limited(_one, seconds=1, file_label="zweite.csv")
        assert "wartet auf einen freien Platz" in capsys.readouterr().err
    assert run_limited(_one) == 1  # the slot is free again


def test_a_front_end_shows_the_wait_in_its_page(monkeypatch):
    from geo.uploads import slots

    shown: list = []
    monkeypatch.setattr(slots, "NOTICES", [shown.append])
    monkeypatch.setenv("SOZIALMONITOR_UPLOAD_CHECKS", "1")
    with check_slot("erste.csv"), pytest.raises(UploadLimitError):
        run_limited(_one, seconds=1, file_label="zweite.csv")
    assert len(shown) == 1 and "wartet auf einen freien Platz" in str(shown[0])
    assert "waits for a free slot" in shown[0].text("en")  # a Message: the page shows it in its language


def test_two_slots_by_default_across_processes(data_dir):
    hold = ("import sys, time; sys.path.insert(0, '.')\n"
            "from geo.uploads.slots import check_slot\n"
            "with check_slot('a'):\n    print('ok', flush=True); time.sleep(60)\n")
    env = {**os.environ, "SOZIALMONITOR_DATA_DIR": str(data_dir)}
    others = [subprocess.Popen([sys.executable, "-c", hold], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
              for _ in range(2)]
    try:
        for p in others:
            assert p.stdout is not None and p.stdout.readline().strip() == "ok"
        with pytest.raises(UploadLimitError, match="2 erlaubt"):
            run_limited(_one, seconds=1)
    finally:
        for p in others:
            p.kill()
            p.wait()
    assert run_limited(_one) == 1  # the kernel released the dead holders' locks


def test_stale_temp_folders_of_dead_processes_are_removed(data_dir):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = data_dir / "tmp" / f"{dead.stdout.strip()}-proc"
    stale.mkdir(parents=True)
    (stale / "upload.geojson").write_text("{}")
    mine = workdir.process_dir()
    assert stale in workdir.cleanup_stale()
    assert not stale.exists() and mine.exists()
    assert sandbox.in_child() is False


# --- faults leave no debris ---------------------------------------------------------------------


def _alive_not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return "State:\tZ" not in f.read()
    except OSError:
        return False


def test_kill_9_of_the_server_during_a_check_leaves_no_port_and_no_file(tmp_path, data_dir):
    import time

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    pidfile = tmp_path / "child.pid"
    server = (f"import os, socket, sys, time; sys.path.insert(0, '.')\n"
              f"srv = socket.socket(); srv.bind(('127.0.0.1', {port})); srv.listen(8)  # the app's port\n"
              f"from geo.uploads.sandbox import run_limited\n"
              f"from geo.uploads.workdir import upload_dir\n"
              f"def check(path):\n"
              f"    open({str(pidfile)!r}, 'w').write(str(os.getpid())); time.sleep(120)\n"
              f"with upload_dir() as d:\n"
              f"    p = d / 'upload.geojson'; p.write_bytes(b'{{}}')\n"
              f"    run_limited(check, str(p), seconds=300)\n")
    env = {**os.environ, "SOZIALMONITOR_DATA_DIR": str(data_dir), "TMPDIR": str(tmp_path / "systmp")}
    (tmp_path / "systmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-c", server], cwd=ROOT, env=env)
    for _ in range(600):
        if pidfile.exists() and pidfile.read_text():
            break
        time.sleep(0.1)
    child = int(pidfile.read_text())
    proc.kill()  # kill -9 of the server
    proc.wait()
    for _ in range(50):
        if not _alive_not_zombie(child):
            break
        time.sleep(0.1)
    assert not _alive_not_zombie(child)  # the check died with its server
    again = socket.socket()
    again.bind(("127.0.0.1", port))  # "Port … is not available" today
    again.listen(1)
    again.close()
    assert list((tmp_path / "systmp").iterdir()) == []  # nothing in the system's temp folder
    left = list((data_dir / "tmp").iterdir())
    assert left and all(p.name.endswith("-proc") for p in left)
    workdir.cleanup_stale()  # what the next start does
    assert list((data_dir / "tmp").iterdir()) == []
