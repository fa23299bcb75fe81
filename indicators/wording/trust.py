"""Texts of the trust boundary: sessions that end, database failures at the login, the audit chain."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    'session_ended': ('Ihre Sitzung wurde beendet (abgemeldet, Rolle oder Passwort geändert): bitte erneut anmelden.',
                      'Your session has ended (logged out, role or password changed): please log in again.'),
    'login_db_failure': ('Die Anmeldung ist gerade nicht möglich: {message}',
                         'Logging in is not possible right now: {message}'),
}
