"""The e2e demo apps (``tests/e2e/apps``) run without error under AppTest, so a library signature they still
call the old way fails here, in the quick suite, and not only as a browser timeout (the map demo passed
``lang=`` to ``classify`` after the library moved to a bound voice: every offline-map browser test waited
60 s for a frame that never came)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT


@pytest.mark.parametrize("query", [{}, {"lang": "en", "labels": "1", "scheme": "fisher_jenks", "draw": "1"}])
def test_map_demo_runs(query):
    at = AppTest.from_file(str(ROOT / "tests/e2e/apps/map_demo.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    assert any("last_object_clicked" in c.value for c in at.caption)
