"""Texts of the trust boundary: sessions that end, database failures at the login, the audit chain."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "session_ended": (
        "Ihre Sitzung wurde beendet (abgemeldet, Rolle oder Passwort geändert): bitte erneut anmelden.",
        "Your session has ended (logged out, role or password changed): please log in again.",
    ),
    "login_db_failure": (
        "Die Anmeldung ist gerade nicht möglich: {message}",
        "Logging in is not possible right now: {message}",
    ),
    "cli_a_audit_verify": (
        "die Verkettung des Protokolls prüfen (nennt den ersten veränderten Eintrag)",
        "check the chain of the log (names the first altered entry)",
    ),
    "cli_m_audit_ok": (
        "Protokoll geprüft: alle {n} Einträge sind unverändert verkettet.",
        "Audit log checked: all {n} entries verify.",
    ),
    "cli_e_audit_broken": (
        "Protokoll verändert: Eintrag {id} ist der erste, der nicht passt ({why}); {n} Einträge bis dahin geprüft",
        "audit log altered: entry {id} is the first that does not verify ({why}); {n} entries checked up to it",
    ),
}
