"""What an upload adds to a saved dataset: new years, new indicators, replaced values.

Numbers only: :func:`describe_growth` compares the dataset's tidy table with the
uploaded one (both ``area_code, year, variable, value``); :func:`growth_lines` says it
in the user's language. The upload page shows the lines before the planner accepts,
and again after saving.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.wording.voice import GERMAN, Voice

KEY = ["area_code", "year", "variable"]


@dataclass(frozen=True)
class Growth:
    """The change an upload makes to a dataset.

    Attributes
    ----------
    new_years
        Years the dataset had no value for before.
    new_variables
        Variables (table columns) the dataset did not have.
    new_indicators
        Indicator ids added to the catalogue by this upload.
    added
        Values for a key (area, year, variable) that had none.
    replaced
        Values for a key that had one (the upload wins).
    changed
        Of ``replaced``, those whose number differs.
    withheld
        Values for a key whose value in the dataset is suppressed: not compared (so no
        preview says whether a guess equals a hidden value), counted in neither ``added`` nor
        ``replaced``.
    """

    new_years: tuple[int, ...]
    new_variables: tuple[str, ...]
    new_indicators: tuple[str, ...]
    added: int
    replaced: int
    changed: int
    withheld: int = 0

    @property
    def empty(self) -> bool:
        """True when the upload changes nothing (a value on a suppressed one may change something)."""
        return not (self.added or self.changed or self.withheld or self.new_indicators)


def describe_growth(
    base: pd.DataFrame,
    upload: pd.DataFrame,
    new_indicators: Iterable[str] = (),
    *,
    withheld: pd.DataFrame | None = None,
) -> Growth:
    """Compare the dataset's table ``base`` with the ``upload`` that is about to extend it.

    ``base`` is the dataset's protected view; ``withheld`` the keys (``area_code, year,
    variable``) of its suppressed cells: uploaded values for them are counted, never compared.
    """
    old = base[[*KEY, "value"]].copy()
    new = upload[[*KEY, "value"]].copy()
    gone = (withheld if withheld is not None else pd.DataFrame(columns=KEY))[KEY].copy()
    for frame in (old, new, gone):
        frame["year"] = frame["year"].astype(int)
        frame["area_code"] = frame["area_code"].astype(str)
        frame["variable"] = frame["variable"].astype(str)
    hidden = new.merge(gone.drop_duplicates(), on=KEY, how="left", indicator=True)["_merge"].eq("both").to_numpy()
    known_years, known_vars = set(old["year"]) | set(gone["year"]), set(old["variable"]) | set(gone["variable"])
    years, variables = set(new["year"]), set(new["variable"])
    new = new[~hidden]
    both = new.merge(old.drop_duplicates(KEY, keep="last"), on=KEY, how="left", suffixes=("", "_old"), indicator=True)
    hit = both["_merge"] == "both"
    a, b = both.loc[hit, "value"].astype(float), both.loc[hit, "value_old"].astype(float)
    same = np.isclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True)
    return Growth(
        new_years=tuple(sorted(years - known_years)),
        new_variables=tuple(sorted(variables - known_vars)),
        new_indicators=tuple(dict.fromkeys(new_indicators)),
        added=int((~hit).sum()),
        replaced=int(hit.sum()),
        changed=int((~same).sum()),
        withheld=int(hidden.sum()),
    )


def growth_lines(g: Growth, labels: dict[str, str] | None = None, *, voice: Voice = GERMAN) -> list[str]:
    """One sentence per kind of change in the voice's language (German by default); ``labels`` names indicators."""
    labels = labels or {}
    if g.empty:
        return [voice.t("gr_nothing")]
    out = []
    if g.new_years:
        out.append(voice.t("gr_years", n=len(g.new_years), years=", ".join(map(str, g.new_years))))
    if g.new_indicators:
        out.append(
            voice.t(
                "gr_indicators",
                n=len(g.new_indicators),
                names=", ".join(labels.get(i, i) for i in g.new_indicators),
            )
        )
    elif g.new_variables:
        out.append(voice.t("gr_variables", n=len(g.new_variables), names=", ".join(g.new_variables)))
    if g.added:
        out.append(voice.t("gr_added", n=g.added))
    if g.replaced:
        out.append(voice.t("gr_replaced", n=g.replaced, changed=g.changed))
    if g.withheld:
        out.append(voice.t("gr_withheld", n=g.withheld))
    return out
