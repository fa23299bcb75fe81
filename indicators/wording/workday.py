"""Wording: the state of a view across clicks (fallback notes) and the planning cycle forms
(goals, partners, trash, undo) of issue 24. Entries are ``key: (German, English)``.
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    'state_fallback': ('„{label}“: die bisherige Wahl gibt es hier nicht – gezeigt wird {value}.',
                       '“{label}”: the previous choice does not exist here – showing {value}.'),
    'state_fallback_multi': ('„{label}“: keine der bisher gewählten Angaben gibt es hier – '
                             'gezeigt wird die Voreinstellung.',
                             '“{label}”: none of the previous choices exists here – showing the default.'),
}
