"""The editors' review page (tracker/review/) and the silence note, on the built site."""
import re



def test_review_page_lists_automatic_verdicts_doubtful_first(built_site):
    index = built_site / "tracker" / "review" / "index.html"
    assert index.exists()
    # the year's verdicts, page 1 (the doubtful) and its later pages in order
    folder = built_site / "tracker" / "review" / "2024"
    later = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    html = "".join((f / "index.html").read_text(encoding="utf-8") for f in [folder, *later])
    statuses = re.findall(r'<td class="pe-tc-status"[^>]*><span class="pe-badge pe-badge--(\w+)"', html)
    assert statuses and "missed" in statuses and "exceeded" in statuses
    rank = {"missed": 0, "partly": 1, "reported": 2, "met": 3, "exceeded": 4}
    assert [rank[s] for s in statuses] == sorted(rank[s] for s in statuses), "negative verdicts first"
    # each row gives the line an editor pastes into data/links.yml
    assert re.search(r"<code>- \{commitment: wuhan-2024-gwr:[^,]+, outcome: wuhan-2025-plan:[^,]+, action: confirm\}</code>", html)
    assert (built_site / "zh-Hant" / "tracker" / "review" / "2024" / "index.html").exists()
    assert "review/index.html" in (built_site / "tracker" / "index.html").read_text(encoding="utf-8")


def test_silence_note_when_the_main_review_is_missing(built_site):
    """2024 in Wuhan: the plan report reviews it, the 2025 city work report is not in the corpus."""
    pages = list((built_site / "tracker" / "2024").rglob("index.html"))
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "语料中没有回顾" in text and "年的政府工作报告（通常次年年初发布）" in text
