"""Status words (issue 24, Deliver 2): every status of the closed vocabulary has a word in each
language from the wording table; an English reader never sees the German key."""

from __future__ import annotations

from typing import get_args

from hypothesis import given
from hypothesis import strategies as st

from indicators.planning.display import status_word
from indicators.types import Status
from indicators.wording.planning import TEXTS as PLANNING
from indicators.wording.voice import Voice
from store.planning.records import status_label

GERMAN_KEYS = set(get_args(Status))


@given(status=st.sampled_from(sorted(GERMAN_KEYS)), lang=st.sampled_from(["de", "en"]))
def test_every_status_has_its_word_in_each_language(status, lang):
    word = status_word(status, voice=Voice.of(lang))
    assert word == PLANNING[f"plan_status_{status}"][0 if lang == "de" else 1]
    assert word and (lang == "de" or word not in GERMAN_KEYS)  # never the raw key in English
    assert status_label(status, voice=Voice.of(lang)) == word  # the store's old name gives the same word


def test_english_words_are_distinct_and_unknown_values_stay_as_they_are():
    assert len({status_word(s, voice=Voice.of("en")) for s in GERMAN_KEYS}) == len(GERMAN_KEYS)
    assert status_word("laufend", voice=Voice.of("en")) == "running"
    assert status_word("irgendwas", voice=Voice.of("en")) == "irgendwas"
