"""Class breaks and colours for choropleth maps (web map and print map alike).

One function, :func:`classify`, decides everything both maps need, so that the
interactive map and the printed map of the same indicator always agree.

Class semantics follow mapclassify: class ``i`` holds values ``v`` with
``edges[i] < v <= edges[i + 1]``; the first class also holds ``edges[0]`` (the minimum).
Colours come from the ColorBrewer tables bundled with branca (no network); diverging
palettes centred on a reference value are interpolated (as matplotlib does) from the
same ColorBrewer ramps.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from branca.utilities import color_brewer

from indicators.compute.flags import area_sd
from indicators.errors import InputError, msg
from indicators.schemes import DEFAULT_PALETTE as DEFAULT_PALETTE  # re-exported (pages, print map)
from indicators.schemes import DIVERGING_PALETTES as DIVERGING_PALETTES
from indicators.schemes import SCHEME_NAMES as SCHEME_NAMES
from indicators.schemes import SCHEMES as SCHEMES
from indicators.schemes import SEQUENTIAL_PALETTES as SEQUENTIAL_PALETTES
from indicators.wording.message import Listed, Number
from indicators.wording.voice import GERMAN, Voice

NO_DATA_COLOR = "#d4d4d4"
MAX_K = 9


@dataclass(frozen=True)
class Classification:
    """Result of :func:`classify`.

    Attributes
    ----------
    edges : tuple of float
        ``k + 1`` class edges, from the minimum to the maximum (or last manual break).
    classes : pandas.Series
        Class index per area (same index as the input), ``-1`` for no data.
    colors : tuple of str
        Hex colour per class.
    counts : tuple of int
        Number of areas per class.
    labels : tuple of str
        Legend label per class, e.g. ``"12,3 – 15,0"``.
    no_data_count : int
        Number of areas without a value.
    """

    scheme: str
    palette: str
    edges: tuple[float, ...]
    classes: pd.Series
    colors: tuple[str, ...]
    counts: tuple[int, ...]
    labels: tuple[str, ...]
    no_data_count: int
    reference: float | None = None
    requested_k: int | None = None

    @property
    def fewer_classes(self) -> bool:
        """True when fewer classes than requested could be formed (the view says why)."""
        return self.requested_k is not None and 0 < self.k < self.requested_k

    @property
    def k(self) -> int:
        """Number of classes actually used."""
        return len(self.colors)

    def area_colors(self, no_data_color: str = NO_DATA_COLOR) -> pd.Series:
        """Hex fill colour per area (``no_data_color`` where there is no value)."""
        lookup = np.array(list(self.colors) + [no_data_color], dtype=object)
        return pd.Series(lookup[self.classes.to_numpy()], index=self.classes.index)


def _base_palette(palette: str) -> tuple[str, bool]:
    return (palette[:-2], True) if palette.endswith("_r") else (palette, False)


def is_diverging(palette: str) -> bool:
    """True if ``palette`` (optionally with ``_r``) is a diverging ColorBrewer palette."""
    return _base_palette(palette)[0] in DIVERGING_PALETTES


def _brewer(palette: str, k: int) -> list[str]:
    base, reverse = _base_palette(palette)
    colors = color_brewer(base, max(k, 3))
    if k < 3:  # ColorBrewer starts at 3 classes: the middle for 1, the ends for 2
        colors = [colors[1]] if k == 1 else [colors[0], colors[-1]]
    return colors[::-1] if reverse else list(colors)


def _ramp(palette: str, t: np.ndarray) -> list[str]:
    """Colours at positions ``t`` (0..1) of a ColorBrewer ramp, as matplotlib's colormap gives them.

    The 11 (diverging) ColorBrewer colours are spaced evenly and interpolated in
    RGB into a 256-entry table, the way matplotlib builds its ColorBrewer maps,
    so the web and the print map get the same colours without importing matplotlib.
    """
    base, reverse = _base_palette(palette)
    anchors = np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in color_brewer(base, 11)])
    if reverse:
        anchors = anchors[::-1]
    grid = np.linspace(0, 1, 256)
    xs = np.linspace(0, 1, len(anchors))
    lut = np.column_stack([np.interp(grid, xs, anchors[:, j]) for j in range(3)])
    idx = np.clip((np.asarray(t, dtype=float) * 256).astype(int), 0, 255)
    return ["#" + "".join(f"{round(v * 255):02x}" for v in lut[i]) for i in idx]


def class_colors(edges: Sequence[float], palette: str, reference: float | None = None) -> list[str]:
    """Hex colour per class for the classes between ``edges``.

    Sequential palettes use the exact ColorBrewer scheme for ``k`` classes. A diverging
    palette with a ``reference`` is centred on it: each class gets the colour at its
    midpoint on a scale symmetric around the reference, so equal distance above and
    below the city value gives equal colour intensity.
    """
    k = len(edges) - 1
    if k <= 0:
        return []
    base, _ = _base_palette(palette)
    if base not in SEQUENTIAL_PALETTES + DIVERGING_PALETTES:
        problem = f"unknown palette {palette!r}"
        raise ValueError(problem)
    if not (is_diverging(palette) and reference is not None and np.isfinite(reference)):
        return _brewer(palette, k)
    e = np.asarray(edges, dtype=float)
    span = float(np.max(np.abs(e - reference))) or 1.0
    mids = (e[:-1] + e[1:]) / 2
    # stay inside the ColorBrewer ramp ends (0.05..0.95) so extremes are not near-black
    t = 0.5 + 0.45 * (mids - reference) / span
    return _ramp(palette, t)


def _std_multiples(k: int) -> list[float]:
    half = (k - 1) // 2
    steps = [float(i) for i in range(1, half + 1)]
    inner = [0.0] if k % 2 == 0 else []
    return [-s for s in reversed(steps)] + inner + steps


def _std_mean_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds at mean + multiples of the areas' SD (:func:`area_sd`, as the flag rule).

    mapclassify's ``StdMean`` uses the sample SD (``ddof=1``); the flag "Mittelwert +
    1 Standardabweichung" uses the population SD. One name, one rule: both use ``area_sd``.
    """
    m, s = float(np.mean(y)), area_sd(pd.Series(y))
    cuts = [m + s * w for w in _std_multiples(k)]
    if cuts[-1] < float(np.max(y)):
        cuts.append(float(np.max(y)))
    return np.asarray(cuts, float)


