"""Tokenizer and recursive-descent parser of the indicator query language.

See :mod:`indicators.query.evaluate` for the language. Nothing here evaluates user
text: it becomes tokens, then a small syntax tree of :class:`Compare` and
:class:`Logic` nodes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias, cast

from indicators.catalogue import Indicator
from indicators.errors import InputError
from indicators.ingest.validate import parse_number as validation_number
from indicators.text import fold
from indicators.wording.message import Message, Pair, msg

AND_WORDS = {"und", "and", "&", "&&"}
OR_WORDS = {"oder", "or", "|", "||"}
NOT_WORDS = {"nicht", "not"}
OPS = {
    ">=": ">=",
    "<=": "<=",
    "==": "=",
    "!=": "!=",
    "<>": "!=",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    ">": ">",
    "<": "<",
    "=": "=",
}
OP_TEXT = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=", "!=": "≠"}
MAX_DEPTH = 30  # brackets / 'nicht' inside each other
MAX_QUERY_CHARS = 5000  # longer text is refused before tokenising
_NUMBER = re.compile(r"^[+-]?(\d[\d.,]*)\s*%?$")
_WORD = re.compile(r"[^\s()<>=!≥≤≠]+")


def _named(ind: Indicator) -> Pair:
    """An indicator as "label (id)" in the reader's language."""
    return Pair(f"{ind.label_de} ({ind.id})", f"{ind.label_en or ind.label_de} ({ind.id})")


class QueryError(InputError):
    """A problem in the query text, with its 0-based character position."""

    def __init__(self, message: str | Message, pos: int, text: str) -> None:
        self.pos, self.text = pos, text
        super().__init__(msg("q_err_at", pos=pos + 1, message=message, text=text, caret=" " * pos))


@dataclass
class Token:
    kind: str  # NUM, WORD, NAME, OP, AND, OR, NOT, LP, RP, END
    text: str
    pos: int
    end: int
    value: object = None


