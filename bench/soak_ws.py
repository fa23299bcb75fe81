"""Streamlit's own websocket protocol as a light load client (for ``soak.py --mode ws``).

A browser page costs a whole Chromium renderer, so 20 of them on a 2-core
machine measure the machine, not the app. This client speaks the protocol the
Streamlit frontend speaks: it opens ``/_stcore/stream``, asks for a script run
(``BackMsg.rerun_script``), reads ``ForwardMsg`` deltas until ``script_finished``,
and changes a selectbox by sending its new value as a widget state, exactly as
the browser does after a click.
"""

from __future__ import annotations

import random
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

RUN_TIMEOUT_S = 60


def _rerun(query: str, states: list[WidgetState]) -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.widget_states.widgets.extend(states)
    return msg.SerializeToString()


async def run_script(ws, query: str, states: list[WidgetState]) -> tuple[float, dict, list[str]]:
    """One script run: (seconds until finished, selectboxes by label, exception messages)."""
    import asyncio

    t0 = time.perf_counter()
    await ws.send(_rerun(query, states))
    boxes, errors = {}, []
    while True:
        data = await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S)
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            if el.WhichOneof("type") == "selectbox":
                boxes[el.selectbox.label] = el.selectbox
            elif el.WhichOneof("type") == "exception":
                errors.append(el.exception.message[:200])
        elif kind == "script_finished":
            return time.perf_counter() - t0, boxes, errors


def _tls(ws_url: str) -> dict:
    """For ``wss://localhost``: TLS without checking the certificate (deploy/local-cluster's is self-signed)."""
    import ssl
    from urllib.parse import urlparse

    if not ws_url.startswith("wss://") or urlparse(ws_url).hostname not in ("localhost", "127.0.0.1"):
        return {}
    ctx = ssl.create_default_context()
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    return {"ssl": ctx}


async def ws_session(
    url: str, seconds: float, stats, seed: int, label: str | None, think: tuple[float, float] = (0.0, 0.0)
) -> None:
    """Keep changing the selectbox ``label`` (default: any) for ``seconds``; record latencies.

    ``think`` is the range of seconds a user waits between two changes (reading the map).
    """
    import asyncio

    import websockets

    rng = random.Random(seed)
    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], origin=url.rstrip("/"), max_size=None, **_tls(ws_url)
        ) as ws:
            _, boxes, errors = await run_script(ws, "", [])
            end = time.monotonic() + seconds
            await asyncio.sleep(rng.uniform(0, think[1]))  # users do not all arrive at once
            while time.monotonic() < end and not errors:
                names = [n for n in boxes if label is None or n == label]
                if not names:
                    stats.errors.append(f"session {seed}: no selectbox '{label or ''}' in the app")
                    return
                box = boxes[rng.choice(names)]
                current = (
                    box.raw_value
                    if box.HasField("raw_value")
                    else (box.options[box.default] if box.HasField("default") else None)
                )
                choices = [o for o in box.options if o != current]
                if not choices:
                    stats.missed += 1
                    continue
                state = WidgetState(id=box.id, string_value=rng.choice(choices))
                took, new_boxes, errors = await run_script(ws, "", [state])
                boxes.update(new_boxes)
                boxes[box.label].raw_value = state.string_value
                stats.latencies_ms.append(took * 1000)
                await asyncio.sleep(rng.uniform(*think))
            stats.errors.extend(f"session {seed}: exception shown in app: {e}" for e in errors)
    except Exception as exc:  # a failed session is a finding, not a crash of the bench
        stats.errors.append(f"session {seed}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
