"""A rebuild reuses the last build (parsed reports from build/cache, MkDocs rendering only the
pages whose Markdown changed) and still gives the same bytes as a clean build."""
from __future__ import annotations

import shutil
from pathlib import Path

from policyexplorer.build import build

ROOT = Path(__file__).resolve().parents[1]


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_rebuild_after_a_change_is_byte_identical_to_a_clean_build(built_site, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    meta = data / "reports" / "wuchang-2025-gwr" / "meta.yml"
    original = meta.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    i = next(k for k, line in enumerate(lines) if line.startswith("title:"))
    lines[i] = "title: 改过的标题\n"
    meta.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "b" / "site"
    build(data, out)
    assert "改过的标题" in (out / "reports" / "wuchang-2025-gwr" / "index.html").read_text(encoding="utf-8")
    untouched = tmp_path / "b" / "work" / "hans" / "site" / "reports" / "wuhan-2025-gwr-tasks" / "s4-2-1" / "index.html"
    before = untouched.stat().st_mtime_ns

    # the published files share their inodes with the work folder (hard links): a link to every one
    # of them shows whether the rebuild writes into any (it must only ever replace the site whole)
    published = files(out)
    snapshot = tmp_path / "snapshot"
    for rel in published:
        (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
        (snapshot / rel).hardlink_to(out / rel)

    meta.write_text(original, encoding="utf-8")            # back as it was: an incremental rebuild
    again = build(data, out)
    # the pages that show the title (the report's own, its tracker rows' pages, lists naming it)
    assert 0 < again.rendered < again.pages // 4
    assert files(snapshot) == published, "the rebuild wrote into the last published site's files"
    assert untouched.stat().st_mtime_ns == before, "a page that did not change is not rendered again"
    assert len(list((tmp_path / "b" / "cache" / "report").rglob("*.pickle"))) == 5   # one entry a report
    assert len(list((tmp_path / "b" / "cache" / "commitments").rglob("*.pickle"))) == 5
    for user in ("pages", "mkdocs"):         # compiled templates, ours and Material's, kept for the next
        assert list((tmp_path / "b" / "cache" / "templates" / user).glob("*.cache")), user
    got, want = files(out), files(built_site)
    assert got.keys() == want.keys()
    assert [k for k in want if got[k] != want[k]] == []


def test_a_rebuild_publishes_no_folder_a_removed_page_left_empty(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    out = tmp_path / "b" / "site"
    build(data, out)
    # a list that loses pages leaves their folders, empty, in the MkDocs output the rebuild reuses
    (tmp_path / "b" / "work" / "hans" / "site" / "tracker" / "2025" / "wuhan" / "99").mkdir()
    build(data, out)
    empty = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert empty == []
