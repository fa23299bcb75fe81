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
    s = _CONTROL.sub("", str(text))
    if max_len is not None and len(s) > max_len:
        s = s[: max(max_len - 1, 0)] + "…"
    return html.escape(s, quote=True)


def esc_attr(text: object) -> str:
    """Escape for an HTML attribute value; also removes line breaks."""
    return esc(text).replace("\n", " ").replace("\r", " ")


def plain(text: object) -> str:
    """Text for a terminal or log: control characters replaced by '?'."""
    if text is None:
        return ""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", "?", str(text))

def fold(text: str) -> str:
    """Lower-case, umlauts and ß spelled out, other accents removed."""
    text = str(text).strip().lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))
