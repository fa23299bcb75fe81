"""Report pages draw on the figure without extra axes, and the cheap artists land where matplotlib's would."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D

from geo.printmap import layout as pl
from geo.printmap.cells import CellTexts
from geo.printmap.legend import scale_bar_length
from geo.report import layout as rl

matplotlib.use("Agg")

STRINGS = ["Übersicht Äpfel", "gypsy (42)", "1. von 10", "12.345,6", "−4,7"]


def _png(draw) -> np.ndarray:
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    trans = Affine2D().scale(1 / 100, 1 / 75) + fig.transFigure  # 100 × 75 units on the figure
    draw(fig, trans)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    buf.seek(0)
    return np.asarray(matplotlib.image.imread(buf))


@pytest.mark.parametrize("ha", ["left", "center", "right"])
@pytest.mark.parametrize("va", ["center", "top", "bottom", "baseline", "center_baseline"])
def test_cell_texts_are_placed_exactly_like_text(ha, va):
    def with_text(fig, trans):
        for i, s in enumerate(STRINGS):
            fig.add_artist(
                matplotlib.text.Text(
                    50,
                    10 + 12 * i,
                    s,
                    ha=ha,
                    va=va,
                    fontsize=9,
                    transform=trans,
                    color=pl.TEXT_COLOR,
                    fontweight="bold" if i % 2 else "normal",
                )
            )

    def with_cells(fig, trans):
        cells = CellTexts(trans, pl.TEXT_COLOR)
        for i, s in enumerate(STRINGS):
            cells.add(50, 10 + 12 * i, s, ha, va, 9, "bold" if i % 2 else "normal")
        fig.add_artist(cells)

    with matplotlib.rc_context(pl.RC):
        a, b = _png(with_text), _png(with_cells)
    assert a.shape == b.shape and np.abs(a - b).max() < 1e-6


def test_scale_bar_picks_the_length_matplotlib_scalebar_picked():
    from matplotlib_scalebar.scalebar import ScaleBar

    bar = ScaleBar(1.0, "m")
    for metres in (1.0, 3.0, 7.0, 750.0, 1000.0, 1234.0, 5000.0, 24_500.0, 9e5):
        _, value, unit = bar._calculate_best_length(metres)
        assert scale_bar_length(metres) == (value, unit), metres


def test_year_chart_limits_and_ticks_are_those_of_an_axes():
    """The helpers year_chart draws with give what an autoscaled axes shows."""
    s = pd.Series([212_115.0, 215_000.0, 222_077.0], index=[2010, 2016, 2022])
    ax = Figure().add_axes((0, 0, 1, 1))
    ax.plot(s.index, s.to_numpy())
    assert rl._view(np.asarray(s.index, dtype=float)) == pytest.approx(ax.get_xlim())
    assert rl._view(s.to_numpy()) == pytest.approx(ax.get_ylim())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    x0, x1 = ax.get_xlim()
    drawn = [v for v in ax.get_xticks() if x0 <= v <= x1]
    assert rl._ticks(MaxNLocator(integer=True, nbins=5), x0, x1) == pytest.approx(drawn)
