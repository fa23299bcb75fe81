"""Help next to the controls that need it: classification, classes, threshold, need method (AppTest)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGE = """
import sys
sys.path.insert(0, {root!r})
from ui import common
from ui.pages import {page}
common.language_switch()
{page}.render()
"""


def _run(page: str, lang: str = "de") -> AppTest:
    at = AppTest.from_string(PAGE.format(root=str(ROOT), page=page), default_timeout=120)
    at.query_params["lang"] = lang
    return at.run()


def test_the_atlas_explains_classification_and_threshold():
    at = _run("atlas")
    assert not at.exception, [e.value for e in at.exception]
    assert "Quantile = gleich viele Gebiete" in at.selectbox(key="scheme").help
    assert "Anzahl der Farbklassen" in at.slider(key="k").help
    assert any(ti.help and "Mittelwert" in ti.help for ti in at.text_input)  # the flag threshold


def test_the_needs_page_explains_the_method_in_english():
    at = _run("needs", "en")
    assert not at.exception, [e.value for e in at.exception]
    assert "status index after the Berlin monitoring" in at.selectbox(key="needs_method").help
