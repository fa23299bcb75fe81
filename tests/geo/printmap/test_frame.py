"""geo.printmap.frame: header and footer of a print page (invented texts)."""

from __future__ import annotations

import matplotlib

from geo.printmap import layout as pl
from geo.printmap.frame import draw_footer, draw_header, footer_lines

SIZE = "a4-landscape"


def _page():
    return pl.new_figure(SIZE), pl.page_layout(SIZE)


def test_a_long_title_shrinks_in_half_steps_to_about_eleven_points_and_the_subtitle_keeps_two_lines():
    with matplotlib.rc_context(pl.RC):
        fig, layout = _page()
        draw_header(fig, layout, "Kurz", "Untertitel")
        short = fig.axes[-1].texts[0].get_fontsize()
        fig, layout = _page()
        draw_header(fig, layout, "Sehr langer Titel " * 8, "Wort " * 400)
        title, sub = fig.axes[-1].texts
    fs = layout.font_scale
    assert short == 17 * fs
    # half steps of fs from 17 fs: the last one may land one step under 11 fs (float rounding)
    assert 10.5 * fs - 1e-9 <= title.get_fontsize() < short
    assert len(sub.get_text().splitlines()) == 2


def test_footer_lines_keep_every_word_of_every_part_in_order():
    parts = ["Quelle: Synthetische Testdaten " * 6, "Methode: Quantile, 5 Klassen."]
    with matplotlib.rc_context(pl.RC):
        fig, layout = _page()
        lines = footer_lines(fig, 120.0, 6.6, parts)
        draw_footer(fig, layout, lines, 6.6)
        drawn = fig.axes[-1].texts[0].get_text()
    assert len(lines) > len(parts)  # the long source wraps
    assert " ".join(lines).split() == " ".join(parts).split()
    assert drawn == "\n".join(lines)
