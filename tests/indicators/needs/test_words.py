"""The need methods' German words in the user's language."""

from __future__ import annotations

import pandas as pd

from indicators.needs.words import need_word, need_words, reason_lines
from indicators.wording.voice import GERMAN, Voice

ENGLISH = Voice.of("en")


def test_need_words_in_english_and_unknown_kept():
    assert need_word("knapp", voice=ENGLISH) == "narrow" and need_word("knapp", voice=GERMAN) == "knapp"
    assert need_word("nicht bewertet", voice=ENGLISH) == "not assessed"
    assert need_word("Moisling", voice=ENGLISH) == "Moisling"
    assert need_words(pd.Series(["hoch", None]), voice=ENGLISH).tolist()[0] == "high"


def test_reason_lines_in_language():
    expl = pd.DataFrame(
        {
            "id": ["01", "01", "02"],
            "indicator": ["a", "b", "a"],
            "label": ["A", "B", "A"],
            "kind": ["z", "z", "Perzentil"],
            "value": [1.25, -0.5, 0.91],
            "contribution": [1, 1, 1],
            "sentence": ["", "", ""],
        }
    )
    lines = reason_lines(expl, {"a": "Share a"}, voice=ENGLISH)
    assert lines["01"] == "above average: Share a (z = 1.2); below average: B (z = \u22120.5)"
    assert reason_lines(expl, {}, voice=GERMAN)["02"] == "hoher Rang: A (Perzentil 0,91)"
