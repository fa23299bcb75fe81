"""DataStore on the database: migration from registry.yaml, roles through the store's user (synthetic data)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import yaml
from shapely.geometry import box

from geo.loading import load_dataset
from geo.uploads.datastore import DataStore, SaveRequest, catalogue_yaml
from indicators.catalogue import Source, parse_indicator
from store import audit, users
from store.errors import StoreError
from store.permissions import ANONYMOUS, PermissionDenied

AREAS = gpd.GeoDataFrame(
    {"code": ["01", "02"], "name": ["A", "B"]},
    geometry=[box(610000, 5970000, 611000, 5971000), box(611000, 5970000, 612000, 5971000)],
    crs=25832,
)
SRC = Source("synthetic", "Synthetische Testdaten", "CC0")
CAT = {
    "n": parse_indicator({"id": "n", "label_de": "Anzahl", "kind": "count", "unit": "Personen", "source": "synthetic"})
}
TABLE = pd.DataFrame({"area_code": ["01", "02"], "year": [2022, 2022], "variable": ["n", "n"], "value": [10.0, 20.0]})


def _old_schema(root):
    """A data directory as the previous version left it: dataset folders plus registry.yaml."""
    rel = "datasets/alt_1--20250101T000000-abcdef"
    (root / rel).mkdir(parents=True)
    AREAS.to_file(root / rel / "boundaries.gpkg", layer="areas", driver="GPKG")  # the files as the old store wrote them
    TABLE.to_csv(root / rel / "table.csv", index=False, float_format="%.10g")
    (root / rel / "catalogue.yaml").write_text(catalogue_yaml(CAT, {"synthetic": SRC}), encoding="utf-8")
    registry = {
        "alt_1": {
            "label_de": "Alt 1",
            "label_en": "Old 1",
            "boundaries": f"{rel}/boundaries.gpkg",
            "layer": "areas",
            "table": f"{rel}/table.csv",
            "catalogue": f"{rel}/catalogue.yaml",
            "reference_code": "00",
            "attribution": "synthetisch",
        }
    }
    (root / "registry.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")


def test_registry_yaml_of_the_previous_schema_is_imported_once(tmp_path):
    _old_schema(tmp_path)
    store = DataStore(tmp_path)
    assert [d.name for d in store.list()] == ["alt_1"] and store.list()[0].owner == "lokal"
    geo = store.geographies()["alt_1"]
    assert (geo.label_en, geo.attribution) == ("Old 1", "synthetisch")
    assert set(load_dataset(geo).values["value"]) == {10, 20}
    assert not (tmp_path / "registry.yaml").exists() and (tmp_path / "registry.yaml.importiert").exists()
    assert [d.name for d in DataStore(tmp_path).list()] == ["alt_1"]  # a second start imports nothing
    log = audit.entries(store.engine, users.system_user(), action="migrate")
    assert [e.object for e in log] == ["registry.yaml", "alt_1"]  # the registry, then the folder's contents
    assert (
        log[0].details["imported"] == ["alt_1"] and log[1].details["folder"] == "datasets/alt_1--20250101T000000-abcdef"
    )
    assert store.cleanup() == [] and (tmp_path / "datasets").exists()  # the old folder is left for the admin


def test_the_store_acts_as_its_user(tmp_path):
    planner = DataStore(tmp_path)  # auth none: the local planner
    planner.save(
        SaveRequest(name="eins", label_de="Eins", areas=AREAS, table=TABLE, catalogue=CAT, sources={"synthetic": SRC})
    )
    anonymous = DataStore(tmp_path, ANONYMOUS)
    assert anonymous.list() == [] and "eins" not in anonymous.geographies()
    with pytest.raises(PermissionDenied):
        anonymous.save(SaveRequest(name="zwei", label_de="Zwei", areas=AREAS, table=TABLE, catalogue=CAT))
    with pytest.raises(PermissionDenied):
        planner.publish("eins")
    admin = DataStore(tmp_path, users.system_user())
    admin.publish("eins")
    assert [d.name for d in anonymous.list()] == ["eins"] and anonymous.list()[0].public
    assert [d.name for d in admin.list()] == ["eins"]  # refused: nothing of "zwei" was written


def test_look_alike_of_shipped_data_is_refused(tmp_path):
    with pytest.raises(StoreError, match="mitgelieferten Geografie"):
        DataStore(tmp_path).save(
            SaveRequest(
                name="Lübeck – 10 Stadtteile",
                label_de="Lübeck – 10 Stadtteile",
                areas=AREAS,
                table=TABLE,
                catalogue=CAT,
            )
        )
    assert DataStore(tmp_path).list() == []


def test_in_auth_mode_local_a_store_without_user_is_anonymous(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    assert DataStore(tmp_path).user == ANONYMOUS
