"""The one base class of expected errors, with German messages.

Everything a user can cause — a bad file, an unknown geography, a query that
does not parse — raises a subclass of :class:`SozialmonitorError`. Front doors
(``cli.py``, the app) show such errors as a message; any other exception is a
bug and is logged with its traceback.

Subclasses that existing callers catch as ``ValueError`` or ``KeyError`` derive
from those too (:class:`InputError`, :class:`UnknownGeography`).
"""
from __future__ import annotations

from pathlib import Path


class SozialmonitorError(Exception):
    """An expected error: the message (German) says what is wrong and where.

    Parameters
    ----------
    message
        What is wrong, in German.
    file, row, column
        Optional place of the problem; shown before the message.
    """

    def __init__(self, message: str, *, file: str | Path | None = None, row: int | None = None,
                 column: str | None = None) -> None:
        super().__init__(message)
        self.message = str(message)
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column

    @property
    def where(self) -> str:
        """``Datei x, Zeile 3, Spalte y`` (only the parts that are known)."""
        parts = []
        if self.file:
            parts.append(f"Datei {self.file}")
        if self.row is not None:
            parts.append(f"Zeile {self.row}")
        if self.column:
            parts.append(f"Spalte {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:  # also for KeyError subclasses, which would quote the message
        text = str(self.args[0]) if self.args else self.message
        return f"{self.where}: {text}" if self.where else text


class InputError(SozialmonitorError, ValueError):
    """Bad input or options (file content, format, year, class count …)."""


class UnknownGeography(SozialmonitorError, KeyError):
    """No shipped or saved geography has this id."""


class UnknownIndicator(SozialmonitorError, KeyError):
    """The catalogue has no indicator of this id."""
