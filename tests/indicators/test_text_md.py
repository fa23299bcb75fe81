"""indicators.text.md: user text renders literally in Markdown."""

import re

import pytest

from indicators.text import md


@pytest.mark.parametrize(
    "text",
    [
        "![b](http://127.0.0.1:8603/beacon.png)",
        "[x](javascript:alert(1))",
        "$\\frac{$",
        "# Titel",
        "**fett**",
        "<img src=x>",
        ":red[rot]",
        "a_b_c",
        "www.example.org",
        "mail@example.org",
        "https://example.org/x",
    ],
)
def test_every_markdown_construct_is_escaped(text):
    out = md(text)
    # no unescaped character of links, images, emphasis, HTML or LaTeX is left
    assert not re.search(r"(?<!\\)[\[\]*_<>$`]", out.replace("\\\\", "")), out
    assert out.replace("\u2060", "").replace("\\", "") == text.replace("\\", "")


@pytest.mark.parametrize(
    "text, start", [("# Titel", "\\#"), ("1. Punkt", "1\\."), ("- Liste", "\\-"), ("> Zitat", "\\>")]
)
def test_block_markers_at_the_start_are_escaped(text, start):
    assert md(text).startswith(start)


def test_ordinary_text_stays_readable():
    assert md("Anteil 65-Jährige (EB-geglättet): 12,5 %") == "Anteil 65-Jährige (EB-geglättet): 12,5 %"


def test_autolinks_are_broken_and_lines_joined():
    out = md("siehe http://a.de\nund www.b.de oder c@d.de")
    assert "\n" not in out
    assert "http\u2060" in out and "www\u2060" in out and "c\u2060@" in out


def test_none_nan_and_cut():
    assert md(None) == "" and md(float("nan")) == ""
    assert md("abcdef", max_len=4) == "abc…"
