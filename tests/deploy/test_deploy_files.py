"""deploy/: the nginx site and the systemd units agree with the app's limits and carry what a server needs."""

from __future__ import annotations

import configparser
import re

import pytest
from testkit import ROOT

from geo.uploads.sandbox import DEFAULT_MEMORY_MB
from indicators.limits import DEFAULT_UPLOAD_MB

DEPLOY = ROOT / "deploy"
SITE = (DEPLOY / "nginx" / "sozialmonitor.conf").read_text(encoding="utf-8")
SERVICES = sorted((DEPLOY / "systemd").glob("*.service"))


def _unit(path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    cp.optionxform = str
    cp.read_string(path.read_text(encoding="utf-8"))
    return cp


def _mb(size: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT]?)", size).groups()
    return float(number) * {"K": 1 / 1024, "": 1 / 1024 / 1024, "M": 1, "G": 1024, "T": 1024**2}[unit]


def test_nginx_body_size_is_the_upload_cap_plus_the_multipart_envelope():
    body = re.search(r"client_max_body_size\s+(\d+)m;", SITE)
    assert body and int(body.group(1)) == round(DEFAULT_UPLOAD_MB) + 2
    env = (DEPLOY / "sozialmonitor.env.example").read_text(encoding="utf-8")
    assert f"SOZIALMONITOR_MAX_UPLOAD_MB={DEFAULT_UPLOAD_MB:g}" in env


def test_nginx_site_has_tls_redirect_websocket_sticky_ogc_and_health():
    assert re.search(r"listen 443 ssl", SITE) and "return 301 https://$host$request_uri;" in SITE
    assert "proxy_set_header Upgrade $http_upgrade;" in SITE and "location /_stcore/stream" in SITE
    app = SITE.split("upstream sozialmonitor_app", 1)[1].split("}")[0]
    assert "least_conn;" in app and "ip_hash" not in app and "hash " not in app
    # the route cookie selects only upstreams named in the map; everything else is the balanced group
    routes = SITE.split("map $cookie_smroute $sm_upstream", 1)[1].split("}")[0]
    assert "default sozialmonitor_app;" in routes
    for name in re.findall(r"\s(sm_app_\d+);", routes):
        assert f"upstream {name} " in SITE
    assert "proxy_pass http://$sm_upstream;" in SITE
    assert "location /ogc/" in SITE and "location = /healthz" in SITE
    for header in ("Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"):
        assert f"add_header {header}" in SITE
    assert "proxy_set_header Host $host;" not in SITE  # Streamlit compares Host (with port) with the Origin


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_every_service_runs_as_the_service_user_with_its_environment(path):
    svc = _unit(path)["Service"]
    if "systemctl" in svc.get("ExecStart", ""):  # the .path unit's restart helper runs as root
        return
    assert svc["User"] == "sozialmonitor" and svc["WorkingDirectory"] == "/opt/sozialmonitor"
    assert svc["EnvironmentFile"] == "/etc/sozialmonitor/sozialmonitor.env"
    assert "LimitAS" not in svc  # the upload sandbox sets its own RLIMIT_AS (see deploy/README.md)
    if svc.get("Type") != "oneshot":
        assert svc["Restart"] in ("on-failure", "always")


def test_app_memory_limit_leaves_room_for_one_upload_check():
    svc = _unit(DEPLOY / "systemd" / "sozialmonitor@.service")["Service"]
    assert _mb(svc["MemoryMax"]) >= DEFAULT_MEMORY_MB + 512
    assert "cli.py health" in svc["ExecStartPost"] and "%i" in svc["ExecStart"]


def test_betrieb_steps_in_the_order_an_administrator_follows():
    text = (DEPLOY / "README.md").read_text(encoding="utf-8")
    steps = [m.group(1) for m in re.finditer(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)]
    order = [
        "Pakete",
        "Benutzer",
        "PostgreSQL",
        "Umgebungsdatei",
        "systemd",
        "nginx",
        "Zertifikat",
        "Administrator",
        "Sicherung",
    ]
    positions = [next(i for i, s in enumerate(steps) if word in s) for word in order]
    assert positions == sorted(positions)
