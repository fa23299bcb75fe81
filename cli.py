"""Command line front door of the Sozialmonitor Lübeck: subcommands call the app's functions and print.

The subcommands live in :mod:`commands` (one module per theme, registered on import);
each parses its arguments, calls the same functions in ``geo/`` and ``indicators/`` that
the app calls, and prints texts from the wording table. Bad input ends as one clear
message on stderr (in the command line's language) and exit code 1: usage errors (:mod:`commands.usage`) and expected
errors (subclasses of :class:`indicators.errors.SozialmonitorError`) are mapped once, in
:func:`main`. Anything else is a bug: logged with its traceback, exit code 2.
``SOZIALMONITOR_LANG=en`` switches the command line to English.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from commands import COMMANDS, ops
from commands.registry import UserError, arg, command, say, voice
from commands.usage import GermanParser
from indicators.errors import SozialmonitorError, error_text

__all__ = ["UserError", "build_parser", "main"]

# The numeric stack creates ~1 M objects: a higher GC threshold starts a command ~0.3 s sooner (bench P4).
PYTHON_GC, GC_THRESHOLD = gc.get_threshold(), (50_000, 20, 20)


@command("serve", "cli_h_serve", arg("--port", type=int, default=8501, help="cli_a_port"), extra=True)
def _cmd_serve(args: argparse.Namespace) -> int:
    """Start Streamlit on ``app.py`` (the one command that imports Streamlit: not a library module)."""
    from streamlit.web import cli as streamlit_cli

    from commands.serve import server_options
    from ui import warmup

    options = server_options(args.extra)  # auth none: 127.0.0.1 only; the upload cap; upgrades the database
    gc.set_threshold(*PYTHON_GC)  # a long-running server collects cyclic garbage (figures) promptly
    warmup.start(gc_threshold=GC_THRESHOLD)  # runs while the browser loads the front end
    app = Path(__file__).resolve().parent / "app.py"
    return streamlit_cli.main(["run", str(app), "--server.port", str(args.port), *options], prog_name="streamlit")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every registered subcommand (usage errors in the command line's language)."""
    parser = GermanParser(prog="cli.py", description=say("cli_description"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=GermanParser)
    for cmd in COMMANDS:
        p = sub.add_parser(cmd.name, help=cmd.help)
        for flags, kw in cmd.args:
            p.add_argument(*flags, **kw)
        p.set_defaults(func=cmd.handler, takes_extra=cmd.extra)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; return its exit code (0 ok, 1 bad input, 2 a bug)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    args.extra = extra
    if args.extra and not args.takes_extra:
        parser.error(say("cli_unknown_args", args=" ".join(args.extra)))
    gc.set_threshold(*GC_THRESHOLD)
    ops.configure_logging()  # SOZIALMONITOR_LOG_FORMAT=json: one JSON object per line (servers)
    try:
        return args.func(args)
    except SozialmonitorError as exc:  # expected: the message (a wording key) says what and where
        message = error_text(exc, voice=voice())
    except OSError as exc:  # a file of the user's that cannot be read (missing, no permission)
        message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    except Exception:  # a bug: keep the traceback for the log, tell the user briefly
        logging.getLogger("sozialmonitor.cli").exception("interner Fehler in 'cli.py %s'", args.command)
        print(say("cli_internal_error"), file=sys.stderr)
        return 2
    print(say("cli_error", message=message), file=sys.stderr)
    return 1


if __name__ == "__main__":
    code = main()
    gc.freeze()  # no garbage worth collecting is left: skip the full collection at exit (~0.25 s)
    sys.exit(code)
