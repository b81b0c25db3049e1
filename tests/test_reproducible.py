"""Same input, same bytes (issue #4): two clean builds of the bundled corpus give identical sites.

The session's build (conftest.built_site, in this process) is compared with a second one made by
the command line in another process, with another hash seed (set and dict orders built from
hash() differ), into another folder with a fresh work folder. Dates in the site come from the
corpus, never from the clock. The build only reads its sources.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def digest(folder: Path) -> dict[str, str]:
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() for k, p in files(folder).items()}


@pytest.fixture(scope="module")
def second_build(built_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("again") / "elsewhere" / "site"
    out.parent.mkdir(parents=True)
    before = digest(DATA)
    seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "1717"
    proc = subprocess.run([sys.executable, "-m", "policyexplorer", "build", "--out", str(out)], cwd=ROOT,
                          env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert digest(DATA) == before, "the build wrote into data/"
    return out


def test_two_clean_builds_are_byte_identical(built_site, second_build):
    a, b = files(built_site), files(second_build)
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name].read_bytes() != b[name].read_bytes()]
    assert differ == [], f"{len(differ)} files differ, e.g. {differ[:10]}"
    assert len(a) > 500 and any(n.startswith("search/data/s/") for n in a) and "sitemap.xml.gz" in a


def latest_delivery() -> dt.date:
    dates = []
    for meta in sorted((DATA / "reports").glob("*/meta.yml")):
        d = str(yaml.safe_load(meta.read_text(encoding="utf-8"))["delivered"] or "")
        if d:
            parts = [int(x) for x in d.split("-")] + [1, 1]
            dates.append(dt.date(*parts[:3]))
    return max(dates)


def test_dates_in_the_site_come_from_the_corpus_not_the_clock(built_site):
    latest = latest_delivery()
    midnight = int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc).timestamp())
    for gz in built_site.rglob("*.gz"):
        assert struct.unpack("<I", gz.read_bytes()[4:8])[0] == midnight, gz     # gzip header mtime
    for sitemap in built_site.rglob("sitemap.xml"):
        assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap.read_text(encoding="utf-8"))) <= {latest.isoformat()}
    today = dt.date.today()
    stamps = {today.isoformat(), today.strftime("%Y/%m/%d"), f"{today.year}年{today.month}月{today.day}日"}
    corpus_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in DATA.rglob("*") if p.is_file())
    stamps = {s for s in stamps if s not in corpus_text}
    for name, path in files(built_site).items():
        if path.suffix in {".html", ".xml", ".json", ".csv", ".js", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [s for s in stamps if s in text], f"{name} carries today's date"
