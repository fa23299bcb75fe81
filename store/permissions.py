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

from indicators.errors import msg
from indicators.wording import t
from indicators.wording.message import Message
from store.errors import PermissionDenied

ROLE_LABELS = {r: t(f"perm_role_{r or 'none'}") for r in (None, "viewer", "planner", "admin")}  # German; see role_label
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
ACTION_LABELS = {a: t(f"perm_{a}") for a in ACTIONS}  # German; the refusal renders ``perm_<action>`` per language


def role_label(role: str | None) -> Message:
    """The shown name of a role (``None``: anonymous), rendered where it is shown."""
    return msg(f"perm_role_{role or 'none'}")


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
        problem = f"unknown action {action!r}"
        raise KeyError(problem)
    own, other = ACTIONS[action]
    mine = owner_id == NO_OBJECT or (user.id is not None and owner_id == user.id)
    return RANK.get(user.role, 0) >= RANK[own if mine else other]


# called with (user, action, what) before a refusal is raised; store.audit records it (a failing database
# does not stop the refusal)
REFUSAL_HOOKS: list[Callable[[User, str, str], None]] = []


def require(user: User, action: str, owner_id: int | None = NO_OBJECT, what: str | Message = "") -> None:
    """Raise :class:`PermissionDenied` (a wording key) unless :func:`allowed`; the refusal is audited."""
    if not allowed(user, action, owner_id):
        for hook in REFUSAL_HOOKS:
            hook(user, action, str(what))  # the audit keeps the German text
        who = (
            msg("err_perm_anonymous")
            if user.is_anonymous
            else msg("err_perm_user", name=user.name, role=role_label(user.role))
        )
        key = "err_perm_denied_what" if what else "err_perm_denied"
        raise PermissionDenied(msg(key, who=who, action=msg(f"perm_{action}"), what=what))
