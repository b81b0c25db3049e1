"""Screenshots of built pages, wide and phone-sized, for looking at what changed.

    .venv/bin/python scripts/screenshot.py reports/<report id>/s1/ zh-Hant/search/?q=<query>
writes build/shots/<name>-{wide,phone}.png (served from build/site over a local server).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from policyexplorer.localserver import serve  # noqa: E402
SITE = ROOT / "build" / "site"
OUT = ROOT / "build" / "shots"


def main(paths: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    httpd = serve(SITE)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for path in paths or [""]:
            name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home"
            for label, size in (("wide", (1280, 900)), ("phone", (360, 740))):
                page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                page.goto(base + path)
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / f"{name}-{label}.png"))
                page.close()
                print(OUT / f"{name}-{label}.png")
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
