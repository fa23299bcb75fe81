"""Saved datasets live in the database (both backends; every dataset here is SYNTHETIC).

The contents of a version (areas with geometry, tidy values, catalogue and metadata) are written in the
transaction that registers it, read back unchanged, removed with it; on PostgreSQL with PostGIS the
geometry column is ``geometry(MultiPolygon, 25832)``. A data directory written by the old code (one
folder per version) is moved in once: a second run moves nothing, and the values are identical.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box
from sqlalchemy import text

from store import audit, contents, datasets, users
from store.datasets import DatasetVersion
from store.permissions import User

ADMIN = User("system:test", "admin")
AREAS = gpd.GeoDataFrame(
    {"code": ["01", "02"], "name": ["Synthetisch Nord", "Synthetisch Süd"]},
    geometry=[
        box(610000, 5970000, 611000, 5971000),
        MultiPolygon([box(611000, 5970000, 612000, 5971000), box(613000, 5970000, 614000, 5971000)]),
    ],
    crs=25832,
)
TABLE = pd.DataFrame(
    {
        "area_code": ["01", "02", "01", "02"],
        "year": [2022, 2022, 2023, 2023],
        "variable": ["n"] * 4,
        "value": [10.0, 0.1 + 0.2, 1234567.891, None],
    }
)
CATALOGUE = (
    "sources:\n  synthetic:\n    label: Synthetische Testdaten\n    licence: CC0\n"
    "indicators:\n- id: n\n  label_de: Anzahl (synthetisch)\n  kind: count\n  unit: Personen\n"
    "  source: synthetic\n"
)
_NAMES = itertools.count()


def _contents():
    from geo.dataset_cache import contents_from_frames

    return contents_from_frames(areas=AREAS, table=TABLE, catalogue=CATALOGUE, meta={"files": ["synthetisch.csv"]})


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(text(f"SELECT count(*) FROM {table}")))


def test_contents_round_trip_and_geometry_column(engine):
    from geo.dataset_cache import frames_from_contents

    rec = datasets.register(
        engine, ADMIN, DatasetVersion(name="bezirke", label_de="Bezirke (synthetisch)", contents=_contents())
    )
    back = contents.read(engine, rec.id)
    assert back is not None and back.catalogue == CATALOGUE and back.meta == {"files": ["synthetisch.csv"]}
    areas, tidy = frames_from_contents(back)
    assert areas["code"].tolist() == ["01", "02"] and areas["name"].tolist() == AREAS["name"].tolist()
    assert [g.equals(h) for g, h in zip(areas.geometry, AREAS.geometry)] == [True, True]
    assert isinstance(areas.geometry[0], Polygon)  # saved as a Polygon, given back as one
    pd.testing.assert_frame_equal(tidy, TABLE.astype({"year": int, "value": float}))  # full precision, NULL kept
    if engine.dialect.name == "postgresql":  # PostGIS is installed in the test server (Debian package)
        with engine.connect() as conn:
            assert (
                conn.scalar(
                    text(
                        "SELECT udt_name FROM information_schema.columns WHERE "
                        "table_name = 'dataset_areas' AND column_name = 'geom'"
                    )
                )
                == "geometry"
            )
            kind, srid, area = conn.execute(
                text("SELECT ST_GeometryType(geom), ST_SRID(geom), ST_Area(geom) FROM dataset_areas WHERE code = '02'")
            ).one()
            assert (kind, srid, area) == ("ST_MultiPolygon", 25832, 2_000_000.0)


def test_a_failure_before_the_commit_leaves_no_contents(engine, monkeypatch):
    datasets.register(engine, ADMIN, DatasetVersion(name="eins", label_de="Eins", contents=_contents()))

    def power_cut(*args, **kwargs):
        raise KeyboardInterrupt("simulated: after the contents, before the commit")

    monkeypatch.setattr(datasets.audit, "record", power_cut)
    with pytest.raises(KeyboardInterrupt):
        datasets.register(
            engine, ADMIN, DatasetVersion(name="eins", label_de="Eins v2", overwrite=True, contents=_contents())
        )
    assert _count(engine, "dataset_areas") == 2 and _count(engine, "dataset_values") == 4
    assert [r.version for r in datasets.visible(engine, ADMIN)] == [1]


def test_purge_removes_the_contents_with_the_version(engine):
    datasets.register(engine, ADMIN, DatasetVersion(name="weg", label_de="Weg", contents=_contents()))
    datasets.remove(engine, ADMIN, "weg")
    datasets.purge(engine, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=31))
    assert [_count(engine, t) for t in ("dataset_areas", "dataset_values", "dataset_documents")] == [0, 0, 0]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    values=st.lists(
        st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64)), min_size=1, max_size=20
    ),
    years=st.integers(min_value=1800, max_value=2200),
)
def test_any_value_comes_back_exactly(engine, values, years):
    """Whatever the table holds (tiny, huge, negative, missing) the database gives back exactly, in order
    (the old files kept 10 significant digits)."""
    cells = tuple((f"{i:02d}", years, "v", x) for i, x in enumerate(values))
    item = contents.Contents(areas=(), values=cells, catalogue="")
    name = f"p{next(_NAMES)}"
    rec = datasets.register(engine, ADMIN, DatasetVersion(name=name, label_de=name, contents=item))
    back = contents.read(engine, rec.id)
    assert back is not None and back.values == cells


# ------------------------------------------------------------------ the one-time move of old folders
def _old_folder(root: Path, name: str, stamp: str, value: float) -> str:
    """A dataset folder exactly as the old DataStore wrote it (layer, files, float format)."""
    rel = f"datasets/{name}--{stamp}"
    folder = root / rel
    folder.mkdir(parents=True)
    AREAS.to_file(folder / "boundaries.gpkg", layer="areas", driver="GPKG")
    table = TABLE.assign(value=TABLE["value"] + value)
    table.to_csv(folder / "table.csv", index=False, float_format="%.10g")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    meta = {"label": name, "areas": 2, "rows": 4}
    text_ = yaml.safe_dump(meta, allow_unicode=True) + "saved: 2025-01-01 00:00:00\n"  # unquoted: a YAML date
    (folder / "meta.yaml").write_text(text_, encoding="utf-8")
    return rel


def _old_installation(engine, root: Path) -> dict[str, str]:
    """Two datasets (one replaced once) registered with folders and no contents, as the old code left them."""
    planner = users.add_user(engine, ADMIN, "paula", "planner", "Synthetisch-Passwort-1")
    rels = {
        "alt_a@1": _old_folder(root, "alt_a", "20250101T000000-aaaaaa", 0),
        "alt_a@2": _old_folder(root, "alt_a", "20250201T000000-bbbbbb", 5),
        "alt_b@1": _old_folder(root, "alt_b", "20250301T000000-cccccc", 7),
    }
    for key, rel in rels.items():
        name, version = key.split("@")
        datasets.register(
            engine, planner, DatasetVersion(name=name, label_de=name.upper(), key=rel, overwrite=version != "1")
        )
    return rels


def test_old_folders_move_in_once_with_identical_values(engine, tmp_path):
    from geo.dataset_files import migrate_files
    from geo.geographies import load_areas
    from geo.loading import load_dataset
    from geo.uploads.datastore import DataStore

    root = tmp_path / "data"
    rels = _old_installation(engine, root)
    assert len(contents.pending(engine)) == 3
    first = migrate_files(engine, root)
    assert sorted(f"{m.name}@{m.version}" for m in first.moved) == sorted(rels)
    assert first.missing == [] and first.failed == [] and contents.pending(engine) == []
    assert migrate_files(engine, root).moved == []  # the second run moves nothing
    assert _count(engine, "dataset_areas") == 6 and _count(engine, "dataset_values") == 12
    migrated = [e for e in audit.entries(engine, ADMIN, action="migrate") if e.object.startswith("alt_")]
    assert sorted((e.object, e.details["version"]) for e in migrated) == [("alt_a", 1), ("alt_a", 2), ("alt_b", 1)]
    assert all((root / rel / "table.csv").exists() for rel in rels.values())  # folders left for the admin
    store = DataStore(root, users.system_user(), url=engine.url.render_as_string(hide_password=False))
    for name, rel in (("alt_a", rels["alt_a@2"]), ("alt_b", rels["alt_b@1"])):
        geo = store.geographies()[name]
        assert not geo.table.is_relative_to(root / "datasets")  # read from the database's cache
        old = pd.read_csv(root / rel / "table.csv", dtype={"area_code": str})
        new = pd.read_csv(geo.table, dtype={"area_code": str})
        pd.testing.assert_frame_equal(new, old)
        old_areas = gpd.read_file(root / rel / "boundaries.gpkg", layer="areas")
        assert [a.equals(b) for a, b in zip(load_areas(geo).geometry, old_areas.geometry)] == [True, True]
        assert load_dataset(geo).report.ok
    assert {d.name: d.meta["saved"] for d in store.list()} == {
        "alt_a": "2025-01-01 00:00:00",
        "alt_b": "2025-01-01 00:00:00",
    }


def test_two_processes_moving_at_once_move_each_version_once(engine, tmp_path):
    from geo.dataset_files import migrate_files

    root = tmp_path / "data"
    _old_installation(engine, root)
    results = []
    threads = [threading.Thread(target=lambda: results.append(migrate_files(engine, root))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(len(r.moved) for r in results) == 3
    assert _count(engine, "dataset_areas") == 6 and _count(engine, "dataset_documents") == 3


def test_a_missing_folder_is_reported_and_the_rest_moves(engine, tmp_path):
    import shutil

    from geo.dataset_files import migrate_files

    root = tmp_path / "data"
    rels = _old_installation(engine, root)
    shutil.rmtree(root / rels["alt_b@1"])
    result = migrate_files(engine, root)
    assert [(p.name, p.version) for p in result.missing] == [("alt_b", 1)] and len(result.moved) == 2
    assert [(p.name, p.version) for p in contents.pending(engine)] == [("alt_b", 1)]


@pytest.mark.parametrize("damage", ["gpkg", "yaml", "csv_column"])
def test_a_damaged_folder_is_reported_as_failed_and_the_rest_moves(engine, tmp_path, damage):
    from geo.dataset_files import migrate_files

    root = tmp_path / "data"
    rels = _old_installation(engine, root)
    folder = root / rels["alt_b@1"]
    if damage == "gpkg":
        (folder / "boundaries.gpkg").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    elif damage == "yaml":
        (folder / "meta.yaml").write_text("label: [unclosed\n", encoding="utf-8")
    else:
        (folder / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = migrate_files(engine, root)
    assert [(p.name, p.version) for p in result.failed] == [("alt_b", 1)] and len(result.moved) == 2


def test_a_bug_while_moving_a_folder_is_not_reported_as_a_damaged_folder(engine, tmp_path, monkeypatch):
    from geo import dataset_files

    def bug(**_kw):
        raise TypeError("contents_from_frames() got an unexpected keyword")

    root = tmp_path / "data"
    _old_installation(engine, root)
    monkeypatch.setattr(dataset_files, "contents_from_frames", bug)
    with pytest.raises(TypeError, match="unexpected keyword"):
        dataset_files.migrate_files(engine, root)
