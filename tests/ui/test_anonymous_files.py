"""Anonymous visitors (SOZIALMONITOR_ANONYMOUS=1) get no file uploader and the library refuses their files.

Files are SYNTHETIC, made here.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.spatial.facilities import read_facilities
from geo.spatial.zonal import zonal_stats
from store.errors import PermissionDenied
from store.permissions import ANONYMOUS, User


@pytest.fixture
def anonymous_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    monkeypatch.setenv("SOZIALMONITOR_ANONYMOUS", "1")


def _tool(name: str) -> None:
    from ui.pages import query_tools

    getattr(query_tools, name)()


@pytest.mark.parametrize("tool", ["render_facilities_tool", "render_raster_tool"])
def test_anonymous_visitors_see_no_uploader(tool, anonymous_mode):
    at = AppTest.from_function(_tool, args=(tool,), default_timeout=120).run()
    assert not at.exception
    assert at.get("file_uploader") == []
    assert "nur angemeldete Personen" in " ".join(i.value for i in at.info)


def test_the_library_refuses_an_anonymous_visitors_file(tmp_path, anonymous_mode):
    points = tmp_path / "kitas.csv"
    points.write_text("name;lat;lon\nKita;53,87;10,68\n")  # SYNTHETIC
    with pytest.raises(PermissionDenied, match="Ohne Anmeldung darf nicht Dateien hochladen"):
        read_facilities(points, "kitas.csv", user=ANONYMOUS)
    with pytest.raises(PermissionDenied, match="Ohne Anmeldung"):
        zonal_stats(tmp_path / "hitze.tif", None, user=ANONYMOUS)  # refused before the file is looked at
    found, report = read_facilities(points, "kitas.csv", user=User("vera", "viewer", 7))  # a viewer may analyse
    assert found is not None and report.ok


def test_the_local_planner_gets_the_uploader(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "none")
    at = AppTest.from_function(_tool, args=("render_facilities_tool",), default_timeout=120).run()
    assert not at.exception and len(at.get("file_uploader")) == 1
