"""The one base class of expected errors; their message is a wording key, rendered at the front door.

Everything a user can cause — a bad file, an unknown geography, a query that
does not parse — raises a subclass of :class:`SozialmonitorError`. Front doors
(``cli.py``, the app) show such errors as a message in the user's language with
:func:`error_text`; any other exception is a bug and is logged with its traceback.

A new raise site passes a :class:`~indicators.wording.message.Message` (a key of the
wording table, :mod:`indicators.wording.errors`, and its parameters)::

    raise InputError(msg("err_no_map_format", name=path.name, suffix=suffix))

``str(exc)`` stays German (backwards compatible); ``exc.localized(voice=Voice.of("en"))`` is English.
Older raise sites still pass a German string; they are shown as is in both languages.

Subclasses that existing callers catch as ``ValueError`` or ``KeyError`` derive
from those too (:class:`InputError`, :class:`UnknownGeography`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from indicators.wording.message import Message, Pair, msg
from indicators.wording.voice import GERMAN, Voice

__all__ = ["InputError", "SozialmonitorError", "UnknownGeography", "error_message", "error_text", "msg", "rendered"]


class SozialmonitorError(Exception):
    """An expected error: the message says what is wrong and where.

    Parameters
    ----------
    message
        What is wrong: a :class:`~indicators.wording.message.Message` (a wording key with
        parameters, rendered in the reader's language) or, in older code, a German string.
    file, row, column
        Optional place of the problem; shown before the message.
    """

    def __init__(
        self,
        message: str | Message,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(str(message))
        self.say: Message | None = message if isinstance(message, Message) else None
        self.message = str(message)
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column

    def where_text(self, *, voice: Voice = GERMAN) -> str:
        """``Datei x, Zeile 3, Spalte y`` / ``file x, row 3, column y`` (only the known parts)."""
        parts = []
        if self.file:
            parts.append(voice.t("err_where_file", file=self.file))
        if self.row is not None:
            parts.append(voice.t("err_where_row", row=self.row))
        if self.column:
            parts.append(voice.t("err_where_column", column=self.column))
        return ", ".join(parts)

    @property
    def where(self) -> str:
        """``Datei x, Zeile 3, Spalte y`` (German; only the parts that are known)."""
        return self.where_text()

    def localized(self, *, voice: Voice = GERMAN) -> str:
        """The whole message (place first) in the voice's language; German for older, string-only raise sites."""
        body = voice.text(self.say) if self.say is not None else (str(self.args[0]) if self.args else self.message)
        where = self.where_text(voice=voice)
        return f"{where}: {body}" if where else body

    def __str__(self) -> str:  # also for KeyError subclasses, which would quote the message
        return self.localized()


class InputError(SozialmonitorError, ValueError):
    """Bad input or options (file content, format, year, class count …)."""


class UnknownGeography(SozialmonitorError, KeyError):
    """No shipped or saved geography has this id."""


def error_text(exc: BaseException, *, voice: Voice = GERMAN) -> str:
    """What a front door shows for ``exc``: an expected error in the reader's language, anything else as ``str``.

    Parameters
    ----------
    exc : BaseException
        The caught exception.
    voice : Voice
        The reader's language (``Voice.of("en")`` for English).
    """
    if isinstance(exc, SozialmonitorError):
        return exc.localized(voice=voice)
    if isinstance(exc, KeyError) and exc.args:
        return voice.text(exc.args[0])
    return voice.text(exc.args[0]) if len(exc.args) == 1 and isinstance(exc.args[0], Message) else str(exc)


def error_message(exc: BaseException) -> Message:
    """A caught error as a :class:`Message` in both languages, to pass on in a new error or a finding.

    ``raise UploadError(error_message(exc)) from None`` keeps the English text of ``exc`` for English
    readers (``str(exc)`` would pass on German only).
    """

    def text(*, voice: Voice) -> str:
        return error_text(exc, voice=voice)

    return rendered(text)


class Renders(Protocol):
    """A function that renders a text with a reader's voice (``report.to_text``, ``report.summary``)."""

    def __call__(self, *, voice: Voice) -> str: ...


def rendered(text_in: Renders) -> Message:
    """A text that a function renders per voice (e.g. ``report.to_text``) as a :class:`Message`.

    ``raise NetworkError(rendered(report.to_text))`` shows a file check's report in the reader's language.
    """
    return msg("err_as_is", text=Pair(text_in(voice=GERMAN), text_in(voice=Voice.of("en"))))
