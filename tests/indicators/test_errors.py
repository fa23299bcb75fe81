"""Expected errors carry a wording key and parameters; the front door renders them in the user's language."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.compute.classify import check_breaks, parse_breaks
from indicators.errors import InputError, SozialmonitorError, UnknownGeography, error_text, msg
from indicators.wording import TEXTS
from indicators.wording import errors as error_wording
from indicators.wording.message import Listed, Message, Number

PLACEHOLDER = re.compile(r"\{(\w+)")


def test_a_keyed_error_is_german_by_str_and_english_by_text():
    exc = InputError(msg("err_street_unknown", street="Briete Strase"), file="a.csv", row=3, column="x")
    assert str(exc) == "Datei a.csv, Zeile 3, Spalte x: Straße 'Briete Strase' nicht gefunden."
    assert exc.localized("en") == "file a.csv, row 3, column x: Street 'Briete Strase' not found."
    assert error_text(exc, "en") == exc.localized("en") and isinstance(exc, ValueError)


def test_an_old_string_error_still_works_and_a_keyerror_is_not_quoted():
    assert error_text(InputError("alt"), "en") == "alt"
    assert str(UnknownGeography(msg("err_address_empty"))).startswith("Bitte Straße")
    assert error_text(UnknownGeography(msg("err_address_empty")), "en").startswith("Please enter street")


def test_unknown_keys_are_a_programming_error():
    with pytest.raises(KeyError):
        Message("err_no_such_key")


@pytest.mark.parametrize("key", sorted(error_wording.TEXTS))
def test_every_error_text_has_the_same_placeholders_in_both_languages(key):
    de, en = TEXTS[key]
    assert set(PLACEHOLDER.findall(de)) == set(PLACEHOLDER.findall(en)), key


@settings(max_examples=50, deadline=None)
@given(value=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), decimals=st.integers(0, 3))
def test_numbers_in_messages_use_the_readers_decimal_sign(value, decimals):
    de, en = Number(value, decimals).text("de"), Number(value, decimals).text("en")
    if decimals:
        assert "," in de.rsplit(".", 1)[-1] and "." in en.rsplit(",", 1)[-1]
    nested = Message("err_breaks_doubled", {"values": Listed((Number(value, decimals),))})
    assert nested.text("de").endswith(de) and nested.text("en").endswith(en)


def test_class_break_errors_are_keyed_and_rendered_in_english():
    with pytest.raises(InputError) as err:
        parse_breaks("10; abc")
    assert err.value.localized("en") == "class break 2 ('abc') is not a number; example: 10; 20.5; 30"
    with pytest.raises(InputError) as err:  # was a bare ValueError (the CLI took it for a bug)
        check_breaks([20.5, 20.5, 3])
    assert str(err.value) == "Eigene Klassengrenzen: Grenze doppelt angegeben: 20,5"
    assert err.value.localized("en") == "Manual breaks: break given twice: 20.5"
    assert isinstance(err.value, SozialmonitorError)


def test_planning_record_errors_name_the_field_in_the_readers_language():
    from indicators.wording.voice import Voice
    from store.planning.errors import PlanError
    from store.planning.records import LABELS, clean, describe, field_label

    with pytest.raises(PlanError) as err:
        clean("measure", {"geography": "stadtteile", "field": "x", "title": "T", "budget_planned": "abc"}, ["x"])
    assert str(err.value) == "Budget geplant 'abc' ist keine Zahl"  # German kept for old callers
    assert error_text(err.value, "en") == "Budget planned 'abc' is not a number"
    assert (
        LABELS["budget_planned"] == "Budget geplant"
        and field_label("budget_planned", voice=Voice.of("en")) == "Budget planned"
    )
    assert describe({"status": ["geplant", "laufend"]}, voice=Voice.of("en")) == "Status: 'geplant' → 'laufend'"
