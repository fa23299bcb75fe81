"""Print-map texts: the need map lists its indicators; a subtitle never repeats the title."""

from __future__ import annotations

import io

from pypdf import PdfReader

from geo.printmap.layer_map import needs_map_bytes
from geo.printmap.render import PrintOptions, render_print_map
from indicators.needs.assessment import default_setup, run_needs
from indicators.wording.voice import GERMAN


def _text(pdf: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_need_print_map_lists_its_indicators_and_names_the_year_once(luebeck):
    setup = default_setup(luebeck, 2022)
    result, _, _ = run_needs(luebeck, 2022, setup)
    text = _text(needs_map_bytes(luebeck, result, setup.method, 2022, "pdf")).replace("\n", " ")
    labels = [luebeck.catalogue[i].label(voice=GERMAN) for i in setup.indicators]
    assert f"{len(labels)} Indikatoren:" in text
    assert all(label.split(" (")[0] in text for label in labels), labels
    assert "Jahr 2022" not in text and text.count("Bedarfslagen 2022") >= 1


def test_the_indicator_subtitle_does_not_repeat_the_default_title(luebeck):
    text = _text(render_print_map(luebeck, "share_65plus", 2022, "pdf", PrintOptions()))
    label = luebeck.catalogue["share_65plus"].label(voice=GERMAN)
    assert f"{label} 2022" in text  # the title
    assert text.count(label) == 2  # title and legend title, not a third time in the subtitle
    assert "Jahr 2022" not in text and "in %" in text
    custom = _text(render_print_map(luebeck, "share_65plus", 2022, "pdf", PrintOptions(title="Ältere in Lübeck")))
    assert f"{label} (%)" in custom  # under a title of one's own the subtitle names indicator and year
