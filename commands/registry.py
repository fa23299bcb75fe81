"""How a subcommand of ``cli.py`` is declared, and the language it speaks.

A command module declares each subcommand with :func:`command` (name, help, arguments
made by :func:`arg`); importing :mod:`commands` fills :data:`COMMANDS` in the order of
``cli.py --help``. Handlers import their libraries only when called, so ``cli.py`` starts
fast. Every text comes from the wording table (:func:`say`), in the language of
``SOZIALMONITOR_LANG`` (``de`` by default, ``en``).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import NamedTuple

from indicators.errors import SozialmonitorError
from indicators.wording import t
from indicators.wording.voice import Voice

Handler = Callable[[argparse.Namespace], int]


class Command(NamedTuple):
    """One subcommand: ``cli.py NAME`` with its help, arguments and handler.

    With ``extra``, unknown options are passed on in ``args.extra`` instead of refused.
    """

    name: str
    help: str
    args: tuple
    handler: Handler
    extra: bool = False


COMMANDS: list[Command] = []


class UserError(SozialmonitorError):
    """A problem with the user's input found by a command itself: printed as a message, exit code 1."""


def cli_lang() -> str:
    """The command line's language: ``SOZIALMONITOR_LANG`` (``de`` or ``en``), German by default."""
    return "en" if os.environ.get("SOZIALMONITOR_LANG", "").lower().startswith("en") else "de"


def voice() -> Voice:
    """The command line's :class:`~indicators.wording.voice.Voice`: made here, handed to what renders."""
    return Voice.of(cli_lang())


def say(key: str, **fmt: object) -> str:
    """The wording table's text for ``key`` in the command line's language."""
    return t(key, cli_lang(), **fmt)


def arg(*flags: str, **kw) -> tuple:
    """One argument of a subcommand: ``parser.add_argument(*flags, **kw)``; ``help`` is a wording key."""
    if "help" in kw:
        kw["help"] = say(kw["help"])
    return flags, kw


def command(name: str, help_key: str, *args: tuple, extra: bool = False) -> Callable[[Handler], Handler]:
    """Register the decorated handler as subcommand ``name``; ``help_key`` is its wording key."""

    def register(func: Handler) -> Handler:
        COMMANDS.append(Command(name, say(help_key), args, func, extra))
        return func

    return register
