"""Drawing surfaces of report pages in mm, without one matplotlib Axes per box.

:class:`Page` is the whole page (artists go straight onto the figure), :class:`Panel` a box
of it; :func:`panel` gives a Panel on a page registered with :func:`set_page_axes`, else
(print maps) a box's own axes, as :func:`geo.printmap.layout.add_axes_mm`.
"""

from __future__ import annotations

import weakref

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Transform

from geo.printmap.cells import CellTexts
from geo.printmap.layout import TEXT_COLOR, Box, PageLayout, add_axes_mm

_CELL_KEYS = {"ha", "va", "horizontalalignment", "verticalalignment", "fontsize", "fontweight", "color", "zorder"}
_ALIGN = {"ha": "horizontalalignment", "va": "verticalalignment"}


class Page:
    """The whole page as a drawing surface in mm, without an Axes: artists go straight onto the figure.

    Everything is added with ``Figure.add_artist``, so it is drawn in the order added (within a
    zorder), as on an axes; texts take the defaults of ``Axes.text`` (no clipping). Plain
    one-line texts (alignment, size, weight, colour, zorder only) are collected into
    :class:`~geo.printmap.cells.CellTexts` runs, one PDF text each, in the same order: a run
    ends when anything else of its zorder is added.
    """

    def __init__(self, fig: Figure, layout: PageLayout) -> None:
        self.figure = fig
        self.transData = Affine2D().scale(1.0 / layout.width, 1.0 / layout.height) + fig.transFigure
        self._runs: dict[float, CellTexts] = {}

    def text(self, x: float, y: float, s: str, **kw) -> Text | None:
        """A text at (x, y) mm (``Axes.text`` keywords); ``None`` when it went into a run of cells."""
        if (
            "transform" not in kw
            and "\n" not in str(s)
            and _CELL_KEYS.issuperset(kw)
            and isinstance(kw.get("fontsize", 0.0), (int, float))
        ):
            self.cell(x, y, str(s), **kw)
            return None
        kw.setdefault("transform", self.transData)
        kw.setdefault("clip_on", False)
        text = Text(x, y, s, **kw)
        self.add_artist(text)
        return text

    def cell(self, x: float, y: float, s: str, **kw) -> None:
        """A one-line text at (x, y) mm, drawn by the open run of its zorder."""
        kw = {_ALIGN.get(k, k): v for k, v in kw.items()}
        z = float(kw.get("zorder", 3.0))
        run = self._runs.get(z)
        if run is None:
            run = self._runs[z] = CellTexts(self.transData, TEXT_COLOR, z)
            self.figure.add_artist(run)
        run.add(
            x,
            y,
            s,
            kw.get("horizontalalignment", "left"),
            kw.get("verticalalignment", "baseline"),
            float(kw.get("fontsize", mpl.rcParams["font.size"])),
            str(kw.get("fontweight", "normal")),
            kw.get("color", mpl.rcParams["text.color"]),
        )

    def plot(self, xs, ys, **kw) -> list[Line2D]:
        """One line (``Axes.plot`` keywords; a colour must be given: there is no colour cycle)."""
        line = Line2D(xs, ys, **kw)
        self.add_artist(line)
        return [line]

    def add_artist(self, art: Artist) -> Artist:
        self._runs.pop(float(art.get_zorder()), None)  # later texts of that zorder come after it
        if not art.is_transform_set():
            art.set_transform(self.transData)
        return self.figure.add_artist(art)

    @property
    def texts(self) -> list[str]:
        """The texts on the page, in drawing order (of Text artists and runs of cells)."""
        out: list[str] = []
        for art in self.figure.artists:
            out += [art.get_text()] if isinstance(art, Text) else art.texts() if isinstance(art, CellTexts) else []
        return out


class Panel:
    """A box of the page (mm, origin at its lower left) drawn on the page's full-size axes.

    Text, lines, patches and collections land exactly where an Axes of that box would put
    them, without the cost of one more matplotlib Axes (its ticks, spines and transforms) per
    box: a report has hundreds of them. ``data`` maps other data units (metres of a map, years
    of a chart) to millimetres of the box; ``get_xlim``/``get_ylim`` give the box size in mm.
    Nothing is clipped to the box: what is drawn must stay inside it. ``text_zorder`` above
    3 (a Text's) draws the panel's texts after the page's, where a separate axes would have
    put them: the PDF's text order (reading order, text extraction) stays that of the axes.
    """

    def __init__(self, page: Axes | Page, box: Box, data: Transform | None = None, text_zorder: float = 3.0) -> None:
        self.page = page
        self.text_zorder = text_zorder
        self.figure = page.figure
        self.box = box
        self.data = data
        self.transData = Affine2D().translate(box[0], box[1]) + page.transData
        if data is not None:
            self.transData = data + self.transData

    def get_xlim(self) -> tuple[float, float]:
        return 0.0, self.box[2]

    def get_ylim(self) -> tuple[float, float]:
        return 0.0, self.box[3]

    def text(self, x: float, y: float, s: str, **kw):
        kw.setdefault("zorder", self.text_zorder)
        if isinstance(self.page, Page) and self.data is None:  # page mm: may join a run of cells
            return self.page.text(x + self.box[0], y + self.box[1], s, **kw)
        return self.page.text(x, y, s, transform=self.transData, **kw)

    def plot(self, xs, ys, **kw) -> list[Line2D]:
        """One line (``Axes.plot`` keywords; a colour must be given: there is no colour cycle)."""
        line = Line2D(xs, ys, **kw)
        self.add_artist(line)
        return [line]

    def add_artist(self, art: Artist) -> Artist:
        """Add ``art`` in the panel's coordinates unless it has a transform (no data limits: they are fixed)."""
        if not art.is_transform_set():
            art.set_transform(self.transData)
        return self.page.add_artist(art)

    def add_patch(self, patch: Patch) -> Artist:
        patch.set_transform(self.transData)
        return self.page.add_artist(patch)

    def add_collection(self, coll: Artist, autolim: bool = False) -> Artist:  # noqa: ARG002 (matplotlib's signature)
        return self.add_artist(coll)


_PAGE_AXES: weakref.WeakKeyDictionary[Figure, Axes | Page] = weakref.WeakKeyDictionary()


def set_page_axes(fig: Figure, ax: Axes | Page) -> None:
    """Make ``ax`` (mm, the whole page: axes or :class:`Page`) what :func:`panel` draws on for ``fig``."""
    _PAGE_AXES[fig] = ax


def panel(
    fig: Figure, box: Box, layout: PageLayout, data: Transform | None = None, text_zorder: float = 3.0
) -> Panel | Axes:
    """A box at ``box`` (mm): a :class:`Panel` on a page with page axes, else its own axes (``add_axes_mm``).

    With ``data`` (data units to mm of the box) the fallback axes gets the matching limits.
    """
    page = _PAGE_AXES.get(fig)
    if page is not None:
        return Panel(page, box, data, text_zorder)
    ax = add_axes_mm(fig, box, layout)
    if data is not None:
        (x0, y0), (x1, y1) = data.inverted().transform([(0, 0), (box[2], box[3])])
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
    return ax
