"""The shared sample's whole real reports (../shared/eval/unseen_full.yaml), scored as they are and
as another real copy of the same page lays them out (issue #20): a byte-order mark, full-width
indents, blank lines of spaces between the lines, CRLF. The result must not change: the same
headings, paragraphs, debris, commitments and outcomes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyexplorer.fullscore import run
from policyexplorer.shared import shared_path

LABELS = shared_path("eval", "unseen_full.yaml")


def second_layout(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    out = ["\u3000\u3000" + line.strip() if line.strip() else " \u3000 " for line in lines]
    return "\ufeff" + "\r\n \r\n".join(out)


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layouts")
    shutil.copytree(LABELS.parent / "unseen", tmp / "eval" / "unseen")
    shutil.copy(LABELS, tmp / "eval" / "unseen_full.yaml")
    for source in (tmp / "eval" / "unseen").glob("*/source.txt"):
        source.write_bytes(second_layout(source.read_text(encoding="utf-8-sig")).encode("utf-8"))
    as_received, relaid = run([LABELS])[LABELS], run([tmp / "eval" / "unseen_full.yaml"])
    return as_received, next(iter(relaid.values()))


def test_a_second_layout_scores_the_same(scores):
    a, b = scores
    for name in ("headings", "subheadings", "paragraphs", "debris", "extracted", "outcomes", "pending", "crossed"):
        assert (getattr(b, name).passed, getattr(b, name).total) == (getattr(a, name).passed, getattr(a, name).total), name


def test_a_second_layout_gives_the_same_commitments(scores):
    a, b = scores

    def seen(s):
        return sorted((c.id, c.text, c.status, tuple(o.place.paragraph.anchor for o in c.outcomes)) for c in s.commitments)
    assert seen(a) == seen(b) and len(seen(a)) > 300


def test_the_shared_sample_passes_in_full(scores):
    """Issue #20's goal: every check of the shared sample, as received and laid out again."""
    for s in scores:
        assert s.passed == s.checks, "\n".join(d for d in s.details if d.startswith("BAD"))
