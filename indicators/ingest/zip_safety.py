"""Check and extract ZIP archives (zipped Shapefiles, XLSX) without trusting them.

A hostile archive can declare small sizes and inflate to gigabytes (zip bomb),
hold thousands of members, or name members ``../../etc/passwd``. The header
checks in :func:`zip_problem` reject what the archive declares; the
extraction in :func:`extract_safely` counts the bytes actually inflated, so a
lying header cannot get past the cap either.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path, PurePosixPath

from indicators.errors import InputError, msg
from indicators.wording.message import Message, Number

MAX_UNZIPPED = 500 * 1024 * 1024  # bytes after decompression, all members together
MAX_RATIO = 100  # uncompressed : compressed, whole archive
MAX_MEMBERS = 1000
_CHUNK = 1024 * 1024


class ZipRejected(InputError):
    """The archive is unsafe or unreadable; the message says why (German)."""


def unsafe_member_name(name: str) -> bool:
    """True for absolute paths, drive letters, ``..`` parts and control characters."""
    if not name or name.startswith(("/", "\\")) or ":" in name:
        return True
    if any(ord(ch) < 32 for ch in name):
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." in parts


def zip_problem(
    source: str | Path | bytes,
    max_unzipped: int = MAX_UNZIPPED,
    max_ratio: float = MAX_RATIO,
    max_members: int = MAX_MEMBERS,
) -> Message | None:
    """Why the archive must not be opened, or None if its header looks safe.

    Parameters
    ----------
    source
        Path to the archive or its bytes.
    max_unzipped, max_ratio, max_members
        Caps on the declared total size, the compression ratio and the number
        of members.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return msg("err_zip_invalid")
    if len(infos) > max_members:
        return msg("err_zip_members", n=len(infos), max=max_members)
    for info in infos:
        if unsafe_member_name(info.filename):
            return msg("err_zip_path", name=repr(info.filename))
        mode = info.external_attr >> 16
        if mode and stat.S_ISLNK(mode):
            return msg("err_zip_link", name=repr(info.filename))
        if info.flag_bits & 0x1:
            return msg("err_zip_encrypted", name=repr(info.filename))
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if total > max_unzipped:
        return msg("err_zip_too_large", mb=Number(total / 1e6, 0), max=Number(max_unzipped / 1e6, 0))
    if total > 1_000_000 and total / packed > max_ratio:
        return msg("err_zip_ratio", ratio=Number(total / packed, 0), max=Number(max_ratio, 0))
    return None


def extract_safely(
    path: str | Path,
    target: Path,
    suffixes: tuple[str, ...] | None = None,
    max_unzipped: int = MAX_UNZIPPED,
    max_ratio: float = MAX_RATIO,
) -> list[Path]:
    """Extract members (optionally only those ending in ``suffixes``) flat into ``target``.

    Directory parts of member names are dropped, so nothing can be written
    outside ``target``; bytes are counted while inflating.

    Raises
    ------
    ZipRejected
        If the archive is unsafe, broken or inflates beyond the caps.
    """
    problem = zip_problem(path, max_unzipped, max_ratio)
    if problem:
        raise ZipRejected(problem)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0
    packed = max(Path(path).stat().st_size, 1)
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir() or "__MACOSX" in info.filename:
                    continue
                base = PurePosixPath(info.filename.replace("\\", "/")).name
                if not base or base.startswith(".") or (suffixes and not base.lower().endswith(suffixes)):
                    continue
                out = target / base
                with zf.open(info) as src, open(out, "wb") as dst:
                    while chunk := src.read(_CHUNK):
                        total += len(chunk)
                        if total > max_unzipped or (total > 1_000_000 and total / packed > max_ratio):
                            raise ZipRejected(msg("err_zip_grew"))
                        dst.write(chunk)
                written.append(out)
    except ZipRejected:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ZipRejected(msg("err_zip_unreadable", kind=type(exc).__name__, detail=str(exc)[:120])) from None
    return written
