"""``validate_file`` never raises, but an unforeseen failure reaches the log with its traceback."""
from __future__ import annotations

import logging

from geo.uploads import file_check


def test_an_unexpected_failure_is_logged_before_it_becomes_a_report(monkeypatch, caplog):
    def boom(*_a: object, **_k: object) -> tuple[bool, str]:
        raise RuntimeError("parser broke")

    monkeypatch.setattr(file_check, "validate_table_file", boom)
    with caplog.at_level(logging.WARNING, logger="geo.uploads.file_check"):
        ok, text = file_check.validate_file(table="x.csv")
    assert not ok
    assert "nicht verwendbar" in text
    assert any(r.exc_info and "parser broke" in str(r.exc_info[1]) for r in caplog.records)
