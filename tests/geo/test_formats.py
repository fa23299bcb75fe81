"""The export registry (geo.formats): every entry resolves, the suffix rule, and a format added at run time
is offered and used by the command line and the app's download buttons."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import formats
from geo.formats import EXPORTS, ExportFormat, Writer, export_format, format_for_path, formats_for, names_for
from indicators.errors import InputError, error_text
from indicators.wording import t
from indicators.wording.voice import Voice

CALLS = {  # output → the arguments every writer of it must accept (the module's table)
    "map": ("ds", "indicator", "year", "options"),
    "need_map": ("ds", "result", "method", "year", "options"),
    "supply_map": ("ds", "result", "variable", "sites", "options"),
    "table": ("table", "lang"),
    "layer": ("ds", "indicators", "year", "lang"),
    "report": ("ds", "year", "lang"),
}


def fake_map(ds, indicator, year, *, options, marker: bytes) -> bytes:
    """A writer of a format the tool does not ship (SYNTHETIC, for the tests only)."""
    return marker + f"|{ds.geography.id}|{indicator}|{year}|{options.size}".encode()


def fake_table(table, *, lang: str) -> bytes:
    return f"{len(table.frame)} rows {lang}".encode()


@pytest.fixture
def fake_format():
    fmt = formats.register(
        ExportFormat(
            "fake",
            "dl_result",
            "fake",
            "application/x-fake",
            {"map": Writer(f"{__name__}:fake_map", {"marker": b"FAKE"}), "table": Writer(f"{__name__}:fake_table")},
        )
    )
    yield fmt
    formats.unregister("fake")
    assert "fake" not in EXPORTS


@pytest.mark.parametrize("fmt", list(EXPORTS.values()), ids=list(EXPORTS))
def test_every_entry_resolves_and_answers_its_output_call(fmt):
    assert t(fmt.label_key, "de") and t(fmt.label_key, "en")
    assert fmt.mime.count("/") == 1 and fmt.suffix == fmt.suffix.lower() and "." not in fmt.suffix
    for output, writer in fmt.writers.items():
        params = inspect.signature(writer.function()).parameters
        names = [*params]
        for i, name in enumerate(CALLS[output]):  # positional names may differ (indicator/indicators)
            assert name in params or len(names) > i, (fmt.name, output, name)
        assert set(writer.fixed) <= set(params), (fmt.name, output, writer.fixed)


def test_outputs_offer_what_the_pages_showed():
    assert names_for("map") == ("png", "svg", "pdf")
    assert names_for("need_map") == names_for("supply_map") == ("png", "pdf")
    assert names_for("table") == ("csv", "csv-excel", "xlsx")
    assert names_for("layer") == ("csv", "csv-excel", "xlsx", "gpkg", "geojson")
    assert names_for("report") == ("pdf",)
    assert export_format("csv-excel").file_name("rangliste") == "rangliste_excel.csv"


@pytest.mark.parametrize(
    "path,name,expected",
    [
        ("karte.png", None, "png"),
        ("Karte.PDF", None, "pdf"),
        ("karte", None, "png"),
        ("karte.svg", "svg", "svg"),
        ("karte.out", "pdf", "pdf"),  # an unknown suffix with an explicit format: the format decides
    ],
)
def test_format_of_a_map_file(path, name, expected):
    assert format_for_path(path, output="map", name=name).name == expected


@pytest.mark.parametrize(
    "path,name,key",
    [
        ("karte.docx", None, "err_no_map_format"),
        ("karte.csv", None, "err_no_map_format"),
        ("karte.pdf", "png", "err_format_suffix"),
        ("karte.png", "gpkg", "err_unknown_format"),
    ],
)
def test_bad_map_files_are_refused_with_a_wording_key(path, name, key):
    with pytest.raises(InputError) as err:
        format_for_path(path, output="map", name=name)
    assert err.value.say is not None and err.value.say.key == key
    assert "{" not in error_text(err.value, voice=Voice.of("en"))


def test_a_report_file_must_be_a_pdf(capsys):
    import cli

    with pytest.raises(InputError) as err:
        format_for_path("bericht.docx", output="report")
    assert err.value.say.key == "err_no_file_format"
    assert format_for_path("bericht", output="report").name == "pdf"
    assert cli.main(["report", "--year", "2022", "--out", "bericht.docx"]) == 1
    assert "bericht.docx: Endung .docx ist hier kein mögliches Dateiformat (erlaubt: .pdf)" in capsys.readouterr().err


@given(
    st.sampled_from(["map", "need_map", "supply_map", "table", "layer", "report"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6),
)
def test_a_suffix_is_accepted_only_if_a_format_of_the_output_has_it(output, suffix):
    offered = {f.suffix for f in formats_for(output)}
    try:
        fmt = format_for_path(f"datei.{suffix}", output=output)
    except InputError:
        assert suffix not in offered
    else:
        assert fmt.suffix == suffix and fmt.applies_to(output)


def test_a_registered_format_is_offered_and_used_by_the_cli(fake_format, tmp_path, capsys):
    import cli

    out = tmp_path / "karte.fake"
    assert (
        cli.main(["map", "--indicator", "share_65plus", "--year", "2022", "--size", "a3-landscape", "--out", str(out)])
        == 0
    )
    assert out.read_bytes() == b"FAKE|stadtteile|share_65plus|2022|a3-landscape"
    assert (
        cli.main(
            [
                "map",
                "--indicator",
                "share_65plus",
                "--year",
                "2022",
                "--format",
                "fake",
                "--out",
                str(tmp_path / "karte2"),
            ]
        )
        == 0
    )
    assert (tmp_path / "karte2").read_bytes().startswith(b"FAKE|")
    assert "fake" in cli.build_parser()._subparsers._group_actions[0].choices["map"].format_help()
    formats.unregister("fake")  # gone from the table: the same command is refused with the wording's message
    capsys.readouterr()
    assert cli.main(["map", "--indicator", "share_65plus", "--year", "2022", "--out", str(out)]) == 1
    assert "karte.fake: Endung .fake ist kein Kartenformat (erlaubt: .png, .svg, .pdf)" in capsys.readouterr().err


def test_a_registered_format_is_offered_by_the_download_buttons(fake_format):
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        import pandas as pd

        from geo.exports.sheet import ExportTable
        from ui import downloads

        downloads.table_downloads(lambda: ExportTable(pd.DataFrame({"a": [1, 2]}), "Quelle"), "tabelle", "de")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["CSV", "CSV (Excel, ;)", "Excel (XLSX)", "Ergebnis herunterladen"]
    assert "dl-tabelle.fake" in buttons[-1].proto.id  # the key is the file name: base + the format's suffix
