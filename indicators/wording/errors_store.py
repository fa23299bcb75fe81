"""Wording: Messages of expected errors of the store (datasets, users, backup) and of a few
computations (area profile, area comparison, grid commands, print map). Entries are
``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # store/datasets.py
    "err_ds_not_found_or_private": (
        "Datensatz '{name}' gibt es nicht (oder er ist nicht freigegeben)",
        "Data set '{name}' does not exist (or is not shared)",
    ),
    "err_ds_in_trash": (
        "Datensatz '{name}' liegt im Papierkorb: ein Admin kann ihn wiederherstellen; "
        "bitte sonst einen anderen Namen wählen",
        "Data set '{name}' is in the trash: an admin can restore it; otherwise please choose another name",
    ),
    "err_ds_exists": ("Datensatz '{name}' gibt es schon", "Data set '{name}' exists already"),
    "err_ds_saved_elsewhere": (
        "Datensatz '{name}' wurde gerade von anderer Seite gespeichert: bitte erneut versuchen",
        "Data set '{name}' was just saved elsewhere: please try again",
    ),
    "err_ds_not_found": ("Datensatz '{name}' gibt es nicht", "Data set '{name}' does not exist"),
    "err_ds_gone": ("Datensatz '{name}' gibt es nicht mehr", "Data set '{name}' no longer exists"),
    "err_ds_not_based_on": (
        "Datensatz '{name}' beruht nicht auf '{source}'",
        "Data set '{name}' is not based on '{source}'",
    ),
    "err_ds_not_in_trash": ("Datensatz '{name}' ist nicht im Papierkorb", "Data set '{name}' is not in the trash"),
    "err_ds_trash_expired": (
        "Datensatz '{name}' liegt länger als {days} Tage im Papierkorb und kann nicht mehr wiederhergestellt werden",
        "Data set '{name}' has been in the trash for more than {days} days and can no longer be restored",
    ),
    "err_ds_not_a_copy": (
        "Datensatz '{name}' ist keine Kopie eines anderen Datensatzes",
        "Data set '{name}' is not a copy of another data set",
    ),
    # store/users.py
    "err_password_short": ("Passwort zu kurz: mindestens {n} Zeichen", "Password too short: at least {n} characters"),
    "err_user_not_found": ("Benutzer '{name}' gibt es nicht", "User '{name}' does not exist"),
    "err_user_exists": ("Benutzer '{name}' gibt es schon", "User '{name}' exists already"),
    "err_user_local_race": (
        "Benutzer '{name}' kann nicht angelegt werden (gleichzeitige Zugriffe)",
        "User '{name}' cannot be created (concurrent access)",
    ),
    "err_user_login_race": (
        "Benutzer '{name}' kann nicht angelegt werden (gleichzeitige Anmeldungen)",
        "User '{name}' cannot be created (concurrent logins)",
    ),
    "err_login_hidden_chars": (
        "Anmeldung von '{name}' abgelehnt: der Name enthält Steuer-, Richtungs- oder unsichtbare Zeichen",
        "Login of '{name}' refused: the name contains control, direction or invisible characters",
    ),
    "err_login_no_role": (
        "Anmeldung von '{name}' abgelehnt: keine Rolle für den Anspruch '{claim}' zugeordnet "
        "(SOZIALMONITOR_OIDC_ROLES)",
        "Login of '{name}' refused: no role mapped for the claim '{claim}' (SOZIALMONITOR_OIDC_ROLES)",
    ),
    # store/backup.py
    "err_backup_backend": (
        "Sicherung von {source}, Installation auf {target}: "
        "bitte in eine Installation mit derselben Datenbank zurückspielen",
        "Backup from {source}, installation on {target}: please restore into an installation with the same database",
    ),
    # geo/report/profile.py, indicators/compute/compare.py, geo/printmap/render.py
    "err_profile_unknown_area": (
        "Gebiet '{code}' gibt es in {geography} nicht",
        "Area '{code}' does not exist in {geography}",
    ),
    "err_profile_no_year": (
        "kein Jahr {year} in den Daten (vorhanden: {first}–{last})",
        "no year {year} in the data (available: {first}–{last})",
    ),
    "err_compare_unknown_areas": (
        "Unbekannte Gebiete im Vergleich: {codes}.",
        "Unknown areas in the comparison: {codes}.",
    ),
    "err_compare_count": (
        "Für den Vergleich bitte {min} bis {max} Gebiete wählen (gewählt: {n}).",
        "Please choose {min} to {max} areas for the comparison (chosen: {n}).",
    ),
    "err_manual_needs_breaks": (
        "Klassifizierung 'manual' braucht Klassengrenzen",
        "Classification 'manual' needs class breaks",
    ),
    "err_unknown_role": (
        "unbekannte Rolle {role}: erlaubt sind {allowed}",
        "unknown role {role}: allowed are {allowed}",
    ),
    "err_bad_user_name": (
        "ungültiger Benutzername {name}: Buchstaben, Ziffern, . _ @ - (höchstens 64 Zeichen)",
        "invalid user name {name}: letters, digits, . _ @ - (at most 64 characters)",
    ),
    "err_unknown_visibility": (
        "unbekannte Sichtbarkeit {visibility}: erlaubt sind {allowed}",
        "unknown visibility {visibility}: allowed are {allowed}",
    ),
    "err_ds_name_like_shipped": (
        "Name '{text}' gleicht einer mitgelieferten Geografie: bitte einen anderen Namen "
        "wählen, der nicht mit amtlichen Daten verwechselt werden kann",
        "Name '{text}' resembles a shipped geography: please choose another name that "
        "cannot be mistaken for official data",
    ),
    "err_ds_label_like_shipped": (
        "Bezeichnung '{text}' gleicht einer mitgelieferten Geografie: bitte einen anderen "
        "Namen wählen, der nicht mit amtlichen Daten verwechselt werden kann",
        "Label '{text}' resembles a shipped geography: please choose another name that "
        "cannot be mistaken for official data",
    ),
    # indicators/catalogue.py (the indicator catalogue file)
    "err_cat_missing_fields": (
        "Indikator {id}: Feld(er) fehlen: {fields}",
        "Indicator {id}: field(s) missing: {fields}",
    ),
    "err_cat_unknown_kind": (
        "Indikator {id}: unbekannte Art '{kind}' (erlaubt: {allowed})",
        "Indicator {id}: unknown kind '{kind}' (allowed: {allowed})",
    ),
    "err_cat_unknown_direction": (
        "Indikator {id}: unbekannte Richtung '{direction}'",
        "Indicator {id}: unknown direction '{direction}'",
    ),
    "err_cat_rate_parts": (
        "Indikator {id}: eine Quote braucht Zähler und Nenner",
        "Indicator {id}: a rate needs a numerator and a denominator",
    ),
    "err_cat_change_one": (
        "Indikator {id}: eine Veränderung braucht genau eine Variable",
        "Indicator {id}: a change needs exactly one variable",
    ),
    "err_cat_twice": ("Indikator {id} ist doppelt im Katalog", "Indicator {id} is in the catalogue twice"),
}
