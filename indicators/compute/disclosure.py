"""Statistical disclosure control, applied in one place.

Every value that leaves the tool (map, tooltip, table, download, export,
custom-area estimate) is taken from a frame that went through
:func:`apply_disclosure`. A suppressed value is replaced by NaN and marked in
the ``suppressed`` column, together with the numerator and denominator from
which it could be recomputed.

Primary suppression hides counts below the minimum (and everything of areas
with too few residents). Secondary suppression closes the subtraction attack:
where a total is known (the city, or a total of age groups in one area), a
single hidden part could be recomputed as total minus the visible parts, so
the next-smallest part is hidden too, until every such relation hides either
nothing or at least two cells whose sum is not itself a small count. Rates
and changes built on a hidden count are hidden as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.compute.totals import declare_parts as declare_parts  # re-exported (CLI, upload)
from indicators.compute.totals import infer_relations as infer_relations
from indicators.compute.totals import parse_parts as parse_parts

MIN_COUNT = 3
# Totals and their parts within one area and year (variable ids of the shipped catalogue).
DEFAULT_RELATIONS: dict[str, tuple[str, ...]] = {
    "population_total": ("pop_under18", "pop_18_64", "pop_65plus"),
}
Cell = tuple[str, int, str]  # (area_code, year, variable)


def _count_numerator(ind: Indicator | None, catalogue: Mapping[str, Indicator]) -> bool:
    """True if the indicator's numerator is a plain count of persons or events."""
    if ind is None:
        return False
    if ind.kind == "count":
        return True
    if ind.kind == "rate" and len(ind.numerator) == 1 and not ind.numerator[0].startswith("-"):
        src = catalogue.get(ind.numerator[0])
        return src is None or src.kind == "count"
    return False


def relations_for(
    catalogue: Mapping[str, Indicator], table: pd.DataFrame | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """Total -> parts relations: the defaults, catalogue entries with ``parts: [...]`` and, with
    ``table``, the relations :func:`infer_relations` finds among its count variables.

    A catalogue entry with ``no_parts: true`` (a planner said the variable is no total) drops
    every default and inferred relation of that total; declared ``parts`` replace the default.
    """
    declared = {t: p for t, p in DEFAULT_RELATIONS.items() if t in catalogue}
    for ind in catalogue.values():
        parts = ind.extra.get("parts")
        if parts:
            declared[ind.id] = tuple(str(x) for x in parts)
    out = list(declared.items())
    if table is not None:
        counts = [v for v in table["variable"].unique() if v not in catalogue or catalogue[v].kind == "count"]
        seen = {(tot, frozenset(p)) for tot, p in out}
        out += [r for r in infer_relations(table, counts) if (r[0], frozenset(r[1])) not in seen]
    off = {i.id for i in catalogue.values() if i.extra.get("no_parts")}
    return [(t, p) for t, p in out if t not in off]


def count_cells(values: pd.DataFrame, catalogue: Mapping[str, Indicator]) -> pd.DataFrame:
    """The counts behind ``values``: ``area_code, year, variable, value`` (one row per cell)."""
    kinds = values["indicator"].map(lambda i: catalogue[i].kind if i in catalogue else None)
    counts = values[kinds == "count"]
    frames = [
        pd.DataFrame(
            {
                "area_code": counts["area_code"],
                "year": counts["year"],
                "variable": counts["indicator"],
                "value": counts["value"],
            }
        )
    ]
    num_var = values["indicator"].map(
        lambda i: (
            catalogue[i].numerator[0]
            if i in catalogue and catalogue[i].kind == "rate" and _count_numerator(catalogue[i], catalogue)
            else None
        )
    )
    rates = values[num_var.notna()]
    frames.append(
        pd.DataFrame(
            {
                "area_code": rates["area_code"],
                "year": rates["year"],
                "variable": num_var[num_var.notna()],
                "value": rates["numerator"],
            }
        )
    )
    cells = pd.concat(frames, ignore_index=True)
    cells = cells[cells["value"].notna()]
    return cells.drop_duplicates(["area_code", "year", "variable"]).reset_index(drop=True)


Relations = Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]]


def _pairs(relations: Relations) -> list[tuple[str, tuple[str, ...]]]:
    """(total, parts) pairs of a mapping or a list of pairs (a total may have several partitions)."""
    items = relations.items() if isinstance(relations, Mapping) else relations
    return [(str(t), tuple(p)) for t, p in items]


def relation_groups(
    cells: pd.DataFrame, relations: Relations, reference_code: str | None, areas_by_year: Mapping[int, set[str]]
) -> list[tuple[list[Cell], Cell | None, bool]]:
    """Linear relations total = sum(parts) among the cells.

    Returns (parts, total, total_known) triples. Across areas the city total
    is treated as known even where it is not in the data (it is published
    elsewhere); within an area a relation counts if its total and every part
    variable occur in the data of that year (a missing cell of the area, the
    total included, then gives no protection).
    """
    keys = set(zip(cells["area_code"], cells["year"], cells["variable"]))
    groups: list[tuple[list[Cell], Cell | None, bool]] = []
    for (year, var), _ in cells.groupby(["year", "variable"]):
        parts = [(a, year, var) for a in sorted(areas_by_year.get(year, set())) if a != reference_code]
        total = (reference_code, year, var) if reference_code and (reference_code, year, var) in keys else None
        if parts:
            groups.append((parts, total, True))
    present = cells.groupby("year")["variable"].agg(set).to_dict()
    for tvar, pvars in _pairs(relations):
        members = {tvar, *pvars}
        # an area's relation holds where any of its cells is there, also without the total: a missing
        # total (like a missing part) is no protection, its value may be published elsewhere
        for area, year in sorted({(k[0], k[1]) for k in keys if k[2] in members}, key=str):
            if members <= present.get(year, set()):  # a relation holds only with all its variables in the data
                groups.append(([(area, year, p) for p in pvars], (area, year, tvar), False))
    return groups


