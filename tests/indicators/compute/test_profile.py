"""Area profile (indicators/compute/profile.py): the numbers and the table people read."""
from __future__ import annotations

from synth_exports import SUPPRESSED_CODE, synthetic_dataset

from indicators.compute.profile import area_profile, profile_table


def test_profile_table_says_suppressed_instead_of_a_number_and_ranks_of_n():
    ds = synthetic_dataset()  # SYNTHETIC data (tests/synth_exports.py)
    prof = area_profile(ds, SUPPRESSED_CODE, 2022, "en")
    shown = profile_table(prof, "en").set_index("indicator")
    assert list(shown.columns) == ["value", "city", "rank", "trend"]
    rate = prof.set_index("indicator").loc["case_rate"]
    assert bool(rate["suppressed"]) and shown.loc[rate["label"], "value"] == "suppressed"
    n = int(prof["n"].max())
    assert all(r == "–" or r.endswith(f"{n}") for r in shown["rank"])
    assert shown.loc[rate["label"], "city"] != "–"


def test_profile_table_of_no_rows_is_empty_with_its_columns():
    import pandas as pd

    assert list(profile_table(pd.DataFrame(), "de").columns) == ["indicator", "value", "city", "rank", "trend"]
