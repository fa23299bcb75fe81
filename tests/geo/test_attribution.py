"""The source line has one home below the outputs; the old import path still works."""

from __future__ import annotations

from geo import attribution
from geo.exports import views


def test_exports_and_print_share_one_sources_line():
    assert views.sources_line is attribution.sources_line
