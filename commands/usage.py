"""German argparse for ``cli.py``: usage errors as ``Fehler: …`` with exit code 1, like every other error.

argparse writes its own messages in English and exits with 2; :class:`GermanParser`
translates the common ones and exits with 1, so a script that calls the command line
sees one convention for every kind of bad input.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from commands.registry import cli_lang, say

# argparse's message patterns (CPython 3.11-3.13) → German
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.+)", r"diese Angaben fehlen: \1"),
    (r"argument (\S+): invalid choice: '?([^']*?)'? \(choose from (.+)\)", r"\1: ungültige Auswahl '\2' (erlaubt: \3)"),
    (r"argument (\S+): invalid int value: '(.*)'", r"\1: '\2' ist keine ganze Zahl"),
    (r"argument (\S+): invalid float value: '(.*)'", r"\1: '\2' ist keine Zahl"),
    (r"argument (\S+): expected one argument", r"\1: hier fehlt der Wert"),
    (r"argument (\S+): ignored explicit argument '(.*)'", r"\1: unerwarteter Wert '\2'"),
    (r"unrecognized arguments: (.+)", r"unbekannte Argumente: \1"),
    (r"ambiguous option: (\S+) could match (.+)", r"mehrdeutige Option \1 (möglich: \2)"),
)


def german_message(message: str) -> str:
    """An argparse error message in German (unknown ones are passed through; English mode keeps argparse's)."""
    if cli_lang() == "en":
        return message
    message = message.replace("argument command:", "argument Befehl:")
    for pattern, repl in _PATTERNS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, repl, message).replace("'", "")
    return message


class GermanHelp(argparse.HelpFormatter):
    """argparse's help layout with the usage line in the command line's language ("Aufruf: …")."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else say("cli_usage_prefix"))


class GermanParser(argparse.ArgumentParser):
    """ArgumentParser whose help and usage errors speak the command line's language; errors end with exit code 1.

    argparse's own words ("usage", "positional arguments", "options", "show this help message
    and exit") come from the wording table, so ``cli.py map --help`` reads "Aufruf / Argumente /
    Optionen" in German.
    """

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelp)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = say("cli_positionals")
        self._optionals.title = say("cli_optionals")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=say("cli_help_help"))

    def error(self, message: str) -> NoReturn:
        print(say("cli_usage_error", message=german_message(message), prog=self.prog), file=sys.stderr)
        sys.exit(1)
