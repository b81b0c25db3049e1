"""`python -m policyexplorer serve` (make serve): serves the site and rebuilds it when a report
changes, serving the last good site meanwhile and after a failed build."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def test_serve_rebuilds_on_a_change_and_keeps_serving_the_last_good_site(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    out = tmp_path / "build" / "site"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen([sys.executable, "-m", "policyexplorer", "serve", "--data", str(data), "--out", str(out),
                             "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True).start()

    def wait_for(words: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(words in line for line in lines):
                return
            assert proc.poll() is None, "".join(lines)
            time.sleep(0.2)
        raise AssertionError(f"never printed {words!r}:\n{''.join(lines)}")

    try:
        wait_for("serving ")
        page = f"http://127.0.0.1:{port}/reports/wuchang-2025-gwr/index.html"
        assert "新标题甲乙" not in fetch(page)
        meta = data / "reports" / "wuchang-2025-gwr" / "meta.yml"
        lines.clear()
        meta.write_text(meta.read_text(encoding="utf-8").replace("title: ", "title: 新标题甲乙", 1), encoding="utf-8")
        wait_for("changed: ")
        wait_for("built ", 300)
        assert "新标题甲乙" in fetch(page)
        # a broken report: the build fails, the last good site is still served
        lines.clear()
        meta.write_text("title: [unclosed\n", encoding="utf-8")
        wait_for("was left as it was")
        assert "新标题甲乙" in fetch(page)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
