"""A small, safe query language for indicator filters.

Examples::

    Anteil 65+ > 25 % und Bevölkerungsentwicklung < 0
    share_65plus > 25 and population_change_pct < 0
    nicht (Altenquotient >= 30,5) oder Einwohner > 1.000
    20 < share_under18 <= 30

Indicators are named by id or by (a tolerant prefix of) their German or
English label. Operators: ``> >= < <= = == != <>`` (and ``≥ ≤ ≠``); logic
``und/and``, ``oder/or``, ``nicht/not``, parentheses. Numbers in German or
English format: ``25,5`` and ``25.5`` are 25.5; ``1.000`` and ``1.234,5`` use
the point as thousands separator; a trailing ``%`` is ignored (percent
indicators are stored in percent).

The text is tokenised and parsed by recursive descent; nothing is ever
passed to ``eval``. Errors are :class:`QueryError` with a German message that
names the position. Missing values (suppressed, no data) make a comparison
unknown; unknown areas are not selected and are listed as such.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.formatting import json_records
from indicators.query.syntax import OP_TEXT, Compare, Logic, Operand, parse
from indicators.query.syntax import Names as Names  # re-exported: the query page and the CLI import them here
from indicators.query.syntax import QueryError as QueryError
from indicators.query.syntax import parse_number as parse_number
from indicators.query.syntax import tokenize as tokenize
from indicators.wording.message import msg
from indicators.wording.voice import GERMAN, Voice

# --- evaluation ----------------------------------------------------------------


def _fmt(x: float | None, unit: str = "", *, voice: Voice) -> str:
    """A number typed in the query, with as many decimals as it was typed with, in the voice's format."""
    if x is None:
        return "–"
    typed = f"{x:.10g}"
    decimals = len(typed.split(".")[1]) if "." in typed and "e" not in typed else 0
    return voice.value(x, unit, decimals)


def describe(node: Any, catalogue: Mapping[str, Indicator], *, voice: Voice = GERMAN) -> str:
    """The parsed query in words, with full labels in the voice's language (shows how it was understood)."""
    if isinstance(node, Compare):

        def op_text(o: Operand) -> str:
            if o.indicator:
                return catalogue[o.indicator].label(voice=voice)
            unit = catalogue[next(x.indicator for x in [node.first, *(p for _, p in node.rest)] if x.indicator)].unit
            return _fmt(o.number, "%" if unit == "%" else "", voice=voice)

        s = op_text(node.first)
        for op, o in node.rest:
            s += f" {OP_TEXT[op]} {op_text(o)}"
        return s
    if node.op == "not":
        return voice.t("q_not", inner=describe(node.args[0], catalogue, voice=voice))
    inner = [describe(a, catalogue, voice=voice) for a in node.args]
    inner = [f"({t})" if isinstance(a, Logic) and a.op != "not" else t for a, t in zip(node.args, inner)]
    return voice.t(f"q_{node.op}").join(inner)


def indicators_used(node: Any) -> list[str]:
    """Indicator ids referenced by a query, in order of appearance."""
    if isinstance(node, Compare):
        return [o.indicator for o in [node.first, *(p for _, p in node.rest)] if o.indicator]
    return list(dict.fromkeys(i for a in node.args for i in indicators_used(a)))


def _operand(o: Operand, wide: pd.DataFrame) -> pd.Series:
    if o.indicator:
        if o.indicator not in wide:
            return pd.Series(np.nan, index=wide.index)
        return wide[o.indicator].astype(float)
    return pd.Series(o.number, index=wide.index, dtype=float)


def evaluate(node: Any, wide: pd.DataFrame) -> pd.Series:
    """Evaluate on ``wide`` (index area_code, one column per indicator).

    Returns a nullable boolean Series: <NA> where a needed value is missing
    (three-valued logic: "x and unknown" is unknown unless x is false).
    """
    if isinstance(node, Compare):
        result = pd.Series(True, index=wide.index, dtype="boolean")
        left = _operand(node.first, wide)
        for op, o in node.rest:
            right = _operand(o, wide)
            a, b = left.to_numpy(), right.to_numpy()
            with np.errstate(invalid="ignore"):
                v = {
                    ">": a > b,
                    ">=": a >= b,
                    "<": a < b,
                    "<=": a <= b,
                    "=": np.isclose(a, b, rtol=1e-9, atol=0),
                    "!=": ~np.isclose(a, b, rtol=1e-9, atol=0),
                }[op]
            part = pd.Series(v, index=wide.index, dtype="boolean")
            part[np.isnan(a) | np.isnan(b)] = pd.NA
            result = result & part
            left = right
        return result
    parts = [evaluate(a, wide) for a in node.args]
    if node.op == "not":
        return ~parts[0]
    out = parts[0]
    for p in parts[1:]:
        out = (out & p) if node.op == "and" else (out | p)
    return out


