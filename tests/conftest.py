"""Shared fixtures. Synthetic data made here is labelled as synthetic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from testkit import RAW, require

# Property tests: under CI (``CI=true``, as ``.ci/run`` sets) every run draws the same examples, so a
# red CI means a change broke something, not that this run was unlucky; a local ``make test`` /
# ``make test-fast`` draws new examples each time and keeps failing ones in ``.hypothesis/``, where
# they are replayed first (that is how new bugs are found). ``HYPOTHESIS_PROFILE`` overrides either.
# Neither profile times anything: hypothesis' default 200 ms deadline per example and its "too slow"
# health check fail a correct test on a busy machine (a fuzz sweep beside a CI run did so).
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("ci", derandomize=True, **_UNTIMED)
settings.register_profile("explore", **_UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "explore"))


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    require(RAW.is_dir(), f"raw data folder {RAW} not found")
    return RAW


@pytest.fixture(scope="session")
def luebeck():
    """The shipped Lübeck dataset, loaded once."""
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return load_dataset(get_geography("stadtteile"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what needs a browser or a server, so ``make test-fast`` can leave it out.

    ``e2e``: everything under ``tests/e2e`` and ``tests/bench`` (headless Chromium, a Streamlit
    server); ``server``: tests that start PostgreSQL (the ``pg_server`` fixture) or another
    server of their own. The marks are given here by place and fixture, so a new test file in
    those folders is marked without anyone remembering to.
    """
    root = Path(__file__).resolve().parent
    for item in items:
        parts = Path(str(item.path)).resolve().relative_to(root).parts
        if parts and parts[0] in {"e2e", "bench"}:
            item.add_marker(pytest.mark.e2e)
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_postgres = "postgresql" in (params.get("engine"), params.get("db_url"))
        if on_postgres or "pg_server" in getattr(item, "fixturenames", ()) or (parts and parts[0] == "deploy"):
            item.add_marker(pytest.mark.server)
