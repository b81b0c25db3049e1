"""Extraction recall and precision against a hand-labelled sample (tests/data/commitments_sample.yaml).

The sample is drawn, not chosen: `draw()` takes the forward-looking paragraphs the extractor
reads (extract._paragraphs: items, body paragraphs; no headings), shuffles each report's list with
a fixed seed and keeps the first few of each report, so every report counts. A person then lists,
by reading, every commitment in each paragraph: each target clause (with its figure's value) and
each named task (a named project, plan, programme, reform or action the government undertakes).

Matching is one to one: a label is found when an extracted commitment of the same paragraph
covers its text (whitespace removed) and, for a target, carries its value; each commitment
answers at most one label (the shortest fitting commitment is taken first).

    recall    = labels found / labels
    precision = commitments that answer a label / commitments extracted from the sampled paragraphs
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlfile import safe_load


SEED = 20251124
PER_REPORT = 8


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def draw(reports, seed: int = SEED, per_report: int = PER_REPORT) -> list[tuple[str, str]]:
    """(paragraph id, text) of the sampled paragraphs, reports in id order."""
    from .extract import _paragraphs
    out = []
    for report in sorted(reports, key=lambda r: r.id):
        paras = [(f"{report.id}:{p.anchor}", text) for _, p, text, _ in _paragraphs(report)]
        rng = random.Random(f"{seed}:{report.id}")
        rng.shuffle(paras)
        out.extend(sorted(paras[:per_report], key=lambda x: x[0]))
    return out


@dataclass
class ExtractionScore:
    labels: int
    found: int
    extracted: int
    right: int
    by_kind: dict = field(default_factory=dict)      # kind -> (found, labels)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0


def _value_ok(c, value) -> bool:
    if value is None:
        return True
    return c.quantity is not None and abs(c.quantity.value - float(value)) < 1e-9


def score_extraction(commitments, sample: list[dict]) -> ExtractionScore:
    by_para: dict[str, list] = {}
    texts: dict[tuple[int, str], str] = {}      # a repeated item is worded in each place its own way
    for c in commitments:
        places = [c.place, *getattr(c, "also_in", [])]
        words = [c.text, *getattr(c, "also_text", [])]
        for place, text in zip(places, words + [c.text] * (len(places) - len(words))):
            by_para.setdefault(place.paragraph_id, []).append(c)
            texts[(id(c), place.paragraph_id)] = text
    s = ExtractionScore(0, 0, 0, 0)
    for item in sample:
        pid = item["paragraph"]
        cands = sorted(by_para.get(pid, []), key=lambda c: len(texts[(id(c), pid)]))
        used: set[int] = set()
        for label in item.get("commitments") or []:
            s.labels += 1
            kind = label.get("kind", "target")
            f, n = s.by_kind.get(kind, (0, 0))
            want = squash(label["text"])
            hit = next((c for c in cands if id(c) not in used and want in squash(texts[(id(c), pid)])
                        and _value_ok(c, label.get("value"))), None)
            if hit is not None:
                used.add(id(hit))
                s.found += 1
                f += 1
            else:
                s.missed.append(f"{pid} {kind}: {label['text']}" + (f" [{label['value']}]" if label.get("value") is not None else ""))
            s.by_kind[kind] = (f, n + 1)
        own = [c for c in cands]
        s.extracted += len(own)
        s.right += sum(1 for c in own if id(c) in used)
        s.extra += [f"{pid}: {texts[(id(c), pid)]}" + (f" [{c.quantity.value}]" if c.quantity else "") for c in own if id(c) not in used]
    return s


def load(path: Path) -> list[dict]:
    data = safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return data.get("paragraphs") or []
