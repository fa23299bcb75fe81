"""Wording: Messages of expected errors (German first; shown to users). Entries are ``key: (German, English)``."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "err_file_too_large": ("{name}: Datei größer als {mb} MB", "{name}: file larger than {mb} MB"),
}
