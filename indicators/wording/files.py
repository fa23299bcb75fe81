"""Wording: the file gate (uploads checked in the fenced child, planning imports). Entries are ``key: (German, English)``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "no_file_check_right": (
        "Dateien hochladen und auswerten dürfen nur angemeldete Personen; bitte anmelden.",
        "Only logged-in users may upload and analyse files; please log in.",
    ),
    "plan_col_kennung": ("Eigene Nummer", "Own number"),
    "file_checks_busy": (
        "Andere Upload-Prüfungen laufen gerade; diese Prüfung wartet auf einen freien Platz …",
        "Other upload checks are running; this check waits for a free slot …",
    ),
}
