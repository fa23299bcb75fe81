"""The saved-data list and the trash show a dataset label with Markdown as typed (no image, no link)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

LABEL = "![x](http://192.0.2.1/beacon.png) [klick](http://192.0.2.1) **fett**"  # hostile label, synthetic


def _page(root: str) -> None:
    from geo.uploads.datastore import DataStore
    from store import users
    from ui.pages import upload_saved

    store = DataStore(root)
    store.user = users.system_user()
    upload_saved.saved_list(store, "de")


def test_labels_in_the_saved_list_and_the_trash_are_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    from store import datasets, db, users
    from store.datasets import DatasetVersion

    engine = db.engine_for(None, tmp_path)
    admin = users.system_user()
    datasets.register(engine, admin, DatasetVersion(name="bleibt", label_de=LABEL, key="datasets/bleibt--1"))
    datasets.register(engine, admin, DatasetVersion(name="weg", label_de=LABEL, key="datasets/weg--1"))
    datasets.remove(engine, admin, "weg")
    at = AppTest.from_function(_page, args=(str(tmp_path),), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [m.value for m in at.markdown if "beacon" in m.value]
    assert len(shown) == 2  # the list and the trash
    for text in shown:
        assert "![x](" not in text and "[klick](" not in text and "**fett**" not in text
        assert r"\[x\]" in text and r"\*\*fett\*\*" in text
