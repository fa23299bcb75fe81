"""P10: another user's atlas while a hostile upload is being refused (issue 13, two browser sessions).

One app server (``cli.py serve``, own data directory). Session A opens the atlas
in a fresh browser context and measures from ``goto`` until the first polygon is
in the map iframe (as P1 warm), ``n`` times with nothing else going on (baseline),
then ``n`` times while session B, in a second browser process
(``python bench/p10_hostile.py --uploader URL``), uploads hostile workbooks on
"Daten laden" → "Indikatortabelle" one after the other until told to stop.

The hostile workbook (SYNTHETIC, written to ``bench/_work``) passes the size caps
(≈ 20 MB on the wire, every member below its unpacked cap, compression ratio
low): one sheet row with millions of cells, which openpyxl must parse in full
before the column limit can refuse it. Each upload gets other random bytes, so
the content cache (``geo/uploads/check_cache.py``) cannot answer it: every one is
parsed in the sandboxed child until it is refused. The smoke run uses the
shared-strings bomb of the fuzz corpus (refused by its cap) and one open each.

Target: A's median with B ≤ 1.5 × without B. The machine is shared with other
work: absolute seconds are noisy.
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import browser
from bench.common import ROOT, WORK, Row, Stats

TARGET = 1.5
CORPUS_BOMB = ROOT / "tests" / "data" / "bad" / "xlsx_shared_strings_bomb.xlsx"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
    b'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WB_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def wide_row_workbook(path: Path, cells: int, seed: int) -> Path:
    """An XLSX whose only sheet row has ``cells`` random numbers (SYNTHETIC hostile file)."""
    rng = random.Random(seed)
    body = "".join(f"<c><v>{rng.random():.12f}</v></c>" for _ in range(cells))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData><row r="1">{body}</row></sheetData></worksheet>'
    ).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WB_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
        ):
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def hostile_files(smoke: bool, folder: Path) -> list[Path]:
    if smoke:
        return [CORPUS_BOMB]
    return [wide_row_workbook(folder / f"hostile_{i}.xlsx", 2_000_000, seed=i) for i in range(4)]


def uploader(url: str, files: list[Path], stop: Path, rounds: int | None = None) -> int:
    """Session B: upload ``files`` in turn on the table upload until ``stop`` exists (or ``rounds`` done)."""
    done = 0
    with browser.chromium() as br:
        ctx, page = browser.new_page(br)
        try:
            page.goto(url + "daten")
            browser.wait_idle(page)
            page.get_by_text("Indikatortabelle", exact=True).click()
            page.get_by_text("CSV oder Excel").first.wait_for()  # the table uploader is there
            browser.wait_idle(page)
            while not stop.exists() and (rounds is None or done < rounds):
                f = files[done % len(files)]
                t0 = time.perf_counter()
                page.locator("input[type=file]").first.set_input_files(str(f))
                page.get_by_text(f"{f.name}: nicht verwendbar").first.wait_for(timeout=browser.TIMEOUT_MS * 2)
                browser.wait_idle(page)
                done += 1
                print(f"refused {f.name} in {time.perf_counter() - t0:.1f} s", flush=True)
        finally:
            ctx.close()
    return 0 if done else 1


def _open(br, url: str) -> float:
    ctx, page = browser.new_page(br)
    try:
        t0 = time.perf_counter()
        page.goto(url)
        browser.wait_polygons(page)
        seconds = time.perf_counter() - t0
        browser.wait_idle(page)
        return seconds
    finally:
        ctx.close()


def run(smoke: bool = False) -> list[Row]:
    if not Path(browser.CHROMIUM).exists():
        return [
            Row(
                id="P10",
                figure="atlas while a hostile upload is refused",
                status=f"skipped: no chromium at {browser.CHROMIUM}",
            )
        ]
    n = 1 if smoke else 6
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="p10-", dir=WORK) as tmp:
        folder = Path(tmp)
        files = hostile_files(smoke, folder)
        stop = folder / "stop"
        env = {"SOZIALMONITOR_DATA_DIR": str(folder / "data")}
        with browser.serving("app.py", env=env) as srv, browser.chromium() as br:
            _open(br, srv.url)  # first visit: imports and caches, not measured
            alone = [_open(br, srv.url) for _ in range(n)]
            cmd = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--uploader",
                srv.url,
                "--stop",
                str(stop),
                *map(str, files),
            ] + (["--rounds", "1"] if smoke else [])
            b = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            try:
                if not smoke:
                    time.sleep(8)  # B's first upload is in the server and being parsed
                during = [_open(br, srv.url) for _ in range(n)]
            finally:
                if not smoke:  # the smoke run's B stops after its one upload
                    stop.touch()
                try:
                    out, _ = b.communicate(timeout=300)
                except subprocess.TimeoutExpired:
                    b.kill()
                    out, _ = b.communicate()
    refused = out.count("refused ")
    if b.returncode != 0 or not refused:
        return [
            Row(
                id="P10",
                figure="atlas while a hostile upload is refused",
                status=f"error: session B refused nothing (exit {b.returncode}): {out[-300:]}",
            )
        ]
    value, base = Stats(during), Stats(alone)
    figure = "smoke: atlas open during a refused upload" if smoke else "atlas open → polygons during hostile upload"
    return [
        Row(
            id="P10",
            figure=figure,
            unit="s",
            value=value,
            baseline=base,
            target=f"≤ {TARGET}×",
            met=None if smoke else value.median <= TARGET * base.median,
            measures=(
                "Session A: fresh context, goto → first polygon in the map iframe; baseline alone, "
                f"value while session B uploads hostile XLSX files on 'Daten laden' ({refused} refused, "
                "each parsed in the sandboxed child until refused). Shared machine."
            ),
            extra={"refused": refused, "b_log": out[-2000:]},
        )
    ]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="P10 session B (uploader)")
    p.add_argument("--uploader", required=True, help="app URL")
    p.add_argument("--stop", required=True, help="stop when this file exists")
    p.add_argument("--rounds", type=int)
    p.add_argument("files", nargs="+")
    args = p.parse_args(argv)
    return uploader(args.uploader, [Path(f) for f in args.files], Path(args.stop), args.rounds)


if __name__ == "__main__":
    sys.exit(main())
