"""SOZIALMONITOR_AUTH=oidc in Chromium against oidc-provider-mock started here on localhost:
st.login, the role from the group mapping, the login in the audit log. The user is SYNTHETIC."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from testkit import ROOT, require

USER = {"sub": "olga", "preferred_username": "olga", "email": "olga@example.invalid", "groups": ["sm-planung"]}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} not reachable:\n{log.read_text()}")


@pytest.fixture(scope="module")
def oidc_site(tmp_path_factory):
    try:
        import oidc_provider_mock  # noqa: F401
    except ImportError:
        require(False, "oidc-provider-mock is not installed")
    folder = tmp_path_factory.mktemp("oidc")
    idp_port, app_port = _free_port(), _free_port()
    procs = []
    idp_log = folder / "idp.log"
    with open(idp_log, "wb") as fh:
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "oidc_provider_mock", "-p", str(idp_port), "--user-claims", json.dumps(USER)],
                stdout=fh,
                stderr=subprocess.STDOUT,
            )
        )
    issuer = f"http://localhost:{idp_port}"
    _wait(f"{issuer}/.well-known/openid-configuration", procs[0], idp_log)
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{app_port}/oauth2callback"\n'
        'cookie_secret = "test-cookie-secret-not-for-production"\n'
        'client_id = "sozialmonitor"\nclient_secret = "test-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        'client_kwargs = { scope = "openid profile email" }\n',
        encoding="utf-8",
    )
    data_dir = tempfile.mkdtemp(prefix="sm-oidc-")
    env = {
        **os.environ,
        "SOZIALMONITOR_AUTH": "oidc",
        "SOZIALMONITOR_DATA_DIR": data_dir,
        "SOZIALMONITOR_OIDC_ROLES": "sm-lesen=viewer,sm-planung=planner,sm-statistik=admin",
        "STREAMLIT_SECRETS_FILES": str(secrets),
    }
    app_log = folder / "app.log"
    with open(app_log, "wb") as fh:
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "cli.py",
                    "serve",
                    "--port",
                    str(app_port),
                    "--server.address",
                    "127.0.0.1",
                    "--server.headless",
                    "true",
                    "--browser.gatherUsageStats",
                    "false",
                    "--server.fileWatcherType",
                    "none",
                ],
                cwd=ROOT,
                env=env,
                stdout=fh,
                stderr=subprocess.STDOUT,
            )
        )
    try:
        _wait(f"http://localhost:{app_port}/_stcore/health", procs[1], app_log)
        yield f"http://localhost:{app_port}/", env
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()


def test_oidc_login_gives_the_mapped_role_and_is_audited(browser, e2e, oidc_site):
    url, env = oidc_site
    with e2e.open_app_page(browser, url, "auth-oidc") as app:
        page = app.page
        page.get_by_text("Bitte melden Sie sich an").wait_for()
        assert page.locator("input[type=file]").count() == 0
        page.get_by_role("button", name="Mit dem Konto der Stadt anmelden").click()
        page.get_by_role("button", name="olga").click()  # the mock's predefined user
        page.wait_for_url(url + "**")
        app.wait_idle()
        page.get_by_text("Angemeldet als").wait_for()
        assert "olga" in page.locator("[data-testid=stSidebar]").inner_text()
        page.locator("[data-testid=stSidebarNav]").get_by_text("Daten laden").click()
        app.wait_idle()
        page.locator("input[type=file]").first.wait_for(state="attached")  # planner: may upload
    out = subprocess.run(
        [sys.executable, "cli.py", "audit", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    log = json.loads(out.stdout)
    assert any(
        e["user"] == "olga" and e["action"] == "login_success" and e["details"]["role"] == "planner" for e in log
    ), log
