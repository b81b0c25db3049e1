"""Score the build on whole real reports labelled clause by clause (shared/eval/unseen_full.yaml
and the development sets in tests/devset/*.yaml, which follow the same format).

    .venv/bin/python -m policyexplorer.fullscore [LABELS.yaml ...] [--reports DIR ...] [-v]

The bundled corpus is copied to a scratch folder, the labelled reports are added beside it as they
are, the scratch corpus is parsed and tracked, and each label file's lists are checked:

- headings: a top-level section whose number and title (an annex's title alone) start with the heading;
  subheadings: a section below the top level whose number and title start with it;
- paragraphs: the report's body paragraphs within 15% of the hand count;
- not_text: each debris line gone from every paragraph and heading;
- commitments: "extracted" when one commitment of that report and year holds every listed
  substring; "outcome right" when, for a target the next report judges (not pending), its status is
  one of those accepted and, where a figure is given, an automatic outcome from a report of the
  same place carries it (where none is given, no outcome does, unless the status accepted is
  reported); no automatic outcome ever comes from another place.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .commitments import precision
from .commitments.clauses import is_continuation
from .shared import shared_path
from .ingest.glossary import HEADING as GLOSSARY_HEADING
from .unseen import load_scratch, squash
from .yamlfile import safe_load

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
HELDOUT = ROOT / "tests" / "heldout"
# every held-out set (tests/heldout, tests/heldout2, …): each measured once before any tuning
HELDOUTS = sorted(p for p in (ROOT / "tests").glob("heldout*") if p.is_dir())
PRECISION = ROOT / "tests" / "data" / "precision_unseen.yaml"
TOLERANCE = 0.15
# Paragraph kinds a reader counts as body text (a task breakdown's items are paragraphs too).
BODY_KINDS = ("p", "item", "group", "box", "box-title", "box-heading")


@dataclass
class Tally:
    passed: int = 0
    total: int = 0

    def add(self, ok: bool) -> bool:
        self.total += 1
        self.passed += bool(ok)
        return ok

    def __str__(self) -> str:
        pct = f" ({100 * self.passed / self.total:.0f}%)" if self.total else ""
        return f"{self.passed}/{self.total}{pct}"


@dataclass
class FullScore:
    headings: Tally = field(default_factory=Tally)
    subheadings: Tally = field(default_factory=Tally)
    paragraphs: Tally = field(default_factory=Tally)
    debris: Tally = field(default_factory=Tally)
    extracted: Tally = field(default_factory=Tally)
    outcomes: Tally = field(default_factory=Tally)      # judged targets: status and figure right
    pending: Tally = field(default_factory=Tally)       # targets no report judges: left pending
    crossed: Tally = field(default_factory=Tally)       # extracted targets whose outcomes stay at home
    details: list[str] = field(default_factory=list)
    commitments: list = field(default_factory=list)     # all extracted from the labelled reports

    def check(self, tally: Tally, ok: bool, what: str) -> bool:
        tally.add(ok)
        self.details.append(f"{'ok ' if ok else 'BAD'} {what}")
        return ok

    @property
    def checks(self) -> int:
        return sum(t.total for t in self._tallies())

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self._tallies())

    def _tallies(self):
        return (self.headings, self.subheadings, self.paragraphs, self.debris, self.extracted,
                self.outcomes, self.pending, self.crossed)

    def lines(self, name: str) -> list[str]:
        return [f"{name}: {self.passed}/{self.checks} checks",
                f"  targets extracted        {self.extracted}",
                f"  outcomes right (judged)  {self.outcomes}",
                f"  left pending (unjudged)  {self.pending}",
                f"  outcomes from own place  {self.crossed}",
                f"  debris lines removed     {self.debris}",
                f"  headings found           {self.headings}; second level {self.subheadings}",
                f"  paragraphs within 15%    {self.paragraphs}"]


def body_paragraphs(report) -> int:
    """Paragraphs of report text a reader counts: the body, not a glossary's notes."""
    return sum(1 for section, p in report.paragraphs()
               if p.kind in BODY_KINDS and not _is_glossary(report, section))


def _is_glossary(report, section) -> bool:
    chain = [section]
    while chain[-1].parent:
        chain.append(report.section(chain[-1].parent))
    return any(GLOSSARY_HEADING.search(s.title or "") for s in chain)


def _label(section) -> str:
    return squash(f"{section.number or ''}{section.title}")


def _clause(words: str) -> str:
    """A label's words as a commitment would hold them: a labeller widens a phrase printed twice
    to make it unique in the source ("；城镇调查失业率…", "目标是：地区生产总值…"); the clause
    punctuation and the lead-in before a colon are not the commitment's."""
    w = squash(words).strip("；;，,。：:")
    # "…7000户。第一产业增加值增长6%左右": the end of the sentence before it, borrowed for uniqueness
    before, stop, after = w.rpartition("。")
    w = after if stop and len(after) >= 6 else w
    head, colon, rest = w.partition("：")
    return rest if colon and len(rest) >= 6 and len(head) <= 8 else w


