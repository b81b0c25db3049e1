"""Extraction against the hand-labelled random sample (tests/data/commitments_sample.yaml)."""
from pathlib import Path

import pytest
import yaml

from policyexplorer.commitments import build_tracker, labelled
from policyexplorer.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "commitments_sample.yaml"


@pytest.fixture(scope="module")
def corpus():
    reports = load_corpus(ROOT / "data")
    return reports, build_tracker(reports, ROOT / "data")


def test_sample_is_the_seeded_draw(corpus):
    """The labelled paragraphs are the ones the seed draws, with the text they were labelled on."""
    reports, _ = corpus
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    drawn = labelled.draw(reports, data["seed"], data["per_report"])
    assert [(p["paragraph"], p["text"]) for p in data["paragraphs"]] == drawn
    for p in data["paragraphs"]:
        for label in p["commitments"]:
            assert labelled.squash(label["text"]) in labelled.squash(p["text"]), label


def test_extraction_recall_and_precision(corpus):
    _, tracker = corpus
    s = labelled.score_extraction(tracker.commitments, labelled.load(SAMPLE))
    assert s.labels >= 150
    assert s.recall >= 0.9, s.missed
    assert s.precision >= 0.9, s.extra
    t, n = s.by_kind["task"]
    assert t / n >= 0.85, s.missed


@pytest.mark.parametrize("name", ["commitments_holdout.yaml", "commitments_holdout2.yaml"])
def test_holdout_samples(corpus, name):
    """Further seeded draws, labelled after rules were written (see each file's header)."""
    reports, tracker = corpus
    path = SAMPLE.parent / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    earlier = {p for p, _ in labelled.draw(reports)}
    if name == "commitments_holdout2.yaml":
        earlier |= {p for p, _ in labelled.draw(reports, 20251125, 4)}
    drawn = [x for x in labelled.draw(reports, data["seed"], data["per_report"]) if x[0] not in earlier]
    assert [(p["paragraph"], p["text"]) for p in data["paragraphs"]] == drawn
    s = labelled.score_extraction(tracker.commitments, labelled.load(path))
    assert s.recall >= 0.85, s.missed
    assert s.precision >= 0.88, s.extra


def test_matching_is_one_to_one():
    """One commitment cannot answer two labels, and a target needs its own figure."""
    from types import SimpleNamespace as NS
    place = NS(paragraph_id="r:p1")
    c = NS(text="A50个和B600个", quantity=NS(value=50.0), place=place, also_in=[])
    sample = [{"paragraph": "r:p1", "commitments": [{"kind": "target", "text": "A50个", "value": 50},
                                                   {"kind": "target", "text": "B600个", "value": 600}]}]
    s = labelled.score_extraction([c], sample)
    assert (s.found, s.labels, s.right, s.extracted) == (1, 2, 1, 1)
