"""Wording: Command line messages. Entries are ``key: (German, English)``."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cli_error": ("Fehler: {message}", "Error: {message}"),
    "cli_mss_assessed": ("{n} von {total} Gebieten bewertet -> {out}", "{n} of {total} areas assessed -> {out}"),
    "cli_mss_status": ("Status: {counts}", "Status: {counts}"),
    "cli_svi_written": (
        "{n} Gebiete -> {out}; F_TOTAL > 0 bei {flagged}",
        "{n} areas -> {out}; F_TOTAL > 0 for {flagged}",
    ),
    "cli_maps_written": (
        "{n} Karten in {out} (Index: index.csv, index.md)",
        "{n} maps in {out} (index: index.csv, index.md)",
    ),
    "cli_skipped": ("ausgelassen: {indicator}: {status}", "skipped: {indicator}: {status}"),
}
