"""Bad input, nothing lost (issue #4): the command line refuses broken input with a message naming
the file (and line), exits non-zero and leaves the last good site as it was; sources are only read.

Each case copies tests/fixtures/good (one small valid report), breaks one thing and runs
`python -m policyexplorer build` in a subprocess against one shared output folder holding a good
build: after every refused build that folder must be byte for byte what it was.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "good"
RID = "good-2024-gwr"


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below folder."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_build(data: Path, out: Path) -> subprocess.CompletedProcess:
    """The CLI, in a subprocess; also checks that nothing below the data folder was written."""
    before = tree(data)
    proc = subprocess.run([sys.executable, "-m", "policyexplorer", "build", "--data", str(data), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert tree(data) == before, "the build wrote to its input"
    return proc


@pytest.fixture(scope="module")
def last_good(tmp_path_factory) -> Path:
    """A good build of the fixture corpus: the site every refused build must leave alone."""
    out = tmp_path_factory.mktemp("lastgood") / "site"
    proc = run_build(GOOD, out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "reports" / RID / "s1" / "index.html").exists()
    return out


@pytest.fixture
def data(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(GOOD, d)
    return d


def report_dir(data: Path) -> Path:
    return data / "reports" / RID


def set_meta_line(data: Path, key: str, line: str | None) -> None:
    """Replace (or with None, drop) the meta.yml line of `key`."""
    path = report_dir(data) / "meta.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [line if l.startswith(f"{key}:") else l for l in lines if line is not None or not l.startswith(f"{key}:")]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


GOOD_LINK = """links:
  - paragraph: good-2024-gwr:s2-p1
    quote: 城镇新增就业25万人以上
    outcome: good-2024-gwr:s1-p1
    action: add
    status: met
