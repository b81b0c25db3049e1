"""Precision of extraction on real reports it was not built on: a random sample of the commitments
extracted from the labelled whole reports (shared/eval/unseen_full.yaml and tests/devset),
judged by hand.

The sample is drawn, not chosen: each commitment of those reports gets a rank from a hash of the
seed, its report and its text, and the N of lowest rank are the sample. A change to extraction
leaves the sample as it was but for the commitments it removes (the next in rank take their
place) and those it adds with a rank low enough: only they need judging again. A person reads each with its paragraph and says whether it
is a real commitment for its year: a target with a figure the government sets for that year (or,
in a five-year outline, for the period's last year), or a named task (a named project, plan,
programme, reform or action), as README's "A commitment is…" says; not a slogan, a general aim,
a framing phrase or a description of the past. Judgments are kept in tests/data/precision_*.yaml
under the report and the commitment's text (whitespace removed), so they survive renumbering; a
drawn commitment nobody judged is counted apart, and the figure is only final when none is.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlfile import safe_load

SEED = 20261207
SIZE = 60


def key(c) -> str:
    text = re.sub(r"\s+", "", c.text)
    return f"{c.report.id}|{text}"


def rank(c, seed: int = SEED) -> str:
    return hashlib.sha256(f"{seed}|{key(c)}".encode("utf-8")).hexdigest()


def draw(commitments, seed: int = SEED, size: int = SIZE) -> list:
    """The sample: the `size` commitments of lowest rank (one per key), in id order."""
    pool = {key(c): c for c in sorted(commitments, key=lambda c: c.id, reverse=True)}
    chosen = sorted(pool.values(), key=lambda c: rank(c, seed))[:size]
    return sorted(chosen, key=lambda c: c.id)


@dataclass
class Precision:
    drawn: int = 0
    judged: int = 0
    real: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)     # kind -> [real, judged]
    unjudged: list = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def line(self) -> str:
        kinds = "; ".join(f"{k}s {r}/{j}" for k, (r, j) in sorted(self.by_kind.items()))
        pct = f" ({100 * self.real / self.judged:.0f}%)" if self.judged else ""
        left = f", {len(self.unjudged)} drawn but not judged" if self.unjudged else ""
        kinds = f"; {kinds}" if kinds else ""
        return f"real commitments for their year: {self.real}/{self.judged}{pct}{kinds}{left}"


def load_judgments(path: Path) -> dict[str, dict]:
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for i, item in enumerate(data.get("judged") or []):
        if not isinstance(item, dict) or "key" not in item or not isinstance(item.get("real"), bool):
            raise ValueError(f"{path}: judged[{i}] needs a key and real: true or false")
        out[item["key"]] = item
    return out


def score(commitments, judgments: dict[str, dict], seed: int = SEED, size: int = SIZE) -> Precision:
    p = Precision()
    for c in draw(commitments, seed, size):
        p.drawn += 1
        j = judgments.get(key(c))
        if j is None:
            p.unjudged.append(c)
            continue
        p.judged += 1
        p.real += j["real"]
        tally = p.by_kind.setdefault(c.kind, [0, 0])
        tally[0] += j["real"]
        tally[1] += 1
        if not j["real"]:
            p.wrong.append(f"{key(c)}: {j.get('why', '')}")
    return p