def _holds(c, wants: list[str]) -> bool:
    """The commitment's words, or those of a restatement of it that the extractor merged into it
    (the same target printed twice: also_text), hold every wanted phrase."""
    forms = [(w, _first_clause(w)) for w in map(_clause, wants)]
    return any(all(w in text or first in text for w, first in forms)
               for text in map(squash, [c.text, *c.also_text]))


def _first_clause(w: str) -> str:
    """A label (as _clause gives it) widened with the next clause to be unique ("财政收入增长9%，
    固定资产投资增长11.5%", or after "；", the next clause a measure of its own) wants its first clause; a next
    clause that only continues the measure ("…增长20%，达到282亿元") is part of the target, so the
    whole is wanted. A label widened before its target wants the clause that carries the figure."""
    cut = re.search("[，；]", w)
    if cut is None:
        return w
    first, rest = w[:cut.start()], w[cut.end():]
    # widened before instead ("探索长租房市场建设，新增各类租赁住房7万套"): the target is the clause
    # with the figure
    after = re.split("[，；]", rest)[0]
    if not re.search(r"\d", first) and re.search(r"\d", after) and len(after) >= 6:
        return after
    return first if len(first) >= 6 and rest and not is_continuation(re.split("[，；]", rest)[-1]) else w


def score_labels(reports, commitments, labels: dict, s: FullScore | None = None) -> FullScore:
    s = s or FullScore()
    by_id = {r.id: r for r in reports}
    labelled = set(labels.get("meta") or {}) | set(labels.get("headings") or {})
    s.commitments = [c for c in commitments if c.report.id in labelled]
    for rid, heads in (labels.get("headings") or {}).items():
        report = by_id.get(rid)
        # an annex's label ("附件1") is its number: a labeller may give its title alone
        tops = [t for x in report.sections if x.level == 1
                for t in (_label(x), squash(x.title) if x.kind == "appendix" else None) if t] if report else []
        for h in heads:
            s.check(s.headings, any(t.startswith(squash(h)) for t in tops), f"{rid}: heading {h}")
    for rid, heads in (labels.get("subheadings") or {}).items():
        report = by_id.get(rid)
        subs = [_label(x) for x in report.sections if x.level > 1] if report else []
        for h in heads:
            s.check(s.subheadings, any(t.startswith(squash(h)) for t in subs), f"{rid}: subheading {h}")
    for rid, want in (labels.get("paragraphs") or {}).items():
        report = by_id.get(rid)
        got = body_paragraphs(report) if report else 0
        s.check(s.paragraphs, abs(got - want) <= TOLERANCE * want, f"{rid}: {got} paragraphs, hand count {want}")
    for rid, lines in (labels.get("not_text") or {}).items():
        report = by_id.get(rid)
        if report is None:
            continue
        texts = [squash(p.text) for _, p in report.paragraphs()] + [_label(x) for x in report.sections]
        for line in lines:
            # a debris line is gone when no paragraph or heading is that line or holds it
            gone = not any(squash(line) in t for t in texts)
            s.check(s.debris, gone, f"{rid}: debris {line!r} removed")
    for rid, year, wants, statuses, figure, *why in labels.get("commitments") or []:
        label = f"{rid} {year} {' / '.join(wants)}"
        found = [c for c in commitments if c.report.id == rid and c.year == year and _holds(c, wants)]
        if not s.check(s.extracted, bool(found), f"{label}: extracted"):
            continue
        s.check(s.crossed, all(_own_place(c, o) for c in found for o in c.outcomes),
                f"{label}: outcomes only from its own place")
        if statuses == ["pending"]:
            s.check(s.pending, all(c.status == "pending" for c in found),
                    f"{label}: status {', '.join(c.status for c in found)}, want pending")
            continue
        # a clause of several targets ("A和B分别控制在5.5%、4.5%以内") is right when one of them is
        right = [c for c in found if _outcome_right(c, statuses, figure)]
        c = right[0] if right else min(found, key=lambda c: len(squash(c.text)))
        got = "; ".join(f"{o.status}: {o.explanation}" for o in c.outcomes) or "no outcome"
        s.check(s.outcomes, bool(right), f"{label}: status {c.status} in {statuses}, figure {figure} ({got})")
    return s


def _own_place(c, o) -> bool:
    return (o.place.report.place_path[-1:] or [o.place.report.meta.get("place")]) == \
        (c.report.place_path[-1:] or [c.report.meta.get("place")])


def _outcome_right(c, statuses: list[str], figure: str | None) -> bool:
    """The commitment's status is accepted (the site says `reported` where a label says
    not_comparable: no numeric verdict) and, where a figure is given, an automatic outcome's
    paragraph carries it; where none is, no outcome is shown unless it may be `reported`."""
    accepted = set(statuses) | ({"reported"} if "not_comparable" in statuses else set())
    if c.status not in accepted:
        return False
    if figure is not None:
        return any(squash(figure) in squash(o.place.paragraph.text) for o in c.outcomes if o.by == "auto")
    return "reported" in accepted or not c.outcomes