# --- numbers ---------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """German or English number; None if ``text`` is not a number.

    "25,5" / "25.5" → 25.5; "1.000" / "1.234,5" / "1,234.5" → thousands
    separators; "12 %" → 12.
    """
    s = text.strip().replace("\u2212", "-")
    if not _NUMBER.match(s):
        return None
    s = s.rstrip("%").strip()
    if "." in s and "," in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
    elif "," in s:
        dec = "." if re.fullmatch(r"[+-]?\d{1,3}(,\d{3}){2,}", s) else ","
    else:  # "1.000", "25.000": German thousands; "2.5", "0.125": decimal point
        dec = "," if re.fullmatch(r"[+-]?[1-9]\d{0,2}(\.\d{3})+", s) else "."
    return validation_number(s, dec)


# --- resolving indicator names ---------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text).replace("_", " "))


def _strip_brackets(label: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", label).strip()


def _name_score(words: list[str], name: str) -> int:
    """How well the typed ``words`` fit one name: 100 for the whole name; else 2 per word found
    whole and 1 per word that begins a word of the name, plus 1 if the name begins with them;
    -1 if a word is not in the name."""
    lw = _words(name)
    folded = " ".join(words)
    if " ".join(lw) == folded:
        return 100
    s = 0
    for w in words:
        if w in lw:
            s += 2
        elif any(x.startswith(w) for x in lw):
            s += 1
        else:
            return -1
    return s + 1 if " ".join(lw).startswith(folded) else s


class Names:
    """Indicator names (ids, German and English labels) and tolerant lookup."""

    def __init__(self, catalogue: Mapping[str, Indicator], available: set[str] | None = None) -> None:
        self.catalogue = {k: v for k, v in catalogue.items() if available is None or k in available}
        self.phrases: list[tuple[str, str]] = []  # (exact phrase, id), longest first
        for ind in self.catalogue.values():
            for p in {ind.id, ind.label_de, ind.label_en, _strip_brackets(ind.label_de), _strip_brackets(ind.label_en)}:
                if p:
                    self.phrases.append((p.lower(), ind.id))
        self.phrases.sort(key=lambda t: -len(t[0]))

    def match_phrase(self, text: str, pos: int) -> tuple[str, int] | None:
        """A full id or label starting at ``pos`` (case-insensitive): (id, end)."""
        low = text.lower()
        for phrase, iid in self.phrases:
            end = pos + len(phrase)
            if low.startswith(phrase, pos) and (
                end == len(text) or not text[end].isalnum() or not phrase[-1].isalnum()
            ):
                return iid, end
        return None

    def resolve(self, phrase: str, pos: int, text: str) -> str:
        """Indicator id for a typed name; QueryError if unknown or ambiguous."""
        words = _words(phrase)
        if not words:
            raise QueryError(msg("q_err_not_indicator", phrase=phrase), pos, text)
        scores: dict[str, int] = {}
        for ind in self.catalogue.values():
            best = max(_name_score(words, name) for name in (ind.id, ind.label_de, ind.label_en))
            if best > 0:
                scores[ind.id] = best
        if scores:
            top = max(scores.values())
            winners = [i for i, s in scores.items() if s == top]
            if len(winners) == 1:
                return winners[0]
            options = [_named(self.catalogue[i]) for i in winners]
            raise QueryError(msg("q_err_ambiguous", phrase=phrase, options=options), pos, text)
        names = {fold(ind.label_de): ind for ind in self.catalogue.values()}
        names.update({ind.id: ind for ind in self.catalogue.values()})
        close = difflib.get_close_matches(fold(phrase), list(names), n=3, cutoff=0.5)
        if close:
            raise QueryError(
                msg("q_err_unknown_hint", phrase=phrase, hints=[_named(names[c]) for c in close]), pos, text
            )
        raise QueryError(msg("q_err_unknown", phrase=phrase), pos, text)


# --- tokenizer ---------------------------------------------------------------


def tokenize(text: str, names: Names) -> list[Token]:
    """Split the query into tokens; full indicator names become NAME tokens."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in "()":
            out.append(Token("LP" if c == "(" else "RP", c, i, i + 1))
            i += 1
            continue
        op = next((o for o in sorted(OPS, key=len, reverse=True) if text.startswith(o, i)), None)
        if op:
            out.append(Token("OP", op, i, i + len(op), OPS[op]))
            i += len(op)
            continue
        if c == "!":
            out.append(Token("NOT", c, i, i + 1))
            i += 1
            continue
        if i == 0 or not text[i - 1].isalnum():
            hit = names.match_phrase(text, i)
            if hit:
                out.append(Token("NAME", text[i : hit[1]], i, hit[1], hit[0]))
                i = hit[1]
                continue
        m = _WORD.match(text, i)
        if m is None:  # e.g. a lone "!" (not "!=")
            raise QueryError(msg("q_err_bad_operator", char=text[i]), i, text)
        word = m.group(0)
        low = word.lower()
        kind = (
            "AND"
            if low in AND_WORDS
            else "OR"
            if low in OR_WORDS
            else "NOT"
            if low in NOT_WORDS
            else "NUM"
            if parse_number(word) is not None
            else "WORD"
        )
        out.append(Token(kind, word, i, m.end(), parse_number(word) if kind == "NUM" else None))
        i = m.end()
    out.append(Token("END", "", n, n))
    return out


# --- syntax tree -------------------------------------------------------------


@dataclass
class Operand:
    text: str
    pos: int
    number: float | None = None
    indicator: str | None = None


@dataclass
class Compare:
    first: Operand
    rest: list[tuple[str, Operand]]


@dataclass
class Logic:
    op: str  # "and", "or", "not"
    args: list[Node]


Node: TypeAlias = "Compare | Logic"  # a parsed query: a comparison or a logical combination


