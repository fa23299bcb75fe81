"""Unprotected tables: the one type that holds values before disclosure control.

A :class:`UnprotectedTable` wraps the tidy input (``area_code, year, variable, value``)
of a dataset, small counts included. Nothing that reaches a user, a file, a preview or
a comparison may read it: its way out is :meth:`UnprotectedTable.protected`, the cells
that the published outputs show anyway after
:func:`indicators.compute.disclosure.apply_disclosure` (a copy of another user's
dataset, the comparison of an extending table). Code whose own result goes through
disclosure control afterwards (loading, custom-area estimates, a planner's copy of their
own dataset) reads the cells through :meth:`UnprotectedTable.unprotected`; only the
modules in :data:`UNPROTECTED_READERS` may call it (``tests/indicators/compute/
test_unprotected.py`` checks the source tree).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from indicators.catalogue import Indicator

COLUMNS = ["area_code", "year", "variable", "value"]
KEY = ["area_code", "year", "variable"]
# modules that may read unprotected cells: each protects what it computes from them
UNPROTECTED_READERS = frozenset(
    {
        "indicators/compute/unprotected.py",  # this module
        "geo/spatial/estimate.py",  # shares counts out, withholds what touches a hidden cell
        "geo/uploads/pipeline.py",  # a copy of the planner's own dataset (or of shipped files)
        "indicators/needs/assessment.py",  # residents per area, used as weights, never shown as counts
    }
)


class UnprotectedTable:
    """The tidy input of a dataset before disclosure control (read-only).

    Parameters
    ----------
    frame
        ``area_code, year, variable, value`` (other columns are dropped).
    """

    __slots__ = ("_frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [c for c in COLUMNS if c not in frame.columns]
        if missing:
            problem = f"UnprotectedTable needs the columns {missing}"  # a programming error, no user's
            raise KeyError(problem)
        f = frame[COLUMNS].copy()
        f["area_code"] = f["area_code"].astype(str)
        self._frame = f

    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:  # never the values
        return f"UnprotectedTable({len(self)} Werte, geschützt)"

    @property
    def variables(self) -> set[str]:
        """The variables of the table (names only, no values)."""
        return set(self._frame["variable"].astype(str))

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self._frame["year"].unique())

    def keys(self) -> pd.DataFrame:
        """``area_code, year, variable`` of every cell (which cells exist, not their values)."""
        return self._frame[KEY].copy()

    def unprotected(self) -> pd.DataFrame:
        """The raw cells, small counts included; only for :data:`UNPROTECTED_READERS`."""
        return self._frame.copy()

    def protected(self, values: pd.DataFrame, catalogue: Mapping[str, Indicator]) -> pd.DataFrame:
        """The cells the published outputs show anyway: the protected view.

        A cell is kept when a visible row of ``values`` (after
        :func:`~indicators.compute.disclosure.apply_disclosure`) shows it: the indicator of
        the same id, or the single numerator or denominator term of a rate (exports show
        numerators and denominators); and no suppressed row is built on it. Everything
        else (hidden counts, cells that only enter sums, variables no indicator uses) is left out.

        Parameters
        ----------
        values
            The protected values (column ``suppressed``) of this table.
        catalogue
            Indicators by id.
        """
        if values.empty or not len(self):
            return self._frame.iloc[0:0].copy()
        v = values[["area_code", "year", "indicator", "suppressed"]].copy()
        v["area_code"] = v["area_code"].astype(str)
        v["year"] = v["year"].astype(int)
        uses, shows = [], []
        for ind_id in v["indicator"].unique():
            ind = catalogue.get(ind_id)
            inputs = ind.inputs() if ind is not None else {ind_id}
            lags = (0, 1) if ind is not None and ind.kind == "change" else (0,)
            uses += [(ind_id, var, lag) for var in inputs | {ind_id} for lag in lags]
            shown = {ind_id} if ind is None or ind.kind in ("count", "value") else set()
            if ind is not None and ind.kind == "rate":
                shown |= {
                    terms[0]
                    for terms in (ind.numerator, ind.denominator)
                    if len(terms) == 1 and not terms[0].startswith("-")
                }
            shows += [(ind_id, var) for var in shown]
        use = pd.DataFrame(uses, columns=["indicator", "variable", "lag"])
        hidden = v[v["suppressed"].astype(bool)].merge(use, on="indicator")
        hidden["year"] = hidden["year"] - hidden["lag"]
        visible = v[~v["suppressed"].astype(bool)].merge(
            pd.DataFrame(shows, columns=["indicator", "variable"]), on="indicator"
        )
        f = self._frame.assign(year=self._frame["year"].astype(int))
        keep = f.merge(visible[KEY].drop_duplicates(), on=KEY, how="inner")
        keep = keep.merge(hidden[KEY].drop_duplicates(), on=KEY, how="left", indicator=True)
        return keep[keep["_merge"] == "left_only"][COLUMNS].reset_index(drop=True)


def as_unprotected(table: pd.DataFrame | UnprotectedTable) -> UnprotectedTable:
    """``table`` wrapped (an :class:`UnprotectedTable` is returned as it is)."""
    return table if isinstance(table, UnprotectedTable) else UnprotectedTable(table)
