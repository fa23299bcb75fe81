"""One decision per concept across app, CLI and exports (shipped Lübeck data)."""

import re

import pytest

from geo.join import indicator_layer
from geo.loading import load_dataset
from indicators.compute.classify import layer_classification
from indicators.compute.flag_table import indicator_flags, threshold_flag_table
from indicators.compute.flags import default_threshold, flag_areas
from indicators.errors import InputError
from indicators.formatting import fmt_value


@pytest.fixture(scope="module")
def ds():
    return load_dataset("stadtteile")


def test_tooltip_and_legend_use_the_same_decimals_for_population_density(ds):
    ind = ds.catalogue["population_density"]
    year = ds.years_for(ind.id)[-1]
    layer, city = indicator_layer(ds, ind.id, year)
    dec = ind.decimals_for(layer["value"])  # what the atlas passes to the tooltip, lists and legend
    legend = layer_classification(layer, city, "quantiles", 5, decimals=dec)
    tooltip = [fmt_value(v, ind.unit, dec) for v in layer["value"].dropna()]
    assert dec == 0
    assert not any(re.search(r"\d,\d", lab) for lab in legend.labels), legend.labels
    assert not any(re.search(r"\d,\d", s) for s in tooltip), tooltip


def test_atlas_flags_equal_cli_and_report_flags(ds):
    year = ds.years[-1]
    table = threshold_flag_table(ds, year)
    for ind_id, ind in ds.catalogue.items():
        if not ds.years_for(ind_id) or year not in ds.years_for(ind_id):
            continue
        layer, _ = indicator_layer(ds, ind_id, year)
        default = default_threshold(layer["value"], ind.direction)
        atlas = flag_areas(layer["value"], ind.direction, default)  # the atlas before the user edits the rule
        atlas_codes = frozenset(layer.loc[atlas.to_numpy(), "code"].astype(str))
        assert atlas_codes == indicator_flags(ds, ind_id, year), ind_id
        if ind_id in table.columns:
            assert atlas_codes == frozenset(table.index[table[ind_id]].astype(str)), ind_id


def test_print_options_one_builder_checks_choices():
    from geo.printmap.render import PrintOptions, print_options
    from geo.printmap.spec import ClassChoice

    opts = print_options(
        "a4-portrait",
        classes=ClassChoice(scheme="manual", k=3, palette="PuBu", breaks=[10, 20]),
        labels=True,
        flagged=["01", 2],
    )
    assert opts == PrintOptions(
        size="a4-portrait",
        scheme="manual",
        k=3,
        palette="PuBu",
        breaks=(10.0, 20.0),
        labels=True,
        flagged=frozenset({"01", "2"}),
    )
    with pytest.raises(InputError):
        print_options("a9")
    for bad in ({"palette": "Rainbow"}, {"k": 0}, {"scheme": "manual"}):
        with pytest.raises(InputError):
            print_options(classes=ClassChoice(**bad))
