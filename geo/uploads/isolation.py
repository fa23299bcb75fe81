"""Fence a sandboxed check child in: no network, no inherited sockets, dies with its parent.

Called first thing in the child of :mod:`geo.uploads.sandbox` (a fork of the
server or the CLI), before any file is opened:

1. :func:`die_with_parent`: ``PR_SET_PDEATHSIG`` = SIGKILL, so a server killed
   with ``kill -9`` takes its checks along;
2. :func:`release_sockets`: every inherited socket (the server's listening port,
   its browser connections, database connections) is replaced by ``/dev/null``,
   so a child that outlives its parent holds no port;
3. :func:`cut_network`: a network namespace of its own (``unshare(CLONE_NEWNET)``;
   unprivileged: a user namespace with it), in which there is no interface at all
   but a loopback that is down; where the kernel allows neither, the network is
   only blocked by settings (:func:`block_by_settings`): every HTTP proxy setting
   (GDAL's and libcurl's) points to a port this child holds bound but does not
   listen on, and ``NO_PROXY`` is removed.

``SOZIALMONITOR_SANDBOX_NET=settings`` skips the namespace (tests of the fallback).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import stat
import sys

ENV_NET = "SOZIALMONITOR_SANDBOX_NET"
PR_SET_PDEATHSIG = 1
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PROXY_VARS = (
    "http_proxy",
    "https_proxy",
    "ftp_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "FTP_PROXY",
    "ALL_PROXY",
)
_HELD: list[socket.socket] = []  # the bound, never listening socket the proxy settings point to


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def die_with_parent(parent_pid: int) -> None:
    """SIGKILL this process when its parent dies; exit now if the parent is gone already."""
    with contextlib.suppress(OSError, AttributeError):
        _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def release_sockets(keep: set[int]) -> int:
    """Replace every inherited socket except ``keep`` by ``/dev/null``; the number replaced.

    The descriptor numbers stay taken (``dup2``), so no object of the parent that
    still holds one can close a file this child opens later.
    """
    done = 0
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        return 0
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in fds:
            if fd in keep or fd == null or fd < 3:
                continue
            try:
                if stat.S_ISSOCK(os.fstat(fd).st_mode):
                    os.dup2(null, fd)
                    done += 1
            except OSError:
                continue
    finally:
        os.close(null)
    return done


def _closed_port() -> int:
    """A port on 127.0.0.1 that this process holds bound and never listens on (connections are refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    _HELD.append(sock)
    return int(sock.getsockname()[1])


def block_by_settings() -> dict[str, str]:
    """Point every proxy setting to a refused port, remove ``NO_PROXY``; the settings made.

    The GDAL options go into the environment (GDAL reads unset options from there)
    and, if pyogrio is loaded, into its GDAL as well.
    """
    try:
        proxy = f"127.0.0.1:{_closed_port()}"
    except OSError:  # no loopback at all (a network namespace): nothing to reach anyway
        proxy = "127.0.0.1:1"
    settings = {
        "GDAL_HTTP_PROXY": proxy,
        "GDAL_HTTPS_PROXY": proxy,
        "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".sozialmonitor-kein-netz",
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
        "GDAL_HTTP_MAX_RETRY": "0",
        "GDAL_HTTP_TIMEOUT": "1",
        "GDAL_HTTP_CONNECTTIMEOUT": "1",
        "PROJ_NETWORK": "OFF",
    }
    for var in PROXY_VARS:
        settings[var] = f"http://{proxy}"
    for var in ("no_proxy", "NO_PROXY", "GDAL_HTTP_NO_PROXY"):
        os.environ.pop(var, None)
    os.environ.update(settings)
    pyogrio = sys.modules.get("pyogrio")
    if pyogrio is not None:  # pyogrio's GDAL keeps its own copy of options set earlier; a fence that
        # cannot be set fails the check (sent back as an error), it is not skipped in silence
        pyogrio.set_gdal_config_options({k: v for k, v in settings.items() if k.isupper()})
    return settings


def cut_network() -> str:
    """Take this process off the network; ``"namespace"`` or ``"settings"`` (the fence that holds).

    The settings of :func:`block_by_settings` are made in both cases.
    """
    mode = "settings"
    if os.environ.get(ENV_NET, "").strip().lower() != "settings":
        libc = _libc()
        if libc.unshare(CLONE_NEWNET) == 0 or libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
            mode = "namespace"
    block_by_settings()
    return mode


def network_reachable(host: str = "127.0.0.1", port: int = 1) -> bool:
    """Whether a TCP connection to ``host:port`` gets past the namespace (for tests)."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False
