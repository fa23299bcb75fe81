"""MSS status/dynamics index: hand-computed cases (synthetic) and the real MSS inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from assess_support import raw_file

from indicators.needs.mss import (
    MssParams,
    mss,
    placeholder_rows,
    read_mss_shares,
    zscore,
)


def synthetic() -> pd.DataFrame:
    """Synthetic MSS-like table: 4 real areas, 1 placeholder, 1 small area."""
    return pd.DataFrame(
        {
            "id": ["01", "02", "03", "04", "05", "06"],
            "inhabitants": [1000, 2000, 1500, 800, 5000, 250],
            "s1_a": [1.0, 2.0, 3.0, 6.0, 0.0, 9.0],
            "s2_b": [2.0, 2.0, 4.0, 4.0, 0.0, 9.0],
            "d1_a": [0.0, 1.0, -1.0, 0.0, 0.0, 9.0],
        }
    )


def test_zscore_uses_population_sd():
    z = zscore(pd.Series([1.0, 2.0, 3.0, 6.0]))
    # mean 3, population SD sqrt(3.5)
    assert z.tolist() == pytest.approx([-2 / 3.5**0.5, -1 / 3.5**0.5, 0.0, 3 / 3.5**0.5])


def test_hand_computed_index_excludes_placeholder_and_small_area():
    r = mss(synthetic(), params=MssParams(exclude=()))
    assert r["assessed"].tolist() == [True, True, True, True, False, False]
    assert r.loc[4, "reason"].startswith("Platzhalter")
    assert r.loc[5, "reason"] == "unter 300 Einwohnern"
    # by hand: z(s1) = [-2,-1,0,3]/sqrt(3.5); z(s2) = [-1,-1,1,1]
    z1 = np.array([-2, -1, 0, 3]) / 3.5**0.5
    z2 = np.array([-1.0, -1.0, 1.0, 1.0])
    total = z1 + z2
    idx = (total - total.mean()) / total.std()
    assert r.loc[:3, "status_index"].tolist() == pytest.approx(idx.tolist())
    assert r.loc[4:, "status_class"].tolist() == ["nicht bewertet"] * 2
    assert r.loc[:3, "status_index"].mean() == pytest.approx(0.0, abs=1e-12)
    assert r.loc[:3, "status_index"].std(ddof=0) == pytest.approx(1.0)


def test_exclusion_list_and_min_population_parameter():
    r = mss(synthetic(), params=MssParams(exclude=["02"], min_population=900))
    assert r["assessed"].tolist() == [True, False, True, False, False, False]
    assert r.loc[1, "reason"] == "ausgeschlossen"


def test_direction_and_city_reference():
    df = synthetic().iloc[:4]
    flipped = mss(df, directions={"s1_a": -1, "s2_b": -1}, params=MssParams(exclude=()))
    base = mss(df, params=MssParams(exclude=()))
    assert flipped["status_index"].tolist() == pytest.approx((-base["status_index"]).tolist())
    city = mss(df, params=MssParams(reference="city", city_values={"s1_a": 3.0, "s2_b": 3.0, "d1_a": 0.0}, exclude=()))
    # centred on the city value 3 = the area mean here, so identical to "areas"
    assert city["status_index"].tolist() == pytest.approx(base["status_index"].tolist())


def test_single_zero_is_data_not_placeholder():
    df = synthetic()
    df.loc[0, "s1_a"] = 0.0
    assert placeholder_rows(df, ["s1_a", "s2_b", "d1_a"]).tolist() == [False] * 4 + [True, False]


MSS = "berlin-mss/berlin-lor-monitoring-social-urban-development-{}-00-2-1.csv"


@pytest.mark.parametrize("year,assessed", [(2013, 434), (2015, 435), (2017, 436), (2019, 436), (2021, 536)])
def test_real_files_assess_all_but_placeholders(year, assessed):
    df = read_mss_shares(raw_file(MSS.format(year)))
    r = mss(df)
    assert int(r["assessed"].sum()) == assessed
    zero = placeholder_rows(df, [c for c in df.columns if c[0] in "sd" and c[1].isdigit()])
    assert not r.loc[zero, "assessed"].any()
    assert r.loc[r["assessed"], "status_index"].std(ddof=0) == pytest.approx(1.0)


def test_real_2019_class_counts_match_published_shares():
    # MSS 2019 press release (rbb24, 2020-06): "annähernd elf Prozent" of the examined
    # areas have a low and "circa neun Prozent" a very low status index.
    r = mss(read_mss_shares(raw_file(MSS.format(2019))))
    counts = r["status_class"].value_counts()
    n = int(r["assessed"].sum())
    assert n == 436
    assert counts["niedrig"] / n == pytest.approx(0.11, abs=0.005)
    assert counts["sehr niedrig"] / n == pytest.approx(0.09, abs=0.005)
    assert counts.to_dict() == {"mittel": 283, "hoch": 67, "niedrig": 47, "sehr niedrig": 39, "nicht bewertet": 11}
    assert set(r["group"]) <= {f"{s} {d}" for s in "1234" for d in ("+", "+/-", "-")} | {"nicht bewertet"}


def test_the_parameter_defaults_are_the_mss_preset():
    from indicators.needs.mss import METHOD

    p, preset = MssParams(), METHOD.preset
    assert (p.min_population, tuple(p.exclude), p.reference) == (
        preset["min_population"],
        tuple(preset["exclude"]),
        preset["reference"],
    )
