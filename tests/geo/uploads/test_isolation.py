"""The network fence of a check child (``geo/uploads/isolation.py``): a fence that cannot be set is not skipped."""
from __future__ import annotations

import os
import sys
import types

import pytest

from geo.uploads import isolation


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
