"""Store accepted uploads on disk so they survive a restart.

Layout of the data directory (env ``SOZIALMONITOR_DATA_DIR``, default
``var/`` in the repository root)::

    registry.yaml                    geographies, same format as shapes/geographies.yaml
    datasets/<name>--<version>/      one folder per saved version
        boundaries.gpkg              layer "areas": code, name, geometry (EPSG:25832)
        table.csv                    tidy: area_code, year, variable, value
        catalogue.yaml               sources + indicators (indicators/catalogue.py format)
        meta.yaml                    who/what/when, validation summary

Saving is crash-safe: a new version is written completely into a fresh
folder, then the registry is replaced atomically (temp file in the same
directory + ``os.replace``). Until that rename the old registry, and with it
every dataset saved before, is untouched; afterwards old versions are deleted.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import yaml

from geo.geographies import REGISTRY, Geography, list_geographies, parse_registry
from indicators.catalogue import Indicator, Source

ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = "SOZIALMONITOR_DATA_DIR"
LAYER = "areas"
MAX_LABEL = 200  # characters of a dataset label (the registry is read on every page)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")


class StoreError(ValueError):
    """A dataset cannot be saved or removed; the message says why (German)."""


def data_dir() -> Path:
    """The configured data directory (not created here)."""
    return Path(os.environ.get(ENV_VAR) or ROOT / "var")


def startup_cleanup(root: Path | str | None = None) -> list[Path]:
    """At start-up: create the data directory (0700) and remove what a crash left there.

    Never raises (a read-only or missing data directory must not stop the app);
    a failure is logged with its traceback.
    """
    try:
        return DataStore(root).cleanup()
    except Exception:
        logging.getLogger(__name__).exception("data store clean-up failed")
        return []


def safe_name(text: str) -> str:
    """A dataset id from user text: lower-case ASCII, digits, ``_`` and ``-`` only.

    Umlauts are transliterated (``Stadtbezirke Süd`` -> ``stadtbezirke_sued``);
    anything that could form a path (``/``, ``..``, ``\\``) disappears.

    Raises
    ------
    StoreError
        If nothing usable is left.
    """
    s = str(text).strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_-")[:48].strip("_-")
    if not _NAME.fullmatch(s or ""):
        raise StoreError(f"ungültiger Name {text!r}: bitte Buchstaben oder Ziffern verwenden")
    return s


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Create ``path`` via ``write(tmp)`` on a temp file in the same folder, then rename.

    If ``write`` fails, the temp file is removed and ``path`` is unchanged.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # some writers (GDAL) refuse to overwrite an existing file
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text (UTF-8) atomically."""
    atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def catalogue_yaml(indicators: Mapping[str, Indicator] | list[Indicator], sources: Mapping[str, Source]) -> str:
    """Catalogue file text readable by :func:`indicators.catalogue.load_catalogue`."""
    inds = list(indicators.values()) if isinstance(indicators, Mapping) else list(indicators)
    entries = []
    for ind in inds:
        d = {k: v for k, v in asdict(ind).items() if k != "extra" and v not in ("", (), None)}
        d["numerator"] = list(ind.numerator)
        d["denominator"] = list(ind.denominator)
        d.update({k: v for k, v in ind.extra.items() if isinstance(v, (str, int, float, bool))})
        if ind.extra.get("parts"):  # total = sum of parts, for secondary suppression
            d["parts"] = [str(p) for p in ind.extra["parts"]]
        entries.append(d)
    srcs = {s.id: {k: v for k, v in asdict(s).items() if k != "id" and v} for s in sources.values()}
    doc = {"sources": srcs, "indicators": entries}
    return "# Written by the Sozialmonitor upload (geo/uploads/store.py).\n" + yaml.safe_dump(
        doc, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class StoredDataset:
    """One saved dataset as listed by :meth:`DataStore.list`."""

    name: str
    label: str
    folder: Path
    meta: dict


class DataStore:
    """Saved user datasets in one data directory."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else data_dir()

    @property
    def registry_path(self) -> Path:
        """Registry file, for ``list_geographies(extra_registries=[...])``."""
        return self.root / "registry.yaml"

    def ensure_root(self) -> Path:
        """Create the data directory readable by the service user only (0700)."""
        if not self.root.exists():
            self.root.mkdir(parents=True, mode=0o700)
        with contextlib.suppress(OSError):  # not ours (e.g. a shared mount): leave it
            if self.root.stat().st_uid == os.getuid() and self.root.stat().st_mode & 0o077:
                os.chmod(self.root, 0o700)
        return self.root

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise registry updates between sessions and processes."""
        self.ensure_root()
        with open(self.root / ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _registry(self) -> dict:
        if not self.registry_path.exists():
            return {}
        return yaml.safe_load(self.registry_path.read_text(encoding="utf-8")) or {}

    def geographies(self) -> dict[str, Geography]:
        """Shipped geographies plus the saved ones."""
        return list_geographies(extra_registries=[self.registry_path])

    def list(self) -> list[StoredDataset]:
        """Saved datasets, in registry order."""
        out = []
        for name, spec in self._registry().items():
            folder = self.root / Path(spec["boundaries"]).parent
            meta_file = folder / "meta.yaml"
            meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
            out.append(StoredDataset(name, spec.get("label_de", name), folder, meta or {}))
        return out

    def save(
        self,
        name: str,
        label_de: str,
        areas: gpd.GeoDataFrame,
        table: pd.DataFrame,
        catalogue: Mapping[str, Indicator],
        sources: Mapping[str, Source],
        *,
        label_en: str = "",
        reference_code: str | None = "00",
        attribution: str = "",
        meta: Mapping | None = None,
        overwrite: bool = False,
        _after_files: Callable[[], None] | None = None,
    ) -> Geography:
        """Save a dataset and register it as a geography; return that geography.

        Parameters
        ----------
        name
            Dataset id; passed through :func:`safe_name`.
        areas
            ``code``, ``name``, geometry (any extra columns are kept).
        table
            Tidy ``area_code, year, variable, value``.
        catalogue, sources
            Indicators and their sources for this dataset.
        overwrite
            Replace an existing dataset of the same name; otherwise that is an error.
        """
        gid = safe_name(name)
        for what, text in (("Bezeichnung", label_de), ("englische Bezeichnung", label_en), ("Quellenangabe", attribution)):
            if len(str(text or "")) > MAX_LABEL:
                raise StoreError(f"{what} zu lang ({len(str(text))} Zeichen, erlaubt {MAX_LABEL})")
        if gid in parse_registry(REGISTRY):
            raise StoreError(f"'{gid}' ist eine mitgelieferte Geografie: bitte einen anderen Namen wählen")
        version = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        rel = Path("datasets") / f"{gid}--{version}"
        folder = self.root / rel
        with self._locked():
            registry = self._registry()
            if gid in registry and not overwrite:
                raise StoreError(f"Datensatz '{gid}' gibt es schon")
            folder.mkdir(parents=True)
            try:
                self._write_files(folder, areas, table, catalogue, sources, meta, label_de)
                if _after_files:
                    _after_files()  # test hook: simulate a crash before the commit
                old = registry.get(gid)
                registry[gid] = {
                    "label_de": label_de, "label_en": label_en or label_de,
                    "boundaries": str(rel / "boundaries.gpkg"), "layer": LAYER,
                    "table": str(rel / "table.csv"), "catalogue": str(rel / "catalogue.yaml"),
                    "reference_code": reference_code, "attribution": attribution,
                }
                atomic_write_text(self.registry_path, yaml.safe_dump(registry, allow_unicode=True, sort_keys=False))
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            if old:
                self._delete_folder(Path(old["boundaries"]).parent)
        return self.geographies()[gid]

    def _write_files(self, folder: Path, areas: gpd.GeoDataFrame, table: pd.DataFrame,
                     catalogue: Mapping[str, Indicator], sources: Mapping[str, Source],
                     meta: Mapping | None, label: str) -> None:
        gdf = areas.copy()
        gdf["code"] = gdf["code"].astype(str)
        gdf["name"] = gdf["name"].astype(str)
        atomic_write(folder / "boundaries.gpkg", lambda p: gdf.to_file(p, layer=LAYER, driver="GPKG"))
        tidy = table[["area_code", "year", "variable", "value"]].copy()
        tidy["year"] = tidy["year"].astype(int)
        atomic_write(folder / "table.csv", lambda p: tidy.to_csv(p, index=False, float_format="%.10g"))
        atomic_write_text(folder / "catalogue.yaml", catalogue_yaml(catalogue, sources))
        info = {"label": label, "saved": dt.datetime.now().isoformat(timespec="seconds"),
                "areas": len(gdf), "rows": len(tidy), **dict(meta or {})}
        atomic_write_text(folder / "meta.yaml", yaml.safe_dump(info, allow_unicode=True, sort_keys=False))

    def remove(self, name: str) -> bool:
        """Remove a saved dataset; False if there was none of that name."""
        gid = safe_name(name)
        with self._locked():
            registry = self._registry()
            spec = registry.pop(gid, None)
            if spec is None:
                return False
            atomic_write_text(self.registry_path, yaml.safe_dump(registry, allow_unicode=True, sort_keys=False))
            self._delete_folder(Path(spec["boundaries"]).parent)
        return True

    def cleanup(self) -> list[Path]:
        """Delete what a crash left: dataset folders the registry does not point to and temp files.

        Called once at start-up (:func:`startup_cleanup`); safe at any time, since
        saving holds the same lock.
        """
        with self._locked():
            used = {Path(s["boundaries"]).parent.name for s in self._registry().values()}
            base = self.root / "datasets"
            stale = [p for p in base.iterdir() if p.is_dir() and p.name not in used] if base.exists() else []
            for p in stale:
                shutil.rmtree(p, ignore_errors=True)
            temps = [p for p in self.root.glob(".*.tmp*") if p.is_file()]
            if base.exists():
                temps += [p for p in base.glob("*/.*.tmp*") if p.is_file()]
            for p in temps:
                p.unlink(missing_ok=True)
        return stale + temps

    def _delete_folder(self, rel: Path) -> None:
        folder = (self.root / rel).resolve()
        base = (self.root / "datasets").resolve()
        if folder.parent == base:  # never delete anything outside datasets/
            shutil.rmtree(folder, ignore_errors=True)
