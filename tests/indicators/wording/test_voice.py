"""The bound wording object: one Voice made at the front door renders texts, messages, numbers and dates."""
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from indicators.errors import msg
from indicators.formatting import fmt_number
from indicators.wording import t
from indicators.wording.message import Percent
from indicators.wording.voice import GERMAN, Voice


def test_a_voice_is_made_from_any_language_text_and_kept_as_it_is():
    assert Voice.of("en").lang == "en" and Voice.of(None) == GERMAN and Voice.of("fr") == GERMAN
    english = Voice.of("en")
    assert Voice.of(english) is english


def test_texts_messages_and_dates_in_the_voices_language():
    english, german = Voice.of("en"), Voice.of("de")
    assert english.t("q_year") == t("q_year", "en") != german.t("q_year")
    problem = msg("zonal_part_outside", share=Percent(51))
    assert german.text(problem) == "51\u00a0% der Fläche außerhalb des Rasters"
    assert english.text(problem).endswith("of the area outside the raster")
    assert german.date(dt.date(2019, 3, 1)) == "01.03.2019" and english.date(dt.date(2019, 3, 1)) == "2019-03-01"
    assert german.date(None) == "–"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12), st.integers(0, 3),
       st.sampled_from(["de", "en"]))
def test_numbers_are_the_formatting_modules_numbers(value, decimals, lang):
    # one place decides number formats: the voice only binds the language to it
    assert Voice.of(lang).number(value, decimals) == fmt_number(value, decimals, lang)
