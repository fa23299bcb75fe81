"""``cli.py users`` and ``cli.py audit``: run on the server's shell, acting as its operator (admin)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from commands.registry import say, voice
from commands.session import engine, read_password
from indicators.text import clean
from store import audit, users
from store.errors import StoreError


def _need(args: argparse.Namespace, *fields: str) -> None:
    for f in fields:
        if not getattr(args, f):
            raise StoreError(say("cli_e_users_need", action=args.action, what="NAME" if f == "name" else "--" + f))


def run_users(args: argparse.Namespace) -> int:
    """users add|list|remove|set-role|reset-password."""
    op, actor = args.action, users.system_user()
    if op == "list":
        rows = users.list_users(engine(), actor)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "name": a.name,
                            "role": a.role,
                            "source": a.source,
                            "locked_until": a.locked_until.isoformat() if a.locked_until else None,
                        }
                        for a in rows
                    ],
                    ensure_ascii=False,
                )
            )
        for a in [] if args.json else rows:
            lock = "\t" + say("cli_m_locked_until", until=f"{a.locked_until:%d.%m.%Y %H:%M}") if a.locked_until else ""
            print(f"{a.name}\t{a.role}\t{a.source}{lock}")
        return 0
    _need(args, "name")
    if op == "add":
        _need(args, "role")
        users.add_user(engine(), actor, args.name, args.role, read_password(confirm=True))
        print(say("cli_m_user_added", name=args.name, role=args.role))
    elif op == "remove":
        users.remove_user(engine(), actor, args.name)
        print(say("cli_m_user_removed", name=args.name))
    elif op == "set-role":
        _need(args, "role")
        users.set_role(engine(), actor, args.name, args.role)
        print(say("cli_m_user_role", name=args.name, role=args.role))
    else:
        users.reset_password(engine(), actor, args.name, read_password(say("cli_p_new_password"), confirm=True))
        print(say("cli_m_user_reset", name=args.name))
    return 0


def parse_since(text: str | None) -> dt.datetime | None:
    """``JJJJ-MM-TT`` or an ISO 8601 time (UTC if no zone given)."""
    if not text:
        return None
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        raise StoreError(say("cli_e_since", text=text)) from None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def run_audit(args: argparse.Namespace) -> int:
    """audit [--since DATE] [--action A] [--user U] [--json] | audit --verify."""
    if getattr(args, "verify", False):
        result = audit.verify(engine(), users.system_user())
        if result.first_broken is not None:
            raise StoreError(
                say("cli_e_audit_broken", id=result.first_broken, why=voice().text(result.why), n=result.count)
            )
        print(say("cli_m_audit_ok", n=result.count))
        return 0
    rows = audit.entries(
        engine(), users.system_user(), since=parse_since(args.since), action=args.action, user=args.user
    )
    if args.json:
        print(json.dumps([e.to_json_dict() for e in rows], ensure_ascii=False, indent=1))
        return 0
    for e in rows:
        details = clean(json.dumps(e.details, ensure_ascii=False)) if e.details else ""
        print(f"{e.time:%Y-%m-%d %H:%M:%S}\t{clean(e.user)}\t{e.action}\t{clean(e.object)}\t{details}".rstrip())
    return 0
