"""Hostile ZIP archives (tiny synthetic bombs)."""

import io
import zipfile

import pytest

from indicators.ingest.zip_safety import ZipRejected, extract_safely, unsafe_member_name, zip_problem


def zbytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def test_bomb_by_ratio_and_by_size():
    bomb = zbytes([("a.shp", b"\0" * 5_000_000)])  # ~5 KB packed
    assert "ZIP-Bombe" in str(zip_problem(bomb))
    assert "zu groß" in str(zip_problem(zbytes([("a.shp", b"\0" * 2_000_000)]), max_unzipped=1_000_000))


@pytest.mark.parametrize("name", ["../x.shp", "/etc/x", "a/../../x", "C:\\x", "a\\..\\..\\x", "a\nb"])
def test_unsafe_member_names(name):
    assert unsafe_member_name(name)


def test_extract_counts_real_bytes_and_flattens(tmp_path):
    z = tmp_path / "ok.zip"
    z.write_bytes(zbytes([("dir/sub/a.shp", b"abc"), ("b.txt", b"x")]))
    files = extract_safely(z, tmp_path / "out", (".shp",))
    assert [f.name for f in files] == ["a.shp"] and files[0].parent == tmp_path / "out"


def test_lying_header_is_caught_while_inflating(tmp_path):
    data = bytearray(zbytes([("a.shp", b"\0" * 3_000_000)]))
    # Patch the declared uncompressed size (local header offset 22, central directory) to 100 bytes.
    i = data.find(b"PK\x01\x02")
    data[22:26] = (100).to_bytes(4, "little")
    data[i + 24 : i + 28] = (100).to_bytes(4, "little")
    z = tmp_path / "liar.zip"
    z.write_bytes(bytes(data))
    assert zip_problem(z) is None  # the header looks harmless …
    with pytest.raises(ZipRejected):  # … but inflating finds out
        extract_safely(z, tmp_path / "out")