class Parser:
    """Recursive descent: or → and → not → primary → comparison."""

    def __init__(self, text: str, names: Names) -> None:
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(
                msg("q_err_too_long", n=len(text), max=MAX_QUERY_CHARS), MAX_QUERY_CHARS, text[:MAX_QUERY_CHARS]
            )
        self.text, self.names = text, names
        self.toks = tokenize(text, names)
        self.i = 0
        self.depth = 0

    def _deeper(self) -> None:
        """Count one more level of brackets or 'nicht'; refuse beyond :data:`MAX_DEPTH`."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(msg("q_err_too_deep", max=MAX_DEPTH))

    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def fail(self, message: str | Message, tok: Token | None = None) -> QueryError:
        return QueryError(message, (tok or self.tok).pos, self.text)

    def parse(self) -> Node:
        if self.tok.kind == "END":
            raise self.fail(msg("q_err_empty"))
        node = self.parse_or()
        if self.tok.kind != "END":
            if self.tok.kind == "RP":
                raise self.fail(msg("q_err_unmatched_close"))
            raise self.fail(msg("q_err_missing_and_or", token=self.tok.text))
        return node

    def parse_or(self) -> Node:
        args = [self.parse_and()]
        while self.tok.kind == "OR":
            self.i += 1
            args.append(self.parse_and())
        return args[0] if len(args) == 1 else Logic("or", args)

    def parse_and(self) -> Node:
        args = [self.parse_not()]
        while self.tok.kind == "AND":
            self.i += 1
            args.append(self.parse_not())
        return args[0] if len(args) == 1 else Logic("and", args)

    def parse_not(self) -> Node:
        if self.tok.kind == "NOT":
            self.i += 1
            self._deeper()
            node = Logic("not", [self.parse_not()])
            self.depth -= 1
            return node
        return self.parse_primary()

    def parse_primary(self) -> Node:
        if self.tok.kind == "LP":
            open_tok = self.tok
            self.i += 1
            self._deeper()
            node = self.parse_or()
            if self.tok.kind != "RP":
                raise self.fail(msg("q_err_missing_close", pos=open_tok.pos + 1))
            self.i += 1
            self.depth -= 1
            return node
        return self.parse_compare()

    def parse_operand(self) -> Operand:
        start = self.tok
        if start.kind == "NAME":
            self.i += 1
            return Operand(start.text, start.pos, indicator=cast(str, start.value))
        parts = []
        while self.tok.kind in ("WORD", "NUM"):
            parts.append(self.tok)
            self.i += 1
        if not parts:
            what = msg("q_err_the_end") if start.kind == "END" else f"'{start.text}'"
            raise self.fail(msg("q_err_operand_expected", found=what), start)
        phrase = self.text[parts[0].pos : parts[-1].end]
        if (
            len(parts) == 1
            and parts[0].kind == "NUM"
            or len(parts) == 2
            and parts[0].kind == "NUM"
            and parts[1].text == "%"
        ):
            return Operand(phrase, start.pos, number=cast(float, parts[0].value))
        try:
            return Operand(phrase, start.pos, indicator=self.names.resolve(phrase, start.pos, self.text))
        except QueryError:
            if parts[0].kind != "NUM":
                raise
            raise self.fail(msg("q_err_after_number", token=parts[1].text, number=parts[0].text), parts[1]) from None

    def parse_compare(self) -> Compare:
        first = self.parse_operand()
        rest: list[tuple[str, Operand]] = []
        while self.tok.kind == "OP" and len(rest) < 2:
            op = cast(str, self.tok.value)
            self.i += 1
            rest.append((op, self.parse_operand()))
        if not rest:
            raise self.fail(msg("q_err_no_comparison", operand=first.text))
        if self.tok.kind == "OP":
            raise self.fail(msg("q_err_too_many_comparisons"))
        ops = [first, *(o for _, o in rest)]
        if not any(o.indicator for o in ops):
            raise QueryError(msg("q_err_no_indicator_in_comparison"), first.pos, self.text)
        return Compare(first, rest)


def parse(text: str, catalogue: Mapping[str, Indicator], available: set[str] | None = None) -> Node:
    """Parse a query into a syntax tree (raises :class:`QueryError`)."""
    return Parser(text, Names(catalogue, available)).parse()
