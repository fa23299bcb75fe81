"""classify(): breaks, classes, colours, counts and labels for both maps."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from indicators.compute.classify import NO_DATA_COLOR, SCHEMES, classify, is_diverging
from indicators.wording.voice import Voice

HEX = re.compile(r"#[0-9a-f]{6}")
# synthetic values
VALUES = pd.Series([1.5, 2.3, 3.1, np.nan, 7.9, 12.0, 3.3, 4.4, 5.0, 9.1], index=[f"{i:02d}" for i in range(1, 11)])


@pytest.mark.parametrize("scheme", [s for s in SCHEMES if s != "manual"])
def test_every_scheme_is_consistent(scheme):
    c = classify(VALUES, scheme, k=5)
    assert 1 <= c.k <= 5
    assert len(c.edges) == c.k + 1 and list(c.edges) == sorted(c.edges)
    assert len(c.colors) == len(c.counts) == len(c.labels) == c.k
    assert all(HEX.fullmatch(col) for col in c.colors)
    assert sum(c.counts) == VALUES.notna().sum() and c.no_data_count == 1
    assert c.classes.index.equals(VALUES.index)
    assert c.classes["04"] == -1
    assert np.bincount(c.classes[c.classes >= 0], minlength=c.k).tolist() == list(c.counts)
    # every value lies inside its class interval
    for code, v in VALUES.dropna().items():
        i = c.classes[code]
        assert c.edges[i] <= v <= c.edges[i + 1]


def test_counts_shown_without_decimals_get_labels_that_do_not_overlap():
    """A class after the first holds the values above its lower edge: whole numbers 3 | 4 | 5 – 6, not 3 | 3 – 4."""
    counts = pd.Series([3.0, 3, 3, 3, 4, 4, 5, 6, 7, 9, 11, 12, 20, 93])  # like the census cells' counts
    c = classify(counts, "quantiles", k=5, decimals=0)
    assert c.labels == ("3", "4", "5 – 6", "7 – 11", "12 – 93")
    for label, n in zip(c.labels, c.counts):  # each label covers exactly its class's values
        low, _, high = label.partition(" – ")
        inside = counts.between(float(low), float(high or low))
        assert int(inside.sum()) == n, label
    ei = classify(pd.Series([10.0, 20, 30, 40, 50]), "equal_interval", k=4, decimals=0)
    assert ei.labels == ("10 – 20", "21 – 30", "31 – 40", "41 – 50")
    # values that are not whole keep their intervals, also with 0 decimals
    assert classify(pd.Series([0.4, 1.6, 2.5, 3.7]), k=2, decimals=0).labels == ("0 – 2", "2 – 4")


def test_quantile_counts_and_german_labels():
    c = classify(pd.Series([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10]), "quantiles", k=5)
    assert c.counts == (2, 2, 2, 2, 2)
    assert c.labels[0] == "1,0 – 2,8" and c.labels[-1] == "8,2 – 10,0"
    assert classify(pd.Series([1.0, 2, 3, 4]), k=2, voice=Voice.of("en")).labels == ("1.0 – 2.5", "2.5 – 4.0")


def test_integer_edges_get_no_decimals_and_thousands_separators():
    c = classify(pd.Series([1000.0, 2000, 3000, 4000]), "equal_interval", k=3)
    assert c.labels == ("1.000 – 2.000", "2.000 – 3.000", "3.000 – 4.000")


def test_fisher_jenks_is_deterministic():
    y = pd.Series(np.random.default_rng(7).gamma(2.0, 3.0, 300))
    first = classify(y, "fisher_jenks", 6)
    assert all(classify(y, "fisher_jenks", 6).edges == first.edges for _ in range(3))


def test_manual_breaks_keep_empty_classes():
    c = classify(VALUES, "manual", breaks=[3, 6, 100])
    assert c.edges == (1.5, 3.0, 6.0, 100.0)
    assert c.counts == (2, 4, 3)
    with pytest.raises(ValueError):
        classify(VALUES, "manual")


def test_fewer_distinct_values_than_classes():
    c = classify(pd.Series([1.0, 1.0, 2.0, 2.0, np.nan]), "quantiles", k=5)
    assert c.k == 2 and c.counts == (2, 2)
    assert c.classes.tolist() == [0, 0, 1, 1, -1]


def test_all_equal_values_make_one_class():
    c = classify(pd.Series([4.2, 4.2, 4.2]), "fisher_jenks", k=5)
    assert c.k == 1 and c.counts == (3,) and c.labels == ("4,2",)


def test_all_missing():
    c = classify(pd.Series([np.nan, np.nan]), "quantiles", k=5)
    assert c.k == 0 and c.edges == () and c.no_data_count == 2
    assert c.area_colors().tolist() == [NO_DATA_COLOR, NO_DATA_COLOR]


def test_std_mean_drops_empty_tails():
    c = classify(VALUES, "std_mean", k=5)
    assert all(n > 0 for n in c.counts)


def test_sequential_palette_is_colorbrewer_and_dark_means_high():
    c = classify(VALUES, "quantiles", k=5, palette="YlOrRd")
    assert c.colors == ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
    assert classify(VALUES, "quantiles", k=5, palette="YlOrRd_r").colors == c.colors[::-1]


def test_diverging_palette_is_centred_on_the_reference():
    y = pd.Series([-4.0, -2, 0, 2, 4])
    c = classify(y, "equal_interval", k=4, palette="RdBu_r", reference=0.0)
    assert is_diverging("RdBu_r")
    # mirror classes around the reference get mirror colours of equal lightness
    lo, hi = c.colors[0], c.colors[-1]
    assert lo != hi
    lum = [sum(int(col[i : i + 2], 16) for i in (1, 3, 5)) for col in c.colors]
    assert abs(lum[0] - lum[3]) < 60 and abs(lum[1] - lum[2]) < 60
    assert lum[1] > lum[0] and lum[2] > lum[3]  # lighter towards the centre
    # all classes above the reference: only the warm half of the palette
    warm = classify(pd.Series([10.0, 11, 12, 13]), "equal_interval", k=3, palette="RdBu_r", reference=10.0)
    assert all(int(col[1:3], 16) >= int(col[5:7], 16) for col in warm.colors)


def test_area_colors_align_with_index():
    c = classify(VALUES, "quantiles", k=5)
    colors = c.area_colors()
    assert colors["04"] == NO_DATA_COLOR
    assert colors["06"] == c.colors[-1]


@pytest.mark.parametrize("bad", [{"k": 0}, {"k": 10}, {"scheme": "natural_breaks"}, {"palette": "Jet"}])
def test_bad_arguments_raise(bad):
    with pytest.raises(ValueError):
        classify(VALUES, **{"scheme": "quantiles", "k": 5, **bad})


def test_std_mean_classes_end_at_the_data_and_say_when_fewer_than_asked():
    c = classify(VALUES, "std_mean", k=5)
    assert c.edges[0] == VALUES.min() and c.edges[-1] == VALUES.max()  # was 12.44 > max 12.0
    assert c.k == 3 and c.requested_k == 5 and c.fewer_classes
    assert not classify(VALUES, "std_mean", k=3).fewer_classes


def test_manual_breaks_are_sorted_and_duplicates_refused():
    assert classify(VALUES, "manual", breaks=[6, 3, 100]).edges == (1.5, 3.0, 6.0, 100.0)
    with pytest.raises(ValueError, match="doppelt.*5,5"):
        classify(VALUES, "manual", breaks=[5.5, 3, 5.5])