def label_files(args_files: list[str]) -> list[Path]:
    if args_files:
        return [Path(f) for f in args_files]
    return [shared_path("eval", "unseen_full.yaml")]


def report_dirs_for(label_path: Path) -> Path:
    """Where a label file's reports are: shared/eval/unseen beside unseen_full.yaml, a devset's
    reports/ folder beside its label files."""
    for cand in (label_path.parent / "unseen", label_path.parent / "reports"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError(f"{label_path}: no unseen/ or reports/ folder beside it")


def run(files: list[Path], data_dir: Path = ROOT / "data") -> dict[Path, FullScore]:
    """Each folder of labelled reports is built in a scratch corpus of its own beside the bundled
    one (two sets may hold other copies of the same report)."""
    out = {}
    for folder in dict.fromkeys(report_dirs_for(f) for f in files):
        with tempfile.TemporaryDirectory() as tmp:
            reports, commitments = load_scratch(data_dir, folder, Path(tmp))
            for f in files:
                if report_dirs_for(f) == folder:
                    out[f] = score_labels(reports, commitments, safe_load(f.read_text(encoding="utf-8")) or {})
    return {f: out[f] for f in files}


def devset_files() -> list[Path]:
    """The development set's label files, then the held-out sets' (tests/heldout*)."""
    return [f for d in (DEVSET, *HELDOUTS) if d.is_dir() for f in sorted(d.glob("*-gwr.yaml"))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="*", help="label files (default: the shared sample and tests/devset/*.yaml)")
    ap.add_argument("--data", default=str(ROOT / "data"))
    ap.add_argument("-v", "--verbose", action="store_true", help="every check, not only the failed ones")
    ap.add_argument("--judgments", nargs="*", default=[str(PRECISION), *(str(f) for d in HELDOUTS
                                                                         for f in sorted(d.glob("precision_*.yaml")))],
                    help="hand judgments of the precision sample (the first is the one --draw rewrites)")
    ap.add_argument("--draw", metavar="YAML", help="write the sample as drawn now: the judgments it keeps, and "
                                                  "the commitments nobody judged yet (real: null) to judge by hand")
    args = ap.parse_args(argv)
    files = [Path(f) for f in args.labels] or [shared_path("eval", "unseen_full.yaml"), *devset_files()]
    results = run(files, Path(args.data))
    total = FullScore()
    for f, s in results.items():
        if args.verbose or s.passed < s.checks:
            print("\n".join(d for d in s.details if args.verbose or d.startswith("BAD")))
        print("\n".join(s.lines(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f))))
        for name in ("headings", "subheadings", "paragraphs", "debris", "extracted", "outcomes", "pending", "crossed"):
            t, part = getattr(total, name), getattr(s, name)
            t.passed += part.passed
            t.total += part.total
    if len(results) > 1:
        print("\n".join(total.lines("all labelled reports")))
    pool = [c for s in results.values() for c in s.commitments]
    judgments = {k: v for f in map(Path, args.judgments) if f.exists() for k, v in precision.load_judgments(f).items()}
    p = precision.score(pool, judgments)
    print(f"precision sample (seed {precision.SEED}, {precision.SIZE} of {len(pool)} commitments): {p.line()}")
    for w in p.wrong if args.verbose else []:
        print(f"  not real: {w}")
    if args.draw:
        # the judgments of commitments no longer drawn stay in the file, after the sample
        kept = precision.load_judgments(Path(args.draw)) if Path(args.draw).exists() else {}
        Path(args.draw).write_text(_sample_file(precision.draw(pool), {**kept, **judgments}, kept), encoding="utf-8")
        print(f"wrote the sample to {args.draw}: {len(p.unjudged)} commitments to judge")
    return 0


def _sample_file(commitments, judgments: dict[str, dict], kept: dict[str, dict]) -> str:
    import yaml
    items = []
    for c in commitments:
        j = judgments.get(precision.key(c), {})
        items.append({"key": precision.key(c), "kind": c.kind, "year": c.year, "text": c.text,
                      "section": c.place.section.title[:60], "paragraph": c.place.paragraph.text,
                      "real": j.get("real"), "why": j.get("why", "")})
    drawn = {item["key"] for item in items}
    items += [item for k, item in kept.items() if k not in drawn]
    head = (f"# The precision sample of policyexplorer.fullscore: seed {precision.SEED}, the {precision.SIZE}\n"
            "# commitments of lowest rank among those extracted from the labelled whole reports (method:\n"
            "# policyexplorer/commitments/precision.py). Judged by hand, each with its paragraph: real is true\n"
            "# when the clause is a target with a figure for its year (or a five-year outline's last year) or\n"
            "# a named task, as README's \"A commitment is…\" says; why gives the reason. Commitments judged\n"
            "# once and no longer drawn (extraction changed) follow the sample.\n")
    return head + yaml.safe_dump({"judged": items}, allow_unicode=True, sort_keys=False, width=200)


if __name__ == "__main__":
    sys.exit(main())
