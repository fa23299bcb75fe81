"""Wording: Messages of expected errors of running an installation — database address and migration,
configuration variables, backups, the old registry, permissions, data set names, operations checks.
Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # store/db.py
    "err_db_bad_url": (
        "{var}: {where} ist keine gültige Datenbankadresse (z. B. sqlite:///pfad/sozialmonitor.db "
        "oder postgresql+psycopg://…): {kind}",
        "{var}: {where} is no valid database address (e.g. sqlite:///path/sozialmonitor.db "
        "or postgresql+psycopg://…): {kind}",
    ),
    "err_db_no_driver": (
        "{var}: für {where} ist der Datenbanktreiber '{driver}' nicht installiert",
        "{var}: the database driver '{driver}' for {where} is not installed",
    ),
    "err_db_folder": (
        "Datenbank {where}: Ordner kann nicht angelegt werden: {detail}",
        "Database {where}: the folder cannot be created: {detail}",
    ),
    "err_db_migrate": (
        "Datenbank {where} kann nicht aktualisiert werden: {kind}: {detail}",
        "Database {where} cannot be upgraded: {kind}: {detail}",
    ),
    "err_db_bad_address": ("(ungültige Adresse)", "(invalid address)"),
    "err_db_unusable": ("Datenbank {where} {why}", "Database {where} {why}"),
    "err_db_locked": (
        "ist gerade von einem anderen Vorgang gesperrt; bitte in einigen Sekunden erneut versuchen",
        "is locked by another operation right now; please try again in a few seconds",
    ),
    "err_db_readonly": (
        "ist schreibgeschützt (Dateirechte oder Laufwerk prüfen)",
        "is read-only (check the file permissions or the drive)",
    ),
    "err_db_unreachable": ("ist nicht erreichbar ({var} prüfen)", "is not reachable (check {var})"),
    "err_db_failed": ("meldet einen Fehler ({kind})", "reports an error ({kind})"),
    "err_login_refused": (
        "Anmeldung fehlgeschlagen: Benutzername oder Passwort falsch, oder das Konto ist nach zu "
        "vielen Fehlversuchen vorübergehend gesperrt",
        "Login failed: wrong user name or password, or the account is locked for a while after "
        "too many failed attempts",
    ),
    # store/config.py
    "err_cfg_auth": (
        "{var}={mode} ist unbekannt: erlaubt sind {allowed}",
        "{var}={mode} is unknown: allowed are {allowed}",
    ),
    "err_cfg_not_int": ("{var}={raw} ist keine ganze Zahl", "{var}={raw} is no whole number"),
    "err_cfg_not_number": ("{var}={raw} ist keine Zahl", "{var}={raw} is no number"),
    # store/backup.py
    "err_backup_tool": (
        "{name} nicht gefunden: bitte das Debian-Paket postgresql-client installieren",
        "{name} not found: please install the Debian package postgresql-client",
    ),
    "err_backup_tool_failed": ("{tool} ist gescheitert: {detail}", "{tool} failed: {detail}"),
    "err_backup_not_ours": (
        "{path}: keine Sicherung des Sozialmonitors ({kind})",
        "{path}: no backup of the Sozialmonitor ({kind})",
    ),
    "err_backup_format": ("{path}: unbekanntes Sicherungsformat {format}", "{path}: unknown backup format {format}"),
    "err_backup_not_empty": (
        "Die Installation ist nicht leer ({busy}): Zurückspielen nur in eine frisch eingerichtete Installation",
        "The installation is not empty ({busy}): restore only into a freshly set up installation",
    ),
    "err_backup_users": ("Benutzer: {names}", "users: {names}"),
    "err_backup_folder_busy": (
        "{folder} ist nicht leer: Zurückspielen nur in eine leere Installation",
        "{folder} is not empty: restore only into an empty installation",
    ),
    # store/legacy.py
    "err_legacy_unreadable": (
        "{path}: alte Registry nicht lesbar ({detail})",
        "{path}: old registry not readable ({detail})",
    ),
    "err_legacy_format": (
        "{path}: alte Registry hat kein erwartetes Format (Zuordnung Name -> Angaben)",
        "{path}: the old registry has no expected format (mapping name -> details)",
    ),
    # store/permissions.py
    "err_perm_denied": ("{who} darf nicht {action}", "{who} may not {action}"),
    "err_perm_denied_what": ("{who} darf nicht {action} ({what})", "{who} may not {action} ({what})"),
    "err_perm_anonymous": ("Ohne Anmeldung", "Without login"),
    "err_perm_user": ("Benutzer '{name}' (Rolle {role})", "User '{name}' (role {role})"),
    "perm_role_none": ("anonym", "anonymous"),
    "perm_role_viewer": ("Lesen", "Read"),
    "perm_role_planner": ("Planung", "Planning"),
    "perm_role_admin": ("Verwaltung", "Administration"),
    "perm_read_public": ("öffentliche Daten lesen", "read public data"),
    "perm_read_internal": ("interne Daten lesen", "read internal data"),
    "perm_check_file": ("Dateien hochladen und auswerten", "upload and analyse files"),
    "perm_upload": ("Daten hochladen", "upload data"),
    "perm_replace": ("einen Datensatz ersetzen", "replace a data set"),
    "perm_remove": ("einen Datensatz entfernen", "remove a data set"),
    "perm_publish": ("Datensätze veröffentlichen", "publish data sets"),
    "perm_restore": ("Datensätze wiederherstellen", "restore data sets"),
    "perm_manage_users": ("Benutzer verwalten", "manage users"),
    "perm_read_audit": ("das Protokoll lesen", "read the audit log"),
    "perm_plan_read": ("die Planung lesen", "read the planning"),
    "perm_plan_edit": ("die Planung bearbeiten", "edit the planning"),
    "perm_plan_delete": ("Einträge der Planung löschen", "delete planning entries"),
    "perm_plan_fields": ("die Handlungsfelder ändern", "change the fields of action"),
    # geo/uploads/datastore.py
    "err_bad_name": (
        "ungültiger Name {text}: bitte Buchstaben oder Ziffern verwenden",
        "invalid name {text}: please use letters or digits",
    ),
    "err_label_too_long": (
        "{what} zu lang ({n} Zeichen, erlaubt {max})",
        "{what} too long ({n} characters, allowed {max})",
    ),
    "err_what_label_de": ("Bezeichnung", "Label"),
    "err_what_label_en": ("englische Bezeichnung", "English label"),
    "err_what_attribution": ("Quellenangabe", "Source"),
    # commands
    "err_grid_import_file": (
        "grid import braucht --file DATEI (auch mehrfach)",
        "grid import needs --file FILE (repeatable)",
    ),
    "err_grid_aggregate_grid": (
        "grid aggregate braucht --grid NAME (z. B. zensus2011-1km)",
        "grid aggregate needs --grid NAME (e.g. zensus2011-1km)",
    ),
    "err_http_status": ("{url}: HTTP {status}", "{url}: HTTP {status}"),
    "err_url_failed": ("{url}: {detail}", "{url}: {detail}"),
}
