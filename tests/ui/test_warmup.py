"""Start-up: the light command line, ``cli.py serve`` and the server warm-up (ui/warmup.py).

Each check runs in a fresh interpreter: what matters is which modules a new process
imports, and the warm-up freezes the garbage collector of its process.
"""

import subprocess
import sys

import pytest
from testkit import ROOT

HEAVY = ("pandas", "geopandas", "matplotlib", "mapclassify", "scipy", "sklearn", "streamlit")


def python(code: str) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res


def test_importing_the_cli_loads_no_numeric_stack():
    # `cli.py serve` must reach Streamlit's server start at once, and `--help` be instant
    res = python(f"import sys, cli; print([m for m in {HEAVY!r} if m in sys.modules])")
    assert res.stdout.strip() == "[]"


def test_warmup_modules_declare_no_streamlit_component():
    # a component declared outside a script run is never registered: the map would not load
    res = python(
        "import sys; from ui import warmup\n"
        "for m in warmup.FIRST: __import__(m)\n"
        "first = 'scipy' in sys.modules\n"
        "for m in warmup.SECOND: __import__(m)\n"
        "print('streamlit_folium' in sys.modules, first, 'mapclassify' in sys.modules)"
    )
    # and the first stage leaves scipy & co. to the second, so the sidebar can render meanwhile
    assert res.stdout.split() == ["False", "False", "True"]


def test_after_the_first_stage_the_atlas_imports_only_its_component():
    # the session's imports (the page and ui.map_view, which declares the map component) never
    # overlap the second stage's import chain (no import-lock cycles)
    res = python(
        "import sys; from ui import warmup\n"
        "for m in warmup.FIRST: __import__(m)\n"
        "before = set(sys.modules)\n"
        "import ui.pages.atlas\n"
        "print(sorted(m for m in set(sys.modules) - before if not m.startswith('streamlit.')))"
    )
    assert res.stdout.strip() == "['streamlit_folium', 'ui.map_view', 'ui.pages.atlas']"


def test_wait_returns_at_once_when_no_warmup_was_started():
    res = python(
        "import time; from ui import warmup; t = time.perf_counter(); ok = warmup.wait(5)\n"
        "print(ok, time.perf_counter() - t < 1)"
    )
    assert res.stdout.split() == ["True", "True"]


def test_warmup_fills_the_shared_dataset_cache_freezes_gc_and_restores_its_threshold():
    # after the warm-up the first session finds the dataset cached: a second load would fail here
    res = python(
        "import gc, sys\n"
        "from ui import warmup\n"
        "before = gc.get_threshold()\n"
        "warmup.start(geography='stadtteile', gc_threshold=(50000, 20, 20)).join(120)\n"
        "assert gc.get_threshold() == before, 'start-up GC threshold not restored'\n"
        "assert warmup.wait(1)\n"
        "from ui import common\n"
        "def fail(*a): raise AssertionError('dataset loaded twice')\n"
        "common.load_dataset = fail\n"
        "ds = common.dataset('stadtteile')\n"
        "print(len(ds.areas), 'mapclassify' in sys.modules, gc.get_freeze_count() > 0)"
    )
    assert res.stdout.split()[-3:] == ["10", "True", "True"]


def test_a_failing_warmup_still_releases_the_first_session():
    res = python(
        "from ui import warmup\n"
        "warmup.start(first=('no_such_module_xyz',), second=(), geography=None).join(30)\n"
        "print(warmup.wait(1))"
    )
    assert res.stdout.strip() == "True"
    assert "warm-up failed" in res.stderr and "no_such_module_xyz" in res.stderr


def test_serve_starts_warmup_then_streamlit_with_passed_options(monkeypatch, tmp_path):
    from streamlit.web import cli as streamlit_cli

    import cli
    from ui import warmup

    calls = []
    monkeypatch.setattr(warmup, "start", lambda *a, **k: calls.append("warmup"))
    monkeypatch.setattr(streamlit_cli, "main", lambda args, prog_name: calls.append(args) or 0)
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))  # serve upgrades the database first
    monkeypatch.delenv("SOZIALMONITOR_AUTH", raising=False)
    assert cli.main(["serve", "--port", "8765", "--server.headless", "true"]) == 0
    assert calls[0] == "warmup"
    assert calls[1] == [
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        "8765",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",  # auth none: loopback only
        "--server.maxUploadSize",
        "50",
    ]  # Streamlit's cap follows the tool's limit


def test_other_commands_reject_unknown_options(capsys):
    import cli

    with pytest.raises(SystemExit) as exc:
        cli.main(["indicators", "--server.headless", "true"])
    assert exc.value.code == 1  # usage errors end like every other error (issue 16)
    assert "unbekannte Argumente: --server.headless true" in capsys.readouterr().err


def test_a_bug_in_the_warmup_is_not_logged_as_a_failed_warmup_but_still_releases():
    # an expected failure (a module that does not import) is "warm-up failed" above; a bug keeps
    # its traceback (threading's excepthook) and the first session and the GC are released anyway
    res = python(
        "from ui import warmup\n"
        "def bug(_modules): raise TypeError('bug in the warm-up')\n"
        "warmup._import = bug\n"
        "warmup.start(first=('json',), second=(), geography=None).join(30)\n"
        "print(warmup.wait(1), warmup._done.is_set())"
    )
    assert res.stdout.split() == ["True", "True"]
    assert "TypeError: bug in the warm-up" in res.stderr and "warm-up failed" not in res.stderr
