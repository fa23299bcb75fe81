"""OGC API – Features for the city's GIS: pygeoapi's configuration, generated from the geography registry.

One collection per **public** geography (the shipped ones and saved datasets marked ``öffentlich``,
i.e. exactly what :func:`geo.geographies.list_geographies` shows an anonymous visitor); internal
datasets are never written here. Each collection is a GeoJSON file in the OGC cache directory
(``SOZIALMONITOR_OGC_DIR``, default ``<data dir>/ogc``) with one feature per area and year: ``code``,
``name``, ``jahr`` and one property per indicator (values after disclosure control, a withheld value
is ``null``), in WGS 84 (CRS84), as pygeoapi's GeoJSON provider serves it.

:func:`write_ogc` writes the files and ``pygeoapi-config.yml`` next to them (a collection whose
geography did not change is not rewritten); :func:`refresh` is the hook the data store calls after a
dataset was saved, published, withdrawn, removed or restored. A withdrawn collection's file is deleted
first, so pygeoapi (whose GeoJSON provider reads the file on every request) serves it empty at once; the
listing changes when pygeoapi restarts on the changed configuration (systemd ``.path`` unit, see
``deploy/``).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from shapely.geometry import mapping

from geo.geographies import Geography
from geo.read_errors import VECTOR_ERRORS
from indicators.errors import SozialmonitorError
from indicators.wording import t
from indicators.wording.voice import Voice
from store import config

OGC_DIR_VAR = "SOZIALMONITOR_OGC_DIR"
OGC_URL_VAR = "SOZIALMONITOR_OGC_URL"
CONFIG_NAME = "pygeoapi-config.yml"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
_LOG = logging.getLogger(__name__)
# What refreshing the files can meet: the disk, a broken cached stamp (JSON), YAML, a saved dataset that
# no longer loads (a project error, pyogrio/GDAL) or a failing database (store.db: DatabaseError, a project
# error). Anything else is a bug.
PUBLISH_ERRORS: tuple[type[Exception], ...] = (OSError, ValueError, yaml.YAMLError, SozialmonitorError, *VECTOR_ERRORS)


def ogc_dir(data_root: Path | str | None = None) -> Path:
    """Where collections and the configuration are written: ``SOZIALMONITOR_OGC_DIR`` or ``<data dir>/ogc``."""
    raw = os.environ.get(OGC_DIR_VAR, "").strip()
    return Path(raw) if raw else Path(data_root if data_root is not None else config.data_dir()) / "ogc"


def ogc_url() -> str:
    """The public address of the OGC API (``SOZIALMONITOR_OGC_URL``, default ``http://localhost:5000``)."""
    return (os.environ.get(OGC_URL_VAR, "").strip() or "http://localhost:5000").rstrip("/")


def public_geographies(data_root: Path | str | None = None) -> dict[str, Geography]:
    """Shipped geographies and saved datasets marked ``öffentlich``: what an anonymous visitor may read."""
    from geo.uploads.datastore import DataStore
    from store.permissions import ANONYMOUS

    return DataStore(data_root, user=ANONYMOUS).geographies()


def feature_collection(geo: Geography) -> tuple[dict[str, Any], dict[str, Any]]:
    """The GeoJSON of one geography (area × year, indicator values as properties) and its metadata.

    Returns
    -------
    tuple of dict
        The FeatureCollection, and ``{"bbox", "years", "indicators", "sources"}`` for the configuration.
    """
    from geo.loading import load_dataset

    ds = load_dataset(geo)
    areas = ds.areas.to_crs("OGC:CRS84")
    values = ds.values[ds.values["area_code"].isin(set(areas["code"]))]
    wide = values.pivot_table(
        index=["area_code", "year"], columns="indicator", values="value", aggfunc="first", dropna=False
    )
    indicators = [i for i in ds.catalogue if i in wide.columns]
    shapes = {c: _rounded(mapping(g)) for c, g in zip(areas["code"], areas.geometry)}
    names = dict(zip(areas["code"], areas["name"]))
    features = []
    for (code, year), row in wide.iterrows():
        props: dict[str, Any] = {
            "id": f"{code}-{int(year)}",
            "code": str(code),
            "name": str(names[code]),
            "jahr": int(year),
        }
        for ind in indicators:
            v = row[ind]
            props[ind] = None if v != v else round(float(v), 6)  # NaN (withheld or missing) -> null
        features.append({"type": "Feature", "id": props["id"], "geometry": shapes[code], "properties": props})
    used = {ds.catalogue[i].source for i in indicators}
    meta = {
        "bbox": [round(float(b), 6) for b in areas.total_bounds],
        "years": sorted({int(y) for _, y in wide.index}),
        "indicators": {i: ds.catalogue[i] for i in indicators},
        "sources": [s for s in ds.sources.values() if s.id in used or not used],
    }
    return {"type": "FeatureCollection", "features": features}, meta


def _rounded(geom: dict[str, Any], digits: int = 6) -> dict[str, Any]:
    """A GeoJSON geometry with coordinates rounded to ``digits`` decimals (~0.1 m in degrees)."""

    def r(c: Any) -> list[Any]:
        return (
            [r(x) for x in c]
            if isinstance(c, (list, tuple)) and c and isinstance(c[0], (list, tuple))
            else [round(float(x), digits) for x in c]
        )

    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}


