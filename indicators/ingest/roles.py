"""Column roles of an uploaded table: area key, name, year, variable, value, ignore.

A planner's table has more than keys and numbers: a column with the area names, a
remark, a column they do not want. :func:`detect_columns` finds the usual columns by
name; :func:`text_columns` finds columns that hold text rather than numbers, so a name
or remark column is passed over once (a note) instead of giving one "keine Zahl" error
per row. :func:`guess_kind` reads the kind and unit of a new variable off its header
("SGB-II-Quote" → a rate in %), shown on the upload page for confirmation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from indicators.wording.voice import GERMAN, Voice

ROLES = ("area", "name", "year", "variable", "value")  # one column each; "ignore" takes any number
ROW_COL = "_row"  # as indicators.ingest.read.ROW_COL (read imports nothing from here)

# Usual German and English column names, compared after normalisation.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "area": (
        "area_code",
        "code",
        "area",
        "gebiet",
        "gebietscode",
        "schluessel",
        "schlussel",
        "gebietsschluessel",
        "stadtteil",
        "stadtteilnr",
        "stadtteil_code",
        "stadtbezirk",
        "bezirk",
        "planungsraum",
        "raum",
        "id",
        "nr",
        "kennziffer",
    ),
    "name": (
        "name",
        "gebietsname",
        "stadtteilname",
        "stadtteil_name",
        "bezirksname",
        "stadtbezirk_name",
        "bezeichnung",
        "area_name",
        "gebiet_name",
        "raumname",
        "planungsraum_name",
    ),
    "year": ("year", "jahr", "berichtsjahr"),
    "variable": ("variable", "merkmal", "indikator", "indicator", "kennzahl", "variable_id"),
    "value": ("value", "wert", "anzahl", "count", "wert_anzahl"),
}


def norm(name: str) -> str:
    """A column name without accents, case and punctuation (``"Stadtteil-Nr."`` → ``"stadtteil_nr"``)."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def ignored_columns(mapping: Mapping[str, object] | None) -> tuple[str, ...]:
    """The columns the planner marked "ignorieren" (``mapping["ignore"]``: a list or one name)."""
    value = (mapping or {}).get("ignore") or ()
    items: Iterable[object] = [value] if isinstance(value, str) else value if isinstance(value, Iterable) else [value]
    return tuple(str(c) for c in items if str(c))


def detect_columns(columns: Iterable[str], mapping: Mapping[str, object] | None = None) -> dict[str, str]:
    """Map roles (area, name, year, variable, value) to column names.

    An explicit ``mapping`` (role -> column) wins over recognised synonyms; an ignored
    column (``mapping["ignore"]``) takes no role.
    """
    skip = set(ignored_columns(mapping))
    chosen = {k: str(v) for k, v in (mapping or {}).items() if k in ROLES and v}
    cols = [c for c in columns if c != ROW_COL and c not in skip]
    found: dict[str, str] = {}
    for role, names in SYNONYMS.items():
        for c in cols:
            if norm(c) in names and c not in found.values() and c not in chosen.values():
                found[role] = c
                break
    found.update(chosen)
    return found


def text_columns(
    frame: pd.DataFrame, columns: Iterable[str], is_number: Callable[[Any], bool], is_missing: Callable[[Any], bool]
) -> dict[str, str]:
    """Columns that hold text, not numbers: column → an example value.

    A column is text when fewer than half of its filled cells are numbers (a name
    column, a remark); a number column with a stray word ("drei") is not, so that word
    is still reported as the real problem it is.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table as text.
    columns : iterable of str
        The candidate value columns.
    is_number, is_missing : callable
        ``str -> bool``: the cell parses as a number / is an empty or missing-value symbol.
    """
    out: dict[str, str] = {}
    for c in columns:
        cells = [str(v).strip() for v in frame[c] if not is_missing(str(v).strip())]
        if not cells:
            continue
        words = [v for v in cells if not is_number(v)]
        if len(words) * 2 > len(cells):
            out[c] = words[0]
    return out


_RATE = re.compile(r"quote|anteil|prozent|%|rate|share|percent")
_PER_1000 = re.compile(r"je\s*1[.\s]?000|pro\s*1[.\s]?000|per\s*1[,.\s]?000|‰|promille")
_VALUE = re.compile(r"durchschnitt|mittel|median|alter\b|average|mean|euro|€|dichte|index")


def guess_kind(header: str) -> tuple[str, str, str]:
    """Kind, unit and the reason (a wording key) guessed from a column header.

    ``"SGB-II-Quote"``, ``"Anteil 65+"``, ``"Arbeitslose in %"`` → a share in per cent
    (kind ``value`` with unit ``%``: the values are given, not computed from counts; the
    tool treats such a value as a rate); ``"Geburten je 1.000 Einw."`` → per 1,000; a mean,
    an age, money or a density → a value; anything else a count of persons.
    """
    text = str(header).lower()
    if _PER_1000.search(text):
        return "value", "je 1.000 Einw.", "up_guess_per_1000"
    if _RATE.search(text):
        return "value", "%", "up_guess_rate"
    if _VALUE.search(text):
        return "value", "", "up_guess_value"
    return "count", "Personen", "up_guess_count"


def preview_frame(tidy: pd.DataFrame, rows: int = 50, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """The first ``rows`` checked values for the upload preview, numbers written in the voice's language.

    ``12.5`` reads ``12,5`` in German; a whole number keeps no decimals; the decimals a
    value has are kept (at most 4).
    """
    out = tidy.head(rows).copy()
    if "value" in out:
        out["value"] = [voice.number(v, _decimals(v)) for v in out["value"]]
    return out


def _decimals(value: float) -> int:
    """As few decimals as show ``value`` (at most 4)."""
    v = float(value)
    return next((d for d in range(5) if round(v, d) == v), 4)
