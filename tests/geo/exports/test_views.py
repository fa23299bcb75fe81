"""Exports of every view (ranking, change, all years, needs, query tools): source, rounding, disclosure."""

from __future__ import annotations

import pandas as pd
import pytest
from synth_exports import SUPPRESSED_RATE, synthetic_dataset

from geo.exports.results import estimate_export, needs_export, query_export, rows_export
from geo.exports.sheet import read_back, table_csv, table_xlsx
from geo.exports.views import all_years_export, change_export, ranking_export, sources_line
from geo.join import indicator_layer
from geo.spatial.estimate import EstimateResult
from indicators.needs.assessment import default_setup, run_needs
from indicators.query.evaluate import run_query
from indicators.wording.voice import Voice


@pytest.fixture(scope="module")
def synth():
    return synthetic_dataset()


def _files(table):
    """The table as each downloadable file, opened again: plain CSV, German-Excel CSV, XLSX."""
    return [
        read_back(table_csv(table, "utf8"), "csv"),
        read_back(table_csv(table, "excel-de"), "excel-csv"),
        read_back(table_xlsx(table), "xlsx"),
    ]


def _no_secret(frames, secrets=(SUPPRESSED_RATE, 2.0)):
    for back in frames:
        nums = back.drop(columns=[c for c in ("Schlüssel", "Code", "Rang") if c in back]).select_dtypes("number")
        assert not nums.isin(list(secrets)).any().any(), back


def test_ranking_export_is_rounded_sourced_and_keeps_suppression(synth):
    layer, city = indicator_layer(synth, "case_rate", 2022)
    layer["flagged"] = layer["code"] == "04"
    table = ranking_export(synth, layer, city, "case_rate", 1)
    for back in _files(table):
        assert back["Quelle"].str.startswith("Synthetische Testdaten").all()
        row = back[back["Gebiet"] == "Testgebiet 03"].iloc[0]
        assert pd.isna(row["Wert (%)"]) and pd.isna(row["Rang"])
        assert row["Hinweis"].startswith("gesperrt")
        assert back.loc[back["Gebiet"] == "Testgebiet 04", "erhöhter Bedarf"].item() == "ja"
        vals = back["Wert (%)"].dropna()
        assert (vals.round(1) == vals).all() and len(vals) == 4  # 03 and 05 suppressed
    _no_secret(_files(table), (SUPPRESSED_RATE,))


def test_change_export_start_end_change(synth):
    table = change_export(synth, "case_rate", 2021, 2022, voice=Voice.of("en"))
    back = read_back(table_csv(table, "utf8", voice=Voice.of("en")), "csv")
    assert list(back.columns[:5]) == ["Code", "Area", "Value 2021 (%)", "Value 2022 (%)", "Change 2021–2022 (pp)"]
    assert back["Source"].notna().all()
    r1 = back[back["Area"] == "Testgebiet 01"].iloc[0]
    assert r1["Value 2022 (%)"] == 11.0 and r1["Value 2021 (%)"] == round(120 / 1180 * 100, 1)
    sup = back[back["Area"] == "Testgebiet 03"].iloc[0]
    assert sup[["Value 2021 (%)", "Value 2022 (%)", "Change 2021–2022 (pp)"]].isna().all()
    assert "suppressed" in sup["Note"]
    assert back["Area"].iloc[-1] == "Test town overall"
    with pytest.raises(ValueError, match="vor dem Jahr"):
        change_export(synth, "case_rate", 2022, 2022)


def test_all_years_has_every_indicator_year_and_no_suppressed_value(synth):
    table = all_years_export(synth)
    for back in _files(table):
        assert set(back["Indikator-ID"]) == set(synth.catalogue)
        assert {"2021", "2022"} <= {str(c) for c in back.columns}
        assert len(back) == len(synth.catalogue) * 7  # 6 areas + city
        col = [c for c in back.columns if str(c) == "2022"][0]
        cases = back[(back["Indikator-ID"] == "cases") & (back["Schlüssel"].astype(str).str.zfill(2) == "03")]
        assert cases[col].isna().all()
        assert back["Quelle"].notna().all()
    _no_secret(_files(table))
    text = table_csv(table, "utf8").decode()
    assert ",1200," in text and ",1200.0," not in text  # counts without decimals


