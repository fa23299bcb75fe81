"""Print map of a layer that is not one catalogue indicator: the need map of Bedarfslagen.

Same page as :func:`geo.printmap.render.build_print_map` (header, map, legend,
north arrow, scale bar, footer with source, method and date), drawn from a given
layer and :class:`~indicators.compute.classify.Classification` (e.g. from
:func:`indicators.needs.assessment.need_classes`), so the print shows the classes
and flags of the web map.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import matplotlib

from geo.attribution import sources_line
from geo.join import score_layer
from geo.printmap import layout as pl
from geo.printmap.render import PageText, PrintMap, PrintOptions, check_options, compose_page, figure_bytes
from geo.printmap.spec import FORMATS
from indicators.compute.classify import Classification
from indicators.errors import InputError, msg
from indicators.needs.assessment import need_classes
from indicators.needs.registry import need_method


@dataclass(frozen=True)
class LayerMapText:
    """Texts of a layer print map: title, subtitle, legend title, source and method lines."""

    title: str
    subtitle: str
    legend_title: str
    source: str
    method: str
    min_count: int = 3


def build_layer_map(
    layer: gpd.GeoDataFrame, cls: Classification, text: LayerMapText, options: PrintOptions | None = None
) -> PrintMap:
    """Draw the page (call inside ``rc_context(pl.RC)``); ``layer`` needs code, name, suppressed, geometry."""
    options = options or PrintOptions()
    check_options(options)
    voice = options.voice
    method = f"{voice.t('pm_method')}: {text.method}"
    if options.flagged and options.flag_note:
        method += f"; {options.flag_note}"
    page = PageText(
        title=text.title,
        subtitle=text.subtitle,
        legend_title=text.legend_title,
        min_count=text.min_count,
        footer=(f"{voice.t('source')}: {text.source}", f"{method}."),
    )
    return compose_page(layer, cls, page, options)


def render_layer_map(
    layer: gpd.GeoDataFrame,
    cls: Classification,
    text: LayerMapText,
    fmt: str = "png",
    options: PrintOptions | None = None,
) -> bytes:
    """The page as PNG, SVG or PDF bytes."""
    options = options or PrintOptions()
    if fmt not in FORMATS:
        raise InputError(msg("err_unknown_format", fmt=fmt, allowed=list(FORMATS)))
    with matplotlib.rc_context(pl.RC):
        pm = build_layer_map(layer, cls, text, options)
        return figure_bytes(pm.figure, fmt, title=pm.title)


def needs_layer(ds, result) -> gpd.GeoDataFrame:
    """The need map's layer: areas with the score as value and the flag (what the Bedarfslagen map draws)."""
    return score_layer(ds, result["id"], result["score"], result["flag"])


def needs_map_bytes(ds, result, method: str, year: int, fmt: str = "png", options: PrintOptions | None = None) -> bytes:
    """Print map of a need assessment (``result`` of ``run_needs``): classes, flags, source, method."""
    options = options or PrintOptions()
    voice = options.voice
    layer = needs_layer(ds, result)
    by_code = result.set_index(result["id"].astype(str))
    ordered = by_code.loc[layer["code"].astype(str)].reset_index(drop=True)
    ordered.index = layer.index
    cls = need_classes(ordered, method, voice=voice)
    method_name = voice.t(need_method(method).text_key("label"))
    used = [c.split("__", 1)[1] for c in result.columns if c.startswith("contrib__")]
    labels = [ds.catalogue[i].label(voice=voice) if i in ds.catalogue else i for i in used]
    text = LayerMapText(
        title=f"{voice.t('page_needs')} {year}",
        subtitle=f"{method_name} · {ds.geography.label(voice=voice)}",  # the year is in the title
        legend_title=voice.t(need_method(method).text_key("score")),
        source=sources_line(ds, used),
        method=f"{method_name}; {voice.t('pm_need_indicators', n=len(labels), labels=', '.join(labels))}",
        min_count=ds.min_count,
    )
    flagged = frozenset(layer.loc[layer["flagged"], "code"].astype(str))
    opts = replace(options, flagged=flagged, flag_label=options.flag_label or voice.t("needs_elevated_need"))
    return render_layer_map(layer, cls, text, fmt, opts)
