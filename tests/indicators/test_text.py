"""Escaping user strings for HTML (hostile names)."""
import pytest

from indicators.text import esc, esc_attr, plain

HOSTILE = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "St. Jürgen & <b>Co</b>",
           "javascript:alert('x')", "</div><iframe src=//evil>", "A\x00B\x1bC"]


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