def secondary_suppression(
    cells: pd.DataFrame,
    hidden: set[Cell],
    relations: Relations,
    min_count: int = MIN_COUNT,
    reference_code: str | None = "00",
    areas_by_year: Mapping[int, set[str]] | None = None,
) -> set[Cell]:
    """Hide further cells until no relation reveals a hidden cell by subtraction.

    A relation is safe when it hides no cell, or at least two cells whose sum
    is at least ``min_count``. Otherwise its smallest visible part (or, with
    no part left, its total) is hidden and all relations are checked again.
    A cell missing from the data is never protection: its value may be
    published elsewhere (or be zero), so only hidden cells of known value
    count towards the two cells and their sum.
    """
    value = dict(zip(zip(cells["area_code"], cells["year"], cells["variable"]), cells["value"]))
    if areas_by_year is None:
        areas_by_year = cells.groupby("year")["area_code"].agg(set).to_dict()
    groups = relation_groups(cells, relations, reference_code, areas_by_year)
    hidden = set(hidden)
    for _ in range(len(value) + 1):
        changed = False
        for parts, total, _known in groups:
            members = parts + ([total] if total else [])
            shown = [m for m in members if m in value and m not in hidden]
            gone = [m for m in members if m in value and m in hidden]
            if not gone:
                continue
            if len(gone) >= 2 and sum(value[m] for m in gone) >= min_count:
                continue
            candidates = [m for m in shown if m != total] or [m for m in shown if m == total]
            if not candidates:
                continue
            pick = min(candidates, key=lambda m: (value[m], str(m[0]), str(m[2])))
            hidden.add(pick)
            changed = True
        if not changed:
            break
    return hidden


def apply_disclosure(
    values: pd.DataFrame,
    catalogue: Mapping[str, Indicator],
    min_count: int = MIN_COUNT,
    min_population: float = 0,
    population: pd.Series | None = None,
    *,
    secondary: bool = True,
    reference_code: str | None = "00",
    relations: Relations | None = None,
) -> pd.DataFrame:
    """Suppress small counts and values of small areas, and what would reveal them.

    Parameters
    ----------
    values
        Output of :func:`indicators.compute.rates.compute_indicators`.
    catalogue
        Indicators by id (to know which values are counts).
    min_count
        Counts below this (including 0) are suppressed, and so are rates whose
        numerator is such a count.
    min_population
        Areas with fewer residents than this get every value suppressed.
    population
        Residents per (area_code, year) for ``min_population``.
    secondary
        Also hide cells from which a suppressed count could be recomputed
        (see :func:`secondary_suppression`) and every indicator built on a
        hidden count.
    reference_code
        Code of the whole city, the total of all areas.
    relations
        Total -> parts within an area (a mapping, or (total, parts) pairs); default
        :func:`relations_for` of the catalogue (:func:`geo.loading.load_dataset` adds the
        relations inferred from the table).

    Returns
    -------
    pandas.DataFrame
        A copy with column ``suppressed``; suppressed rows have NaN in
        ``value``, ``numerator`` and ``denominator``.
    """
    out = values.copy()
    is_count = out["indicator"].map(lambda i: _count_numerator(catalogue.get(i), catalogue))
    small = (is_count & (out["numerator"] < min_count)).fillna(False).astype(bool)
    tiny_area = pd.Series(False, index=out.index)
    if min_population and population is not None:
        pop = pd.Series(
            population.reindex(pd.MultiIndex.from_frame(out[["area_code", "year"]])).to_numpy(),
            index=out.index,
        )
        tiny_area = (pop < min_population).fillna(False).astype(bool)
        small |= tiny_area
    if secondary and len(out):
        hidden_areas = set(zip(out.loc[tiny_area, "area_code"], out.loc[tiny_area, "year"]))
        small |= _secondary_rows(
            out,
            hidden_areas,
            catalogue,
            min_count,
            reference_code,
            relations_for(catalogue) if relations is None else relations,
        )
    out["suppressed"] = small
    out.loc[out["suppressed"], ["value", "numerator", "denominator"]] = np.nan
    return out


def _secondary_rows(
    out: pd.DataFrame,
    whole_area: set[tuple[str, int]],
    catalogue: Mapping[str, Indicator],
    min_count: int,
    reference_code: str | None,
    relations: Relations,
) -> pd.Series:
    """Rows to hide because a count they are built on is hidden (primary or secondary)."""
    cells = count_cells(out, catalogue)
    primary = {
        (a, y, v)
        for a, y, v, x in zip(cells["area_code"], cells["year"], cells["variable"], cells["value"])
        if x < min_count or (a, y) in whole_area
    }
    areas_by_year = out.groupby("year")["area_code"].agg(set).to_dict()
    hidden = secondary_suppression(cells, primary, relations, min_count, reference_code, areas_by_year)
    if not hidden:
        return pd.Series(False, index=out.index)

    def hit(ind_id: str, area: str, year: int) -> bool:
        ind = catalogue.get(ind_id)
        if ind is None:
            return (area, year, ind_id) in hidden
        years = (year, year - 1) if ind.kind == "change" else (year,)
        return any((area, y, v) in hidden for v in ind.inputs() for y in years)

    return pd.Series(
        [hit(i, a, y) for i, a, y in zip(out["indicator"], out["area_code"], out["year"])], index=out.index
    )
