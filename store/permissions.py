"""Who may do what: the one place where roles meet actions.

anonymous  public datasets, read-only (only when ``SOZIALMONITOR_ANONYMOUS`` allows a visitor in at all);
           no file of theirs is opened at all (no upload, no facility or raster file to analyse)
viewer     + internal datasets, read-only; files to analyse (facilities, rasters), not stored
planner    + upload, replace and remove own datasets; create and edit the planning register
admin      + publish/unpublish, replace/remove any dataset, trash and restore, users, audit log;
           delete records of the planning register, edit its list of fields of action
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from store.errors import PermissionDenied

ROLE_LABELS = {None: "anonym", "viewer": "Lesen", "planner": "Planung", "admin": "Verwaltung"}
RANK = {None: 0, "viewer": 1, "planner": 2, "admin": 3}

# action -> (lowest role allowed, lowest role allowed for objects owned by someone else)
ACTIONS: dict[str, tuple[str | None, str | None]] = {
    "read_public": (None, None),
    "read_internal": ("viewer", "viewer"),
    "check_file": ("viewer", "viewer"),
    "upload": ("planner", "planner"),
    "replace": ("planner", "admin"),
    "remove": ("planner", "admin"),
    "publish": ("admin", "admin"),
    "restore": ("admin", "admin"),
    "manage_users": ("admin", "admin"),
    "read_audit": ("admin", "admin"),
    "plan_read": ("viewer", "viewer"),
    "plan_edit": ("planner", "planner"),
    "plan_delete": ("admin", "admin"),
    "plan_fields": ("admin", "admin"),
}
ACTION_LABELS = {
    "read_public": "öffentliche Daten lesen", "read_internal": "interne Daten lesen",
    "check_file": "Dateien hochladen und auswerten",
    "upload": "Daten hochladen", "replace": "einen Datensatz ersetzen", "remove": "einen Datensatz entfernen",
    "publish": "Datensätze veröffentlichen", "restore": "Datensätze wiederherstellen",
    "manage_users": "Benutzer verwalten", "read_audit": "das Protokoll lesen",
    "plan_read": "die Planung lesen", "plan_edit": "die Planung bearbeiten",
    "plan_delete": "Einträge der Planung löschen", "plan_fields": "die Handlungsfelder ändern",
}


@dataclass(frozen=True)
class User:
    """The acting user; ``role`` None is an anonymous visitor, ``id`` None a user not in the database."""

    name: str
    role: str | None
    id: int | None = None

    @property
    def is_anonymous(self) -> bool:
        return self.role is None


ANONYMOUS = User("anonym", None)
NO_OBJECT = -1  # owner_id of "no particular object"; None is an object without owner (only admins)


def allowed(user: User, action: str, owner_id: int | None = NO_OBJECT) -> bool:
    """Whether ``user`` may do ``action`` on an object owned by ``owner_id``."""
    if action not in ACTIONS:
        raise KeyError(f"unbekannte Aktion {action!r}")
    own, other = ACTIONS[action]
    mine = owner_id == NO_OBJECT or (user.id is not None and owner_id == user.id)
    return RANK.get(user.role, 0) >= RANK[own if mine else other]


# called with (user, action, what) before a refusal is raised; store.audit records it (a failing database
# does not stop the refusal)
REFUSAL_HOOKS: list[Callable[[User, str, str], None]] = []


def require(user: User, action: str, owner_id: int | None = NO_OBJECT, what: str = "") -> None:
    """Raise :class:`PermissionDenied` (German) unless :func:`allowed`; the refusal is audited."""
    if not allowed(user, action, owner_id):
        for hook in REFUSAL_HOOKS:
            hook(user, action, what)
        target = f" ({what})" if what else ""
        who = "Ohne Anmeldung" if user.is_anonymous else f"Benutzer '{user.name}' (Rolle {ROLE_LABELS[user.role]})"
        raise PermissionDenied(f"{who} darf nicht {ACTION_LABELS[action]}{target}")
