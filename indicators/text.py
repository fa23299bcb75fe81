"""User-provided text: escape it before it reaches HTML, fold it for matching.

Area names, indicator labels, sources and column names come from files that
users load. Every place that builds HTML (map tooltips, legend, tables,
profiles, exports) passes such text through :func:`esc`, the single helper for
this, so a name like ``<script>…`` is shown as text, never run.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# what spoofs a name without being seen: C0/C1 controls, and the Unicode "format" characters (category
# Cf: bidi overrides and isolates U+202A-202E/2066-2069, marks U+200E/200F/061C, zero-width space,
# joiners U+200B-200D, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD, ...)
_BREAKS = "\n\r\t"


def is_hidden(char: str) -> bool:
    """Whether a character is a control or an invisible format character (bidi, zero-width, BOM …)."""
    return unicodedata.category(char) in ("Cc", "Cf")


def has_hidden(text: object) -> bool:
    """Whether ``text`` contains a control, bidi-override or zero-width character (names with one are refused)."""
    return any(is_hidden(c) for c in str(text or ""))


def clean(text: object, *, keep_breaks: bool = False) -> str:
    """The one helper for shown names and labels: NFC-normalised, controls, bidi overrides and zero-width
    characters removed (line breaks and tabs kept only with ``keep_breaks``); None becomes ''."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = unicodedata.normalize("NFC", str(text))
    if s.isascii() and s.isprintable():
        return s
    kept = "".join(c for c in s if not is_hidden(c) or (keep_breaks and c in _BREAKS))
    return unicodedata.normalize("NFC", kept)  # again: a removed joiner may have kept two parts apart


def esc(text: object, max_len: int | None = None) -> str:
    """Return ``text`` as safe HTML text (quotes escaped, control characters removed).

    Parameters
    ----------
    text
        Any value; None and NaN become an empty string.
    max_len
        Optional cut (with "…") for labels that must stay short.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = clean(text, keep_breaks=True)
    if max_len is not None and len(s) > max_len:
        s = s[: max(max_len - 1, 0)] + "…"
    return html.escape(s, quote=True)


def esc_attr(text: object) -> str:
    """Escape for an HTML attribute value; also removes line breaks."""
    return esc(text).replace("\n", " ").replace("\r", " ")


# what can start emphasis, code, links, images, HTML, LaTeX, tables or strike-through
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|])")
# what starts a heading, quote, list or rule at the beginning of the text
_MD_BLOCK = re.compile(r"^(\s*)(\d*)([#>+=.)-])")
# GFM turns http://…, www.… and a@b.c into links even when escaped: a word joiner (U+2060,
# invisible) breaks the pattern
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|\bwww(?=\.)|(?=@)")
_WJ = "\u2060"


def md(text: object, max_len: int | None = None) -> str:
    """Return ``text`` as Markdown that renders literally: no links, images, LaTeX or headings.

    The single helper for user text (names, labels, sources, file names) on its
    way into ``st.markdown``, ``st.caption``, ``st.subheader``, ``st.info`` and
    widget labels. The characters of emphasis, code, links, images, HTML,
    LaTeX, tables and strike-through are backslash-escaped, as is a heading,
    quote or list marker at the start (so ``![b](http://…)`` shows as typed);
    ``http://``, ``www.`` and ``a@b`` are no autolinks (a word joiner is put in
    front of ``://``, after ``www`` and before ``@``); line breaks become spaces.

    Parameters
    ----------
    text
        Any value; None and NaN become an empty string.
    max_len
        Optional cut (with "…") before escaping.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = clean(str(text).replace("\r", " ").replace("\n", " "))
    if max_len is not None and len(s) > max_len:
        s = s[: max(max_len - 1, 0)] + "…"
    s = _AUTOLINK.sub(lambda m: m.group(0) + _WJ, s)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _MD_BLOCK.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), s, count=1)


def plain(text: object) -> str:
    """Text for a terminal or log: control characters replaced by '?'."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text))
    return "".join("?" if is_hidden(c) and c not in "\n\t" else c for c in s)


def fold(text: str) -> str:
    """Lower-case, umlauts and ß spelled out, other accents removed."""
    text = str(text).strip().lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))
