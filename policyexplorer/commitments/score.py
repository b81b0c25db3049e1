"""Score the linker against a labelled sample (shared/eval/links_sample.yaml).

    .venv/bin/python -m policyexplorer.commitments.score [--eval ../shared/eval/links_sample.yaml]

Each sample item quotes a commitment, the passage reporting its outcome (or null) and a status.
Quotes are compared with whitespace removed. `not_comparable` means the site must not give a
numeric verdict: a `reported` link or no link both count as right.

- link recall: items with an outcome (not not_comparable) whose commitment links that passage
- link precision: links the site shows for sample commitments that point to the labelled passage
  (for not_comparable items a `reported` link to the labelled passage is right; any link for a
  no_report item is wrong)
- status accuracy: items whose commitment status equals the label
- no_report accuracy: no_report items the site leaves without an outcome
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path


from ..shared import shared_path
from ..yamlfile import safe_load
NUMERIC_FREE = {"reported", "no_report"}


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


@dataclass
class Scores:
    items: int
    link_recall: float
    link_precision: float
    status_accuracy: float
    no_report_accuracy: float
    details: list[str]


def find_commitment(commitments, quote: str):
    q = squash(quote)
    best, best_len = None, 0
    for c in commitments:
        t = squash(c.text)
        if q in t or t in q:
            overlap = min(len(t), len(q))
            if overlap > best_len:
                best, best_len = c, overlap
    return best


def score(commitments, sample: list[dict]) -> Scores:
    rec_hit = rec_total = prec_hit = prec_total = status_hit = nr_hit = nr_total = 0
    details = []
    for item in sample:
        label, outcome = item["status"], squash(item.get("outcome"))
        c = find_commitment(commitments, item["commitment"])
        outcomes = list(c.outcomes) if c else []
        status = c.status if c else "no_report"

        def right_link(o) -> bool:
            if not outcome:
                return False
            if outcome not in squash(o.place.paragraph.text) and outcome not in squash(o.text):
                return False
            return label != "not_comparable" or o.status == "reported"

        if outcome and label != "not_comparable":
            rec_total += 1
            rec_hit += any(right_link(o) for o in outcomes)
        prec_total += len(outcomes)
        prec_hit += sum(right_link(o) for o in outcomes)
        if label == "not_comparable":
            ok = status in NUMERIC_FREE
        else:
            ok = status == label
        status_hit += ok
        if label == "no_report":
            nr_total += 1
            nr_hit += not outcomes
        details.append(f"{'ok ' if ok else 'BAD'} {item['commitment']} -> {status} (label {label})"
                       + ("" if c else " [commitment not found]"))
    n = len(sample)
    return Scores(n, rec_hit / rec_total if rec_total else 1.0, prec_hit / prec_total if prec_total else 1.0,
                  status_hit / n if n else 1.0, nr_hit / nr_total if nr_total else 1.0, details)


def load_sample(path: Path) -> list[dict]:
    data = safe_load(Path(path).read_text(encoding="utf-8"))
    return data if isinstance(data, list) else data.get("items", [])


def run(data_dir: Path, eval_path: Path) -> Scores:
    from ..ingest import load_corpus
    from . import build_tracker
    reports = load_corpus(data_dir)
    tracker = build_tracker(reports, data_dir)
    return score(tracker.commitments, load_sample(eval_path))


def per_report(reports, commitments) -> list[str]:
    """Commitments per report: tasks vs targets, share linked (an outcome found), by status."""
    from collections import Counter
    lines = []
    for r in sorted(reports, key=lambda r: r.id):
        cs = [c for c in commitments if c.report.id == r.id]
        kinds = Counter(c.kind for c in cs)
        linked = sum(1 for c in cs if c.outcomes)
        statuses = Counter(c.status for c in cs)
        share = f"{linked / len(cs):.2f}" if cs else "-"
        lines.append(f"{r.id:24} {len(cs):4} commitments  {kinds['task']:4} tasks {kinds['target']:4} targets  "
                     f"linked {share}  " + " ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    return lines


def main(argv=None) -> int:
    here = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(shared_path("eval", "links_sample.yaml")))
    ap.add_argument("--data", default=str(here / "data"))
    ap.add_argument("--sample", default=str(here / "tests" / "data" / "commitments_sample.yaml"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from ..ingest import load_corpus
    from . import build_tracker
    from . import labelled
    reports = load_corpus(Path(args.data))
    tracker = build_tracker(reports, Path(args.data))
    s = score(tracker.commitments, load_sample(Path(args.eval)))
    if args.verbose:
        print("\n".join(s.details))
    print("Links (shared sample):")
    print(f"items              {s.items}")
    print(f"link recall        {s.link_recall:.2f}")
    print(f"link precision     {s.link_precision:.2f}")
    print(f"status accuracy    {s.status_accuracy:.2f}")
    print(f"no_report accuracy {s.no_report_accuracy:.2f}")
    samples = [Path(args.sample)] + sorted(Path(args.sample).parent.glob("commitments_holdout*.yaml"))
    for path in samples:
        if not path.exists():
            continue
        e = labelled.score_extraction(tracker.commitments, labelled.load(path))
        if args.verbose:
            print("\n".join(["missed:", *e.missed, "not labelled:", *e.extra]))
        print(f"Extraction (labelled sample {path.name}):")
        print(f"labels             {e.labels}  ({', '.join(f'{k} {f}/{n}' for k, (f, n) in sorted(e.by_kind.items()))})")
        print(f"recall             {e.recall:.2f}")
        print(f"precision          {e.precision:.2f}  ({e.right} of {e.extracted} extracted)")
    print("Per report:")
    print("\n".join(per_report(reports, tracker.commitments)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
