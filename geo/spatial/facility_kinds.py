"""The shipped facility layers (Kitas, schools): one registry, so a new kind is one entry.

Each :class:`FacilityKind` names its shipped point file (built by a script in ``data/``),
the wording key of its label, its source id in the catalogue and the date of its data.
Every output that shows a layer (map, table, CLI) states its source and date from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.crs import METRIC_CRS
from indicators.errors import InputError, msg

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class FacilityKind:
    """One shipped facility layer.

    Attributes
    ----------
    id
        Name on the command line (``--facilities kitas``) and in the app.
    file
        Shipped point table with ``id``, ``name``, ``lat``, ``lon`` (WGS84).
    label_key
        Wording key of the layer's name.
    source
        Source id in ``data/indicators.yaml``.
    reference_date
        Date of the data (``dd.mm.yyyy``) as printed beside the layer.
    attribution
        Source line printed beside the layer.
    demand, distance
        Default demand (a count variable) and catchment in metres for reach beside the need
        classes (Bedarfslagen, area profile).
    """

    id: str
    file: Path
    label_key: str
    source: str
    reference_date: str
    attribution: str
    demand: str = "pop_under18"
    distance: float = 500.0


KINDS: dict[str, FacilityKind] = {
    "kitas": FacilityKind(
        "kitas",
        ROOT / "data" / "kitas_luebeck.csv",
        "kind_kitas",
        "kitas-sh",
        "27.11.2023",
        "Kita-Datenbank Schleswig-Holstein (Open-Data-Portal SH), aufbereitet von OK Lab Flensburg (CC0 1.0)",
        "pop_under18",
        500.0,
    ),
    "schools": FacilityKind(
        "schools",
        ROOT / "data" / "schools_luebeck.csv",
        "kind_schools",
        "schulen-sh",
        "08.05.2025",
        "Schulverzeichnis Schleswig-Holstein (Open-Data-Portal SH), via OK Lab Flensburg open-school-map (CC0 1.0)",
        "pop_under18",
        1000.0,
    ),
}


class UnknownFacilityKind(InputError):
    """A facility layer name that is neither shipped nor a file."""


def get_kind(kind_id: str) -> FacilityKind:
    """The registered kind ``kind_id``; :class:`UnknownFacilityKind` names the possible ones."""
    try:
        return KINDS[kind_id]
    except KeyError:
        raise UnknownFacilityKind(msg("err_unknown_facility_kind", kind=kind_id, known=list(KINDS))) from None


@lru_cache(maxsize=8)
def _load(path: Path) -> gpd.GeoDataFrame:
    frame = pd.read_csv(path, dtype={"id": str})
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326").to_crs(
        METRIC_CRS
    )


def load_kind(kind_id: str) -> gpd.GeoDataFrame:
    """The shipped points of a kind in EPSG:25832 (a copy: callers may change it)."""
    return _load(get_kind(kind_id).file).copy()


def source_line(kind_id: str) -> str:
    """ "<attribution>, Stand <date>" for maps, tables and the CLI."""
    kind = get_kind(kind_id)
    return f"{kind.attribution}, Stand {kind.reference_date}"
