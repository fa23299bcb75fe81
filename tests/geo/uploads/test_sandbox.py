"""Upload checks in a child process: memory and time limits end in a German message."""
import time

import pytest

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
