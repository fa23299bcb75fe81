"""Formula neutralisation of exports and its undoing when the tool reads its own export back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from indicators.spreadsheet import DANGEROUS_START, restore_cell, safe_cell


@given(st.text(max_size=30), st.sampled_from(["", *DANGEROUS_START, " =", "'", "'="]))
def test_what_a_spreadsheet_would_run_is_neutralised_and_restored(text, start):
    value = start + text
    safe = safe_cell(value)
    if value.lstrip(" \u00a0").startswith(("=", "@", "'=")):  # ("+3" and "-3" are numbers and stay)
        assert str(safe).startswith("'")
    if safe != value:
        assert safe == "'" + value
    assert restore_cell(safe) == value
