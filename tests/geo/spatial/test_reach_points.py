"""Demand and supply points of a reach analysis (geo/spatial/reach_points.py).

Uploaded points here are synthetic, made in this file; the counts and kitas are the shipped ones.
"""

import numpy as np
import pandas as pd
import pytest

from geo.spatial.reach import compute_reach
from geo.spatial.reach_points import ReachError, demand_from_points, demand_from_variable, load_supply


def test_demand_from_a_variable_uses_the_protected_counts(luebeck):
    ds = luebeck
    values = ds.values.copy()
    hit = (values["indicator"] == "pop_under18") & (values["year"] == 2022) & (values["area_code"] == "08")
    values.loc[hit, ["value", "numerator"]] = np.nan
    values.loc[hit, "suppressed"] = True
    protected = type(ds)(ds.geography, ds.areas, ds.table, ds.catalogue, ds.sources, values, ds.report)
    demand = demand_from_variable(ds=protected, variable="pop_under18", year=2022)
    per_area = pd.Series(demand.value).groupby(demand.codes).sum()
    counts = ds.values[(ds.values["indicator"] == "pop_under18") & (ds.values["year"] == 2022)]
    expected = counts.set_index("area_code")["value"]
    for code in ["01", "02", "07", "10"]:
        assert per_area[code] == pytest.approx(expected[code])
    assert per_area["08"] == 0 and demand.withheld == ["08"]
    with pytest.raises(ReachError, match="keine Zählvariable"):
        demand_from_variable(ds=ds, variable="kitas_per_1000_under18")


def test_uploaded_demand_points_and_facilities_go_through_the_upload_gate(tmp_path, luebeck):
    dem = tmp_path / "bedarf.csv"
    dem.write_text("id;x;y;Kinder\na;610000;5970000;10\nb;610400;5970000;5,5\n", encoding="utf-8")
    fac = tmp_path / "kitas.csv"
    fac.write_text("name,x,y,plaetze\nK1,610100,5970000,40\n", encoding="utf-8")
    demand = demand_from_points(path=dem, weight="kinder", areas=luebeck.areas)
    supply = load_supply(facilities=fac, capacity="Plaetze", areas=luebeck.areas)
    assert demand.value.tolist() == [10, 5.5] and supply.value.tolist() == [40]
    result = compute_reach(demand=demand, supply=supply, max_distance=250)
    assert result.access.tolist() == pytest.approx([4.0, 0.0]) and result.covered.tolist() == [True, False]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,x,y,w\na,610000,5970000,-1\n", encoding="utf-8")
    with pytest.raises(ReachError, match="Zeile 2, Spalte 'w'"):
        demand_from_points(path=bad, weight="w", areas=luebeck.areas)
    with pytest.raises(ReachError, match="Spalte 'gewicht'"):
        demand_from_points(path=dem, weight="gewicht", areas=luebeck.areas)
    with pytest.raises(ReachError, match="weder"):
        load_supply(facilities="nirgends.csv")


def test_the_shipped_kitas_are_a_facility_layer_with_source_and_date():
    supply = load_supply(facilities="kitas")
    assert len(supply) == 128 and (supply.value == 1).all()
    assert "Kita-Datenbank" in supply.label and "27.11.2023" in supply.label


def test_demand_and_its_errors_are_named_in_the_readers_language(tmp_path, luebeck):
    from indicators.errors import error_text
    from indicators.wording.voice import Voice

    en = Voice.of("en")
    demand = demand_from_variable(ds=luebeck, variable="pop_under18", year=2022)
    label_de, label_en = luebeck.catalogue["pop_under18"].label(), luebeck.catalogue["pop_under18"].label(voice=en)
    assert demand.label == f"{label_de} 2022, gleichmäßig auf die Adresspunkte des Gebiets verteilt"
    assert demand.label_in(voice=en) == f"{label_en} 2022, spread evenly over the area's address points"
    dem = tmp_path / "bedarf.csv"
    dem.write_text("id;x;y;Kinder\na;610000;5970000;10\n", encoding="utf-8")
    points = demand_from_points(path=dem, weight="kinder", areas=luebeck.areas)
    assert (points.label, points.label_in(voice=en)) == ("bedarf.csv, Gewicht 'Kinder'", "bedarf.csv, weight 'Kinder'")
    fac = tmp_path / "kitas.csv"
    fac.write_text("name,x,y,plaetze\nK1,610100,5970000,viele\n", encoding="utf-8")
    with pytest.raises(ReachError) as bad:
        load_supply(facilities=fac, capacity="plaetze", areas=luebeck.areas)
    assert "(Kapazität)" in error_text(bad.value)
    assert "(capacity)" in error_text(bad.value, voice=en) and "Kapazität" not in error_text(bad.value, voice=en)
    with pytest.raises(ReachError) as missing:
        demand_from_points(path=dem, weight="gewicht", areas=luebeck.areas)
    assert "(weight)" in error_text(missing.value, voice=en) and "Gewicht" not in error_text(missing.value, voice=en)
