"""Grid files uploaded in the app: the checks of ``cli.py grid import`` in the upload sandbox
(SYNTHETIC values in the Zensus 2022 layout, real cell ids)."""

from __future__ import annotations

import pytest
from grid_synth import block_on_border, grid_2022_bytes

from geo.geographies import get_geography, load_areas, load_outline
from geo.grid.service import prepare_grid
from geo.grid.upload import accept_grid_upload, check_grid_upload
from geo.uploads.datastore import DataStore
from indicators.errors import InputError, error_text
from indicators.wording.message import Message
from indicators.wording.voice import Voice

NAME = "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"


@pytest.fixture(scope="module")
def data():
    geo = get_geography("stadtteile")
    corners = block_on_border(load_areas(geo), load_outline(geo).union_all())
    return grid_2022_bytes(corners)


def test_same_check_and_report_as_the_command_line(data):
    raw, expected = data
    check = check_grid_upload([(NAME, raw)])
    assert check.ok and not check.errors
    assert set(check.squares["code"]) == set(expected)
    grid, _ = prepare_grid([raw], [NAME])  # the CLI's path, in-process
    assert [r.to_text() for r in check.reports] == [r.to_text() for r in grid.reports]
    assert "außerhalb der Stadt" in check.reports[0].to_text()
    assert check.year == 2022 and check.default_name == NAME.removesuffix(".csv")


def test_saved_as_a_grid_geography(data, tmp_path):
    raw, expected = data
    store = DataStore(tmp_path)
    geo, text = accept_grid_upload(check_grid_upload([(NAME, raw)]), "mein-gitter", 2022, store)
    saved = DataStore(tmp_path).geographies()[geo.id]
    assert len(load_areas(saved)) == len(expected)
    assert f"{len(expected)} Zellen" in text


def test_the_import_text_speaks_the_voice_given(data, tmp_path):
    from geo.grid.service import save_grid
    from indicators.wording.voice import Voice

    raw, expected = data
    check = check_grid_upload([(NAME, raw)])
    geo, text = save_grid(
        check.grid, check.squares, "gitter-en", 2022, check.files, DataStore(tmp_path), voice=Voice.of("en")
    )
    assert text.splitlines()[-1] == f"{len(expected)} cells, 2 variables → geography '{geo.id}'"
    assert "lies outside the city" in text
    for word in ("Zellen", "Merkmale", "Geografie", "außerhalb der Stadt"):
        assert word not in text, word
    # the geography's own name in both languages (English pages said "Zensus-Gitter …")
    saved = DataStore(tmp_path).geographies()[geo.id]
    assert saved.label(voice=Voice.of("en")) == "Census grid 100 m (gitter-en)"
    assert saved.label() == "Zensus-Gitter 100 m (gitter-en)"


def test_a_path_in_the_name_is_dropped(data):
    raw, _ = data
    check = check_grid_upload([("../../etc/" + NAME, raw)])
    assert check.files == [NAME] and check.reports[0].file == NAME


@pytest.mark.parametrize(
    "files, max_bytes, needle",
    [
        ([("gitter.csv", b"x" * 2000)], 1000, "größer als"),
        ([("gitter.xlsx", b"a;b\n")], None, "keine CSV-Datei"),
        ([("gitter.csv", b"a;b\n1;2\n")], None, "keine Spalte GITTER_ID"),
        ([("gitter.csv", b"\x00\xff\xfe" * 50)], None, "gitter.csv"),
        (
            [("gitter.csv", b"GITTER_ID_100m;Einwohner\nCRS3035RES100mN2000000E2000000;5\n")],
            None,
            "keine Gitterzelle berührt die Stadt",
        ),
        ([], None, "Keine Gitterdatei"),
    ],
)
def test_unusable_files_give_a_message_in_both_languages_not_an_exception(files, max_bytes, needle):
    check = check_grid_upload(files, max_bytes=max_bytes)
    assert not check.ok and any(needle in str(e) for e in check.errors), check.errors
    assert all(isinstance(e, Message) for e in check.errors)  # rendered in the reader's language
    with pytest.raises(InputError, match="nicht verwendbar") as caught:
        accept_grid_upload(check, "x", 2022, None)
    assert error_text(caught.value, voice=Voice.of("en")).startswith("grid files not usable: ")


# ------------------------------------------------ narrowed except (issue #25 item 6)


def test_a_parser_error_no_check_foresaw_is_a_message_and_logged(monkeypatch, caplog):
    import logging

    from geo.grid import upload

    def parser_broke(*_a, **_k):
        raise UnicodeDecodeError("utf-16-le", b"\x00", 0, 1, "truncated data")

    monkeypatch.setattr(upload, "prepare_grid", parser_broke)  # the forked check inherits the patch
    with caplog.at_level(logging.WARNING, logger="geo.grid.upload"):
        check = check_grid_upload([("gitter.csv", b"GITTER_ID_100m;Einwohner\n")])
    assert [str(e) for e in check.errors] == ["gitter.csv: Datei nicht lesbar (UnicodeDecodeError)"]
    assert check.errors[0].text("en") == "gitter.csv: file not readable (UnicodeDecodeError)"
    assert any(r.exc_info for r in caplog.records)


def test_a_bug_in_the_grid_check_propagates(monkeypatch):
    from geo.grid import upload

    def bug(*_a, **_k):
        raise TypeError("bug in prepare_grid")

    monkeypatch.setattr(upload, "prepare_grid", bug)
    with pytest.raises(TypeError, match="bug in prepare_grid"):
        check_grid_upload([("gitter.csv", b"GITTER_ID_100m;Einwohner\n")])
