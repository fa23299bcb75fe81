"""Reading a street network file (``geo/spatial/network.py``): the GDAL errors it expects, and bugs.

Synthetic lines, made here. ``_read_lines`` is what the sandboxed child runs; it is
called in this process so a patched pyogrio is what it meets.
"""

from __future__ import annotations

import json

import pyogrio
import pytest
from pyogrio.errors import DataSourceError

from geo.spatial.network import NetworkError, _read_lines


def _lines_file(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "EPSG:25832"}},
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "LineString", "coordinates": [[610000, 5970000], [610100, 5970000]]},
            }
        ],
    }
    path = tmp_path / "strassen.geojson"
    path.write_text(json.dumps(doc))
    return path


def test_the_synthetic_network_is_read(tmp_path):
    assert len(_read_lines(_lines_file(tmp_path), "strassen.geojson")) == 1


def test_a_gdal_error_becomes_a_network_error_with_the_friendly_text(tmp_path, monkeypatch):
    def broken(*_a, **_k):
        raise DataSourceError("Failed to read GeoJSON data")

    monkeypatch.setattr(pyogrio, "read_dataframe", broken)
    with pytest.raises(NetworkError, match="GeoJSON fehlerhaft"):
        _read_lines(_lines_file(tmp_path), "strassen.geojson")


def test_a_bug_around_the_gdal_call_propagates(tmp_path, monkeypatch):
    def bug(*_a, **_k):
        raise TypeError("bug")

    monkeypatch.setattr(pyogrio, "read_dataframe", bug)
    with pytest.raises(TypeError, match="bug"):
        _read_lines(_lines_file(tmp_path), "strassen.geojson")
