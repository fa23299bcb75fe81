"""The checks' temp folders (geo/uploads/workdir.py): under the data directory, removed when the
child ends, stale ones of dead processes removed at start; a kill -9 of the server during a check
leaves no port and no file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import ROOT

from geo.uploads import sandbox, workdir
from geo.uploads.sandbox import run_limited

pytestmark = pytest.mark.usefixtures("data_dir")


def _temp_folder() -> str:
    import tempfile

    with tempfile.NamedTemporaryFile() as f:
        return f.name


def test_the_childs_temp_files_live_under_the_data_directory(data_dir):
    name = run_limited(_temp_folder)
    assert Path(name).resolve().is_relative_to((data_dir / "tmp").resolve())
    assert list((data_dir / "tmp").iterdir()) == []  # the child's folder is removed when it ends


def test_stale_temp_folders_of_dead_processes_are_removed(data_dir):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = data_dir / "tmp" / f"{dead.stdout.strip()}-proc"
    stale.mkdir(parents=True)
    (stale / "upload.geojson").write_text("{}")
    mine = workdir.process_dir()
    assert stale in workdir.cleanup_stale()
    assert not stale.exists() and mine.exists()
    assert sandbox.in_child() is False


# --- faults leave no debris ---------------------------------------------------------------------


def _alive_not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return "State:\tZ" not in f.read()
    except OSError:
        return False


def test_kill_9_of_the_server_during_a_check_leaves_no_port_and_no_file(tmp_path, data_dir):
    import time

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    pidfile = tmp_path / "child.pid"
    server = (
        f"import os, socket, sys, time; sys.path.insert(0, '.')\n"
        f"srv = socket.socket(); srv.bind(('127.0.0.1', {port})); srv.listen(8)  # the app's port\n"
        f"from geo.uploads.sandbox import run_limited\n"
        f"from geo.uploads.workdir import upload_dir\n"
        f"def check(path):\n"
        f"    open({str(pidfile)!r}, 'w').write(str(os.getpid())); time.sleep(120)\n"
        f"with upload_dir() as d:\n"
        f"    p = d / 'upload.geojson'; p.write_bytes(b'{{}}')\n"
        f"    run_limited(check, str(p), seconds=300)\n"
    )
    env = {**os.environ, "SOZIALMONITOR_DATA_DIR": str(data_dir), "TMPDIR": str(tmp_path / "systmp")}
    (tmp_path / "systmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-c", server], cwd=ROOT, env=env)
    for _ in range(600):
        if pidfile.exists() and pidfile.read_text():
            break
        time.sleep(0.1)
    child = int(pidfile.read_text())
    proc.kill()  # kill -9 of the server
    proc.wait()
    for _ in range(50):
        if not _alive_not_zombie(child):
            break
        time.sleep(0.1)
    assert not _alive_not_zombie(child)  # the check died with its server
    again = socket.socket()
    again.bind(("127.0.0.1", port))  # "Port … is not available" today
    again.listen(1)
    again.close()
    assert list((tmp_path / "systmp").iterdir()) == []  # nothing in the system's temp folder
    left = list((data_dir / "tmp").iterdir())
    assert left and all(p.name.endswith("-proc") for p in left)
    workdir.cleanup_stale()  # what the next start does
    assert list((data_dir / "tmp").iterdir()) == []
