"""The whole-report scorer (policyexplorer/fullscore.py) on the shared sample: it counts what the
issue's table counts, and the floor below only rises."""
from pathlib import Path

from policyexplorer.fullscore import FullScore, Tally, body_paragraphs, run
from policyexplorer.shared import shared_path


def test_the_scorer_reads_every_list_of_the_shared_sample():
    path = shared_path("eval", "unseen_full.yaml")
    s = run([path])[path]
    assert s.headings.total == 16 and s.subheadings.total == 36 and s.paragraphs.total == 5
    assert s.debris.total == 22
    assert s.extracted.total == s.crossed.total + (s.extracted.total - s.extracted.passed)
    assert s.crossed.passed == s.crossed.total            # no outcome ever crosses places
    assert s.outcomes.total + s.pending.total == s.extracted.passed


def test_tally_prints_counts_and_share():
    t = Tally()
    t.add(True), t.add(False)
    assert str(t) == "1/2 (50%)"
    assert FullScore().lines("x")[0] == "x: 0/0 checks"


def test_the_precision_judgments_load_and_say_why():
    from policyexplorer.commitments.precision import load_judgments
    from policyexplorer.fullscore import HELDOUT, PRECISION
    for path in (PRECISION, HELDOUT / "precision_heldout.yaml"):
        judged = load_judgments(path)
        assert len(judged) >= 60 and all(j["why"] for j in judged.values()), path
        assert all(j["key"].split("|")[0].endswith("-gwr") for j in judged.values())


def test_the_second_reading_agrees_as_its_header_says():
    """tests/data/second_reading.yaml: 150 judged items read again blind; the figures its header
    reports are the file's."""
    import yaml
    data = yaml.safe_load((Path(__file__).parent / "data" / "second_reading.yaml").read_text(encoding="utf-8"))
    items = data["items"]
    assert len(items) == 150 and all(isinstance(i["second"]["real"], bool) and i["second"]["why"] for i in items)
    agree = [i["first"]["real"] == i["second"]["real"] for i in items]
    tasks = [a for a, i in zip(agree, items) if i["kind"] == "task"]
    assert (sum(agree), sum(tasks), len(tasks)) == (143, 101, 108)


def test_a_label_widened_with_the_next_clause_wants_its_first():
    from policyexplorer.fullscore import _first_clause
    assert _first_clause("全社会固定资产投资增长9%；规模以上工业增加值增长9%以上") == "全社会固定资产投资增长9%"
    assert _first_clause("财政收入增长9%，固定资产投资增长11.5%") == "财政收入增长9%"
    # a next clause that continues the measure is part of the target
    assert _first_clause("地区生产总值增长20%，达到282亿元") == "地区生产总值增长20%，达到282亿元"
    # widened before the target (the target's words stand alone elsewhere): the clause with the figure
    assert _first_clause("探索长租房市场建设，新增各类租赁住房7万套") == "新增各类租赁住房7万套"
