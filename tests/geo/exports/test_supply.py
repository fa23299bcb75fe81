"""Tables of the Versorgung page (:mod:`geo.exports.supply`).

Area codes and names are the shipped Lübeck Stadtteile; the reach numbers are SYNTHETIC, made here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.exports.sheet import people_frame
from geo.exports.supply import reach_export, reach_headers, reach_table, sites_export
from indicators.wording import t
from indicators.wording.voice import GERMAN, Voice


@pytest.fixture(scope="module")
def reach(luebeck) -> pd.DataFrame:
    """A per-area reach frame as :meth:`ReachResult.area_frame` gives it (SYNTHETIC numbers)."""
    areas = luebeck.areas
    n = len(areas)
    withheld = np.arange(n) == 2
    frame = pd.DataFrame(
        {
            "code": areas["code"].to_numpy(),
            "name": areas["name"].to_numpy(),
            "demand": np.linspace(100, 1000, n),
            "access": np.linspace(0.0104, 0.0013, n),
            "uncovered_demand": np.linspace(0, 90, n),
            "uncovered_share": np.linspace(0, 0.09, n),
            "withheld": withheld,
        }
    )
    frame.loc[withheld, ["demand", "access", "uncovered_demand", "uncovered_share"]] = np.nan
    return frame


@pytest.mark.parametrize("lang", ["de", "en"])
def test_reach_in_the_units_people_read(reach: pd.DataFrame, lang: str) -> None:
    table = reach_table(reach, voice=Voice.of(lang))
    np.testing.assert_allclose(table["access_1000"], reach["access"] * 1000)
    np.testing.assert_allclose(table["uncovered_pct"], reach["uncovered_share"] * 100)
    assert table["withheld"].tolist() == [t("yes" if w else "no", lang) for w in reach["withheld"]]
    assert table["code"].tolist() == reach["code"].tolist()
    assert table.loc[reach["withheld"], "access_1000"].isna().all()  # withheld stays empty, not 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_export_file_has_words_for_headers_and_rounded_numbers(reach: pd.DataFrame, lang: str) -> None:
    shown = people_frame(
        reach_export(reach, meta=[("Methode", "2SFCA")], source="Quelle X", voice=Voice.of(lang)), voice=Voice.of(lang)
    )
    headers = reach_headers(voice=Voice.of(lang))
    for col in ("code", "name", "demand", "access_1000", "uncovered_demand", "uncovered_pct", "withheld"):
        assert headers[col] in shown.columns
    access = shown[headers["access_1000"]].dropna()
    assert (access.round(3) == access).all()
    assert shown[headers["access_1000"]].iloc[0] == pytest.approx(10.4)
    assert (shown[headers["demand"]].dropna() % 1 == 0).all()


def test_headers_differ_by_language() -> None:
    de, en = reach_headers(voice=GERMAN), reach_headers(voice=Voice.of("en"))
    assert de.keys() == en.keys()
    assert de["access_1000"] != en["access_1000"]


def test_chosen_sites_come_first_then_the_areas(reach: pd.DataFrame) -> None:
    chosen = pd.DataFrame(
        {
            "id": ["S1", "S2"],
            "x": [610_000.4, 611_000.6],
            "y": [5_970_000.0, 5_971_000.0],
            "area_code": [reach["code"].iloc[0], reach["code"].iloc[1]],
            "newly_covered": [12.0, 7.0],
        }
    )
    areas = pd.DataFrame(
        {
            "code": reach["code"],
            "name": reach["name"],
            "demand": reach["demand"],
            "covered_before": reach["demand"] * 0.5,
            "covered_after": reach["demand"] * 0.75,
            "withheld": reach["withheld"],
        }
    )
    table = sites_export(areas, chosen, meta=[("Modell", "MCLP")], source="Quelle X", voice=Voice.of("de"))
    frame = table.frame
    assert len(frame) == len(chosen) + len(areas)
    assert frame["id"].iloc[:2].tolist() == ["S1", "S2"]
    assert frame["code"].iloc[:2].tolist() == chosen["area_code"].tolist()
    assert frame["code"].iloc[2:].tolist() == reach["code"].tolist()
    assert "withheld" not in frame.columns and "area_code" not in frame.columns
    assert table.meta[0] == ("Modell", "MCLP")
    assert table.meta[-1] == (t("sup_caveat_title", "de"), t("caveat_model", "de"))
