"""Escaping user strings for HTML (hostile names)."""

import pytest

from indicators.text import esc, esc_attr, plain

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "St. Jürgen & <b>Co</b>",
    "javascript:alert('x')",
    "</div><iframe src=//evil>",
    "A\x00B\x1bC",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_no_markup_survives(name):
    out = esc(name)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    assert "\x00" not in out and "\x1b" not in out


def test_text_survives_readably():
    assert esc("St. Jürgen & Co") == "St. Jürgen &amp; Co"
    assert esc(None) == "" and esc(float("nan")) == "" and esc(12.5) == "12.5"
    assert esc("abcdef", max_len=4) == "abc…"
    assert esc_attr("a\nb") == "a b"
    assert plain("a\x1b[31mb") == "a?[31mb"


# --- hidden characters (bidi overrides, zero-width, controls): one helper for shown names
import unicodedata  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from indicators.text import clean, has_hidden, md  # noqa: E402

HIDDEN = [
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200f",
    "\u061c",
    "\u00ad",
    "\n",
    "\r",
    "\x1b",
    "\x00",
    "\x85",
]


@given(st.lists(st.one_of(st.text(max_size=5), st.sampled_from(HIDDEN)), max_size=12))
def test_clean_removes_every_hidden_character_and_normalises(parts):
    text = "".join(parts)
    out = clean(text)
    assert not has_hidden(out)
    assert out == unicodedata.normalize("NFC", out)
    assert clean(out) == out  # idempotent
    assert not has_hidden(md(text).replace("\u2060", ""))  # md's own word joiners are the only invisible


def test_spoofed_names_are_recognised_and_shown_plainly():
    assert has_hidden("admin\u202egnp.exe") and clean("admin\u202egnp.exe") == "admingnp.exe"
    assert clean("Mu\u0308ller") == "Müller" and not has_hidden("Müller")
    assert clean("paula\nFAKE\tline", keep_breaks=True) == "paula\nFAKE\tline"
    assert clean("paula\nFAKE") == "paulaFAKE"
