"""Batch export of print maps with an index."""

from __future__ import annotations

import pandas as pd
import pytest
from PIL import Image
from synth_exports import synthetic_dataset

from geo.exports.batch import export_all_maps
from geo.printmap.render import PrintOptions
from indicators.wording.voice import Voice


def test_batch_writes_one_map_per_indicator_and_an_index(tmp_path):
    ds = synthetic_dataset()
    index = export_all_maps(ds, 2022, tmp_path, "png", progress=False)
    assert index["indicator"].tolist() == list(ds.catalogue)
    assert (index["status"] == "ok").all()
    for name in index["file"]:
        assert Image.open(tmp_path / name).size == (3508, 2480)
    csv = pd.read_csv(tmp_path / "index.csv")
    assert csv.columns.tolist() == ["file", "indicator", "label", "year", "status"]
    assert csv["label"].tolist()[2] == "Fallquote (synthetisch)"
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "[case_rate_2022.png](case_rate_2022.png)" in md and "Fallquote (synthetisch)" in md


def test_batch_lists_indicators_without_data(tmp_path):
    ds = synthetic_dataset()
    ds.values = ds.values[~((ds.values["indicator"] == "mean_age") & (ds.values["year"] == 2022))]
    index = export_all_maps(ds, 2022, tmp_path, "svg", indicators=["mean_age", "cases"], progress=False)
    row = index.set_index("indicator").loc["mean_age"]
    assert row["file"] == "" and row["status"] == "keine Daten für 2022"
    assert (tmp_path / "cases_2022.svg").exists()
    assert not (tmp_path / "mean_age_2022.svg").exists()


def test_batch_index_speaks_the_voice_of_its_options(tmp_path):
    ds = synthetic_dataset()
    ds.values = ds.values[~((ds.values["indicator"] == "mean_age") & (ds.values["year"] == 2022))]
    options = PrintOptions(voice=Voice.of("en"))
    index = export_all_maps(
        ds, 2022, tmp_path, "svg", options, indicators=["mean_age", "nope", "cases"], progress=False
    )
    assert index.set_index("indicator")["status"].to_dict() == {
        "mean_age": "no data for 2022",
        "nope": "unknown indicator",
        "cases": "ok",
    }
    md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert md.startswith("# Maps ") and "| File | Indicator | Label | Year | Status |" in md
    assert not {"Karten", "Datei", "Bezeichnung", "Jahr", "keine", "unbekannter"} & set(md.replace("|", " ").split())
    assert pd.read_csv(tmp_path / "index.csv").columns.tolist() == ["file", "indicator", "label", "year", "status"]
    german = export_all_maps(ds, 2022, tmp_path, "svg", indicators=["nope"], progress=False)
    assert german["status"].tolist() == ["unbekannter Indikator"]
    assert "| Datei | Indikator | Bezeichnung | Jahr | Status |" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_batch_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unbekanntes Dateiformat"):
        export_all_maps(synthetic_dataset(), 2022, tmp_path, "tiff", progress=False)
