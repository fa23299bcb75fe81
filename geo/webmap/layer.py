"""What a web map draws and what it says about it, as values.

:func:`geo.webmap.folium_map.build_map` takes a :class:`MapLayer` (areas, classes and their
:class:`MapLabels`); the HTML helpers of :mod:`geo.webmap.html` take the :class:`MapLabels`
alone. The labels travel as one value instead of seven loose arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd

from indicators.compute.classify import Classification
from indicators.wording.voice import GERMAN, Voice


@dataclass(frozen=True, kw_only=True)
class MapLabels:
    """The words and number format of a map's tooltip and legend.

    Parameters
    ----------
    indicator_label : str
        Name of the shown value (``"Arbeitslosenquote"``).
    unit : str
        Unit of the value (``"%"``), empty for none.
    city_name : str
        Name of the whole city in tooltip and legend.
    city_value : float, optional
        Value for the whole city; none or NaN shows no city line.
    decimals : int
        Decimals of values.
    voice : Voice
        Language and number format.
    flag_label : str, optional
        Text of the flag outline (default "erhöhter Bedarf").
    """

    indicator_label: str
    unit: str = ""
    city_name: str = "Lübeck"
    city_value: float | None = None
    decimals: int = 1
    voice: Voice = GERMAN
    flag_label: str | None = None


@dataclass(frozen=True, kw_only=True)
class TileSource:
    """A local tile server under the areas.

    Parameters
    ----------
    url : str
        URL template (``"/tiles/{z}/{x}/{y}.png"``).
    attribution : str
        Its attribution line.
    """

    url: str
    attribution: str = ""


@dataclass(frozen=True)
class MapLayer:
    """The areas of a choropleth, their classes and labels.

    Parameters
    ----------
    areas : geopandas.GeoDataFrame
        EPSG:25832, columns ``code``, ``name``, ``value``; optional ``note`` (an extra
        tooltip line), ``suppressed`` (bool: value hidden for privacy, drawn hatched),
        ``flagged`` (bool: bold outline) and ``rank`` (1 = first; computed from ``value``,
        highest first, if absent).
    classification : Classification
        ``classify(areas["value"], ...)``; its ``classes`` share ``areas``' index.
    labels : MapLabels
        Words and number format of tooltip and legend.
    """

    areas: gpd.GeoDataFrame = field(repr=False)
    classification: Classification = field(repr=False)
    labels: MapLabels
