"""Print map of the Versorgung page: areas by supply gap, the facility layer as points, new sites.

The page of :func:`geo.printmap.layer_map.build_layer_map` (header, legend, north arrow, scale
bar, footer), with the facilities (and chosen sites) drawn on the map and their source and date
in the footer.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd

from geo.printmap import layout as pl
from geo.printmap.layer_map import LayerMapText, build_layer_map
from geo.printmap.render import PrintMap, PrintOptions, figure_bytes
from geo.spatial.reach import ReachResult
from indicators.compute.classify import classify
from indicators.dataset import Dataset
from indicators.errors import InputError, msg


def build_supply_map(
    *,
    ds: Dataset,
    result: ReachResult,
    variable: str | None = None,
    sites: pd.DataFrame | None = None,
    options: PrintOptions | None = None,
) -> PrintMap:
    """Draw the page (call inside ``rc_context(pl.RC)``).

    Parameters
    ----------
    ds
        The dataset whose areas and demand variable the reach used.
    result
        :func:`geo.spatial.reach.compute_reach`.
    variable
        The demand's count variable (its source goes into the footer).
    sites
        Chosen sites (``x``, ``y`` in EPSG:25832), e.g. :meth:`geo.spatial.siting.SiteResult.chosen_frame`.
    options
        Paper size, language, creation date.
    """
    options = options or PrintOptions()
    voice = options.voice
    af = result.area_frame(ds.areas).set_index("code")
    layer = ds.areas[["code", "name", "geometry"]].copy()
    layer["value"] = layer["code"].map(af["uncovered_share"] * 100).astype(float)
    layer["suppressed"] = layer["code"].map(af["withheld"]).fillna(False).astype(bool)
    dist = f"{result.distance:g}"
    text = LayerMapText(
        title=voice.t("pm_supply_title"),
        subtitle=result.demand.label_in(voice=voice),
        legend_title=voice.t("sup_gap_map", distance=dist) + " (%)",
        source=f"{result.supply.label_in(voice=voice)}; {ds.attribution(variable) if variable else ds.geography.attribution}",
        method=voice.t(
            "pm_supply_method",
            method=result.method_in(voice=voice),
            distance=dist,
            decay=voice.t(f"sup_decay_{result.decay}"),
        ),
    )
    pm = build_layer_map(layer, classify(layer["value"].where(~layer["suppressed"]), voice=voice), text, options)
    fs = min(pl.page_size_mm(options.size)) / 210.0
    xy = result.supply.xy
    pm.map_ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=9 * fs,
        c="#0b4f9c",
        edgecolors="white",
        linewidths=0.4 * fs,
        zorder=6,
        label=voice.t("sup_facilities"),
    )
    if sites is not None and len(sites):
        sxy = sites[["x", "y"]].to_numpy(dtype=float)
        pm.map_ax.scatter(
            sxy[:, 0],
            sxy[:, 1],
            s=90 * fs,
            facecolors="none",
            edgecolors="#c2185b",
            linewidths=2 * fs,
            zorder=7,
            label=voice.t("sup_new_sites"),
        )
    pm.map_ax.legend(loc="lower left", fontsize=6.5 * fs, frameon=True)
    return pm


def supply_map_bytes(
    *,
    ds: Dataset,
    result: ReachResult,
    variable: str | None = None,
    sites: pd.DataFrame | None = None,
    fmt: str = "png",
    options: PrintOptions | None = None,
) -> bytes:
    """The page as PNG, SVG or PDF bytes."""
    if fmt not in ("png", "svg", "pdf"):
        raise InputError(msg("err_unknown_format", fmt=fmt, allowed=["png", "svg", "pdf"]))
    with matplotlib.rc_context(pl.RC):
        pm = build_supply_map(ds=ds, result=result, variable=variable, sites=sites, options=options)
        return figure_bytes(pm.figure, fmt, title=pm.title)


def page_texts(pm: PrintMap) -> str:
    """Every text on the page (for checks)."""
    return " ".join(
        np.concatenate(
            [[x.get_text() for x in pm.figure.texts], [x.get_text() for ax in pm.figure.axes for x in ax.texts]]
        )
    )