"""


def _src(data):
    return report_dir(data) / "source.txt"


def _meta(data):
    return report_dir(data) / "meta.yml"


# name -> (break the copy, file the message must name (relative to data), line or None, words)
CASES = {
    "empty source": (lambda d: _src(d).write_bytes(b""), f"reports/{RID}/source.txt", None, "source is empty"),
    "blank source": (lambda d: _src(d).write_bytes(b" \r\n\n\t\n"), f"reports/{RID}/source.txt", None, "source is empty"),
    "binary source": (lambda d: _src(d).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
                      f"reports/{RID}/source.txt", None, "binary file"),
    "neither UTF-8 nor GBK": (lambda d: _src(d).write_bytes("一、标题\n正文\n".encode() + b"caf\xe9 na\xefve\n"),
                              f"reports/{RID}/source.txt", 3, "not UTF-8 or GBK"),
    "no source": (lambda d: _src(d).unlink(), f"reports/{RID}", None, "no source text"),
    # issue #21: a link would publish whatever it points at (a system file) in the site and its search index
    "source a link to a system file": (lambda d: (_src(d).unlink(), _src(d).symlink_to("/etc/passwd")),
                                       f"reports/{RID}/source.txt", None, "is a symbolic link"),
    "meta.yml a link": (lambda d: (shutil.copy(_meta(d), d / "elsewhere.yml"), _meta(d).unlink(),
                                   _meta(d).symlink_to(d / "elsewhere.yml")), f"reports/{RID}/meta.yml", None,
                        "is a symbolic link"),
    "report folder a link": (lambda d: (d / "reports" / "linked-2024-gwr").symlink_to(report_dir(d)),
                             "reports/linked-2024-gwr", None, "is a symbolic link"),
    "two report files": (lambda d: ((report_dir(d) / "a.pdf").write_bytes(b"%PDF"), (report_dir(d) / "b.docx").write_bytes(b"PK")),
                         f"reports/{RID}", None, "more than one report file"),
    "no meta.yml": (lambda d: _meta(d).unlink(), f"reports/{RID}/meta.yml", None, "missing"),
    # a field meta.yml leaves out is read from the text (ingest/infer.py); one the text does not tell
    # either (the level of a place in neither places.yml nor the register) is an error
    "meta missing a field": (lambda d: set_meta_line(d, "level", None), f"reports/{RID}/meta.yml", None,
                             "missing field 'level'"),
    "meta wrong type": (lambda d: set_meta_line(d, "plan_years", "plan_years: 2024"), f"reports/{RID}/meta.yml", 8,
                        "field 'plan_years' must be list"),
    "meta wrong year": (lambda d: set_meta_line(d, "review_years", "review_years: [去年]"), f"reports/{RID}/meta.yml", 7,
                        "review_years must be a list of years"),
    "meta bad date": (lambda d: set_meta_line(d, "delivered", "delivered: 2024年1月"), f"reports/{RID}/meta.yml", 6,
                      "is not YYYY[-MM[-DD]]"),
    "meta impossible date": (lambda d: set_meta_line(d, "delivered", "delivered: 2099-13-45"), f"reports/{RID}/meta.yml", 6,
                             "is not a real date"),
    "meta impossible day": (lambda d: set_meta_line(d, "delivered", "delivered: 2023-02-29"), f"reports/{RID}/meta.yml", 6,
                            "is not a real date"),
    "meta year not a number": (lambda d: set_meta_line(d, "plan_years", "plan_years: [二〇二四]"), f"reports/{RID}/meta.yml", 8,
                               "plan_years must be a list of years"),
    "meta tab in YAML": (lambda d: set_meta_line(d, "title", "title:\t[x"), f"reports/{RID}/meta.yml", None, "not valid YAML"),
    "places: unknown parent": (lambda d: (d / "places.yml").write_text(
        "places:\n  - {name: 某市, level: city, parent: 某省}\n", encoding="utf-8"), "places.yml", None,
        "parent '某省' is not a listed place"),
    "meta bad level": (lambda d: set_meta_line(d, "level", "level: 市"), f"reports/{RID}/meta.yml", 4, "level '市'"),
    "meta unknown key": (lambda d: _meta(d).write_text(_meta(d).read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8"),
                         f"reports/{RID}/meta.yml", 10, "unknown field 'colour'"),
    "meta not YAML": (lambda d: set_meta_line(d, "title", "title: [2024年"), f"reports/{RID}/meta.yml", None, "not valid YAML"),
    "meta in GBK": (lambda d: _meta(d).write_bytes(_meta(d).read_text(encoding="utf-8").encode("gbk")),
                    f"reports/{RID}/meta.yml", None, "not UTF-8"),
    "meta not a mapping": (lambda d: _meta(d).write_text("- title\n", encoding="utf-8"), f"reports/{RID}/meta.yml", 1,
                           "expected a mapping"),
    "two reports, one id": (lambda d: (shutil.copytree(report_dir(d), d / "reports" / "good-2024-copy"),
                                       (d / "reports" / "good-2024-copy" / "meta.yml").open("a", encoding="utf-8").write(f"id: {RID}\n")),
                            f"reports/{RID}/meta.yml", None, f"report id '{RID}' is already used"),
    "links: no such report": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - paragraph: nowhere-2024-gwr:s2-p1\n    quote: 就业\n    outcome: good-2024-gwr:s1-p1\n", encoding="utf-8"),
        "links.yml", 7, "links[1]: no report 'nowhere-2024-gwr'"),
    "links: no such paragraph": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - paragraph: good-2024-gwr:s9-p9\n    quote: 就业\n    outcome: good-2024-gwr:s1-p1\n", encoding="utf-8"),
        "links.yml", 7, "has no paragraph 's9-p9'"),
    "links: outcome nowhere": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - commitment: good-2024-gwr:s2-p1:2\n    outcome: good-2024-gwr:s7-p1\n", encoding="utf-8"),
        "links.yml", 7, "has no paragraph 's7-p1'"),
    "links: no such commitment": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - commitment: good-2024-gwr:s2-p1:9\n    outcome: good-2024-gwr:s1-p1\n", encoding="utf-8"),
        "links.yml", 7, "no commitment 'good-2024-gwr:s2-p1:9'"),
    "links: quote not there": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - paragraph: good-2024-gwr:s2-p1\n    quote: 这句话不在原文里\n    outcome: good-2024-gwr:s1-p1\n", encoding="utf-8"),
        "links.yml", 7, "is not in paragraph"),
    "links: unknown key": (lambda d: (d / "links.yml").write_text(
        GOOD_LINK + "  - commitment: good-2024-gwr:s2-p1:2\n    outcom: good-2024-gwr:s1-p1\n", encoding="utf-8"),
        "links.yml", 7, "unknown keys ['outcom']"),
    "links: not YAML": (lambda d: (d / "links.yml").write_text(GOOD_LINK + "  - [\n", encoding="utf-8"),
                        "links.yml", None, "not valid YAML"),
    "links: a list": (lambda d: (d / "links.yml").write_text("- outcome: x\n", encoding="utf-8"), "links.yml", 1,
                      "expected a mapping"),
    "overrides: not YAML": (lambda d: (d / "s2t_overrides.yml").write_text("people:\n  范礼奎: [范禮奎\n", encoding="utf-8"),
                            "s2t_overrides.yml", None, "not valid YAML"),
    "overrides: a list": (lambda d: (d / "s2t_overrides.yml").write_text("- 范礼奎\n", encoding="utf-8"),
                          "s2t_overrides.yml", 1, "expected a mapping"),
    "overrides: lengths differ": (lambda d: (d / "s2t_overrides.yml").write_text("people:\n  范礼奎: 范禮\n", encoding="utf-8"),
                                  "s2t_overrides.yml", None, "lengths differ"),
    "indicators: not YAML": (lambda d: (d / "indicators.yml").write_text("indicators:\n  - {id: a, name: [b\n", encoding="utf-8"),
                             "indicators.yml", None, "not valid YAML"),
    "indicators: entry not a mapping": (lambda d: (d / "indicators.yml").write_text("# c\nindicators:\n  - gdp\n", encoding="utf-8"),
                                        "indicators.yml", 3, "indicators[0] must be a mapping"),
    "agencies: not UTF-8": (lambda d: (d / "agencies.yml").write_bytes("agencies:\n  - name: 市发改委\n".encode("gbk")),
                            "agencies.yml", 2, "not UTF-8"),
    "areas: not a list": (lambda d: (d / "areas.yml").write_text("areas: 经济\n", encoding="utf-8"), "areas.yml", 1,
                          "'areas' must be a list"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_and_the_last_good_site_kept(case, data, last_good):
    breaker, file, line, words = CASES[case]
    breaker(data)
    before = tree(last_good)
    proc = run_build(data, last_good)
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    first = proc.stderr.splitlines()[0]
    where = f"{data / file}:{line}:" if line else f"{data / file}"
    assert first.startswith(f"error: {where}"), first
    assert words in first, first
    assert f"{last_good} was left as it was" in proc.stderr
    assert tree(last_good) == before


def test_a_failure_late_in_the_build_keeps_the_last_good_site(data, last_good, monkeypatch, capsys):
    """MkDocs failing for the second script, after the first is staged: still nothing published."""
    from policyexplorer import __main__ as cli
    from policyexplorer import build as build_mod

    real = build_mod._mkdocs

    def failing(config, config_path, epoch, *rest):
        if "hant" in str(config_path):
            raise build_mod.BuildError(f"{config_path}: MkDocs failed: simulated")
        return real(config, config_path, epoch)

    monkeypatch.setattr(build_mod, "_mkdocs", failing)
    before = tree(last_good)
    assert cli.main(["build", "--data", str(data), "--out", str(last_good)]) == 1
    err = capsys.readouterr().err
    assert "MkDocs failed: simulated" in err and "was left as it was" in err
    assert tree(last_good) == before


def test_a_failing_search_index_fails_the_build_and_keeps_the_last_good_site(data, last_good, monkeypatch, capsys):
    """The indexes are written by a forked process: its error reaches the build, named."""
    from policyexplorer import __main__ as cli
    from policyexplorer import build as build_mod

    def failing(*args):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(build_mod, "_write_search_indexes", failing)
    before = tree(last_good)
    assert cli.main(["build", "--data", str(data), "--out", str(last_good)]) == 1
    err = capsys.readouterr().err
    assert "search indexes failed: OSError: disk full (simulated)" in err and "was left as it was" in err
    assert "Traceback" not in err
    assert tree(last_good) == before


def page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding,prefix", [("gbk", b""), ("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("utf-16", b"")])
def test_gbk_bom_and_utf16_sources_decode_without_mojibake(encoding, prefix, data, tmp_path):
    text = _src(data).read_text(encoding="utf-8")
    _src(data).write_bytes(prefix + text.encode(encoding))
    out = tmp_path / "out" / "site"
    proc = run_build(data, out)
    assert proc.returncode == 0, proc.stderr
    section = page_text(out / "reports" / RID / "s1" / "index.html")
    assert "过去一年，全市生产总值增长6%，城镇新增就业24万人。" in section
    assert "\ufeff" not in section
    corpus = json.loads(page_text(out / "data" / "corpus.json"))
    first = corpus["reports"][0]["sections"][0]["paragraphs"][0]
    assert first["text"] == "政府工作报告"                      # no BOM, no mojibake
    hant = page_text(out / "zh-Hant" / "reports" / RID / "s1" / "index.html")
    assert "過去一年，全市生產總值增長6%，城鎮新增就業24萬人。" in hant
    # the published source is the text as received, as UTF-8 with a BOM so browsers read it right;
    # once, at the root, where both scripts' overviews link
    published = (out / "reports" / RID / "source.txt").read_bytes()
    assert published.startswith(b"\xef\xbb\xbf")
    assert published[3:].decode("utf-8") == text
    assert not (out / "zh-Hant" / "reports" / RID / "source.txt").exists()
    overview = page_text(out / "zh-Hant" / "reports" / RID / "index.html")
    assert f'href="../../../reports/{RID}/source.txt"' in overview


def test_report_without_numbering_builds_as_one_section_with_a_warning(data, tmp_path):
    _src(data).write_text("这份报告没有任何编号。\n\n第二段也没有编号，只有文字。\n\n最后一段。\n", encoding="utf-8")
    out = tmp_path / "out" / "site"
    proc = run_build(data, out)
    assert proc.returncode == 0, proc.stderr
    assert re.search(rf"^warning: {re.escape(str(_src(data)))}: no recognisable numbering", proc.stderr, re.M), proc.stderr
    corpus = json.loads(page_text(out / "data" / "corpus.json"))
    (report,) = corpus["reports"]
    assert len(report["sections"]) == 1
    assert [p["text"] for p in report["sections"][0]["paragraphs"]] == [
        "这份报告没有任何编号。", "第二段也没有编号，只有文字。", "最后一段。"]
    section = report["sections"][0]["id"]
    assert (out / "reports" / RID / section / "index.html").exists()
    assert (out / "zh-Hant" / "reports" / RID / section / "index.html").exists()


def test_sources_are_never_written_by_a_good_build(data, tmp_path):
    """run_build checks the data folder is unchanged; here also the file times of the sources."""
    stats = {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()}
    proc = run_build(data, tmp_path / "out" / "site")
    assert proc.returncode == 0, proc.stderr
    assert {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()} == stats
