"""One artist for the many one-line texts of a table (its cells), placed as matplotlib places them.

A matplotlib ``Text`` per cell costs its creation, a clip path, a layout and a draw on
every page; a report has thousands of cells. :class:`CellTexts` keeps each cell as its own
text in the PDF, in the order added (so reading order and text extraction stay as they
were), but measures each distinct string once (a cache shared by all pages and reports, keyed by
renderer type, dpi, size and font file) and skips the per-``Text`` work.
Positions follow ``Text._get_layout`` for one line with ``linespacing="normal"``: the
line's ascent and descent are at least the font's typographic ones (OS/2 table).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Transform

Metrics = tuple[float, float, float]  # width, ascent, descent (display units)
_METRICS: dict[tuple[Any, ...], Metrics] = {}
_MAX_METRICS = 50_000


@lru_cache(maxsize=64)
def _font_extent(path: str, size: float, dpi: float) -> tuple[float, float]:
    """Typographic ascent and descent of the font file at ``size`` (as ``Text._get_layout`` reads them)."""
    font = font_manager.get_font(path)
    head = font.get_sfnt_table("head")
    scale = size * dpi / 72 / (head["unitsPerEm"] if head is not None else 2048)
    os2 = font.get_sfnt_table("OS/2")
    if os2 is not None:
        return os2["sTypoAscender"] * scale, -os2["sTypoDescender"] * scale
    hhea = font.get_sfnt_table("hhea")
    if hhea is not None:
        return hhea["ascent"] * scale, -hhea["descent"] * scale
    return 0.0, 0.0


Cell = tuple[float, float, str, str, str, tuple[float, str], tuple[float, float, float, float]]


class CellTexts(Artist):
    """Single-line texts (``ha`` left/center/right; ``va`` center/top/bottom/baseline/center_baseline)
    drawn in one go, each as its own PDF text, in the order added."""

    zorder = 3  # as Text

    def __init__(self, transform: Transform, color: str, zorder: float = 3.0) -> None:
        super().__init__()
        self.set_transform(transform)
        self.set_clip_on(False)  # as Axes.text
        self.set_zorder(zorder)
        self._rgba = to_rgba(color)
        self._props: dict[tuple[float, str], FontProperties] = {}
        self.cells: list[Cell] = []

    def add(
        self,
        x: float,
        y: float,
        text: str,
        ha: str = "left",
        va: str = "center",
        fontsize: float = 8.0,
        weight: str = "normal",
        color: str | None = None,
    ) -> None:
        """One cell at (x, y) in the artist's coordinates; empty texts are skipped, as by Text."""
        if not text:
            return
        key = (float(fontsize), weight)
        if key not in self._props:
            self._props[key] = FontProperties(size=fontsize, weight=weight)  # family from the rc, as a Text
        self.cells.append((x, y, text, ha, va, key, self._rgba if color is None else to_rgba(color)))
        self.stale = True

    def texts(self) -> list[str]:
        """The cell texts in drawing order."""
        return [c[2] for c in self.cells]

    def _metrics(self, renderer, text: str, prop: FontProperties, font: str, dpi: float) -> Metrics:
        vector = getattr(renderer, "_renderer", renderer)  # MixedModeRenderer wraps the PDF/SVG renderer
        key = (type(vector), dpi, text, prop.get_size_in_points(), font)  # font: the file (rc decides it)
        got = _METRICS.get(key)
        if got is None:
            w, h, d = renderer.get_text_width_height_descent(text, prop, ismath=False)
            if len(_METRICS) >= _MAX_METRICS:
                _METRICS.clear()
            got = _METRICS[key] = (w, h - d, d)
        return got

    def draw(self, renderer) -> None:
        if not self.get_visible() or not self.cells:
            return
        renderer.open_group("celltexts", self.get_gid())
        fig = self.get_figure(root=True)
        dpi = fig.dpi if fig is not None else 72.0
        pos = self.get_transform().transform([(c[0], c[1]) for c in self.cells])
        flip = renderer.flipy()
        height = renderer.get_canvas_width_height()[1]
        gc = renderer.new_gc()
        gc.set_antialiased(True)  # no clip (clip_on is off, as for Axes.text)
        rgba = None
        fonts = {k: str(font_manager.findfont(p)) for k, p in self._props.items()}  # as the rc resolves them now
        for (px, py), (_, _, text, ha, va, key, color) in zip(pos, self.cells):
            if color != rgba:
                gc.set_foreground(color, isRGBA=True)
                rgba = color
            prop = self._props[key]
            w, a, d = self._metrics(renderer, text, prop, fonts[key], dpi)
            min_a, min_d = _font_extent(fonts[key], key[0], dpi)
            a, d = max(a, min_a), max(d, min_d)
            x = px - (w if ha == "right" else w / 2 if ha == "center" else 0.0)
            y = py + {"center": (d - a) / 2, "top": -a, "bottom": d, "center_baseline": -a / 2}.get(va, 0.0)
            renderer.draw_text(gc, x, height - y if flip else y, text, prop, 0.0, ismath=False, mtext=None)
        gc.restore()
        renderer.close_group("celltexts")
        self.stale = False
