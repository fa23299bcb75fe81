"""SYNTHETIC census grid files in the exact Zensus 2022 CSV layout (for tests only).

Semicolon-separated, cp1252, decimal comma, ``GITTER_ID_100m;x_mp_100m;y_mp_100m;…;
werterlaeuternde_Zeichen``. The cells are real 100 m INSPIRE cells in Lübeck, the
values are made up.
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer

TO_3035 = Transformer.from_crs("EPSG:25832", "EPSG:3035", always_xy=True)


def block_on_border(areas, outline, n: int = 6) -> list[tuple[int, int]]:
    """Lower-left corners (east, north) of an n×n block of 100 m cells, all inside the city,
    on the border of two areas (so cells are shared)."""
    a, b = areas.geometry.values[0], areas.geometry.values[1]
    line = shapely.intersection(a.boundary, b.boundary)
    for frac in np.linspace(0.1, 0.9, 17):
        p = line.interpolate(frac, normalized=True)
        x, y = TO_3035.transform(p.x, p.y)
        e0, n0 = int(x // 100 * 100) - 100 * (n // 2), int(y // 100 * 100) - 100 * (n // 2)
        corners = [(e0 + 100 * i, n0 + 100 * j) for i in range(n) for j in range(n)]
        inv = Transformer.from_crs("EPSG:3035", "EPSG:25832", always_xy=True)
        ex, ny = inv.transform([e0, e0 + 100 * n], [n0, n0 + 100 * n])
        if outline.contains(shapely.box(min(ex) - 50, min(ny) - 50, max(ex) + 50, max(ny) + 50)):
            return corners
    raise AssertionError("no block on the border found")


def cell_id(e: int, n: int) -> str:
    return f"CRS3035RES100mN{n}E{e}"


def grid_2022_bytes(corners: list[tuple[int, int]], seed: int = 1) -> tuple[bytes, dict]:
    """A Zensus-2022-style file with population and mean household size, plus every kind of trouble.

    Returns the cp1252 bytes and the expected values of the good cells
    (``{cell_id: (population, mean_hh_size or None)}``).
    """
    rng = np.random.default_rng(seed)
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;durchschnHHGroesse;werterlaeuternde_Zeichen"]
    expected = {}
    for k, (e, n) in enumerate(corners):
        pop = 1234 if k == 0 else int(rng.integers(20, 400))  # 1.234: thousands dot
        size = round(float(rng.uniform(1.4, 3.2)), 2)
        mark = ""
        size_text = f"{size:.2f}".replace(".", ",")
        if k == 3:
            size_text, size = ".", None  # kept secret
        elif k == 5:
            size_text, size = "–", None  # dash (cp1252 0x96)
        elif k == 7:
            mark = "KLAMMERN"  # limited reliability, still used
        elif k == 9:
            size_text = f"({size_text})"  # value in brackets, still used
        expected[cell_id(e, n)] = (pop, size)
        lines.append(f"{cell_id(e, n)};{e + 50};{n + 50};{pop:,}".replace(",", ".") + f";{size_text};{mark}")
    e, n = corners[0]
    lines.append(f"{cell_id(e, n)};{e + 50};{n + 50};999;2,00;")  # duplicate of the first cell
    lines.append("CRS3035RES100mN34X0E43;1;2;5;1,00;")  # bad id
    lines.append(f"{cell_id(e, n + 100_000)};{e + 50};{n + 100_050};50;2,00;")  # outside the city
    lines.append(f"{cell_id(e + 100, n)};{e + 400};{n + 50};7;2,00;")  # centre does not match the id
    return ("\r\n".join(lines) + "\r\n").encode("cp1252"), expected
