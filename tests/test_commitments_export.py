import json

import jsonschema
from test_commitments_support import make_report

from policyexplorer.commitments import build_tracker
from policyexplorer.shared import shared_path
from test_commitments_link import PLAN_2024, REVIEW_2024

SCHEMA = shared_path("contract", "commitments.schema.json")


def test_export_is_schema_valid_and_deterministic(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    a = build_tracker(reports, tmp_path).json()
    b = build_tracker(reports, tmp_path).json()
    jsonschema.validate(a, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
    first = a["commitments"][0]
    assert first["paragraph"] == "x-2024-gwr:s2-p1" and first["url"] == "reports/x-2024-gwr/s2/#s2-p1"
    jobs = [c for c in a["commitments"] if c["text"] == "城镇新增就业25万人以上"][0]
    assert jobs["outcomes"][0]["paragraph"] == "x-2025-plan:s1-p1"
    assert jobs["quantity"] == {"value": 25.0, "unit": "万人", "qualifier": "以上"}


def test_csv_and_marks(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    t = build_tracker(reports, tmp_path)
    lines = t.csv().splitlines()
    assert lines[0].startswith("\ufeffid（编号）,report（报告）,paragraph（段落）") and len(lines) == len(t.commitments) + 1
    roles = {m.role for m in t.marks[("x-2025-plan", "s1-p1")]}
    assert roles == {"outcome"}
    assert all(m.role == "commitment" for m in t.marks[("x-2024-gwr", "s2-p1")])
