"""Issue #21: a held-out report series built from bare folders (source.txt only, every meta.yml
field inferred) gives the tracker the same results as with the hand-written meta.yml."""
from __future__ import annotations

import shutil
from pathlib import Path

from policyexplorer.fullscore import run

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "heldout3"


def test_bare_folders_score_as_hand_written_meta(tmp_path):
    bare = tmp_path / SET.name
    shutil.copytree(SET, bare)
    for meta in (bare / "reports").glob("*/meta.yml"):
        meta.unlink()
    labels = next(SET.glob("*-gwr.yaml"))
    written = run([labels])[labels]
    inferred = run([bare / labels.name])[bare / labels.name]

    def seen(s):
        return sorted((c.report.id, c.year, c.text, c.status) for c in s.commitments)
    assert seen(inferred) == seen(written) and len(seen(written)) > 100
    assert inferred.passed == written.passed
