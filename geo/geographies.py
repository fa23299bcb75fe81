"""The registry of geographies: shipped ones and those a user loaded.

A geography is a set of area polygons with codes and names, plus the
indicator table and catalogue that belong to it. Shipped geographies are
listed in ``shapes/geographies.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from geo import saved
from geo.crs import to_metric
from indicators.catalogue import read_yaml
from indicators.errors import UnknownGeography, msg
from indicators.wording.voice import GERMAN, Voice
from store import config

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "shapes" / "geographies.yaml"


@dataclass(frozen=True)
class Geography:
    """Where a geography's boundaries, table and catalogue are."""

    id: str
    label_de: str
    boundaries: Path
    layer: str | None
    table: Path
    catalogue: Path
    label_en: str = ""
    place: str = ""
    outline_layer: str | None = None
    reference_code: str | None = "00"
    reference_label_de: str = "Gesamtstadt"
    reference_label_en: str = "Whole city"
    attribution: str = ""
    crs: str = "EPSG:25832"
    extra_tables: tuple[Path, ...] = ()  # further tidy tables of the same areas (e.g. Zensus 2011)
    need_method: str = ""  # default need method (indicators.needs.registry); empty: the registry's default
    # counts of the same people on other geographies (MAUP comparison of segregation): (name, group, total)
    same_counts: tuple[tuple[str, str, str], ...] = ()

    def label(self, *, voice: Voice = GERMAN) -> str:
        """The geography's name in ``voice``'s language (the German one where it has no English name)."""
        return voice.pick((self.label_de, self.label_en or self.label_de))

    def reference_label(self, *, voice: Voice = GERMAN) -> str:
        """The name of the whole (``Gesamtstadt`` / ``Whole city``) in ``voice``'s language."""
        return voice.pick((self.reference_label_de, self.reference_label_en))

    def cache_key(self) -> tuple[tuple[str, int], ...]:
        """Paths and modification times: changes when any file changes."""
        files = [self.boundaries, self.table, self.catalogue, *self.extra_tables]
        return tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in files)


def _resolve(p: str | None, base: Path) -> Path | None:
    if not p:
        return None
    path = Path(p)
    return path if path.is_absolute() else base / path


def parse_registry(path: Path, base: Path = ROOT) -> dict[str, Geography]:
    """Read a registry YAML file into :class:`Geography` objects."""
    doc = read_yaml(path)
    out = {}
    for gid, spec in doc.items():
        spec = dict(spec)
        for key in ("boundaries", "table", "catalogue"):
            spec[key] = _resolve(spec.get(key), base)
        spec["extra_tables"] = tuple(_resolve(t, base) for t in spec.get("extra_tables") or ())
        spec["same_counts"] = tuple(
            (str(name), str(group), str(total)) for name, (group, total) in (spec.get("same_counts") or {}).items()
        )
        out[gid] = Geography(id=gid, **spec)
    return out


def shipped_geographies() -> dict[str, Geography]:
    """The shipped geographies: every entry of :data:`REGISTRY` (``shapes/geographies.yaml``).

    The one place that reads the file (looked up when called, so a test may point
    :data:`REGISTRY` at another file). Adding a geography is one entry there: its boundaries,
    table, catalogue, labels, reference area, attribution and default need method (``need_method``).
    """
    return parse_registry(REGISTRY)


def data_dir() -> Path:
    """The configured data directory of saved datasets (see :func:`store.config.data_dir`)."""
    return config.data_dir()


def list_geographies(
    data_root: Path | str | None = None, extra_registries: list[Path] | None = None
) -> dict[str, Geography]:
    """The one registry: shipped geographies plus the saved datasets the default user may read.

    App, CLI and validation all look geographies up here (the app through its session's
    :class:`geo.uploads.datastore.DataStore`, which applies the logged-in user's role); the saved ones
    come from :mod:`geo.saved`, which the uploads fill.

    Parameters
    ----------
    data_root
        Data directory of saved datasets (default :func:`data_dir`).
    extra_registries
        Further registry files (same YAML format), e.g. in tests.
    """
    out = shipped_geographies()
    for spec in saved.visible(data_root):
        out.setdefault(spec.id, Geography(**spec.fields()))
    for reg in extra_registries or []:
        if reg.exists():
            out.update(parse_registry(reg, reg.parent))
    return out


def get_geography(gid: str | Geography = "stadtteile", data_root: Path | str | None = None) -> Geography:
    """One shipped or saved geography by id (a :class:`Geography` is returned as is).

    Raises
    ------
    UnknownGeography
        With the known ids, if there is none of that id.
    """
    if isinstance(gid, Geography):
        return gid
    geos = list_geographies(data_root)
    if gid not in geos:
        raise UnknownGeography(msg("err_unknown_geography", id=gid, known=list(geos)))
    return geos[gid]


def load_areas(geo: Geography) -> gpd.GeoDataFrame:
    """Area polygons with columns ``code``, ``name``, geometry (EPSG:25832)."""
    gdf = gpd.read_file(geo.boundaries, layer=geo.layer)
    gdf = to_metric(gdf, geo.boundaries.name)
    gdf["code"] = gdf["code"].astype(str)
    return gdf[["code", "name", "geometry"]].sort_values("code").reset_index(drop=True)


def load_outline(geo: Geography) -> gpd.GeoDataFrame:
    """The outline of the whole geography (a layer if shipped, else the union)."""
    if geo.outline_layer:
        return to_metric(gpd.read_file(geo.boundaries, layer=geo.outline_layer), geo.boundaries.name)
    areas = load_areas(geo)
    return gpd.GeoDataFrame(geometry=[areas.union_all()], crs=areas.crs)
