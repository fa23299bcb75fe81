"""Upload checks bounded together (geo/uploads/slots.py): beyond the cap a check waits, then gets a
message; two slots by default, across processes (the slot is a file lock)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from testkit import ROOT

from geo.uploads import slots
from geo.uploads.sandbox import UploadLimitError, run_limited
from geo.uploads.slots import check_slot

pytestmark = pytest.mark.usefixtures("data_dir")


def _one() -> int:
    return 1


def test_checks_beyond_the_cap_wait_and_then_get_a_message(monkeypatch, capsys):
    monkeypatch.setenv("SOZIALMONITOR_UPLOAD_CHECKS", "1")
    with check_slot("erste.csv"):  # a check of another user (any process: the slot is a file lock)
        with pytest.raises(UploadLimitError, match="zweite.csv: Zurzeit laufen zu viele Upload-Prüfungen"):
            run_limited(_one, seconds=1, file_label="zweite.csv")
        assert "wartet auf einen freien Platz" in capsys.readouterr().err
    assert run_limited(_one) == 1  # the slot is free again


def test_a_front_end_shows_the_wait_in_its_page(monkeypatch):
    from geo.uploads import slots

    shown: list = []
    monkeypatch.setattr(slots, "NOTICES", [shown.append])
    monkeypatch.setenv("SOZIALMONITOR_UPLOAD_CHECKS", "1")
    with check_slot("erste.csv"), pytest.raises(UploadLimitError):
        run_limited(_one, seconds=1, file_label="zweite.csv")
    assert len(shown) == 1 and "wartet auf einen freien Platz" in str(shown[0])
    assert "waits for a free slot" in shown[0].text("en")  # a Message: the page shows it in its language


def test_two_slots_by_default_across_processes(data_dir):
    hold = (
        "import sys, time; sys.path.insert(0, '.')\n"
        "from geo.uploads.slots import check_slot\n"
        "with check_slot('a'):\n    print('ok', flush=True); time.sleep(60)\n"
    )
    env = {**os.environ, "SOZIALMONITOR_DATA_DIR": str(data_dir)}
    others = [
        subprocess.Popen([sys.executable, "-c", hold], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        for p in others:
            assert p.stdout is not None and p.stdout.readline().strip() == "ok"
        with pytest.raises(UploadLimitError, match="2 erlaubt"):
            run_limited(_one, seconds=1)
    finally:
        for p in others:
            p.kill()
            p.wait()
    assert run_limited(_one) == 1  # the kernel released the dead holders' locks


# ------------------------------------------------ narrowed excepts (issue #25 item 6)


def test_a_bug_in_a_notice_is_not_swallowed(monkeypatch):
    def broken(_text: str) -> None:
        raise TypeError("notice takes no text")

    monkeypatch.setattr(slots, "NOTICES", [broken])
    with pytest.raises(TypeError, match="notice takes no text"):
        slots._default_notice("Prüfungen ausgelastet")


def test_the_apps_notice_logs_streamlits_own_errors_and_goes_on(monkeypatch, caplog):
    import streamlit as st
    from streamlit.errors import NoSessionContext

    from ui import common

    def no_session(*_a: object, **_k: object) -> None:
        raise NoSessionContext()

    monkeypatch.setattr(st, "info", no_session)
    monkeypatch.setattr(slots, "NOTICES", [common._busy_notice])
    with caplog.at_level(logging.DEBUG, logger="ui.common"):
        slots._default_notice("Prüfungen ausgelastet")
    assert any(isinstance(r.exc_info[1], NoSessionContext) for r in caplog.records if r.exc_info)
