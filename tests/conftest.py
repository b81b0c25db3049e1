"""Shared fixtures: one build of the real corpus per test session, a local server, Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyexplorer.localserver import serve

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SUB = "org/policy-explorer/"      # the built site is served under a sub-path, as on GitHub Pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """build/site of the bundled corpus, built once into a temporary folder."""
    from policyexplorer.build import build
    out = tmp_path_factory.mktemp("real") / "site"
    build(ROOT / "data", out)
    return out




@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """http URL of the built site under a sub-path (ends in /)."""
    top = tmp_path_factory.mktemp("www")
    target = top / SUB
    target.parent.mkdir(parents=True)
    shutil.copytree(built_site, target)
    httpd = serve(top)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{SUB}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A browser page that records every request, page error and console error."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def close(self):
        self.context.close()


@pytest.fixture
def tab(chromium):
    t = Tab(chromium)
    yield t
    t.close()
