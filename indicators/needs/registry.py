"""The one name → need method table (see :class:`indicators.needs.method.NeedMethod`).

Adding a method: write ``indicators/needs/<method>.py`` with its runner and a ``METHOD``
record, and add that record to :data:`NEED_METHODS` below (one line). The assessment,
robustness check, consensus, needs page, methods page and ``cli.py needs --method`` read
this table; nothing else branches on a method's name. Tests (or plug-ins) may add a method
at run time with :func:`register` and remove it with :func:`unregister`.

A geography names its default method in its metadata (``need_method`` in
``shapes/geographies.yaml``); without one it is :data:`DEFAULT_METHOD`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from indicators.errors import InputError, msg
from indicators.needs import mss, svi, zscore
from indicators.needs.method import NeedMethod

DEFAULT_METHOD = "z"

NEED_METHODS: dict[str, NeedMethod] = {m.name: m for m in (mss.METHOD, svi.METHOD, zscore.METHOD)}


class UnknownNeedMethod(InputError):
    """No registered need method has this name."""


def register(method: NeedMethod) -> NeedMethod:
    """Add (or replace) ``method`` in the table; returns it."""
    NEED_METHODS[method.name] = method
    return method


def unregister(name: str) -> None:
    """Remove the method ``name`` (no error if it is not registered)."""
    NEED_METHODS.pop(name, None)


def need_method(name: str) -> NeedMethod:
    """The registered method ``name``.

    Raises
    ------
    UnknownNeedMethod
        Naming the known methods.
    """
    try:
        return NEED_METHODS[name]
    except KeyError:
        raise UnknownNeedMethod(msg("err_unknown_method", name=name, known=list(NEED_METHODS))) from None


def method_names() -> tuple[str, ...]:
    """Names of the registered methods, in registration order."""
    return tuple(NEED_METHODS)


def robustness_methods() -> tuple[str, ...]:
    """Names of the methods run as alternatives by the robustness check and the consensus."""
    return tuple(n for n, m in NEED_METHODS.items() if m.in_robustness)


def geography_method(geography: object) -> str:
    """The default method of a geography: its ``need_method`` metadata, else :data:`DEFAULT_METHOD`."""
    name = str(getattr(geography, "need_method", "") or DEFAULT_METHOD)
    return name if name in NEED_METHODS else DEFAULT_METHOD


class MethodChoices(Sequence[str]):
    """The registered names as a live sequence: argparse ``choices`` that see later registrations."""

    def __len__(self) -> int:
        return len(NEED_METHODS)

    def __getitem__(self, i: Any) -> Any:
        return method_names()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(method_names())

    def __contains__(self, name: object) -> bool:
        return name in NEED_METHODS
