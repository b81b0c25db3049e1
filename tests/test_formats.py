"""Issue #21: a report as a PDF, a .docx or a saved web page reads as the same report as its text.

Each bundled report is generated in each format (and its text re-encoded in GB18030) (tests/formatgen.py: a PDF printed by Chromium
with a running header and page numbers and a PDF font's radicals and spaces, a .docx with heading
styles, a page with a government site's frame around the text) and put in a report folder with
the same meta.yml and no source.txt. It must parse to the same section titles, the same
paragraphs (count within 2%) and the same commitments as the bundled source.txt. Then the
refusals: a scanned PDF, an encrypted PDF, an unknown format, a file over the limit, a link.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import formatgen
from policyexplorer.commitments.extract import extract_report
from policyexplorer.ingest import corpus
from policyexplorer.ingest.errors import CorpusError
from policyexplorer.ingest.formats import MAX_BYTES, to_text
from policyexplorer.ingest.formats.normalise import normalise, normalise_glyphs
from policyexplorer.ingest.places import Places

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
RIDS = sorted(p.name for p in REPORTS.iterdir() if p.is_dir())     # every bundled report
FORMATS = [".pdf", ".docx", ".html", ".txt"]


@pytest.fixture(scope="module")
def places():
    return Places.load(ROOT / "data" / "places.yml")


@pytest.fixture(scope="module")
def bundled(places):
    return {rid: corpus.parse_report(REPORTS / rid, places)[0] for rid in RIDS}


@pytest.fixture(scope="module")
def generated(bundled, chromium):
    pytest.importorskip("playwright.sync_api")
    if not Path(formatgen.CHROMIUM).exists():
        pytest.fail(f"{formatgen.CHROMIUM} is missing: `make test` installs Debian's chromium")
    return {rid: {**formatgen.generate(r, REPORTS / rid / "source.txt", chromium), ".txt": REPORTS / rid / "source.txt"}
            for rid, r in bundled.items()}


def as_folder(tmp_path: Path, rid: str, file: Path) -> Path:
    """A report folder holding the meta.yml and the file as received, no source.txt; a text file
    as source.txt in GB18030 (a common encoding besides UTF-8)."""
    folder = tmp_path / "reports" / rid
    folder.mkdir(parents=True)
    shutil.copy(REPORTS / rid / "meta.yml", folder)
    if file.suffix == ".txt":
        (folder / "source.txt").write_bytes(to_text(file).encode("gb18030"))
    else:
        shutil.copy(file, folder / f"received{file.suffix}")
    return folder


def summary(report):
    paragraphs = [p.text for s in report.sections for p in s.paragraphs]
    return ([(s.number, s.title) for s in report.sections], paragraphs,
            sorted((c.kind, c.text) for c in extract_report(report)))


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("rid", RIDS)
def test_each_format_gives_the_same_report(rid, suffix, bundled, generated, places, tmp_path):
    folder = as_folder(tmp_path, rid, generated[rid][suffix])
    report, _ = corpus.parse_report(folder, places)
    titles, paragraphs, commitments = summary(report)
    want_titles, want_paragraphs, want_commitments = summary(bundled[rid])
    assert titles == want_titles
    assert abs(len(paragraphs) - len(want_paragraphs)) <= 0.02 * len(want_paragraphs), (len(paragraphs), len(want_paragraphs))
    assert commitments == want_commitments
    # the whole text: nothing of the report lost, nothing of the page's frame kept
    assert "".join(paragraphs).replace(" ", "") == "".join(want_paragraphs).replace(" ", "")


def test_the_pdf_frame_and_a_fonts_radicals_are_gone(generated, bundled):
    text = to_text(generated["wuchang-2025-gwr"][".pdf"])
    title = bundled["wuchang-2025-gwr"].meta["title"]
    assert text.count(title) <= 1, "the running header (the title on every page) is removed"
    assert not any(line.strip(" -") .isdigit() for line in text.splitlines()), "page numbers are removed"
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    # the spaces a PDF sets around figures stay in the text (layout.py reads line widths) and
    # are gone from what is read: the paragraphs equal the bundled ones (above), and normalise()
    assert "% ，" in text
    assert "% ，" not in normalise(text) and " %" not in normalise(text)


def test_the_saved_page_loses_its_frame(generated):
    text = to_text(generated["wuchang-2025-gwr"][".html"])
    for frame in ("当前位置", "分享到", "网站标识码", "关于开展第1批", "请输入关键词"):
        assert frame not in text


def test_a_page_saved_in_gbk_reads_the_same(generated, tmp_path):
    page = generated["wuchang-2025-gwr"][".html"].read_text(encoding="utf-8")
    gbk = tmp_path / "page.htm"
    gbk.write_bytes(page.replace('<meta charset="utf-8">', '<meta charset="gbk">').encode("gbk"))
    assert to_text(gbk) == to_text(generated["wuchang-2025-gwr"][".html"])


# --- normalisation -------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("\u2f2f作报告", "工作报告"),                       # Kangxi radical WORK
    ("增\u2ed3 5.2% ，", "增长5.2%，"),                  # CJK radical C-SIMPLIFIED LONG, spaces a PDF set
    ("\u2ed4\u2edb\u2ecb\u2ec5", "门风车见"),              # gate, wind, cart, see
    ("\u2ee2\u2ee9\u2edd", "马黄食"),
    ("\uf900\u2f00", "\u8c48一"),                        # a compatibility ideograph, radical ONE
    ("GDP 增长 6 % 左右", "GDP增长6%左右"),
    ("the Latin words keep their gaps , mostly", "the Latin words keep their gaps, mostly"),
    ("\u3000\u3000缩进 保留", "\u3000\u3000缩进 保留"),     # a leading indent stays; a gap between two words too
    ("某 地 政 府 工 作 报 告", "某地政府工作报告"),         # a spaced-out line
    ("（ 一 ） 标题", "（一）标题"),
    ("全角，标点：不变", "全角，标点：不变"),               # NFKC is not applied to the whole text
    ("第一行\r\n第二行", "第一行\n第二行"),
])
def test_normalise(raw, clean):
    assert normalise(raw) == clean


def test_every_radical_maps_to_an_ideograph():
    for cp in [*range(0x2F00, 0x2FD6), *range(0x2E81, 0x2EF4)]:
        if cp == 0x2E9A:            # unassigned
            continue
        mapped = normalise_glyphs(chr(cp))
        assert len(mapped) == 1 and ("\u3400" <= mapped <= "\u9fff" or ord(mapped) >= 0x20000), hex(cp)


# --- refusals ------------------------------------------------------------------------------

def _pdf_of_image(path: Path) -> None:
    """A PDF whose only page is a picture (a scan): no text layer."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.new_native(200, 280, pdfium.raw.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, 200, 280)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(40, 60))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(path))


