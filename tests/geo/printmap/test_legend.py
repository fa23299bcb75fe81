"""geo.printmap.legend: legend rows and scale bar (SYNTHETIC values)."""

from __future__ import annotations

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geo.printmap.legend import LegendText, draw_legend
from indicators.compute.classify import classify


def test_a_long_row_label_wraps_instead_of_running_into_its_count():
    fig = Figure(figsize=(8.27, 11.69), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.6, 0.6, 0.28, 0.25))  # a narrow legend, as on the report's overview page
    ax.set_xlim(0, 60)
    ax.set_ylim(0, 70)
    cls = classify(pd.Series([0.0, 1.0, 2.0, 3.0, 3.0]), k=3)  # SYNTHETIC
    label = "erhöhter Bedarf bei mindestens einem Indikator"
    draw_legend(
        ax, fig, cls, LegendText(title="Indikatoren mit erhöhtem Bedarf je Gebiet", flag_label=label), flagged=5
    )
    renderer = fig.canvas.get_renderer()
    row = next(x for x in ax.texts if x.get_text().replace("\n", " ") == label)
    count = next(x for x in ax.texts if x.get_text() == "5")  # the flagged areas (no class has 5)
    assert "\n" in row.get_text()  # wrapped
    a, b = row.get_window_extent(renderer), count.get_window_extent(renderer)
    assert a.x1 < b.x0  # the label ends before its count
    assert a.x1 <= ax.get_window_extent(renderer).x1  # and inside the legend