def _atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def collection_config(geo: Geography, meta: dict[str, Any], data_file: Path) -> dict[str, Any]:
    """pygeoapi's resource entry of one collection: German title and description, source and licence."""
    sources = meta["sources"]
    licences = sorted({s.licence for s in sources if s.licence})
    years = meta["years"]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "–")
    lines = [t("ogc_collection_description", "de", label=geo.label_de, years=span, n=len(meta["indicators"]))]
    lines += [
        t("ogc_indicator_line", "de", id=i, label=ind.label_de, unit=ind.unit) for i, ind in meta["indicators"].items()
    ]
    attribution = "; ".join(
        dict.fromkeys(
            [*(s.attribution() for s in sources), geo.attribution]
            if geo.attribution
            else [s.attribution() for s in sources]
        )
    )
    lines.append(t("ogc_source_line", "de", attribution=attribution))
    links = [
        {"type": "text/html", "rel": "license", "title": s.licence, "href": s.licence_url, "hreflang": "de"}
        for s in sources
        if s.licence_url
    ]
    links += [
        {"type": "text/html", "rel": "describedby", "title": s.label, "href": s.url, "hreflang": "de"}
        for s in sources
        if s.url
    ]
    entry: dict[str, Any] = {
        "type": "collection",
        "title": {"de": geo.label_de, "en": geo.label_en or geo.label_de},
        "description": {
            "de": "\n".join(lines),
            "en": t(
                "ogc_collection_description",
                "en",
                label=geo.label(voice=Voice.of("en")),
                years=span,
                n=len(meta["indicators"]),
            ),
        },
        "keywords": {
            "de": ["Sozialmonitoring", "Sozialplanung", geo.place or geo.label_de, *licences],
            "en": ["social monitoring", "social planning"],
        },
        "extents": {"spatial": {"bbox": meta["bbox"], "crs": CRS84}},
        "providers": [
            {"type": "feature", "name": "GeoJSON", "data": str(data_file), "id_field": "id", "title_field": "name"}
        ],
    }
    if years:
        entry["extents"]["temporal"] = {"begin": f"{years[0]}-01-01T00:00:00Z", "end": f"{years[-1]}-12-31T00:00:00Z"}
    if links:
        entry["links"] = links
    return entry


def server_config(resources: dict[str, Any], *, url: str) -> dict[str, Any]:
    """The whole pygeoapi configuration around ``resources`` (German first, English second)."""
    return {
        "server": {
            "bind": {"host": "127.0.0.1", "port": 5000},
            "url": url,
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "gzip": False,
            "languages": ["de-DE", "en-US"],
            "cors": True,
            "pretty_print": False,
            "limits": {"default_items": 100, "max_items": 10000},
            "map": {
                "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "attribution": "© OpenStreetMap contributors",
            },
            "admin": False,
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {
                "title": {"de": t("ogc_title", "de"), "en": t("ogc_title", "en")},
                "description": {"de": t("ogc_description", "de"), "en": t("ogc_description", "en")},
                "keywords": {"de": ["Sozialmonitoring", "Lübeck"], "en": ["social monitoring"]},
                "keywords_type": "theme",
                "terms_of_service": t("ogc_terms", "de"),
                "url": url,
            },
            "license": {"name": t("ogc_licence", "de"), "url": url},
            "provider": {"name": t("ogc_provider", "de"), "url": url},
            "contact": {
                "name": t("ogc_provider", "de"),
                "position": "",
                "address": "",
                "city": "Lübeck",
                "stateorprovince": "Schleswig-Holstein",
                "postalcode": "",
                "country": "Deutschland",
                "phone": "",
                "fax": "",
                "email": "",
                "url": url,
                "hours": "",
                "instructions": "",
                "role": "pointOfContact",
            },
        },
        "resources": resources,
    }


