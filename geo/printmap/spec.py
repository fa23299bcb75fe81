"""Paper sizes and file formats of the print map.

Kept apart from :mod:`geo.printmap.layout` (which needs matplotlib) so that the command
line can offer them as choices without importing the plotting stack.
"""
from __future__ import annotations

DPI = 300
# Pixel sizes at 300 dpi (ISO 216 rounded to whole pixels, e.g. A4 = 3508 x 2480),
# so a PNG has exactly the expected size; vector formats differ by < 0.1 mm.
PAGE_SIZES_PX: dict[str, tuple[int, int]] = {
    "a4-portrait": (2480, 3508),
    "a4-landscape": (3508, 2480),
    "a3-landscape": (4961, 3508),
}
FORMATS = ("png", "svg", "pdf")
