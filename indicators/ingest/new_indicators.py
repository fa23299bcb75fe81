"""Catalogue entries for indicators a user brings in an uploaded table.

The upload page shows one small form per new variable (label, unit,
direction, numerator and denominator, source, licence, date);
:func:`indicator_from_form` checks the form and builds the
:class:`~indicators.catalogue.Indicator`, :func:`source_from_form` the
:class:`~indicators.catalogue.Source`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from indicators.catalogue import DIRECTIONS, KINDS, CatalogueError, Indicator, Source, parse_indicator
from indicators.errors import InputError, error_message, msg
from indicators.ingest.roles import guess_kind
from indicators.wording.message import Listed, Message

FORM_FIELDS = (
    "variable",
    "id",
    "label_de",
    "label_en",
    "kind",
    "unit",
    "direction",
    "numerator",
    "denominator",
    "factor",
    "source",
    "licence",
    "reference_date",
    "parts",
)
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_TEXT = 200  # labels, units, sources: longer text is refused


class FormError(InputError):
    """The form has problems; ``problems`` lists them (wording keys), one per field."""

    def __init__(self, problems: list[Message]):
        super().__init__(msg("err_form_problems", problems=Listed(tuple(problems))))
        self.problems = problems


def default_fields(variable: str, known: Iterable[str] = ()) -> dict[str, Any]:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    """Pre-filled form for a new variable: kind and unit guessed from its name, neutral direction.

    ``guess`` is the wording key that says what was guessed (shown for confirmation),
    see :func:`indicators.ingest.roles.guess_kind`.
    """
    vid = re.sub(r"[^A-Za-z0-9_]+", "_", str(variable)).strip("_") or "merkmal"
    if not vid[0].isalpha():
        vid = "v_" + vid
    kind, unit, guess = guess_kind(str(variable))
    return {
        "variable": str(variable),
        "id": vid[:64],
        "label_de": str(variable)[:MAX_TEXT],
        "label_en": "",
        "kind": kind,
        "unit": unit,
        "direction": "neutral",
        "numerator": [],
        "denominator": [],
        "factor": 1.0,
        "source": "",
        "licence": "",
        "reference_date": "",
        "parts": [],
        "guess": guess,
    }


def _terms(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"[,+]", value) if t.strip()]
    items = value if isinstance(value, Iterable) else [value]
    return [str(v).strip() for v in items if str(v).strip()]


def _name_problems(f: Mapping[str, Any], vid: str, label: str) -> list[Message]:
    """Problems of id, label and the free texts of a form."""
    problems: list[Message] = []
    if not _ID.fullmatch(vid):
        problems.append(msg("err_form_id", id=repr(vid)))
    if not label:
        problems.append(msg("err_form_label"))
    for key in ("label_de", "label_en", "unit", "licence", "reference_date", "source"):
        if len(str(f[key] or "")) > MAX_TEXT:
            problems.append(msg("err_form_too_long", key=key, max=MAX_TEXT))
    return problems


def _term_problems(
    kind: str, terms: tuple[list[str], list[str], list[str]], vid: str, variables: set[str]
) -> list[Message]:
    """Problems of numerator, denominator and parts (``terms``) against the table's ``variables``."""
    num, den, parts = terms
    problems: list[Message] = []
    known = variables | {vid}
    if variables:
        for t in num + den:
            if t.lstrip("-") not in known:
                problems.append(msg("err_form_variable", name=t.lstrip("-")))
    if parts and kind != "count":
        problems.append(msg("err_form_parts_count"))
    for t in parts:
        if t.startswith("-") or (variables and t not in known) or t == vid:
            problems.append(msg("err_form_part", name=t))
    if kind == "rate" and not (num and den):
        problems.append(msg("err_form_rate"))
    return problems


def indicator_from_form(fields: Mapping[str, Any], variables: Iterable[str] = (), source_id: str = "") -> Indicator:
    """Check a filled-in form and build the indicator.

    Parameters
    ----------
    fields
        Values of :data:`FORM_FIELDS` (missing ones get defaults). For a
        rate, ``numerator`` and ``denominator`` are variable ids (list or
        comma-separated text; a leading ``-`` subtracts).
    variables
        Variable ids available in the table (and the shipped table); rates
        may only refer to these.
    source_id
        Id of the source made by :func:`source_from_form`, used if
        ``fields["source"]`` is empty.

    Raises
    ------
    FormError
        Listing every problem, so the form can show them all at once.
    """
    f = {k: fields.get(k) for k in FORM_FIELDS}
    vid = str(f["id"] or "").strip()
    label = str(f["label_de"] or "").strip()
    problems = _name_problems(f, vid, label)
    kind = str(f["kind"] or "count")
    if kind not in KINDS:
        problems.append(msg("err_form_kind", kind=repr(kind), allowed=sorted(KINDS)))
    direction = str(f["direction"] or "neutral")
    if direction not in DIRECTIONS:
        problems.append(msg("err_form_direction", direction=repr(direction), allowed=sorted(DIRECTIONS)))
    num, den, parts = _terms(f["numerator"]), _terms(f["denominator"]), _terms(f["parts"])
    problems += _term_problems(kind, (num, den, parts), vid, set(variables))
    try:
        factor = float(str(f["factor"] if f["factor"] not in (None, "") else 1).replace(",", "."))
    except ValueError:
        factor = 1.0
        problems.append(msg("err_form_factor", factor=repr(f["factor"])))
    if not str(f["source"] or source_id).strip():
        problems.append(msg("err_form_source"))
    if problems:
        raise FormError(problems)
    entry = {
        "id": vid,
        "label_de": label,
        "label_en": str(f["label_en"] or "").strip() or label,
        "kind": kind,
        "unit": str(f["unit"] or "").strip(),
        "direction": direction,
        "numerator": num,
        "denominator": den,
        "factor": factor,
        "source": str(f["source"] or source_id).strip(),
        "licence": str(f["licence"] or "").strip(),
        "reference_date": str(f["reference_date"] or "").strip(),
        "topic": "Eigene Daten",
    }
    if parts:  # total = sum of parts: secondary suppression uses it (indicators.compute.disclosure)
        entry["parts"] = parts
    if f["variable"]:
        entry["variable"] = str(f["variable"])  # column/variable name in the table, renamed to id on saving
    try:
        return parse_indicator(entry)
    except CatalogueError as exc:
        raise FormError([error_message(exc)]) from None


def source_from_form(label: str, licence: str = "", url: str = "", note: str = "") -> Source:
    """A source entry from the upload form; its id is derived from the label."""
    label = str(label or "").strip()[:MAX_TEXT]
    if not label:
        raise FormError([msg("err_form_source")])
    sid = "upload_" + (re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:40] or "quelle")
    return Source(
        id=sid,
        label=label,
        licence=str(licence or "")[:MAX_TEXT],
        url=str(url or "")[:MAX_TEXT],
        note_de=str(note or "")[:MAX_TEXT],
    )