def test_a_scanned_pdf_is_refused(tmp_path):
    path = tmp_path / "扫描件.pdf"
    _pdf_of_image(path)
    with pytest.raises(CorpusError, match="no text layer") as err:
        to_text(path)
    assert str(path) in str(err.value)


ENCRYPTED_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
4 0 obj << /Filter /Standard /V 1 /R 2 /Length 40 /P -44
/O <0000000000000000000000000000000000000000000000000000000000000000>
/U <1111111111111111111111111111111111111111111111111111111111111111> >> endobj
trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>
%%EOF
"""


def test_an_encrypted_pdf_is_refused(tmp_path):
    # Written by hand (nothing here can encrypt a PDF): the standard security handler with a
    # user password whose check value no empty password meets, so a reader must ask for one.
    path = tmp_path / "加密.pdf"
    path.write_bytes(ENCRYPTED_PDF)
    with pytest.raises(CorpusError, match="encrypted") as err:
        to_text(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize("name, data, words", [
    ("report.doc", b"\xd0\xcf\x11\xe0 old Word", "save it as .docx"),
    ("report.xlsx", b"PK\x03\x04", "unknown format .xlsx"),
    ("report", b"text", "unknown format no suffix"),
    ("report.pdf", b"%PDF-1.4 cut short", "not a readable PDF"),
    ("report.docx", b"not a zip", "not a readable .docx"),
    ("report.pdf", b"", "empty"),
    ("report.html", b"<html><body><img src='scan.png'></body></html>", "no main text"),
])
def test_bad_files_are_refused_with_their_name(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=words) as err:
        to_text(path)
    assert str(err.value).startswith(str(path))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:          # sparse: no disk used
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(CorpusError, match="over the limit") as err:
        to_text(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_source_that_is_a_link_is_refused(tmp_path, target):
    folder = tmp_path / "reports" / "some-2024-gwr"
    shutil.copytree(REPORTS / "wuchang-2025-gwr", folder)
    secret = tmp_path / "secret.txt" if target == "outside" else folder / "other.txt"
    secret.write_text("一、标题\n不该发布的内容。\n", encoding="utf-8")
    (folder / "source.txt").unlink()
    (folder / "source.txt").symlink_to(secret)
    with pytest.raises(CorpusError, match="symbolic link") as err:
        corpus.parse_report(folder)
    assert str(folder / "source.txt") in str(err.value)


def test_a_pdf_that_is_a_link_and_a_report_folder_that_is_a_link_are_refused(tmp_path, generated):
    folder = tmp_path / "reports" / "some-2024-gwr"
    folder.mkdir(parents=True)
    shutil.copy(REPORTS / "wuchang-2025-gwr" / "meta.yml", folder)
    (folder / "report.pdf").symlink_to(generated["wuchang-2025-gwr"][".pdf"])
    with pytest.raises(CorpusError, match="symbolic link"):
        corpus.parse_report(folder)
    linked = tmp_path / "reports" / "linked-2024-gwr"
    linked.symlink_to(REPORTS / "wuchang-2025-gwr")
    with pytest.raises(CorpusError, match="symbolic link"):
        corpus.parse_report(linked)


def test_two_report_files_in_one_folder_are_refused(tmp_path, generated):
    folder = as_folder(tmp_path, "wuchang-2025-gwr", generated["wuchang-2025-gwr"][".pdf"])
    shutil.copy(generated["wuchang-2025-gwr"][".docx"], folder / "other.docx")
    with pytest.raises(CorpusError, match="more than one report file"):
        corpus.parse_report(folder)


# --- a PDF's page frame, by shape ----------------------------------------------------------

WORDS = "甲乙丙丁戊己庚辛壬癸"


def _body(i):
    """Page i's two body lines (different words on every page, as a report's are)."""
    return [f"{WORDS[i]}项工作，写满一整行的文字。", f"{WORDS[i]}项工作完成。"]


def _pages(n, head=None, foot=None):
    """n pages of (line, left edge) as pdf._page_lines gives them; head/foot: page number -> line."""
    pages = []
    for i in range(1, n + 1):
        lines = ([(head(i), None)] if head else []) + [(b, None) for b in _body(i)] + ([(foot(i), None)] if foot else [])
        pages.append(lines)
    return pages


@pytest.mark.parametrize("head, foot", [
    (None, lambda i: f"- {i} -"),
    (None, lambda i: f"— {i} —"),
    (None, lambda i: f"第{i}页 共6页"),
    (None, lambda i: f"{i}/6"),
    (lambda i: "某地区年度报告（征求意见稿）", lambda i: f"Page {i} of 6"),
    (lambda i: f"某地区年度报告 · 第 {i} 页", None),
    (lambda i: "某地区年度报告", lambda i: f"{i}"),
])
def test_running_heads_feet_and_page_numbers_go_by_shape(head, foot):
    from policyexplorer.ingest.formats.pdf import _strip_frame
    kept = [[t for t, _ in page] for page in _strip_frame(_pages(6, head, foot))]
    assert kept == [_body(i) for i in range(1, 7)]


def test_a_title_like_the_running_head_stays_on_its_page():
    from policyexplorer.ingest.formats.pdf import _strip_frame
    pages = _pages(5, lambda i: "某地区年度报告", lambda i: f"- {i} -")
    pages[0].insert(1, ("某地区年度报告", None))           # page one: the head, then the title itself
    kept = _strip_frame(pages)
    assert [t for t, _ in kept[0]][0] == "某地区年度报告"
    assert all("某地区年度报告" not in [t for t, _ in page] for page in kept[1:])


def test_a_line_on_few_pages_is_the_report_not_its_frame():
    from policyexplorer.ingest.formats.pdf import _strip_frame
    pages = _pages(8, None, lambda i: f"- {i} -")
    pages[2].insert(0, ("一、某项工作", None))
    pages[5].insert(0, ("一、某项工作", None))
    kept = _strip_frame(pages)
    assert [t for t, _ in kept[2]][0] == "一、某项工作" and [t for t, _ in kept[5]][0] == "一、某项工作"


# --- Word's automatic numbering ------------------------------------------------------------

def test_word_list_numbers_are_written_back_before_their_headings(bundled, places, tmp_path):
    """Headings numbered by a list style (一、 （一）), not typed, read as the typed ones do."""
    rid = "wuchang-2025-gwr"
    path = tmp_path / "numbered.docx"
    formatgen.write_docx_numbered(formatgen.blocks(bundled[rid], REPORTS / rid / "source.txt"), path)
    import docx
    assert not any(p.text.startswith(("一、", "（一）")) for p in docx.Document(str(path)).paragraphs)
    report, _ = corpus.parse_report(as_folder(tmp_path, rid, path), places)
    assert summary(report) == summary(bundled[rid])


@pytest.mark.parametrize("n, want", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"),
                                     (100, "一百"), (105, "一百零五"), (110, "一百一十"), (999, "九百九十九")])
def test_chinese_list_numbers(n, want):
    from policyexplorer.ingest.formats.word import chinese_number
    assert chinese_number(n) == want
