"""The audit page as an admin reads it: local times, named actions, readable details, never "None"."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.audit_view import accounts_table, audit_table, details_text, local_time
from indicators.wording.voice import GERMAN, Voice


def test_utc_times_are_shown_in_local_time(monkeypatch):
    monkeypatch.delenv("SOZIALMONITOR_TZ", raising=False)
    assert local_time("2026-12-07T02:48:00", voice=GERMAN) == "07.12.2026 03:48"  # Berlin in winter: UTC+1
    assert local_time("2026-07-01T10:00:00+00:00", voice=Voice.of("en")) == "2026-07-01 12:00"  # summer: UTC+2
    assert local_time(None) == "–"


def test_actions_are_named_and_details_are_readable():
    entries = [
        {
            "time": "2026-12-07T02:48:00",
            "user": "anna",
            "action": "login_success",
            "object": None,
            "details": {"source": "local", "reason": None},
        }
    ]
    de, en = audit_table(entries, voice=GERMAN), audit_table(entries, voice=Voice.of("en"))
    assert de.loc[0, "action"] == "Anmeldung" and en.loc[0, "action"] == "Sign-in"
    assert de.loc[0, "details"] == "Herkunft: lokal" and en.loc[0, "details"] == "source: local"
    text = de.to_string() + en.to_string()
    assert "None" not in text and "{" not in text and "login_success" not in text and "T02:48" not in text


@settings(max_examples=50, deadline=None)
@given(
    details=st.dictionaries(
        st.sampled_from(["source", "role", "count", "x"]),
        st.one_of(st.none(), st.text("abcäöü ", max_size=5), st.integers(), st.lists(st.integers(), max_size=3)),
        max_size=4,
    )
)
def test_details_never_show_a_dict_or_none(details):
    text = details_text(details, voice=GERMAN)
    assert "None" not in text and "{" not in text and "[" not in text


def test_accounts_without_a_login_say_dash_not_none():
    table = accounts_table(
        [
            {
                "name": "bob",
                "role": "viewer",
                "source": "local",
                "last_login": None,
                "locked_until": dt.datetime(2026, 12, 7, 2, 0),
            }
        ],
        voice=GERMAN,
    )
    assert table.loc[0, "last_login"] == "–" and table.loc[0, "locked_until"] == "07.12.2026 03:00"
    assert "None" not in table.to_string()