def collection_id(gid: str) -> str:
    """The collection's id in URLs: the geography id (letters, digits, ``_`` and ``-`` only)."""
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in gid)


def write_ogc(
    *, out_dir: Path | None = None, data_root: Path | str | None = None, url: str | None = None, force: bool = False
) -> dict[str, Path]:
    """Write one GeoJSON per public geography and the pygeoapi configuration; delete all others.

    Parameters
    ----------
    out_dir
        Target directory (default :func:`ogc_dir`).
    data_root
        Data directory of saved datasets (default: the configured one).
    url
        Public address of the API (default :func:`ogc_url`).
    force
        Rewrite every collection, even if its geography's files did not change.

    Returns
    -------
    dict
        Collection id -> GeoJSON file, in the order of the registry.
    """
    out = Path(out_dir) if out_dir is not None else ogc_dir(data_root)
    geos = public_geographies(data_root)
    keep = {collection_id(g.id): g for g in geos.values()}
    withdraw_stale(out, set(keep))  # first: nothing withdrawn stays readable while the rest is computed
    resources, files = {}, {}
    for cid, geo in keep.items():
        data_file, stamp_file = out / f"{cid}.geojson", out / f".{cid}.meta.json"
        stamp = json.dumps([list(map(str, k)) for k in geo.cache_key()] + [geo.label_de, geo.attribution])
        cached = json.loads(stamp_file.read_text(encoding="utf-8")) if stamp_file.exists() else {}
        if force or cached.get("stamp") != stamp or not data_file.exists():
            collection, meta = feature_collection(geo)
            _atomic(data_file, json.dumps(collection, ensure_ascii=False, separators=(",", ":")))
            entry = collection_config(geo, meta, data_file)
            _atomic(stamp_file, json.dumps({"stamp": stamp, "entry": entry}, ensure_ascii=False))
        else:
            entry = cached["entry"]
        resources[cid], files[cid] = entry, data_file
    text = "# Generated by geo/ogc.py (cli.py ogc config): do not edit.\n" + yaml.safe_dump(
        server_config(resources, url=url or ogc_url()), allow_unicode=True, sort_keys=False
    )
    target = out / CONFIG_NAME
    if not target.exists() or target.read_text(encoding="utf-8") != text:  # unchanged: not touched (a systemd
        _atomic(target, text)  # .path unit restarts pygeoapi)
    return files


def withdraw_stale(out: Path, keep: set[str]) -> list[str]:
    """Delete the GeoJSON of every collection not in ``keep`` (withdrawn, removed): served empty at once."""
    gone = []
    for p in out.glob("*.geojson") if out.exists() else []:
        if p.stem not in keep:
            p.unlink(missing_ok=True)
            (out / f".{p.stem}.meta.json").unlink(missing_ok=True)
            gone.append(p.stem)
    return gone


def refresh(data_root: Path | str | None = None) -> None:
    """Hook after a dataset changed: regenerate the OGC files if the OGC API is set up (its directory
    or ``SOZIALMONITOR_OGC_DIR`` exists). Publishing must not fail on the cache: what
    :data:`PUBLISH_ERRORS` lists is logged (the collections then show the previous state until
    ``cli.py ogc config``); anything else is a bug and propagates."""
    out = ogc_dir(data_root)
    if not (out / CONFIG_NAME).exists():
        return
    try:
        write_ogc(out_dir=out, data_root=data_root)
    except PUBLISH_ERRORS:
        _LOG.exception("OGC-Konfiguration konnte nicht erneuert werden")
        try:  # at least: nothing that is no longer public stays served
            withdraw_stale(out, {collection_id(g) for g in public_geographies(data_root)})
        except PUBLISH_ERRORS:
            _LOG.exception("OGC-Sammlungen nicht zurückgezogen")
