"""Builds that never collide, survive any interruption, and say how far they are.

Two builds of one project at once: the second waits for the first (or, with --no-wait, exits 1
at once with one line naming the running build), never a traceback or mixed outputs. A build
killed at any moment leaves the last good site and lets the next build succeed.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policyexplorer import buildlock

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def start_build(out: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.Popen([sys.executable, "-m", "policyexplorer", "build", "--data", str(DATA), "--out", str(out),
                             *extra], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_for_lock(proc: subprocess.Popen, out: Path, timeout: float = 60) -> None:
    """Until the build `proc` holds the lock of out's folder."""
    lock = out.parent / "build.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and f"pid {proc.pid}," in lock.read_text(encoding="utf-8", errors="replace"):
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the build never took the lock")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    """A last good site (a first build), in its own build folder."""
    out = tmp_path_factory.mktemp("lock") / "site"
    proc = start_build(out)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    return out


def test_a_second_build_with_no_wait_exits_at_once_naming_the_running_one(good):
    first = start_build(good)
    try:
        wait_for_lock(first, good)
        second = subprocess.run([sys.executable, "-m", "policyexplorer", "build", "--data", str(DATA), "--out",
                                 str(good), "--no-wait"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert "Traceback" not in second.stderr
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1, second.stderr
        assert "already running" in lines[0] and f"pid {first.pid}" in lines[0], lines[0]
    finally:
        first.communicate(timeout=600)
    assert first.returncode == 0


def test_a_second_build_waits_for_the_first_and_both_succeed(good):
    first = start_build(good)
    wait_for_lock(first, good)
    second = start_build(good)
    out1, err1 = first.communicate(timeout=600)
    out2, err2 = second.communicate(timeout=600)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "Traceback" not in err1 + err2
    assert "waiting for the build already running" in out2 and f"pid {first.pid}" in out2
    assert (good / "index.html").is_file() and (good / "zh-Hant" / "index.html").is_file()


@pytest.mark.parametrize("after", [0.5, 3.0])
def test_a_build_killed_midway_leaves_the_last_good_site_and_the_next_build_succeeds(good, after):
    """Killed (SIGKILL, the whole process group: workers too) at some point of its work."""
    before = tree(good)
    # a change, so the build has work to do (and would change the site) when it is killed
    proc = start_build(good, "--site-url", f"https://example.org/killed-{int(after * 10)}/")
    wait_for_lock(proc, good)
    time.sleep(after)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    now = tree(good)
    # untouched, unless it got as far as the swap (one step: its whole site, then only its
    # workers' shutdown and the lock's release are left to be killed)
    published = f"https://example.org/killed-{int(after * 10)}/" in (good / "index.html").read_text(encoding="utf-8")
    assert now == before or proc.returncode == 0 or published
    again = start_build(good)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert tree(good) == before                        # same sources, same bytes


def test_an_interrupted_swap_is_recovered(tmp_path):
    out = tmp_path / "site"
    old = tmp_path / "site.old"
    old.mkdir()
    (old / "index.html").write_text("last good", encoding="utf-8")
    buildlock.recover(out)                             # killed between the two renames
    assert (out / "index.html").read_text(encoding="utf-8") == "last good"
    assert not old.exists()


def test_the_swap_exchanges_whole_folders(tmp_path):
    out, staging = tmp_path / "site", tmp_path / "site.new"
    out.mkdir()
    staging.mkdir()
    (out / "a").write_text("old", encoding="utf-8")
    (staging / "a").write_text("new", encoding="utf-8")
    buildlock.swap(staging, out)
    assert (out / "a").read_text(encoding="utf-8") == "new"
    assert not staging.exists() and not (tmp_path / "site.old").exists()
    # the old site goes in a process of its own; one a killed removal left goes at the next swap
    for _ in range(100):
        if not list(tmp_path.glob("site.trash-*")):
            break
        time.sleep(0.05)
    assert not list(tmp_path.glob("site.trash-*"))
    (tmp_path / "site.trash-1").mkdir()
    staging.mkdir()
    buildlock.swap(staging, out)
    assert not (tmp_path / "site.trash-1").exists()


def test_plain_progress_prints_a_line_per_stage_and_quiet_prints_nothing(good):
    """Piped (as in CI): a plain line per stage with its time on stdout; --quiet: nothing there."""
    plain = start_build(good)
    stdout, stderr = plain.communicate(timeout=600)
    assert plain.returncode == 0, stderr
    lines = stdout.splitlines()
    for stage in ("parse", "commitments", "pages", "docs", "mkdocs", "publish"):
        assert any(line.startswith(f"{stage}:") and line.endswith("s") for line in lines), (stage, lines)
    assert any(line.startswith("docs: ") and " pages " in line for line in lines), lines
    assert lines[-1].startswith("built ")
    assert "\r" not in stdout and "\x1b" not in stdout    # nothing that redraws in a log
    assert all(line.startswith("warning: ") for line in stderr.splitlines()), stderr
    quiet = start_build(good, "--quiet")
    stdout, stderr = quiet.communicate(timeout=600)
    assert quiet.returncode == 0, stderr
    assert stdout == ""
    assert all(line.startswith("warning: ") for line in stderr.splitlines()), stderr


def test_a_bar_counts_items_out_of_the_total(capsys):
    import io
    from policyexplorer.progress import Progress
    stream = io.StringIO()
    p = Progress("bar", stream)
    p.begin("parse", "reports", 4)
    for _ in range(4):
        p.tick()
    p.end()
    shown = stream.getvalue()
    assert "4/4" in shown and "parse" in shown
