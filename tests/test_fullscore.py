"""The whole-report scorer (policyexplorer/fullscore.py) on the shared sample: it counts what the
issue's table counts, and the floor below only rises."""
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
