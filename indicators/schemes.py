"""Names of the classification schemes and palettes a user can pick.

Plain constants (the names come from :mod:`indicators.wording`, which imports nothing
heavy): the command line and the pickers list them without loading the numeric stack;
:mod:`indicators.compute.classify` does the classifying.
"""

from __future__ import annotations

from indicators.wording import LANGS, t

SCHEMES: tuple[str, ...] = ("quantiles", "fisher_jenks", "equal_interval", "std_mean", "manual")
# ColorBrewer palettes that are safe for the common colour-vision deficiencies.
SEQUENTIAL_PALETTES = (
    "YlOrRd",
    "YlOrBr",
    "OrRd",
    "Reds",
    "Blues",
    "PuBu",
    "YlGnBu",
    "BuPu",
    "Greens",
    "Purples",
    "Greys",
)
DIVERGING_PALETTES = ("RdBu", "PuOr", "BrBG", "PiYG", "PRGn", "RdYlBu")
DEFAULT_PALETTE = "YlOrRd"
# Class schemes a need method fixes itself (never picked, never "Eigene Klassengrenzen" in a legend).
NEED_SCHEMES = ("need_mss", "need_svi", "need_z")
# Names of the schemes for pickers, legends and method notes (web and print alike).
SCHEME_NAMES: dict[str, dict[str, str]] = {
    lang: {s: t(f"scheme_{s}", lang) for s in (*SCHEMES, *NEED_SCHEMES)} for lang in LANGS
}
