"""Paper sizes and file formats of the print map.

Kept apart from :mod:`geo.printmap.layout` (which needs matplotlib) so that the command
line can offer them as choices without importing the plotting stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indicators.errors import InputError, msg
from indicators.schemes import DEFAULT_PALETTE

DPI = 300
# Pixel sizes at 300 dpi (ISO 216 rounded to whole pixels, e.g. A4 = 3508 x 2480),
# so a PNG has exactly the expected size; vector formats differ by < 0.1 mm.
PAGE_SIZES_PX: dict[str, tuple[int, int]] = {
    "a4-portrait": (2480, 3508),
    "a4-landscape": (3508, 2480),
    "a3-landscape": (4961, 3508),
}
FORMATS = ("png", "svg", "pdf")
K_RANGE = range(2, 10)  # number of classes offered by the app's slider and the command line


@dataclass(frozen=True, kw_only=True)
class ClassChoice:
    """The classes a user chose for a map (checked by :func:`geo.printmap.render.print_options`).

    Parameters
    ----------
    scheme : str
        Class scheme (``"quantiles"``, ``"manual"``, …).
    k : int
        Number of classes.
    palette : str
        Colour palette (``"_r"`` reverses it).
    breaks : iterable of float, optional
        Upper class bounds of the scheme ``"manual"``.
    """

    scheme: str = "quantiles"
    k: int = 5
    palette: str = DEFAULT_PALETTE
    breaks: Iterable[float] | None = None


def output_format(path: str | Path, fmt: str | None = None) -> str:
    """The file format of a print map: ``fmt`` if given, else the suffix of ``path`` (default png).

    Raises InputError (a ``ValueError``; message keyed) if ``fmt`` contradicts the suffix (``karte.pdf`` as png) or the
    suffix is no print-map format.
    """
    suffix = Path(path).suffix.lstrip(".").lower()
    if fmt is None:
        if suffix and suffix not in FORMATS:
            raise InputError(
                msg(
                    "err_no_map_format",
                    name=Path(path).name,
                    suffix=suffix,
                    allowed=", ".join(f".{f}" for f in FORMATS),
                )
            )
        return suffix or "png"
    if fmt not in FORMATS:
        raise InputError(msg("err_unknown_format", fmt=fmt, allowed=list(FORMATS)))
    if suffix in FORMATS and suffix != fmt:
        raise InputError(msg("err_format_suffix", name=Path(path).name, fmt=fmt, suffix=suffix))
    return fmt
