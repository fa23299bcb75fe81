"""Auth mode none: `cli.py serve` (as `make run` starts it) listens on 127.0.0.1 only."""

from __future__ import annotations

import tempfile

import psutil


def test_server_in_mode_none_listens_on_loopback_only(e2e):
    server = e2e.start_streamlit(
        "app.py", {"SOZIALMONITOR_DATA_DIR": tempfile.mkdtemp(prefix="sm-bind-"), "SOZIALMONITOR_AUTH": "none"}
    )
    try:
        listening = [
            c.laddr
            for c in psutil.Process(server.proc.pid).net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        ]
        assert listening and {a.ip for a in listening} == {"127.0.0.1"}, listening
        assert {a.port for a in listening} == {server.port}
    finally:
        server.stop()
