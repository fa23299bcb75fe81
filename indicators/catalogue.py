"""The indicator catalogue: what each indicator means and how it is computed.

The catalogue is a YAML file (``data/indicators.yaml`` for the shipped Lübeck
data) with a ``sources`` mapping and an ``indicators`` list; its header
explains the fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import pandas as pd
import yaml

from indicators.errors import InputError, msg
from indicators.formatting import value_decimals
from indicators.types import Direction, Kind
from indicators.wording.topics import TOPIC_KEYS
from indicators.wording.voice import GERMAN, Voice

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_CATALOGUE = DATA_DIR / "indicators.yaml"

KINDS: set[str] = set(get_args(Kind))
DIRECTIONS: set[str] = set(get_args(Direction))


@dataclass(frozen=True)
class Source:
    """Where numbers come from, and how to credit them."""

    id: str
    label: str
    licence: str = ""
    licence_url: str = ""
    url: str = ""
    note_de: str = ""
    note_en: str = ""

    def attribution(self) -> str:
        """One line for maps and exports: label and licence."""
        return f"{self.label}, {self.licence}" if self.licence else self.label


@dataclass(frozen=True)
class Indicator:
    """One entry of the catalogue."""

    id: str
    label_de: str
    label_en: str
    kind: str
    unit: str
    direction: str = "neutral"
    topic: str = ""
    unit_en: str = ""
    definition_de: str = ""
    definition_en: str = ""
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    factor: float = 1.0
    source: str = ""
    licence: str = ""
    reference_date: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, *, voice: Voice = GERMAN) -> str:
        """The indicator's name in the voice's language (the German one where no English is given)."""
        return voice.pick((self.label_de, self.label_en or self.label_de))

    def topic_label(self, *, voice: Voice = GERMAN) -> str:
        """The topic in the voice's language: a shipped catalogue's topic from the wording table
        (:mod:`indicators.wording.topics`), any other as the catalogue names it."""
        key = TOPIC_KEYS.get(self.topic)
        return voice.t(key) if key else self.topic

    def unit_for(self, *, voice: Voice = GERMAN) -> str:
        """The unit in the voice's language (the German one where no English is given)."""
        return voice.pick((self.unit, self.unit_en or self.unit))

    def definition(self, *, voice: Voice = GERMAN) -> str:
        """The definition in the voice's language (the German one where no English is given)."""
        return voice.pick((self.definition_de, self.definition_en or self.definition_de))

    def decimals_for(self, values: pd.Series | None = None) -> int:
        """Decimals to show for ``values`` of this indicator (:func:`indicators.formatting.value_decimals`)."""
        fixed = self.extra.get("decimals")
        return value_decimals(self.kind, values, None if fixed is None else int(fixed))

    @property
    def is_count(self) -> bool:
        return self.kind == "count"

    def inputs(self) -> set[str]:
        """Variable ids this indicator is computed from."""
        if self.kind in {"count", "value"}:
            return {self.id}
        return {t.lstrip("-") for t in (*self.numerator, *self.denominator)}


class CatalogueError(InputError):
    """The catalogue file is malformed."""


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value)
    return (str(value),)


def parse_indicator(entry: dict[str, Any], sources: dict[str, Source] | None = None) -> Indicator:
    """Build an :class:`Indicator` from one catalogue mapping and check it."""
    known = set(Indicator.__dataclass_fields__) - {"extra"}
    missing = [k for k in ("id", "label_de", "kind", "unit") if not entry.get(k) and k != "unit"]
    if missing:
        raise CatalogueError(msg("err_cat_missing_fields", id=entry.get("id", "?"), fields=list(missing)))
    kw = {k: v for k, v in entry.items() if k in known}
    kw["numerator"] = _as_tuple(entry.get("numerator"))
    kw["denominator"] = _as_tuple(entry.get("denominator"))
    kw["factor"] = float(entry.get("factor", 1))
    kw.setdefault("label_en", entry["label_de"])
    kw.setdefault("unit", "")
    kw = {k: ("" if v is None else v) for k, v in kw.items()}
    src = (sources or {}).get(kw.get("source", ""))
    if src and not kw.get("licence"):
        kw["licence"] = src.licence
    ind = Indicator(**kw, extra={k: v for k, v in entry.items() if k not in known})
    if ind.kind not in KINDS:
        raise CatalogueError(msg("err_cat_unknown_kind", id=ind.id, kind=ind.kind, allowed=str(sorted(KINDS))))
    if ind.direction not in DIRECTIONS:
        raise CatalogueError(msg("err_cat_unknown_direction", id=ind.id, direction=ind.direction))
    if ind.kind == "rate" and not (ind.numerator and ind.denominator):
        raise CatalogueError(msg("err_cat_rate_parts", id=ind.id))
    if ind.kind == "change" and len(ind.numerator) != 1:
        raise CatalogueError(msg("err_cat_change_one", id=ind.id))
    return ind


# libyaml's C parser when present: the catalogues are read on every app start.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str) -> dict[str, Any]:
    """A YAML file as a dict (empty file: empty dict)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}


def _sources(doc: dict[str, Any]) -> dict[str, Source]:
    return {sid: Source(id=sid, **vals) for sid, vals in (doc.get("sources") or {}).items()}


def load_sources(path: Path | str = DEFAULT_CATALOGUE) -> dict[str, Source]:
    """The ``sources`` section of a catalogue file."""
    return _sources(read_yaml(path))


def load_catalogue(path: Path | str = DEFAULT_CATALOGUE) -> dict[str, Indicator]:
    """Read a catalogue file; return indicators by id, in file order."""
    doc = read_yaml(path)
    sources = _sources(doc)
    out: dict[str, Indicator] = {}
    for entry in doc.get("indicators") or []:
        ind = parse_indicator(entry, sources)
        if ind.id in out:
            raise CatalogueError(msg("err_cat_twice", id=ind.id))
        out[ind.id] = ind
    return out