def wide_values(values: pd.DataFrame, year: int, reference_code: str | None = "00") -> pd.DataFrame:
    """Indicator values of one year as area × indicator (reference area left out)."""
    sel = values[(values["year"] == year) & (values["area_code"] != reference_code)]
    wide = sel.pivot_table(index="area_code", columns="indicator", values="value", aggfunc="first", dropna=False)
    wide.columns.name = None
    return wide


@dataclass
class QueryResult:
    """Outcome of :func:`run_query`.

    ``mask`` is True for selected areas (index: area code); ``table`` has
    ``code, name``, the values of the indicators used and ``result``
    ("ja"/"nein"/"unbekannt"); ``explanation`` is the query in words.
    """

    expression: str
    explanation: str
    year: int
    mask: pd.Series
    table: pd.DataFrame
    indicators: list[str] = field(default_factory=list)
    decimals: dict[str, int] = field(default_factory=dict)  # per indicator used: counts without decimals

    @property
    def selected(self) -> list[str]:
        return list(self.mask[self.mask].index)

    def summary(self, *, voice: Voice = GERMAN) -> str:
        """How many areas match, in the voice's language (the run's voice: the table's words are in it)."""
        n, k = len(self.mask), int(self.mask.sum())
        unknown = int((self.table["result"] == voice.t("q_unknown")).sum())
        s = voice.t("q_summary", k=k, n=n, year=self.year, explanation=self.explanation)
        return s + (voice.t("q_summary_unknown", n=unknown) if unknown else "")

    def to_text(self, labels: dict[str, str] | None = None, *, voice: Voice = GERMAN) -> str:
        """Summary plus one line per area with the values the query used."""
        labels = labels or {}
        lines = [self.summary(voice=voice)]
        for r in self.table.to_dict(orient="records"):
            vals = "  ".join(
                f"{labels.get(i, i)}: {voice.number(r[i], self.decimals.get(i, 1))}" for i in self.indicators
            )
            lines.append(f"{r['code']} {r['name']:<18} {r['result']:<9} {vals}")
        return "\n".join(lines)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "expression": self.expression,
            "explanation": self.explanation,
            "year": self.year,
            "selected": self.selected,
            "areas": json_records(self.table),
        }


def run_query(ds: Any, text: str, year: int | None = None, *, voice: Voice = GERMAN) -> QueryResult:
    """Parse and evaluate a query on a :class:`~indicators.dataset.Dataset`.

    Parameters
    ----------
    ds
        Dataset (disclosure already applied: suppressed values count as missing).
    text
        The query, e.g. "Anteil 65+ > 25 % und Bevölkerungsentwicklung < 0".
    year
        Data year; default the latest.
    voice
        The reader's language: the explanation and the ``result`` words ("ja"/"yes" …).

    Raises
    ------
    QueryError
        With a German message naming the position of the problem.
    """
    if not ds.years:
        raise QueryError(msg("q_err_no_values"), 0, text)
    year = ds.years[-1] if year is None else int(year)
    if year not in ds.years:
        raise QueryError(msg("q_err_no_year", year=year, first=ds.years[0], last=ds.years[-1]), 0, text)
    wide = wide_values(ds.values, year, ds.geography.reference_code if ds.geography else "00")
    wide = wide.reindex(ds.areas["code"])
    # indicators of a fixed other reference year (Zensus 2011) are not candidates: "Einwohner" stays unambiguous
    names = {i for i, ind in ds.catalogue.items() if int(ind.extra.get("reference_year") or year) == year}
    node = parse(text, ds.catalogue, names)
    used = indicators_used(node)
    res = evaluate(node, wide)
    words = (voice.t("yes"), voice.t("no"), voice.t("q_unknown"))
    table = pd.DataFrame({"code": ds.areas["code"].to_numpy(), "name": ds.areas["name"].to_numpy()})
    for ind in dict.fromkeys(used):
        table[ind] = wide[ind].to_numpy() if ind in wide else np.nan
    table["result"] = np.where(res.isna(), words[2], np.where(res.fillna(False), words[0], words[1]))
    mask = res.fillna(False).astype(bool)
    mask.index.name = "area_code"
    used = list(dict.fromkeys(used))
    decimals = {i: ds.catalogue[i].decimals_for(table[i]) for i in used}
    return QueryResult(text, describe(node, ds.catalogue, voice=voice), year, mask, table, used, decimals)
