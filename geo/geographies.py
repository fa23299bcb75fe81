"""The registry of geographies: shipped ones and those a user loaded.

A geography is a set of area polygons with codes and names, plus the
indicator table and catalogue that belong to it. Shipped geographies are
listed in ``shapes/geographies.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from geo.crs import to_metric
from indicators.catalogue import read_yaml

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

    def label(self, lang: str = "de") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_de

    def reference_label(self, lang: str = "de") -> str:
        return self.reference_label_en if lang == "en" else self.reference_label_de

    def cache_key(self) -> tuple:
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
        out[gid] = Geography(id=gid, **spec)
    return out


def list_geographies(extra_registries: list[Path] | None = None) -> dict[str, Geography]:
    """All shipped geographies, plus those in further registry files."""
    out = parse_registry(REGISTRY)
    for reg in extra_registries or []:
        if reg.exists():
            out.update(parse_registry(reg, reg.parent))
    return out


def get_geography(gid: str = "stadtteile") -> Geography:
    """One geography by id; raises KeyError with the known ids."""
    geos = list_geographies()
    if gid not in geos:
        raise KeyError(f"Unbekannte Geografie '{gid}'. Bekannt: {', '.join(geos)}")
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
