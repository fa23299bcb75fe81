"""The permission matrix: every role × every action, by calling the library functions directly."""

from __future__ import annotations

import pytest

from store import audit, datasets, users
from store.datasets import DatasetVersion
from store.errors import PermissionDenied, StoreError
from store.permissions import ANONYMOUS, User

ROLES = ["anonymous", "viewer", "planner", "admin"]
PASSWORD = "richtig-lang-1"


@pytest.fixture
def people(engine) -> dict[str, User]:
    """One user per role, plus a second planner who owns the datasets 'intern_a' and 'oeffentlich_a'."""
    root = users.system_user()
    out = {"anonymous": ANONYMOUS}
    for role in ("viewer", "planner", "admin"):
        out[role] = users.add_user(engine, root, role, role, PASSWORD)
    out["other"] = users.add_user(engine, root, "other", "planner", PASSWORD)
    datasets.register(
        engine, out["other"], DatasetVersion(name="intern_a", label_de="Intern A", key="datasets/intern_a--1")
    )
    datasets.register(
        engine,
        out["other"],
        DatasetVersion(name="oeffentlich_a", label_de="Öffentlich A", key="datasets/oeffentlich_a--1"),
    )
    datasets.set_visibility(engine, out["admin"], "oeffentlich_a", "öffentlich")
    return out


def _trashed(engine, people, name="weg_a"):
    datasets.register(engine, people["other"], DatasetVersion(name=name, label_de=name, key=f"datasets/{name}--1"))
    datasets.remove(engine, people["admin"], name)


ACTIONS = {
    # action: (function(engine, people, user), roles allowed)
    "read public": (
        lambda e, p, u: (
            [d.name for d in datasets.visible(e, u)] == ["oeffentlich_a"]
            or {"intern_a", "oeffentlich_a"} <= {d.name for d in datasets.visible(e, u)}
        ),
        ROLES,
    ),
    "read internal": (lambda e, p, u: datasets.get(e, u, "intern_a"), ["viewer", "planner", "admin"]),
    "upload": (
        lambda e, p, u: datasets.register(e, u, DatasetVersion(name="neu", label_de="Neu", key="datasets/neu--1")),
        ["planner", "admin"],
    ),
    "upload public": (
        lambda e, p, u: datasets.register(
            e, u, DatasetVersion(name="neu", label_de="Neu", key="datasets/neu--1", visibility="öffentlich")
        ),
        ["admin"],
    ),
    "replace own": (
        lambda e, p, u: (
            datasets.register(e, u, DatasetVersion(name="eigen", label_de="Eigen", key="d/eigen--1")),
            datasets.register(e, u, DatasetVersion(name="eigen", label_de="Eigen 2", key="d/eigen--2", overwrite=True)),
        ),
        ["planner", "admin"],
    ),
    "replace other's": (
        lambda e, p, u: datasets.register(
            e, u, DatasetVersion(name="intern_a", label_de="B", key="d/b", overwrite=True)
        ),
        ["admin"],
    ),
    "remove own": (
        lambda e, p, u: (
            datasets.register(e, u, DatasetVersion(name="eigen", label_de="Eigen", key="d/eigen--1")),
            datasets.remove(e, u, "eigen"),
        ),
        ["planner", "admin"],
    ),
    "remove other's": (
        lambda e, p, u: datasets.remove(e, u, "intern_a") or (_ for _ in ()).throw(PermissionDenied("nicht sichtbar")),
        ["admin"],
    ),
    "publish": (lambda e, p, u: datasets.set_visibility(e, u, "intern_a", "öffentlich"), ["admin"]),
    "unpublish": (lambda e, p, u: datasets.set_visibility(e, u, "oeffentlich_a", "intern"), ["admin"]),
    "see trash": (lambda e, p, u: datasets.trash(e, u), ["admin"]),
    "restore": (lambda e, p, u: (_trashed(e, p), datasets.restore(e, u, "weg_a")), ["admin"]),
    "add user": (lambda e, p, u: users.add_user(e, u, "neu_u", "viewer", PASSWORD), ["admin"]),
    "list users": (lambda e, p, u: users.list_users(e, u), ["admin"]),
    "set role": (lambda e, p, u: users.set_role(e, u, "viewer", "planner"), ["admin"]),
    "reset password": (lambda e, p, u: users.reset_password(e, u, "viewer", "ganz-neu-123"), ["admin"]),
    "remove user": (lambda e, p, u: users.remove_user(e, u, "viewer"), ["admin"]),
    "read audit": (lambda e, p, u: audit.entries(e, u), ["admin"]),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(engine, people, role, action):
    func, allowed_roles = ACTIONS[action]
    user = people[role]
    if role in allowed_roles:
        assert func(engine, people, user) is not False
    else:
        with pytest.raises(StoreError) as info:  # PermissionDenied, or "does not exist" for what it may not see
            func(engine, people, user)
        assert any(m in str(info.value) for m in ("darf nicht", "nicht sichtbar", "nicht freigegeben"))
        if isinstance(info.value, PermissionDenied) and "darf nicht" in str(info.value):  # the refusal is audited
            last = audit.entries(engine, users.system_user())[-1]
            assert (last.action, last.user) == ("refused", user.name) and last.details["action"]


@pytest.mark.parametrize("role", ROLES)
def test_reads_show_exactly_what_the_role_may_see(engine, people, role):
    names = {d.name for d in datasets.visible(engine, people[role])}
    assert names == ({"oeffentlich_a"} if role == "anonymous" else {"intern_a", "oeffentlich_a"})
    if role == "anonymous":
        with pytest.raises(StoreError, match="nicht"):
            datasets.get(engine, people[role], "intern_a")


def test_a_refused_write_changes_nothing_and_is_audited_as_refused(engine, people):
    before = len(audit.entries(engine, people["admin"]))
    with pytest.raises(PermissionDenied):
        datasets.register(engine, people["viewer"], DatasetVersion(name="x", label_de="X", key="d/x"))
    with pytest.raises(PermissionDenied):  # refused inside the transaction: rolled back, the refusal kept
        datasets.register(
            engine, people["planner"], DatasetVersion(name="y", label_de="Y", key="d/y", visibility="öffentlich")
        )
    with pytest.raises(PermissionDenied):
        datasets.remove(engine, people["planner"], "intern_a")
    assert {d.name for d in datasets.visible(engine, people["admin"])} == {"intern_a", "oeffentlich_a"}
    after = audit.entries(engine, people["admin"])[before:]
    assert [(e.user, e.action, e.object, e.details["action"]) for e in after] == [
        ("viewer", "refused", "upload", "upload"),
        ("planner", "refused", "y", "publish"),
        ("planner", "refused", "intern_a", "remove"),
    ]
    assert audit.verify(engine, people["admin"]).first_broken is None
