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


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.integers(0, 3),
    st.sampled_from(["de", "en"]),
)
def test_numbers_are_the_formatting_modules_numbers(value, decimals, lang):
    # one place decides number formats: the voice only binds the language to it
    assert Voice.of(lang).number(value, decimals) == fmt_number(value, decimals, lang)


def _placeholders(key: str) -> tuple[set[str], bool]:
    """The placeholder names of ``key``'s texts, and whether any has a format spec."""
    import string

    from indicators.wording import TEXTS

    fields = [(name, spec) for text in TEXTS[key] for _, name, spec, _ in string.Formatter().parse(text) if name]
    return {name.split(".")[0].split("[")[0] for name, _ in fields}, any(spec for _, spec in fields)


def test_every_text_renders_whatever_its_placeholders_are_called():
    # a placeholder named like the renderer's own parameters ({key}, {lang}) once made
    # "validate --key X" crash with "t() got multiple values for argument 'key'"
    from indicators.wording import TEXTS

    keyed = [k for k in TEXTS if _placeholders(k)[0]]
    assert {"bnd_key_not_found", "err_form_too_long"} <= set(keyed)
    for key in keyed:
        names, spec = _placeholders(key)
        params = dict.fromkeys(names, 1)  # a number suits every format spec
        assert t(key, "de", **params) and Voice.of("en").t(key, **params), key
        if not spec:  # a Message renders its values to text first
            assert msg(key, **params).text("en"), key


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.integers(0, 2),
    st.sampled_from(["de", "en"]),
)
def test_values_changes_and_ranges_are_the_formatting_modules(value, decimals, lang):
    from indicators.formatting import fmt_change, fmt_range, fmt_value

    voice = Voice.of(lang)
    assert voice.value(value, "%", decimals) == fmt_value(value, "%", decimals, lang)
    assert voice.change(value, decimals) == fmt_change(value, decimals, lang)
    assert voice.range(value, value + 1, decimals) == fmt_range(value, value + 1, decimals, lang)


def test_rank_pick_and_columns_in_the_voices_language():
    import pandas as pd

    german, english = Voice.of("de"), Voice.of("en")
    assert german.rank(3, 10) == "3. von 10" and english.rank(3, 10) == "3 of 10"
    assert german.pick(("ja", "yes")) == "ja" and english.pick(("ja", "yes")) == "yes"
    frame = pd.DataFrame({"name": ["Moisling"]})
    assert list(german.columns(frame).columns) != list(english.columns(frame).columns)
