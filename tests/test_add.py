"""Issue #21: `python -m policyexplorer add FILE...` makes a report folder from a file as received.

Inference (ingest/infer.py) is another change's work: these tests stand in a fixed answer for it
where they need fields, so they measure what `add` does with any answer: the folder, the
meta.yml (valid YAML however odd the words, each field's words as a comment, the missing ones
commented out with what to write), the printed line, idempotence, --force, refusals that leave
nothing behind, and a build publishing the original beside its text.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import formatgen
from policyexplorer.ingest import add as add_mod
from policyexplorer.ingest import corpus
from policyexplorer.ingest.infer import Fact
from policyexplorer.ingest.meta import load_meta

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "good"
GOOD_REPORT = GOOD / "reports" / "good-2024-gwr"

FACTS = {
    "title": Fact("某市2024年政府工作报告", "某市2024年政府工作报告", 1),
    "issuer": Fact("某市人民政府", "某市人民政府市长", 3),
    "place": Fact("某市", "某市人民政府", 3),
    "level": Fact("city", "市长", 3),
    "kind": Fact("government-work-report", "政府工作报告", 1),
    "delivered": Fact("2024-01-18", "2024年1月18日", 2),
    "review_years": Fact([2023], "2023年工作回顾", 6),
    "plan_years": Fact([2024], "2024年工作安排", 20),
}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def inferred(monkeypatch):
    """infer_meta answers FACTS (speaker missing), suggest_id a fixed id."""
    monkeypatch.setattr(add_mod, "infer_meta", lambda text, places: (dict(FACTS), {"speaker": "报告人姓名（可不填）"}))
    monkeypatch.setattr(add_mod, "suggest_id", lambda facts, places: "moushi-2024-gwr")


@pytest.fixture
def reports(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "reports"


def run_add(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policyexplorer", "add", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_add_writes_text_original_and_a_meta_yml_that_loads(inferred, reports, tmp_path):
    src = tmp_path / "某市政府工作报告.txt"
    src.write_bytes(GOOD_REPORT.joinpath("source.txt").read_text(encoding="utf-8").encode("gbk"))
    done, errors = add_mod.add([src], reports)
    assert errors == [] and len(done) == 1
    folder = reports / "moushi-2024-gwr"
    assert sorted(p.name for p in folder.iterdir()) == ["meta.yml", "received.txt", "source.txt"]
    assert (folder / "received.txt").read_bytes() == src.read_bytes()
    assert (folder / "source.txt").read_text(encoding="utf-8") == GOOD_REPORT.joinpath("source.txt").read_text(encoding="utf-8")
    meta = load_meta(folder / "meta.yml", folder.name)
    for field, fact in FACTS.items():
        assert meta[field] == fact.value
    assert meta["received_as"] == src.name and meta["source"] == src.name
    text = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "delivered: \"2024-01-18\"  # 据“2024年1月18日”（第2行）" in text
    assert "# speaker:   # 未能从正文读出，请填写：报告人姓名（可不填）" in text
    line = done[0].line()
    assert line.startswith("moushi-2024-gwr: title=某市2024年政府工作报告, issuer=某市人民政府")
    assert "review_years=[2023]" in line and line.endswith("; missing: speaker (报告人姓名（可不填）)")
    report, _ = corpus.parse_report(folder)
    assert report.sections and not report.original          # a text file: nothing to publish beside it


@pytest.mark.parametrize("value, words", [
    ('标题: "引号" # 井号 [括号] {花括号} & * ! | > \' %', "第一行\n第二行\t# 不是键: 值"),
    ("- 2024", "yes"),
    ("null", "\u2028"),
])
def test_any_words_stay_valid_yaml(monkeypatch, reports, tmp_path, value, words):
    facts = {**FACTS, "title": Fact(value, words, 7)}
    monkeypatch.setattr(add_mod, "infer_meta", lambda text, places: (facts, {}))
    monkeypatch.setattr(add_mod, "suggest_id", lambda facts, places: None)
    src = tmp_path / "a.txt"
    shutil.copy(GOOD_REPORT / "source.txt", src)
    done, errors = add_mod.add([src], reports)
    assert not errors
    meta = yaml.safe_load((done[0].folder / "meta.yml").read_text(encoding="utf-8"))
    assert meta["title"] == value
    assert load_meta(done[0].folder / "meta.yml", done[0].id)["title"] == value


@pytest.mark.parametrize("name, want", [
    ("Report 2024 (final).PDF.txt", "report-2024-final-pdf"),
    ("WuHan_GWR-2025.txt", "wuhan-gwr-2025"),
])
def test_an_id_from_the_file_name_when_the_text_gives_none(reports, tmp_path, name, want):
    src = tmp_path / name
    shutil.copy(GOOD_REPORT / "source.txt", src)
    done, errors = add_mod.add([src], reports)
    assert not errors and done[0].id == want and done[0].id_from_name
    assert "id made from the file name" in done[0].line()


def test_a_name_without_letters_gives_a_stable_hash_id(reports, tmp_path):
    src = tmp_path / "2024年政府工作报告.txt"
    shutil.copy(GOOD_REPORT / "source.txt", src)
    first, _ = add_mod.add([src], reports)
    assert first[0].id == "report-" + hashlib.sha256(src.read_bytes()).hexdigest()[:8]


def test_twice_changes_nothing_and_other_content_needs_force(inferred, reports, tmp_path):
    src = tmp_path / "报告.txt"
    shutil.copy(GOOD_REPORT / "source.txt", src)
    add_mod.add([src], reports)
    before = tree(reports)
    mtimes = {p: p.stat().st_mtime_ns for p in (reports / "moushi-2024-gwr").iterdir()}
    done, errors = add_mod.add([src], reports)
    assert not errors and done[0].state == "unchanged" and done[0].line().endswith("[unchanged]")
    assert tree(reports) == before
    assert {p: p.stat().st_mtime_ns for p in (reports / "moushi-2024-gwr").iterdir()} == mtimes
    src.write_text(src.read_text(encoding="utf-8") + "\n四、新增一段\n新的内容。\n", encoding="utf-8")
    done, errors = add_mod.add([src], reports)
    assert done == [] and len(errors) == 1 and "exists with other content" in errors[0] and "--force" in errors[0]
    assert errors[0].startswith(str(src))
    assert tree(reports) == before
    done, errors = add_mod.add([src], reports, force=True)
    assert not errors and done[0].state == "replaced"
    assert "新的内容" in (reports / "moushi-2024-gwr" / "source.txt").read_text(encoding="utf-8")
    assert not [p for p in reports.parent.iterdir() if p.name.startswith(".")], "no staging folder left"


def test_the_command_line_refuses_bad_files_in_one_line_each_and_writes_nothing(reports, tmp_path):
    (tmp_path / "表格.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "坏.pdf").write_bytes(b"%PDF-1.4 cut short")
    (tmp_path / "空.txt").write_bytes(b"")
    proc = run_add(tmp_path / "表格.xlsx", tmp_path / "坏.pdf", tmp_path / "空.txt", tmp_path / "没有.pdf",
                   "--reports-dir", reports)
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 4 and "Traceback" not in proc.stderr
    for line, name in zip(lines, ["表格.xlsx", "坏.pdf", "空.txt", "没有.pdf"]):
        assert line.startswith(f"error: {tmp_path / name}: "), line
    assert not reports.exists() or not any(reports.iterdir())
    assert not [p for p in reports.parent.iterdir() if p.name.startswith(".")]


def test_the_command_line_adds_and_prints_one_line_per_report(reports, tmp_path):
    src = tmp_path / "good-report.txt"
    shutil.copy(GOOD_REPORT / "source.txt", src)
    proc = run_add(src, "--reports-dir", reports)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 1 and proc.stdout.startswith("good-report: ")
    again = run_add(src, "--reports-dir", reports)
    assert again.returncode == 0 and again.stdout.rstrip().endswith("[unchanged]")


@pytest.mark.parametrize("suffix, published, label", [(".docx", "received.docx", "原件（Word）"),
                                                     (".html", "received.html.txt", "原件（网页源码）")])
def test_a_folder_with_only_a_word_file_or_page_builds_and_publishes_it(tmp_path, suffix, published, label):
    """The build reads a report folder holding only a .docx or saved page (no source.txt) and
    publishes the file as received beside the text, linked from the overview; a page as text,
    so its scripts never run on the site."""
    data = tmp_path / "data"
    shutil.copytree(GOOD, data)
    folder = data / "reports" / "good-2024-gwr"
    report, _ = corpus.parse_report(folder)
    items = formatgen.blocks(report, folder / "source.txt")
    original = tmp_path / f"report{suffix}"
    if suffix == ".docx":
        formatgen.write_docx(items, original)
    else:
        original.write_text(formatgen.saved_page(items, report.meta["title"]).replace(
            "</body>", "<script>window.pwned = 1</script></body>"), encoding="utf-8")
    (folder / "source.txt").unlink()
    shutil.copy(original, folder / f"原件 报告{suffix}")
    out = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "policyexplorer", "build", "--data", str(data), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    # the file as received and the text are published once, beside the Simplified overview; the
    # Traditional overview links up to them
    site = out / "reports" / "good-2024-gwr"
    assert (site / published).read_bytes() == original.read_bytes()
    assert (site / "source.txt").read_bytes().startswith("\ufeff".encode())
    for prefix, up in (("", "../../"), ("zh-Hant/", "../../../")):
        here = out / prefix / "reports" / "good-2024-gwr"
        assert [p.name for p in here.iterdir() if p.is_file() and p.suffix in (".html", ".htm")] == ["index.html"]
        overview = (here / "index.html").read_text(encoding="utf-8")
        assert f'href="{up}reports/good-2024-gwr/{published}"' in overview
        assert label in overview if not prefix else "原件（" in overview