def parse_breaks(text: str) -> tuple[float, ...] | None:
    """Manual class breaks typed by a user: ``"10; 20,5; 30"`` → ``(10.0, 20.5, 30.0)``; empty → None.

    Breaks come back in the order typed; :func:`classify` sorts them (the atlas says so).

    Raises
    ------
    InputError
        If a part is no number, a break is given twice, or there are more than
        ``MAX_K`` of them (message in German, naming the part).
    """
    parts = [p.strip() for p in str(text or "").split(";")]
    if not any(parts):
        return None
    out: list[float] = []
    for i, part in enumerate(parts, start=1):
        try:
            value = float(part.replace(" ", "").replace(",", "."))
        except ValueError:
            value = float("nan")
        if not np.isfinite(value):
            raise InputError(msg("err_break_no_number", i=i, part=part))
        if value in out:
            raise InputError(msg("err_break_twice", i=i, part=part))
        out.append(value)
    if len(out) > MAX_K:
        raise InputError(msg("err_breaks_too_many", max=MAX_K, n=len(out)))
    return tuple(out)


def _upper_bounds(y: np.ndarray, scheme: str, k: int, breaks: Sequence[float] | None) -> np.ndarray:
    """Upper class bounds (mapclassify ``bins``) for the non-missing values ``y``."""
    # imported here: mapclassify loads scipy.stats and scikit-learn (~1 s), which
    # commands and pages that draw no classes should not pay for
    import mapclassify

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify warns about duplicate bins
        if scheme == "manual":
            return np.asarray(mapclassify.UserDefined(y, check_breaks(breaks)).bins, float)
        if scheme == "quantiles":
            return np.asarray(mapclassify.Quantiles(y, k=k).bins, float)
        if scheme == "fisher_jenks":
            return np.asarray(mapclassify.FisherJenks(y, k=k).bins, float)
        if scheme == "equal_interval":
            return np.asarray(mapclassify.EqualInterval(y, k=k).bins, float)
        if scheme == "std_mean":
            bins = _std_mean_bins(y, k)
            # classes entirely below the minimum or above the maximum would stay
            # empty: drop them, and end the last class at the maximum, not beyond
            last = int(np.searchsorted(bins, y.max(), side="left"))
            bins = bins[: last + 1].astype(float)
            bins[-1] = float(y.max())
            kept: np.ndarray = bins[bins >= y.min()]
            return kept
    problem = f"unknown scheme {scheme!r}; choose one of {SCHEMES}"
    raise ValueError(problem)


def _break_decimals(value: float) -> int:
    """As few decimals as show ``value`` exactly (at most 4)."""
    return next((d for d in range(5) if round(value, d) == value), 4)


def check_breaks(breaks: Sequence[float] | None) -> list[float]:
    """Manual class bounds, sorted; InputError (a ``ValueError``) if missing, not finite or doubled."""
    if not breaks:
        raise InputError(msg("err_breaks_missing"))
    values = [float(b) for b in breaks]
    if not all(np.isfinite(values)):
        raise InputError(msg("err_breaks_not_finite"))
    ordered = sorted(values)
    doubled = sorted({b for b in ordered if ordered.count(b) > 1})
    if doubled:
        raise InputError(
            msg("err_breaks_doubled", values=Listed(tuple(Number(b, _break_decimals(b)) for b in doubled)))
        )
    return ordered


