"""Wording: Messages of expected errors (German first; shown to users). Entries are ``key: (German, English)``."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {

}
