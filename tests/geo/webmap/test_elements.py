"""geo.webmap.elements: the drawing tool's texts handed to DrawLocal."""

from __future__ import annotations

import json

from geo.webmap.elements import DrawLocal, draw_texts
from indicators.wording.voice import GERMAN, Voice


def _leaves(tree: dict, path: tuple = ()) -> dict:
    out = {}
    for key, value in tree.items():
        out.update(_leaves(value, (*path, key)) if isinstance(value, dict) else {(*path, key): value})
    return out


def test_the_draw_texts_have_the_same_keys_in_both_languages_and_no_empty_text():
    de, en = _leaves(draw_texts(voice=GERMAN)), _leaves(draw_texts(voice=Voice.of("en")))
    assert de.keys() == en.keys() and len(de) > 20
    assert all(isinstance(v, str) and v.strip() for v in [*de.values(), *en.values()])
    assert de[("draw", "toolbar", "buttons", "rectangle")] == "Rechteck zeichnen"
    assert en[("draw", "toolbar", "buttons", "rectangle")] == "Draw a rectangle"


def test_draw_local_carries_the_texts_as_json():
    texts = draw_texts(voice=GERMAN)
    assert json.loads(DrawLocal(texts).texts_json) == texts