def test_needs_export_words_in_english_and_rounded(luebeck):
    setup = default_setup(luebeck, 2022)
    result, expl, rob = run_needs(luebeck, 2022, setup)
    table = needs_export(luebeck, result, expl, rob, setup.method, 2022, voice=Voice.of("en"))
    back = read_back(table_csv(table, "utf8", voice=Voice.of("en")), "csv")
    assert {"Score", "Rank", "Class", "elevated need", "Robustness", "Reasons", "Source"} <= set(back.columns)
    assert (back["Score"].round(2) == back["Score"]).all()
    assert set(back["Robustness"].dropna()) <= {"robust", "narrow", "not assessed"}
    german = {"bewertet", "nicht bewertet", "knapp", "hoch", "niedrig", "auffällig", "unauffällig"}
    assert not german & set(back["Class"]) and not german & set(back["Status"])
    assert set(back["Class"]) <= {
        "elevated need",
        "no elevated need",
        "high",
        "medium",
        "low",
        "very low",
        "rather low",
        "rather high",
        "not assessed",
    }
    flagged = back[back["elevated need"] == "yes"]
    if len(flagged):
        assert not flagged["Reasons"].str.contains("durchschnittlich|Perzentil").any()
    assert back["Agreement of variants (%)"].dropna().between(0, 100).all()


def test_query_export_rounded_with_labels(luebeck):
    res = run_query(luebeck, "Anteil 65+ > 24 %", 2022)
    back = read_back(table_csv(query_export(luebeck, res)), "csv")
    col = [c for c in back.columns if c.startswith("Anteil 65")][0]
    assert (back[col].round(1) == back[col]).all() and back["Ergebnis"].isin(["ja", "nein", "unbekannt"]).all()
    assert back["Quelle"].str.contains("Kommunale Statistikstelle").all()


def test_rows_export_blanks_suppressed_rows(synth):
    ind = synth.catalogue["case_rate"]
    rows = synth.values[(synth.values["indicator"] == "case_rate") & (synth.values["year"] == 2022)].copy()
    rows.loc[rows["suppressed"], "value"] = SUPPRESSED_RATE  # even a leaked number is blanked
    table = rows_export(synth, rows, ind, "eigene Datei „x.csv“; Synthetisch")
    back = read_back(table_csv(table), "csv")
    assert back["Quelle"].eq("eigene Datei „x.csv“; Synthetisch").all()
    _no_secret([back], (SUPPRESSED_RATE,))


def test_estimate_export_keeps_suppression():
    # SYNTHETIC: an invented estimate with one suppressed count
    tab = pd.DataFrame(
        {
            "variable": ["pop", "pop", "cases", "cases"],
            "label": ["EW", "EW", "Fälle", "Fälle"],
            "kind": ["count"] * 4,
            "method": ["areal", "dasymetric"] * 2,
            "value": [1234.56, 1300.2, 2.0, 2.0],
            "suppressed": [False, False, True, True],
        }
    )
    res = EstimateResult(0.5, 2022, tab, pd.DataFrame(), [])
    back = read_back(table_csv(estimate_export(res, "Kreis 500 m", "Quelle X")), "csv")
    assert back.loc[back["Merkmal"] == "EW", "Flächengewichtung"].item() == 1235
    assert back.loc[back["Merkmal"] == "Fälle", ["Flächengewichtung", "Adressgewichtung"]].isna().all().all()
    assert back.loc[back["Merkmal"] == "Fälle", "Hinweis"].item() == "gesperrt"


def test_sources_line_lists_each_source_once_boundaries_last(synth):
    line = sources_line(synth, ["cases", "case_rate"])
    assert line.count("Synthetische Testdaten") == 1 and line.endswith("Geometrie: synthetisch")
