"""The indicator catalogue (:mod:`indicators.catalogue`): the shipped catalogues and the checks of an entry.

The entries checked one by one are the shipped ``share_65plus`` with one field changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.catalogue import (
    DATA_DIR,
    DEFAULT_CATALOGUE,
    CatalogueError,
    load_catalogue,
    load_sources,
    parse_indicator,
    read_yaml,
)
from indicators.errors import InputError
from indicators.wording.voice import GERMAN, Voice

SHIPPED = sorted(DATA_DIR.glob("indicators*.yaml"))


def _entry(ind_id: str = "share_65plus") -> dict:
    return dict(next(e for e in read_yaml(DEFAULT_CATALOGUE)["indicators"] if e["id"] == ind_id))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_catalogue_loads_in_file_order(path: Path) -> None:
    cat = load_catalogue(path)
    assert list(cat) == [e["id"] for e in read_yaml(path)["indicators"]]
    sources = load_sources(path)
    for ind in cat.values():
        assert ind.source in sources, ind.id  # every indicator credits a listed source


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_shipped_label_says_its_unit_again(path: Path) -> None:
    # tables, profiles and reports write "label (unit)": a label ending "(Anzahl)" read
    # "Grundschulen (Anzahl) (Schulen)"; the unit belongs in ``unit``, never in the label as well
    for ind in load_catalogue(path).values():
        for voice in (GERMAN, Voice.of("en")):
            label, unit = ind.label(voice=voice), ind.unit_for(voice=voice)
            assert not label.endswith(("(Anzahl)", "(number)", "(count)")), label
            assert not (unit and label.endswith(f"({unit})")), label


def test_the_shipped_rate_knows_its_inputs_labels_and_licence(luebeck) -> None:
    cat = load_catalogue()
    share = cat["share_65plus"]
    assert share.inputs() == {"pop_65plus", "population_total"}
    assert share.factor == 100.0
    assert (share.label(voice=GERMAN), share.label(voice=Voice.of("en"))) == (
        "Anteil 65-Jährige und Ältere",
        "Share aged 65 and over",
    )
    assert share.licence == load_sources()[share.source].licence  # taken from its source
    assert cat["population_total"].inputs() == {"population_total"} and cat["population_total"].is_count
    for ind in cat.values():  # the shipped table has every variable the catalogue computes from
        assert ind.inputs() <= set(luebeck.table.variables) | set(cat), ind.id


def test_english_falls_back_to_german() -> None:
    entry = _entry()
    for key in ("label_en", "unit_en", "definition_en"):
        entry.pop(key)
    ind = parse_indicator(entry)
    assert ind.label(voice=Voice.of("en")) == ind.label(voice=GERMAN)
    assert ind.unit_for(voice=Voice.of("en")) == ind.unit_for(voice=GERMAN) == "%"
    assert ind.definition(voice=Voice.of("en")) == ind.definition(voice=GERMAN)


def test_unknown_fields_are_kept_as_extras_and_decimals_fixed_there() -> None:
    ind = parse_indicator({**_entry(), "decimals": 3, "note": "x"})
    assert ind.extra == {"decimals": 3, "note": "x"}
    assert ind.decimals_for() == 3


@pytest.mark.parametrize(
    "change",
    [
        {"label_de": ""},
        {"kind": "ratio"},
        {"direction": "sideways"},
        {"numerator": None},
        {"kind": "change", "numerator": ["a", "b"]},
    ],
)
def test_a_malformed_entry_is_refused(change: dict) -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_indicator({**_entry(), **change})
    assert isinstance(caught.value, InputError)


def test_an_indicator_twice_is_refused(tmp_path: Path) -> None:
    doc = DEFAULT_CATALOGUE.read_text(encoding="utf-8")
    twice = tmp_path / "indicators.yaml"
    start = doc.index("  - id: share_65plus")
    end = doc.index("\n  - id:", start + 1)
    twice.write_text(doc + "\n" + doc[start:end] + "\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="share_65plus"):
        load_catalogue(twice)
