from pathlib import Path

import pytest

from policyexplorer.shared import shared_path
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = shared_path("eval", "links_sample.yaml")

pytest.importorskip("policyexplorer.ingest", reason="the corpus loader is not there yet")


@pytest.mark.skipif(not SAMPLE.exists(), reason="no labelled sample")
def test_scores_on_the_real_corpus():
    from policyexplorer.commitments.score import run
    s = run(ROOT / "data", SAMPLE)
    assert s.link_recall >= 0.80, s.details
    assert s.link_precision >= 0.90, s.details
    assert s.status_accuracy >= 0.85, s.details


def test_real_corpus_export_is_schema_valid():
    import json
    import jsonschema
    from policyexplorer.ingest import load_corpus
    from policyexplorer.commitments import build_tracker
    t = build_tracker(load_corpus(ROOT / "data"), ROOT / "data")
    schema = json.loads(shared_path("contract", "commitments.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(t.json(), schema)


@pytest.mark.skipif(not SAMPLE.exists(), reason="no labelled sample")
def test_make_score_prints_extraction_and_per_report_measures(capsys):
    from policyexplorer.commitments.score import main
    assert main(["--eval", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Extraction (labelled sample commitments_sample.yaml)" in out and "recall" in out
    lines = [line for line in out.splitlines() if line.startswith("wuhan-2024-gwr ")]
    assert lines and "tasks" in lines[0] and "targets" in lines[0] and "linked" in lines[0] and "no_report" in lines[0]
