"""Names of the classification schemes and palettes a user can pick.

Plain constants, no imports: the command line and the pickers list them without
loading the numeric stack; :mod:`indicators.compute.classify` does the classifying.
"""
from __future__ import annotations

SCHEMES = ("quantiles", "fisher_jenks", "equal_interval", "std_mean", "manual")
# ColorBrewer palettes that are safe for the common colour-vision deficiencies.
SEQUENTIAL_PALETTES = ("YlOrRd", "YlOrBr", "OrRd", "Reds", "Blues", "PuBu", "YlGnBu",
                       "BuPu", "Greens", "Purples", "Greys")
DIVERGING_PALETTES = ("RdBu", "PuOr", "BrBG", "PiYG", "PRGn", "RdYlBu")
DEFAULT_PALETTE = "YlOrRd"
# Names of the schemes for pickers, legends and method notes (web and print alike).
SCHEME_NAMES = {
    "de": {"quantiles": "Quantile", "fisher_jenks": "Natürliche Brüche (Fisher-Jenks)",
           "equal_interval": "Gleiche Intervalle", "std_mean": "Mittelwert ± Standardabweichung",
           "manual": "Eigene Klassengrenzen"},
    "en": {"quantiles": "Quantiles", "fisher_jenks": "Natural breaks (Fisher-Jenks)",
           "equal_interval": "Equal intervals", "std_mean": "Mean ± standard deviation",
           "manual": "Manual breaks"},
}
