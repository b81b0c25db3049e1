"""Relative links between page paths: the fast path gives exactly what posixpath.relpath gives."""
import itertools
import posixpath

from policyexplorer.site.paths import relpath, href

PATHS = ["", "reports/", "reports/x/", "reports/x/s1/", "reports/x/s1-2/", "reports/y/s1/", "tracker/",
         "tracker/2025/wuhan/", "tracker/2025/wuhan/2/", "tracker/agencies/a/p-1/", "search/",
         "reports/x/s1", "a/./b/", "a//b/", "../up/", "tracker/2025/../2024/"]


def test_relpath_matches_posixpath():
    for to_page, from_page in itertools.product(PATHS, repeat=2):
        assert relpath(to_page, from_page) == posixpath.relpath(to_page or ".", from_page or "."), (to_page, from_page)


def test_href_ends_in_index_html():
    assert href("tracker/2025/wuhan/", "reports/x/s1/", "s1-p2") == "../../../reports/x/s1/index.html#s1-p2"
    assert href("reports/x/s1/", "reports/x/s1/") == "index.html"
    assert href("", "search/") == "search/index.html"
