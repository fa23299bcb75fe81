"""Wording: login, roles, administration, audit log (ui/auth.py, ui/pages/admin.py, upload page).

Entries are ``key: (German, English)``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "page_admin": ("Verwaltung", "Administration"),
    "login_title": ("Anmelden", "Log in"),
    "login_user": ("Benutzername", "User name"),
    "login_password": ("Passwort", "Password"),
    "login_button": ("Anmelden", "Log in"),
    "login_oidc": ("Mit dem Konto der Stadt anmelden", "Log in with the city account"),
    "login_oidc_not_configured": (
        "Anmeldung über OpenID Connect nicht eingerichtet: [auth] in .streamlit/secrets.toml prüfen (README, Abschnitt Access)",
        "Login via OpenID Connect is not set up: check [auth] in .streamlit/secrets.toml (README, section Access)",
    ),
    "logout_button": ("Abmelden", "Log out"),
    "logged_in_as": ("Angemeldet als", "Logged in as"),
    "login_required": (
        "Bitte melden Sie sich an, um den Sozialmonitor zu nutzen.",
        "Please log in to use the social monitor.",
    ),
    "session_expired": (
        "Ihre Sitzung ist abgelaufen: bitte erneut anmelden.",
        "Your session has expired: please log in again.",
    ),
    "no_upload_right": (
        "Daten laden dürfen nur angemeldete Personen mit der Rolle Planung oder Verwaltung.",
        "Only logged-in users with the planner or admin role may load data.",
    ),
    "remove_confirm": (
        "Wirklich entfernen? Der Datensatz kommt in den Papierkorb (30 Tage wiederherstellbar).",
        "Really remove? The dataset goes to the trash (restorable for 30 days).",
    ),
    "remove_yes": ("Ja, entfernen", "Yes, remove"),
    "remove_no": ("Abbrechen", "Cancel"),
    "remove_button": ("Entfernen", "Remove"),
    "publish_button": ("Veröffentlichen", "Publish"),
    "unpublish_button": ("Zurückziehen (intern)", "Withdraw (internal)"),
    "restore_button": ("Wiederherstellen", "Restore"),
    "trash_title": ("Papierkorb", "Trash"),
    "trash_empty": ("Der Papierkorb ist leer.", "The trash is empty."),
    "audit_title": ("Protokoll", "Audit log"),
    "audit_since": ("Seit", "Since"),
    "audit_action": ("Aktion", "Action"),
    "audit_user": ("Benutzer", "User"),
    "users_title": ("Benutzer", "Users"),
    "visibility_public": ("öffentlich", "public"),
    "visibility_internal": ("intern", "internal"),
}
