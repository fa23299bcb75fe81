"""Upload checks in a child process: memory and time limits end in a German message."""

import os
import subprocess
import sys
import time

import pytest
from testkit import ROOT

from geo.uploads.sandbox import UploadLimitError, run_limited


def _hog(mb: int) -> int:
    return len(bytearray(mb * 1024 * 1024))


def _sleep(s: float) -> str:
    time.sleep(s)
    return "fertig"


def _fail() -> None:
    raise ValueError("kaputt")


def test_result_and_errors_come_back():
    assert run_limited(_hog, 1, memory_mb=4096) == 1024 * 1024
    with pytest.raises(ValueError, match="kaputt"):
        run_limited(_fail)


def test_memory_limit_refuses_with_a_message():
    with pytest.raises(UploadLimitError, match="Speicher"):
        run_limited(_hog, 6000, memory_mb=3072, file_label="bombe.xlsx")


def test_time_limit_refuses_with_a_message():
    with pytest.raises(UploadLimitError, match="abgebrochen"):
        run_limited(_sleep, 30, seconds=1, file_label="langsam.csv")


def test_the_limit_counts_on_top_of_a_large_server_process():
    # a long-running server has GB of address space it never uses (thread stacks, malloc arenas);
    # its forked checks must still get their own memory_mb (the fresh-clone suite failed on this)
    import mmap

    reserved = mmap.mmap(-1, 6 * 1024**3)  # 6 GB of address space, never touched
    try:
        assert run_limited(_hog, 200, memory_mb=1024) == 200 * 1024 * 1024
        with pytest.raises(UploadLimitError, match="Speicher"):
            run_limited(_hog, 2048, memory_mb=1024, file_label="bombe.xlsx")
    finally:
        reserved.close()


def test_the_memory_limit_respects_an_outside_hard_limit(tmp_path):
    # today: "ValueError: not allowed to raise maximum limit" under prlimit --as / LimitAS=
    script = (
        "import sys; sys.path.insert(0, '.')\n"
        "from geo.uploads.sandbox import run_limited, UploadLimitError\n"
        "def f(n): return len(bytearray(n * 2**20))\n"
        "print(run_limited(f, 10))\n"
        "try:\n    run_limited(f, 5000, file_label='bombe.xlsx')\nexcept UploadLimitError as e:\n    print(e)\n"
    )
    res = subprocess.run(
        ["prlimit", "--as=3000000000", sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")},
    )
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == str(10 * 2**20)
    assert "bombe.xlsx" in lines[1] and "Speicher" in lines[1]


# ------------------------------------------------ the sandbox's one catch-all transports, it does not handle


def _unpicklable() -> object:
    import threading

    return threading.Lock()  # cannot be pickled back to the parent


def test_an_unpicklable_result_comes_back_as_an_error_naming_its_type():
    with pytest.raises(RuntimeError, match="TypeError"):
        run_limited(_unpicklable)


def test_in_a_child_a_nested_check_raises_the_error_itself(monkeypatch):
    from geo.uploads import sandbox

    monkeypatch.setattr(sandbox, "_IN_CHILD", True)  # a check calling another runs in place
    with pytest.raises(ValueError, match="kaputt"):
        run_limited(_fail)


def test_in_place_an_interrupt_is_not_turned_into_a_verdict_on_the_file(monkeypatch):
    from geo.uploads import sandbox

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sandbox, "_IN_CHILD", True)
    with pytest.raises(KeyboardInterrupt):
        sandbox.run_payload(interrupted, (), {})  # raised at once: nothing pickled, nothing cached
