"""Links and requests (issue #4): representative pages of both scripts, served under a sub-path,
load without a single request to another host, a failed request or a console error.

Also the "not found" page as a host serves it (GitHub Pages: 404.html for any missing path,
at any depth): it loads nothing else and its one link leads to the right home page.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from conftest import SUB, Tab
from pagesets import PREFIXES, SEARCH, representative


def watch(tab: Tab):
    bad: list[str] = []
    tab.page.on("response", lambda r: r.status >= 400 and bad.append(f"{r.status} {r.url}"))
    # a request the next navigation cancels (a late favicon fetch) is aborted, not failed: a
    # missing file still shows as a 404 response above
    tab.page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and bad.append(f"failed {r.url} {r.failure}"))
    return bad


@pytest.mark.parametrize("prefix", PREFIXES)
def test_representative_pages_load_only_from_the_site(chromium, site_url, built_site, prefix):
    t = Tab(chromium)
    bad = watch(t)
    try:
        pages = representative(built_site)
        assert len(pages) >= 4
        for path in pages:
            t.page.goto(site_url + prefix + path)
            t.page.wait_for_load_state("networkidle")
            if path == SEARCH:
                t.page.wait_for_selector("#pe-search[data-ms]")
                assert t.page.locator(".pe-search__results a").count() > 0
            assert t.page.evaluate("document.documentElement.lang") == ("zh-Hant" if prefix else "zh-Hans")
        assert len(t.requests) > 3 * len(pages)                      # pages, styles, scripts, index
        assert [u for u in t.requests if not u.startswith((site_url, "data:"))] == []
        assert bad == []
        assert t.errors == []
    finally:
        t.close()


class NotFoundServer(http.server.SimpleHTTPRequestHandler):
    """Serves the site's 404.html for every missing path, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.server.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_host(built_site, tmp_path_factory):
    top = tmp_path_factory.mktemp("ghpages")
    shutil.copytree(built_site, top / SUB)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundServer, directory=str(top)))
    httpd.site = top / SUB
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{SUB}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("missing,home", [
    ("reports/no-such-report/s9/index.html", "index.html"),
    ("zh-Hant/reports/wuhan-2024-gwr/s99/index.html", "zh-Hant/index.html"),
    ("tracker/1999/index.html", "index.html"),
    ("no-such-page.html", "index.html"),
])
def test_not_found_page_works_at_any_depth(tab, pages_host, missing, home):
    response = tab.page.goto(pages_host + missing)
    assert response.status == 404
    link = tab.page.locator("a[data-pe-home]")
    assert link.is_visible()
    link.click()
    tab.page.wait_for_load_state()
    assert tab.page.url == pages_host + home
    assert tab.page.locator("a[data-pe-toggle]").count() == 1          # a real page of the site
    assert [u for u in tab.requests if not u.startswith((pages_host, "data:"))] == []
    # the only error is the browser reporting the 404 itself
    assert [e for e in tab.errors if "404" not in e] == []


@pytest.mark.parametrize("missing,lang,heading", [
    ("reports/no-such-report/index.html", "zh-Hans", "找不到这个页面"),
    ("zh-Hant/reports/no-such-report/index.html", "zh-Hant", "找不到這個頁面"),
])
def test_not_found_page_speaks_the_script_of_the_address(tab, pages_host, missing, lang, heading):
    tab.page.goto(pages_host + missing)
    assert tab.page.evaluate("document.documentElement.lang") == lang
    assert tab.page.locator("h1").inner_text() == heading
