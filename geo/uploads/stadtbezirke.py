"""Recognise loaded area polygons as Lübeck's Stadtbezirke.

The statistics office numbers the 35 Stadtbezirke 01–35; GIS exports often
drop the leading zero ("1") or store the code as a number ("1.0"). Polygons
are matched to ``shapes/stadtbezirke.csv`` by normalised code, else by name,
so their data can be aggregated to the 10 Stadtteile
(:mod:`geo.aggregate`).
"""

from __future__ import annotations

import re
import unicodedata

import geopandas as gpd
import pandas as pd

from geo.aggregate import stadtbezirk_table
from indicators.errors import msg
from indicators.ingest.report import USED, WARNING, Report
from indicators.wording.message import Listed

MIN_SHARE = 0.5  # share of polygons that must match before a layer counts as Stadtbezirke


def normalise_code(text: object, width: int = 2) -> str:
    """``1``, ``1.0``, `` 01 `` -> ``01``; non-numeric codes are only stripped."""
    s = str(text).strip()
    if re.fullmatch(r"\d+\.0+", s):
        s = s.split(".")[0]
    return s.zfill(width) if s.isdigit() else s


def _norm_name(name: object) -> str:
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = s.replace("ß", "ss")
    return re.sub(r"[^0-9a-zäöü]+", "", s)


def looks_like_stadtteile(areas: gpd.GeoDataFrame, table: pd.DataFrame) -> bool:
    """True when ``areas`` are Lübeck's Stadtteile, whose codes 01–10 are also Stadtbezirk codes.

    Every code must be a Stadtteil code, and either most names are Stadtteil names or (no
    names given: the name column is the key) all ten Stadtteile are there.
    """
    parents = dict(zip(table["stadtteil_code"].astype(str), table["stadtteil_name"].astype(str)))
    codes = [normalise_code(c) for c in areas["code"]]
    if not codes or not set(codes) <= set(parents):
        return False
    named = [
        (c, n) for c, n in zip(codes, areas["name"]) if n is not None and str(n).strip() and normalise_code(n) != c
    ]
    if named:
        agree = sum(_norm_name(n) == _norm_name(parents[c]) for c, n in named)
        return agree > len(named) / 2
    return set(codes) == set(parents)


Match = tuple[str, object, object, object]  # (how, code as given, name as given, listed name or code)


def _match_rows(areas: gpd.GeoDataFrame, table: pd.DataFrame) -> tuple[list[str], list[Match]]:
    """Per area: the Stadtbezirk code (by code, else by name, else the code as given) and how it matched."""
    by_code = table.set_index("code")
    by_name = {_norm_name(n): c for c, n in zip(table["code"], table["name"]) if n}
    codes: list[str] = []
    how: list[Match] = []
    for code, name in zip(areas["code"], areas["name"]):
        c = normalise_code(code)
        if c in by_code.index:
            listed = by_code.loc[c, "name"]
            if listed and name and str(name) != str(code) and _norm_name(name) != _norm_name(listed):
                how.append(("name_differs", code, name, listed))
            else:
                how.append(("code", code, name, listed))
        elif _norm_name(name) in by_name:
            c = by_name[_norm_name(name)]
            how.append(("name", code, name, c))
        else:
            how.append(("none", code, name, None))
            c = str(code)
        codes.append(c)
    return codes, how


def _report_rows(report: Report, how: list[Match]) -> None:
    """One note per area matched by name, named differently or not matched."""
    for row, (kind, code, name, other) in enumerate(how, start=1):
        if kind == "name_differs":
            report.add(
                row, "name", msg("bez_name_differs", code=normalise_code(code), listed=other, name=name), USED, WARNING
            )
        elif kind == "name":
            report.add(row, "code", msg("bez_by_name", code=code, name=name, other=other), USED, WARNING)
        elif kind == "none":
            report.add(row, "code", msg("bez_unknown", code=code, name=name), USED, WARNING)


def match_stadtbezirke(
    areas: gpd.GeoDataFrame, report: Report, table: pd.DataFrame | None = None, min_share: float = MIN_SHARE
) -> tuple[gpd.GeoDataFrame, bool]:
    """Match ``areas`` (code, name, geometry) to the Stadtbezirk code list.

    Returns
    -------
    (GeoDataFrame, bool)
        The areas with normalised ``code`` plus ``stadtteil_code`` and
        ``stadtteil_name`` (empty where unmatched), and whether the layer was
        recognised as Stadtbezirke (at least ``min_share`` matched). If not
        recognised, ``areas`` is returned unchanged.
    """
    table = stadtbezirk_table() if table is None else table
    if looks_like_stadtteile(areas, table):
        report.add(None, "code", msg("bez_are_stadtteile"), USED, WARNING)
        return areas, False
    codes, how = _match_rows(areas, table)
    by_code = table.set_index("code")
    parents = [by_code.loc[c, "stadtteil_code"] if c in by_code.index else "" for c in codes]
    parent_names = [by_code.loc[c, "stadtteil_name"] if c in by_code.index else "" for c in codes]
    matched = sum(h[0] != "none" for h in how)
    if not len(areas) or matched < min_share * len(areas):
        return areas, False
    # Codes 01-10 are also Stadtteil codes: with names given, most must agree with the list.
    named = [h for h in how if h[0] in ("code", "name_differs") and h[3] and str(h[2]) != str(h[1])]
    differ = [h for h in named if h[0] == "name_differs"]
    if named and len(differ) > len(named) / 2:
        examples = Listed(
            tuple(msg("bez_instead", code=normalise_code(h[1]), given=h[2], listed=h[3]) for h in differ[:3])
        )
        report.add(None, "name", msg("bez_names_differ_all", examples=examples), USED, WARNING)
        return areas, False
    out = areas.copy()
    out["code"] = codes
    out["stadtteil_code"] = parents
    out["stadtteil_name"] = parent_names
    differs = [(row, h) for row, h in enumerate(how, start=1) if h[0] == "name_differs"]
    if len(differs) > 5:
        examples = Listed(
            tuple(msg("bez_instead", code=normalise_code(h[1]), given=h[2], listed=h[3]) for _, h in differs[:3])
        )
        report.add(None, "name", msg("bez_names_differ", n=len(differs), examples=examples), USED, WARNING)
        how = [("code", *h[1:]) if h[0] == "name_differs" else h for h in how]
    _report_rows(report, how)
    missing = sorted(set(table["code"]) - set(codes))
    if missing:
        report.add(None, "code", msg("bez_missing", n=len(missing), codes=missing[:10]), USED, WARNING)
    return out, True
