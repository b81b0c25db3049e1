"""Score the build on real reports of kinds the corpus lacks (shared/eval/unseen_sample.yaml).

    .venv/bin/python -m policyexplorer.unseen [--data data] [--eval ../shared/eval/unseen_sample.yaml]

The bundled corpus is copied to a scratch folder, the unseen report folders are added as they
are, and the scratch corpus is parsed and tracked. Checked, as the sample lists them: page
furniture gone from the text, each named commitment extracted for its year, its status, and
that its outcome (if any) comes from a report of the same place carrying the listed figure.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


from .shared import shared_path
from .yamlfile import safe_load


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


@dataclass
class UnseenScore:
    checks: int = 0
    passed: int = 0
    details: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.checks += 1
        self.passed += bool(ok)
        self.details.append(f"{'ok ' if ok else 'BAD'} {what}")


def scratch_corpus(data_dir: Path, unseen_dir: Path, target: Path) -> Path:
    shutil.copytree(data_dir, target)
    for folder in sorted(p for p in unseen_dir.iterdir() if p.is_dir()):
        shutil.copytree(folder, target / "reports" / folder.name)
    return target


def score(reports, commitments, sample: dict) -> UnseenScore:
    s = UnseenScore()
    by_id = {r.id: r for r in reports}
    for rid in sample.get("reports") or []:
        s.check(rid in by_id, f"{rid} is in the corpus")
    for rid in sample.get("reports") or []:
        report = by_id.get(rid)
        if report is None:
            continue
        text = "\n".join([p.text for _, p in report.paragraphs()] + [x.title for x in report.sections])
        for debris in sample.get("debris_absent") or []:
            s.check(squash(debris) not in squash(text), f"{rid}: no {debris!r} in the text")
    for item in sample.get("commitments") or []:
        quote = squash(item["text"])
        found = [c for c in commitments if c.report.id == item["report"] and c.year == item["year"]
                 and (quote in squash(c.text) or squash(c.text) in quote) and len(squash(c.text)) >= 4]
        c = max(found, key=lambda c: -abs(len(squash(c.text)) - len(quote)), default=None)
        label = f"{item['report']} {item['year']} {item['text']}"
        s.check(c is not None, f"{label}: extracted")
        if c is None:
            continue
        s.check(c.status in item["status"], f"{label}: status {c.status} in {item['status']}")
        place = c.report.meta.get("place")
        outcomes = c.outcomes
        s.check(all(o.place.report.meta.get("place") == place for o in outcomes),
                f"{label}: outcomes only from {place}")
        want = item.get("outcome_has")
        if want is None:
            s.check(not outcomes, f"{label}: no outcome")
        else:
            s.check(any(squash(want) in squash(o.place.paragraph.text) for o in outcomes),
                    f"{label}: an outcome carries {want}")
    return s


def load_scratch(data_dir: Path, unseen_dir: Path, tmp: Path):
    """The bundled corpus with the report folders of `unseen_dir` added, parsed and tracked:
    (reports, commitments)."""
    from .commitments import build_tracker
    from .ingest import load_corpus
    data = scratch_corpus(data_dir, unseen_dir, tmp / "data")
    reports = load_corpus(data)
    return reports, build_tracker(reports, data).commitments


def run(data_dir: Path, eval_path: Path) -> UnseenScore:
    sample = safe_load(eval_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        return score(*load_scratch(data_dir, eval_path.parent / "unseen", Path(tmp)), sample)


def main(argv=None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(shared_path("eval", "unseen_sample.yaml")))
    ap.add_argument("--data", default=str(here / "data"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    s = run(Path(args.data), Path(args.eval))
    if args.verbose or s.passed < s.checks:
        print("\n".join(d for d in s.details if args.verbose or d.startswith("BAD")))
    print(f"unseen sample      {s.passed}/{s.checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
