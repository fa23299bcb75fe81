"""The fence around an upload check (geo/uploads/isolation.py): even a file that got past the
content check reaches nobody, and the child holds none of the parent's sockets.

The attack file is SYNTHETIC (tests/hostile.py); the listener counts every connection.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
import types

import pytest
from hostile import hostile_geojson

from geo.uploads import isolation
from geo.uploads.sandbox import run_limited

pytestmark = pytest.mark.usefixtures("data_dir")


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


# ------------------------------------------------ narrowed excepts (issue #25 item 6)


def test_pyogrios_gdal_gets_the_settings(monkeypatch):
    got: list[dict[str, str]] = []
    monkeypatch.setattr(os, "environ", dict(os.environ))  # block_by_settings changes the environment
    monkeypatch.setitem(sys.modules, "pyogrio", types.SimpleNamespace(set_gdal_config_options=got.append))
    settings = isolation.block_by_settings()
    assert got and got[0]["GDAL_HTTP_PROXY"] == settings["GDAL_HTTP_PROXY"]


def test_a_failure_to_set_the_fence_in_pyogrio_propagates(monkeypatch):
    def refuse(_options: dict[str, str]) -> None:
        raise ValueError("GDAL refused the options")

    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.setitem(sys.modules, "pyogrio", types.SimpleNamespace(set_gdal_config_options=refuse))
    with pytest.raises(ValueError, match="GDAL refused"):
        isolation.block_by_settings()
