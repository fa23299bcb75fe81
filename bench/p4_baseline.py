"""P4 baseline: geopandas' own ``GeoDataFrame.plot`` of the same polygons, saved as A4 300 dpi PNG.

Run as a fresh child process (``python bench/p4_baseline.py OUT.png``) so that its
time, like the app's ``cli.py map``, includes the imports: geopandas, matplotlib,
reading the shipped Stadtteile, a quantile choropleth with a legend, writing the file.
It is what a GIS engineer would write by hand without the tool.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
A4_LANDSCAPE_IN = (297 / 25.4, 210 / 25.4)


def main(out: str) -> None:
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    gdf = gpd.read_file(ROOT / "shapes" / "luebeck.gpkg", layer="stadtteile")
    gdf["value"] = gdf.geometry.area  # a column to classify; the figure is about rendering
    fig, ax = plt.subplots(figsize=A4_LANDSCAPE_IN)
    gdf.plot(column="value", scheme="quantiles", k=5, cmap="YlOrRd", legend=True, edgecolor="white", ax=ax)
    ax.set_axis_off()
    fig.savefig(out, dpi=300)


if __name__ == "__main__":
    main(sys.argv[1])
