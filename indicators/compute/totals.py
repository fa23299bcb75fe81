"""Totals and their parts: inferred from the data, or declared as ``TOTAL=PART+PART``.

:func:`infer_relations` finds a count that equals the sum of two or more others in every
complete area and year (linear algebra for one exact 0/1 combination and its alternatives,
and, with few candidates, a bounded subset search that finds every partition);
:func:`parse_parts` and :func:`declare_parts` turn a planner's declaration (``cli.py data
add --parts``, the upload form) into catalogue entries (``parts`` or ``no_parts``).
:func:`indicators.compute.disclosure.relations_for` combines them for secondary suppression.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.errors import InputError, msg


def parse_parts(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``TOTAL=PART+PART…`` declarations (``cli.py data add --parts``); ``TOTAL=`` says TOTAL is no total.

    Raises
    ------
    indicators.errors.InputError
        For a declaration of another form (German message).
    """
    out: dict[str, tuple[str, ...]] = {}
    for text in texts:
        total, eq, rest = str(text).partition("=")
        parts = tuple(p.strip() for p in rest.replace(",", "+").split("+") if p.strip())
        if not eq or not total.strip() or len(parts) == 1 or total.strip() in parts:
            raise InputError(msg("dc_parts_syntax", text=str(text)))
        out[total.strip()] = parts
    return out


def declare_parts(
    indicators: Iterable[Indicator],
    catalogue: Mapping[str, Indicator],
    declared: Mapping[str, tuple[str, ...]],
    variables: Iterable[str],
) -> list[Indicator]:
    """``indicators`` with the declared parts (``parts``, or ``no_parts`` for an empty declaration);
    a declared total the catalogue knows is added as a changed copy of its entry.

    Raises
    ------
    indicators.errors.InputError
        If a declaration names a variable that is not in ``variables`` (German message).
    """
    known = set(variables)
    unknown = sorted({n for total, parts in declared.items() for n in (total, *parts)} - known)
    if unknown:
        raise InputError(msg("dc_parts_unknown", names=", ".join(unknown)))
    out = {i.id: i for i in indicators}
    by_variable = {str(i.extra.get("variable", i.id)): i.id for i in out.values()}
    for total, parts in declared.items():
        ind = out.get(by_variable.get(total, total)) or catalogue.get(total)
        if ind is None:
            raise InputError(msg("dc_parts_unknown", names=total))
        extra = {k: v for k, v in ind.extra.items() if k not in ("parts", "no_parts")}
        extra.update({"parts": list(parts)} if parts else {"no_parts": True})
        out[ind.id] = dataclasses.replace(ind, extra=extra)
    return list(out.values())


def infer_relations(
    table: pd.DataFrame, variables: Iterable[str] | None = None, *, min_rows: int = 2, max_nodes: int = 20_000
) -> list[tuple[str, tuple[str, ...]]]:
    """Totals found in the data: a variable equal to the sum of two or more others in every
    complete row (area and year where the total and all the parts are present).

    Parameters
    ----------
    table
        Tidy ``area_code, year, variable, value``.
    variables
        Variables to consider (default all; pass the counts only).
    min_rows
        Complete rows a relation needs (fewer could be chance).
    max_nodes
        Search budget per total (subset sums with pruning), so that a table of many
        variables stays quick; a relation beyond it is not found.

    Returns
    -------
    list of (total, parts)
        Several partitions of one total are all listed (e.g. by age and by sex).
    """
    frame = table if variables is None else table[table["variable"].isin(list(variables))]
    wide = frame.pivot_table(index=["area_code", "year"], columns="variable", values="value", aggfunc="first")
    wide = wide.loc[:, wide.notna().sum() >= min_rows]
    out: list[tuple[str, tuple[str, ...]]] = []
    for total in wide.columns:
        t = wide[total].to_numpy(dtype=float)
        if not np.nanmax(np.abs(t), initial=0) > 0:
            continue
        cands = []
        for c in wide.columns:
            x = wide[c].to_numpy(dtype=float)
            both = ~np.isnan(t) & ~np.isnan(x)
            # a part that is 0 everywhere counts too: total minus the other parts would show its zeros
            if c != total and both.sum() >= min_rows and (x[both] >= 0).all() and (x[both] <= t[both] + 1e-9).all():
                cands.append((c, x))
        cands.sort(key=lambda cx: -float(np.nanmean(cx[1])))
        found = _solved(t, cands, min_rows)
        if len(cands) <= MAX_SEARCHED:  # few candidates: every partition, by a bounded search
            found += [p for p in _partitions(t, cands, min_rows, max_nodes) if set(p) not in map(set, found)]
        # a part that is 0 wherever it is given fits every partition: an outsider who knows it belongs
        # would read its zeros as total minus the others, so it joins each one
        zeros = [c for c, x in cands if np.nanmax(np.abs(x), initial=0) == 0]
        parts_sets = {tuple(sorted({*parts, *zeros})) for parts in found}
        out += [(str(total), parts) for parts in sorted(parts_sets)]
    return out


