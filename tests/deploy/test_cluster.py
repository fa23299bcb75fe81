"""The local cluster end to end: nginx with TLS in front of two app processes on one PostgreSQL, pygeoapi.

``deploy/local-cluster up`` is started once for this module (on free ports, in a temporary folder) and
stopped at the end. Saved datasets live in the database (PostGIS); the data folder both app processes
share here holds only caches. Table values uploaded here are SYNTHETIC; the
boundaries are three of the shipped Stadtteile.
"""

from __future__ import annotations

import http.cookies
import json
import os
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from testkit import ROOT, require

SCRIPT = ROOT / "deploy" / "local-cluster"
PASSWORD = "richtig-lang-1"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHIPPED = {"stadtteile", "berlin-mss", "zensus2011-1km", "zensus2011-100m"}
INSECURE = ssl.create_default_context()
INSECURE.check_hostname, INSECURE.verify_mode = False, ssl.CERT_NONE  # the cluster's self-signed certificate


def _free() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    require(Path("/usr/sbin/nginx").exists() or shutil.which("nginx") is not None, "nginx not installed")
    require(shutil.which("openssl") is not None, "openssl not installed")
    require(
        bool(list(Path("/usr/share/postgresql").glob("*/extension/postgis.control"))),
        "PostGIS not installed (Debian: postgresql-15-postgis-3)",
    )
    base = Path(tempfile.mkdtemp(prefix="sm-cluster-"))
    base.chmod(0o755)  # as root, PostgreSQL runs as the postgres user and must reach its folder inside
    apps = [_free(), _free()]
    env = {
        **os.environ,
        "SM_CLUSTER_DIR": str(base / "c"),
        "SM_HTTPS_PORT": str(_free()),
        "SM_HTTP_PORT": str(_free()),
        "SM_APP_PORTS": " ".join(map(str, apps)),
        "SM_OGC_PORT": str(_free()),
        "SM_ADMIN_PASSWORD": PASSWORD,
        "PYTHON": sys.executable,
    }
    for var in [k for k in env if k.startswith("SOZIALMONITOR_")]:
        env.pop(var)
    up = subprocess.run([str(SCRIPT), "up"], env=env, capture_output=True, text=True, timeout=400)
    try:
        assert up.returncode == 0, up.stderr[-3000:]
        exported = subprocess.run([str(SCRIPT), "env"], env=env, capture_output=True, text=True, check=True).stdout
        app_env = {**env}
        for line in exported.splitlines():
            key, value = line.removeprefix("export ").split("=", 1)
            app_env[key] = shlex.split(value)[0] if value else ""
        yield {
            "env": app_env,
            "https": f"https://localhost:{env['SM_HTTPS_PORT']}",
            "http": f"http://localhost:{env['SM_HTTP_PORT']}",
            "apps": [f"http://127.0.0.1:{p}/" for p in apps],
            "base": base,
        }
    finally:
        subprocess.run([str(SCRIPT), "down"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


def _cli(env: dict, *args: str, stdin: str = "") -> str:
    res = subprocess.run(
        [sys.executable, "cli.py", *args], cwd=ROOT, input=stdin, text=True, capture_output=True, env=env, timeout=300
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def _table(folder: Path, name: str, base: int) -> Path:
    from geo.geographies import get_geography, load_areas

    codes = load_areas(get_geography("stadtteile"))["code"]
    path = folder / f"{name}.csv"
    path.write_text(
        "Stadtteil;Jahr;Merkmal;Wert\n" + "".join(f"{c};2024;sgb2_kinder;{base + i}\n" for i, c in enumerate(codes)),
        encoding="utf-8",
    )
    return path


def test_https_in_front_http_redirects_and_security_headers(cluster):
    with urllib.request.urlopen(cluster["https"] + "/", context=INSECURE, timeout=30) as resp:
        headers = resp.headers
        assert resp.status == 200
    assert "max-age" in headers["Strict-Transport-Security"] and headers["X-Content-Type-Options"] == "nosniff"
    assert "smroute=" in headers["Set-Cookie"]
    with urllib.request.urlopen(cluster["https"] + "/healthz", context=INSECURE, timeout=30) as resp:
        assert resp.status == 200

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.build_opener(NoRedirect).open(cluster["http"] + "/atlas", timeout=30)
    assert err.value.code == 301 and err.value.headers["Location"] == cluster["https"] + "/atlas"


@pytest.fixture(scope="module")
def browser():
    require(Path(CHROMIUM).exists(), f"chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield b
        b.close()


def _page(browser, url: str):
    context = browser.new_context(ignore_https_errors=True, locale="de-DE", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    _idle(page)
    return context, page


def _idle(page) -> None:
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=90_000)
    page.wait_for_selector("[data-test-script-state=notRunning]", timeout=90_000)


def _login(page, name: str, password: str) -> None:
    page.get_by_label("Benutzername").first.fill(name)  # without anonymous access: the login page
    page.get_by_label("Passwort").first.fill(password)
    page.get_by_role("button", name="Anmelden").first.click()
    _idle(page)
    page.get_by_text("Angemeldet als").wait_for(timeout=60_000)


def _saved_data(page) -> None:
    page.locator("[data-testid=stSidebarNav]").get_by_text("Daten laden").click()
    _idle(page)
    page.get_by_text("Gespeicherte Daten", exact=True).click()
    _idle(page)


@pytest.mark.e2e
def test_login_over_https_through_nginx(cluster, browser):
    context, page = _page(browser, cluster["https"] + "/")
    try:
        _login(page, "admin", PASSWORD)
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["smroute"]["secure"]  # the sticky-session cookie nginx set
    finally:
        context.close()


@pytest.mark.e2e
def test_dataset_uploaded_on_one_process_is_listed_by_the_other(cluster, browser, tmp_path):
    from geo.geographies import get_geography, load_areas

    geojson = tmp_path / "bezirke_cluster.geojson"
    load_areas(get_geography("stadtteile")).iloc[:3].to_crs(4326).to_file(geojson, driver="GeoJSON")
    first, second = cluster["apps"]
    context, page = _page(browser, first)
    try:
        _login(page, "admin", PASSWORD)
        page.locator("[data-testid=stSidebarNav]").get_by_text("Daten laden").click()
        _idle(page)
        page.get_by_text("Gebietsgrenzen", exact=True).click()
        _idle(page)
        uploader = page.locator("[data-testid=stFileUploader]").filter(has_text="GeoPackage, GeoJSON oder ZIP")
        uploader.locator("input[type=file]").set_input_files(str(geojson))
        page.get_by_text(geojson.name).first.wait_for()
        _idle(page)
        page.get_by_role("button", name="Übernehmen und speichern").first.click()
        page.get_by_text("Gespeichert als Gebietsgliederung").wait_for(timeout=90_000)
    finally:
        context.close()
    context, page = _page(browser, second)  # the other process, never restarted
    try:
        _login(page, "admin", PASSWORD)
        _saved_data(page)
        page.get_by_text("bezirke_cluster").first.wait_for(timeout=30_000)
    finally:
        context.close()


GDAL_LAYERS = """
import json, sys
import pyogrio
base = sys.argv[1]
layers = [n for n, _ in pyogrio.list_layers(base)]
out = {"layers": layers}
for name in sys.argv[2:]:
    df = pyogrio.read_dataframe(f"{base}/collections/{name}").drop(columns="geometry")
    out[name] = {c: df[c].tolist() for c in df.columns}
print(json.dumps(out))
"""


def _gdal(base: str, *names: str) -> dict:
    from geo.safe_open import GDAL_CONFIG  # the app's own processes: no network drivers, 1 s timeouts

    env = {k: v for k, v in os.environ.items() if k != "GDAL_SKIP" and k not in GDAL_CONFIG}
    env["GDAL_HTTP_UNSAFESSL"] = "YES"  # the cluster's self-signed certificate
    proc = subprocess.run(
        [sys.executable, "-c", GDAL_LAYERS, base, *names], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def _collections(cluster) -> set[str]:
    with urllib.request.urlopen(cluster["https"] + "/ogc/collections?f=json", context=INSECURE, timeout=60) as r:
        return {c["id"] for c in json.loads(r.read())["collections"]}


def _wait_collections(cluster, expected: set[str], seconds: float = 90) -> set[str]:
    end, seen = time.monotonic() + seconds, set()
    while time.monotonic() < end:
        try:
            seen = _collections(cluster)
        except OSError:  # pygeoapi restarting
            seen = set()
        if seen == expected:
            break
        time.sleep(1)
    return seen


def test_public_collection_through_gdal_oapif_and_nothing_internal(cluster, tmp_path):
    env = cluster["env"]
    _cli(
        env,
        "data",
        "add",
        "--table",
        str(_table(tmp_path, "intern", 100)),
        "--geography",
        "sgb2_intern",
        "--label",
        "SGB II intern (synthetisch)",
        "--source",
        "Synthetische Testdaten",
        "--as",
        "admin",
        stdin=PASSWORD + "\n",
    )
    base = cluster["https"] + "/ogc"
    assert "sgb2_intern" not in _wait_collections(cluster, SHIPPED | {"sgb2_intern"}, seconds=5)
    _cli(env, "data", "publish", "sgb2_intern", "--as", "admin", stdin=PASSWORD + "\n")
    assert _wait_collections(cluster, SHIPPED | {"sgb2_intern"}) >= SHIPPED | {"sgb2_intern"}
    got = _gdal(f"OAPIF:{base}", "sgb2_intern", "stadtteile")
    assert set(got["layers"]) == SHIPPED | {"sgb2_intern"}
    mine = got["sgb2_intern"]
    values_2024 = sorted(v for y, v in zip(mine["jahr"], mine["sgb2_kinder"]) if y == 2024)
    assert values_2024 == [100.0 + i for i in range(len(values_2024))] and len(values_2024) > 5
    assert {"code", "name", "jahr", "population_total"} <= set(got["stadtteile"])
    _cli(env, "data", "unpublish", "sgb2_intern", "--as", "admin", stdin=PASSWORD + "\n")
    assert _wait_collections(cluster, SHIPPED) == SHIPPED


def test_backup_restore_into_a_fresh_installation_gives_the_same_data(cluster, tmp_path):
    from store import backup, db

    env = cluster["env"]
    _cli(
        env,
        "data",
        "add",
        "--table",
        str(_table(tmp_path, "b", 200)),
        "--geography",
        "sgb2_backup",
        "--label",
        "SGB II Sicherung (synthetisch)",
        "--source",
        "Synthetische Testdaten",
        "--as",
        "admin",
        stdin=PASSWORD + "\n",
    )
    _cli(env, "backup", "--out", str(tmp_path / "sicherung.tar.gz"))
    url = env["SOZIALMONITOR_DB_URL"]
    old = db.make_engine(url)
    fresh_url = url.replace("/sozialmonitor?", "/sozialmonitor_neu?")
    with old.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql('CREATE DATABASE "sozialmonitor_neu"')
    fresh_env = {
        **env,
        "SOZIALMONITOR_DB_URL": fresh_url,
        "SOZIALMONITOR_DATA_DIR": str(tmp_path / "neu"),
        "SOZIALMONITOR_OGC_DIR": str(tmp_path / "neu-ogc"),
    }
    out = _cli(fresh_env, "restore", str(tmp_path / "sicherung.tar.gz"))
    assert "Zurückgespielt" in out
    new = db.make_engine(fresh_url)
    try:
        assert backup.table_contents(new) == backup.table_contents(old)
        listed = _cli(fresh_env, "data", "list", "--json", "--as", "admin", stdin=PASSWORD + "\n")
        assert json.loads(listed) == json.loads(
            _cli(env, "data", "list", "--json", "--as", "admin", stdin=PASSWORD + "\n")
        )
        assert not (tmp_path / "neu" / "datasets").exists()  # the datasets came back in the database
    finally:
        old.dispose()
        new.dispose()


def _established(port: int) -> int:
    """Established TCP connections whose local port is ``port`` (the app side of nginx's upstream links)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            if parts[3] == "01" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                count += 1
    return count


def _route(url: str, cookie: str | None) -> str:
    """The ``smroute`` value nginx sets on a page request sent with ``cookie`` (None: none)."""
    req = urllib.request.Request(url + "/", headers={"Cookie": f"smroute={cookie}"} if cookie else {})
    with urllib.request.urlopen(req, context=INSECURE, timeout=30) as resp:
        jar = http.cookies.SimpleCookie(resp.headers["Set-Cookie"])
    return jar["smroute"].value


def test_a_route_cookie_keeps_its_process_and_a_forged_one_is_a_new_visitor(cluster):
    apps = {u.removeprefix("http://").strip("/") for u in cluster["apps"]}
    first = _route(cluster["https"], None)
    assert first in apps  # the address of the process that answered
    assert all(_route(cluster["https"], first) == first for _ in range(4))  # sticky
    for forged in ("169.254.169.254:80", "127.0.0.1:22", "sozialmonitor_ogc", "x" * 300):
        assert _route(cluster["https"], forged) in apps  # never proxied anywhere but an app process


def test_new_sessions_spread_over_both_app_processes(cluster):
    """A new browser session goes to the process with fewer open connections (least_conn), so sessions
    from one address (one office behind NAT, here all of 127.0.0.1) fill both processes evenly, unlike
    ip_hash (all on one) or a random cookie hash (13 of 20 on one, one time in four)."""
    import asyncio

    import websockets

    ports = [int(u.rsplit(":", 1)[1].strip("/")) for u in cluster["apps"]]
    url = cluster["https"].replace("https", "wss", 1) + "/_stcore/stream"

    async def hold(n: int) -> list[int]:
        conns = [
            await websockets.connect(url, subprotocols=["streamlit"], origin=cluster["https"], ssl=INSECURE)
            for _ in range(n)
        ]
        try:
            await asyncio.sleep(0.5)
            return [_established(p) for p in ports]
        finally:
            for c in conns:
                await c.close()

    before = [_established(p) for p in ports]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # a thread of its own: Playwright's sync API keeps a loop in this one
        during = pool.submit(asyncio.run, hold(12)).result(timeout=120)
    gained = [d - b for d, b in zip(during, before)]
    # 12 websockets: 6 and 6, give or take the keep-alive links of earlier requests, which come and go
    assert min(gained) >= 4 and max(gained) - min(gained) <= 4, gained
