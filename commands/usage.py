"""German argparse for ``cli.py``: usage errors as ``Fehler: …`` with exit code 1, like every other error.

argparse writes its own messages in English and exits with 2; :class:`GermanParser`
translates the common ones and exits with 1, so a script that calls the command line
sees one convention for every kind of bad input.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

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


class GermanParser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors are German and end with exit code 1."""

    def error(self, message: str) -> NoReturn:
        print(say("cli_usage_error", message=german_message(message), prog=self.prog), file=sys.stderr)
        sys.exit(1)