MAX_SEARCHED = 14  # candidates up to which infer_relations searches subsets; beyond, linear algebra only


def _solve(t: np.ndarray, cands: list[tuple[str, np.ndarray]], min_rows: int) -> tuple[str, ...] | None:
    """The 0/1 combination of ``cands`` equal to ``t`` by least squares, if it is unique and exact."""
    if len(cands) < 2:
        return None
    x = np.column_stack([c for _, c in cands])
    rows = ~np.isnan(t) & ~np.isnan(x).any(axis=1)
    if rows.sum() < max(min_rows, x.shape[1] + 1):
        return None
    coef = np.linalg.lstsq(x[rows], t[rows], rcond=None)[0]
    pick = np.round(coef)
    if not np.isin(pick, (0, 1)).all() or np.abs(coef - pick).max() > 1e-6 or pick.sum() < 2:
        return None
    total = x[rows] @ pick
    if not np.allclose(total, t[rows], rtol=1e-9, atol=1e-6):
        return None
    return tuple(cands[i][0] for i in np.flatnonzero(pick))


def _solved(t: np.ndarray, cands: list[tuple[str, np.ndarray]], min_rows: int) -> list[tuple[str, ...]]:
    """Partitions found by :func:`_solve`: one, then the others that do without one of its parts."""
    first = _solve(t, cands, min_rows)
    if first is None:
        return []
    found = [first]
    for part in first:
        other = _solve(t, [c for c in cands if c[0] != part], min_rows)
        if other is not None and set(other) not in map(set, found):
            found.append(other)
    return found


def _partitions(
    t: np.ndarray, cands: list[tuple[str, np.ndarray]], min_rows: int, max_nodes: int
) -> list[tuple[str, ...]]:
    """Subsets of ``cands`` (each at least 2) that sum to ``t`` in every row where all are present."""
    found: list[tuple[str, ...]] = []
    tol = 1e-6 * np.maximum(1.0, np.abs(np.nan_to_num(t)))
    # sums of the candidates from i on: NaN where one is missing (a row that may yet drop out
    # of the complete rows prunes nothing)
    rest = [
        np.sum(np.stack([x for _, x in cands[i:]]), axis=0) if cands[i:] else np.zeros_like(t)
        for i in range(len(cands) + 1)
    ]
    budget = [max_nodes]

    def walk(start: int, chosen: list[int], acc: np.ndarray) -> None:
        for i in range(start, len(cands)):
            budget[0] -= 1
            if budget[0] <= 0:
                return
            s = acc + cands[i][1]  # NaN where any chosen part is missing
            ok = ~np.isnan(s) & ~np.isnan(t)
            if ok.sum() < min_rows:
                continue
            stays = ok & ~np.isnan(rest[i + 1])
            if (s[stays] > t[stays] + tol[stays]).any():
                continue
            picked = [*chosen, i]
            if len(picked) >= 2 and (np.abs(s[ok] - t[ok]) <= tol[ok]).all():
                names = tuple(cands[j][0] for j in picked)
                if not any(set(f) <= set(names) for f in found):
                    found.append(names)
                continue
            if ((s + rest[i + 1])[stays] < t[stays] - tol[stays]).any():  # the rest cannot fill the gap
                continue
            walk(i + 1, picked, s)

    walk(0, [], np.zeros_like(t))
    return found
