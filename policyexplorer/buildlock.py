"""One build at a time per build folder, and a site that survives any interruption.

Two builds of one project (a `make serve` rebuilding while someone runs `make build`, two CI
jobs on one checkout) share build/cache, build/work and build/site.new; run together they would
write into each other's files. So a build holds an exclusive lock on build/build.lock for its
whole length. The lock is the kernel's (flock): it goes with the process, so a killed build
never leaves a stale lock behind. The file says who holds it, for the one that has to wait.

The published site is replaced by exchanging two folders in one step (renameat2 with
RENAME_EXCHANGE, Linux); where that is missing, by two renames, and the next build puts the
last good site back if an interruption fell between them.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
import fcntl
import os
import shutil
import sys
from pathlib import Path


class BuildBusy(RuntimeError):
    pass


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "another build"
    except OSError:
        return "another build"


@contextlib.contextmanager
def exclusive(folder: Path, wait: bool = True, say=lambda line: None):
    """Hold folder/build.lock for the block. A build already holding it: with `wait`, say so in
    one line and wait for it to end; else raise BuildBusy naming it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "build.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(path)
            if not wait:
                raise BuildBusy(f"{path}: a build is already running in {folder} ({holder})") from None
            say(f"waiting for the build already running in {folder} ({holder})")
            fcntl.flock(fd, fcntl.LOCK_EX)
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {started}: {' '.join(sys.argv)}\n".encode(), 0)
        yield
    finally:
        os.close(fd)        # releases the lock


def recover(out: Path) -> None:
    """Put the last good site back where an interrupted swap left it beside `out`."""
    old = out.parent / (out.name + ".old")
    if old.exists() and not out.exists():
        old.rename(out)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap(staging: Path, out: Path) -> None:
    """Publish `staging` as `out`. Readers of `out` (a server) see the old site or the new one,
    never none. The old site is removed by a process of its own: the build (and a `make serve`
    rebuild) is done once the new site is in place."""
    old = out.parent / (out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    for left in out.parent.glob(out.name + ".trash-*"):     # a removal killed before it ended
        shutil.rmtree(left, ignore_errors=True)
    if out.exists() and _exchange(staging, out):
        trash = out.parent / f"{out.name}.trash-{os.getpid()}"
        staging.rename(trash)             # now the old site
        _remove_later(trash)
        return
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)


def _remove_later(folder: Path) -> None:
    """Remove a folder in a detached process (a site of thousands of files takes seconds); where
    none can start, now."""
    import subprocess
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