def classify(
    values: pd.Series,
    scheme: str = "quantiles",
    k: int = 5,
    breaks: Sequence[float] | None = None,
    palette: str = DEFAULT_PALETTE,
    reference: float | None = None,
    decimals: int | None = None,
    *,
    voice: Voice = GERMAN,
) -> Classification:
    """Classify values into colour classes for a choropleth.

    Parameters
    ----------
    values : pandas.Series
        One value per area; NaN means no data.
    scheme : {"quantiles", "fisher_jenks", "equal_interval", "std_mean", "manual"}
        Classification method (mapclassify; Fisher-Jenks is deterministic).
    k : int
        Wanted number of classes (1..9). Fewer are used when there are fewer distinct
        values. For ``"manual"`` the number of classes follows ``breaks``.
    breaks : sequence of float, optional
        Upper class bounds for ``"manual"``; the maximum is added if it is larger.
    palette : str
        ColorBrewer name, ``_r`` reverses (``"YlOrRd"``, ``"PuBu"``, ``"RdBu_r"``).
    reference : float, optional
        Centre of a diverging palette, normally the city value.
    decimals : int, optional
        Decimals in the labels; by default the fewest (1..4) that keep edges distinct.
    voice : Voice
        Number format of the labels (the reader's language).

    Returns
    -------
    Classification
    """
    if not 1 <= k <= MAX_K:
        problem = f"k must be between 1 and {MAX_K}, got {k}"
        raise ValueError(problem)
    v = pd.to_numeric(pd.Series(values), errors="coerce").astype(float)
    present = v.notna().to_numpy()
    y = v.to_numpy()[present]
    no_data = int((~present).sum())

    if y.size == 0:
        edges = np.array([], dtype=float)
    elif np.unique(y).size == 1 and scheme != "manual":
        edges = np.array([y[0], y[0]])
    else:
        k_eff = min(k, int(np.unique(y).size))
        upper = _upper_bounds(y, scheme, k_eff, breaks)
        if scheme != "manual":
            upper = np.unique(upper)  # duplicate bounds would make empty, unlabelled classes
        edges = np.concatenate([[min(y.min(), upper[0])], upper])
    if edges.size > MAX_K + 1:
        problem = f"at most {MAX_K} classes, got {edges.size - 1}"
        raise ValueError(problem)

    idx = np.full(v.size, -1, dtype=int)
    if edges.size:
        # value v goes to the first class whose upper bound is >= v
        cls = np.searchsorted(edges[1:], y, side="left")
        idx[present] = np.minimum(cls, edges.size - 2)
    classes = pd.Series(idx, index=v.index, name="class")
    n_cls = max(edges.size - 1, 0)
    counts = tuple(int(c) for c in np.bincount(idx[present], minlength=n_cls)[:n_cls])
    # whole numbers shown without decimals (counts: the indicator's 0 decimals)
    whole = bool(y.size) and decimals == 0 and bool(np.all(np.mod(y, 1) == 0))
    dec = decimals if decimals is not None else _auto_decimals(edges)
    labels = _labels(edges, dec, voice, whole)
    return Classification(
        scheme=scheme,
        palette=palette,
        edges=tuple(float(e) for e in edges),
        classes=classes,
        colors=tuple(class_colors(edges.tolist(), palette, reference)),
        counts=counts,
        labels=labels,
        no_data_count=no_data,
        reference=None if reference is None else float(reference),
        requested_k=None if scheme == "manual" else k,
    )


def _labels(edges: np.ndarray, dec: int, voice: Voice, whole: bool) -> tuple[str, ...]:
    """Legend label per class: its interval; for whole numbers the whole numbers it holds.

    A class after the first holds the values above its lower edge (``(a, b]``), so with
    whole numbers (counts) "3" is followed by "4", not by "3 – 4" (which read as overlapping).
    """
    n = max(edges.size - 1, 0)
    if not whole:
        return tuple(voice.range(edges[i], edges[i + 1], dec) for i in range(n))
    out = []
    for i in range(n):
        high = float(np.floor(edges[i + 1]))
        low = float(np.ceil(edges[0])) if i == 0 else float(np.floor(edges[i]) + 1)
        out.append(voice.range(min(low, high), high, 0))
    return tuple(out)


def _auto_decimals(edges: np.ndarray) -> int:
    distinct = np.unique(edges)
    start = 0 if np.all(np.mod(distinct, 1) == 0) else 1
    for d in range(start, 5):
        if np.unique(np.round(distinct, d)).size == distinct.size:
            return d
    return 4


def layer_classification(
    layer: pd.DataFrame,
    reference: float | None,
    scheme: str = "quantiles",
    k: int = 5,
    palette: str = DEFAULT_PALETTE,
    breaks: Sequence[float] | None = None,
    decimals: int | None = None,
    *,
    voice: Voice = GERMAN,
) -> Classification:
    """Classes and colours of an indicator layer, as both web and print map use them.

    Suppressed areas count as having no value; ``reference`` (the city value)
    centres diverging palettes; ``decimals`` are those of the values
    (:meth:`indicators.catalogue.Indicator.decimals_for`): with 0 the legend
    shows whole numbers, like the tooltip and tables; otherwise the fewest
    decimals that keep the class edges distinct.
    """
    values = layer["value"].where(~layer["suppressed"].astype(bool)) if "suppressed" in layer else layer["value"]
    decimals = 0 if decimals == 0 else None
    return classify(
        values,
        scheme,
        k,
        breaks=list(breaks) if breaks else None,
        palette=palette,
        reference=reference,
        decimals=decimals,
        voice=voice,
    )
