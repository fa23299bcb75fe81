"""Uploaded files of the query tools live only as long as they are read."""

from pathlib import Path

from ui.pages.query_tools import _saved_upload


class FakeUpload:
    """What st.file_uploader returns, as far as _saved_upload uses it."""

    def __init__(self, data: bytes, name: str = "punkte.csv"):
        self.data, self.name = data, name

    def getvalue(self) -> bytes:
        return self.data


def test_temporary_file_is_deleted_after_the_block():
    with _saved_upload(FakeUpload(b"lat;lon\n53.87;10.68\n"), ".csv") as path:
        assert isinstance(path, Path) and path.read_bytes().startswith(b"lat;lon")
        folder = path.parent
    assert not path.exists() and not folder.exists()


def test_temporary_file_is_deleted_on_error_too():
    try:
        with _saved_upload(FakeUpload(b"x"), ".tif") as path:
            raise RuntimeError("reader failed")
    except RuntimeError:
        pass
    assert not path.exists()


def test_too_large_yields_none(monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_MAX_UPLOAD_MB", "0.000001")
    with _saved_upload(FakeUpload(b"0123456789" * 10), ".csv") as path:
        assert path is None
