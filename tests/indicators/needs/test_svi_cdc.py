"""CDC SVI editions: theme membership and checks on the real CDC inputs."""

from __future__ import annotations

import pytest
from assess_support import raw_file

from indicators.needs.svi_cdc import EDITIONS, read_cdc_inputs, svi_cdc, to_cdc_csv_frame


def test_editions_theme_membership():
    e18 = {v.name: v.theme for v in EDITIONS["2018"]}
    e20 = {v.name: v.theme for v in EDITIONS["2020"]}
    assert len(e18) == 15 and len(e20) == 16
    assert e18["LIMENG"] == 3 and e20["LIMENG"] == 2
    assert [v.name for v in EDITIONS["2018"] if v.reverse] == ["PCI"]
    assert not any(v.reverse for v in EDITIONS["2020"])
    cols20 = {v.name: v.column for v in EDITIONS["2020"]}
    assert cols20["HBURD"] == "E_HBURD"  # as in the released file, see module docstring
    assert {v.name: v.column for v in EDITIONS["2020-corrected"]}["HBURD"] == "EP_HBURD"


# Published CDC values (public US government data) for a few counties, from the CDC
# county CSVs SVI2018_US_COUNTY.csv / SVI2020_US_COUNTY.csv (see cdc-svi-inputs/SOURCE.md).
CDC_2018 = {
    "35039": {
        "EPL_POV": -999,
        "EPL_NOHSDP": 0.5922,
        "RPL_THEME1": -999,
        "RPL_THEME2": 0.8758,
        "RPL_THEME3": 0.9268,
        "RPL_THEMES": -999,
        "F_THEME1": -999,
        "F_THEME3": 1,
        "F_TOTAL": -999,
    },
    "01001": {
        "EPL_POV": 0.5401,
        "EPL_PCI": 0.2860,
        "EPL_NOHSDP": 0.4397,
        "RPL_THEME1": 0.3631,
        "RPL_THEMES": 0.4354,
        "F_TOTAL": 0,
    },
    "01089": {"EPL_PCI": 0.0822, "RPL_THEME2": 0.1219, "RPL_THEMES": 0.3076},
}
CDC_2020 = {
    "01001": {"EPL_HBURD": 0.7078, "RPL_THEME1": 0.4045, "RPL_THEME2": 0.7362, "RPL_THEMES": 0.5325, "F_TOTAL": 0},
    "01005": {
        "EPL_POV150": 0.9586,
        "EPL_LIMENG": 0.746,
        "RPL_THEME4": 0.9949,
        "RPL_THEMES": 0.9927,
        "F_THEME4": 3,
        "F_TOTAL": 6,
    },
    "01037": {"RPL_THEME1": 0.3062, "RPL_THEMES": 0.4322, "F_TOTAL": 2},
}


@pytest.mark.parametrize(
    "edition,fname,expected",
    [
        ("2018", "SVI2018_US_COUNTY_inputs.csv", CDC_2018),
        ("2020", "SVI2020_US_COUNTY_inputs.csv", CDC_2020),
    ],
)
def test_real_inputs_reproduce_published_cdc_values(edition, fname, expected):
    df = read_cdc_inputs(raw_file(f"cdc-svi-inputs/{fname}"))
    out = to_cdc_csv_frame(svi_cdc(df, edition)).set_index("FIPS")
    assert len(out) == len(df)
    for fips, values in expected.items():
        for col, val in values.items():
            assert float(out.loc[fips, col]) == pytest.approx(val, abs=1e-12), (fips, col)


def test_real_2018_missing_county_is_left_out_of_its_rankings_only():
    df = read_cdc_inputs(raw_file("cdc-svi-inputs/SVI2018_US_COUNTY_inputs.csv"))
    r = svi_cdc(df, "2018")
    assert r["EPL_POV"].notna().sum() == len(df) - 1
    assert r["EPL_AGE65"].notna().sum() == len(df)
    assert r["EPL_POV"].max() == 1.0 and r["EPL_POV"].min() == 0.0
