"""Score the search against a labelled sample (shared/eval/search_sample.yaml) on a built site.

    .venv/bin/python -m policyexplorer.search.score [--site build/site] [--eval ../shared/eval/search_sample.yaml] [-v]

Pass rule (shared/eval/README.md): a query passes when one of its first five results opens a
section or paragraph containing one of `expect`; `site` (hans / hant) is the variant it is typed
on. "Opens" is checked on the built page: the element the result's anchor names (a paragraph, or
a heading and everything up to the next heading of the same or higher level). Texts are compared
normalised (width, case, script folded to Simplified) with white space removed, so a Simplified
`expect` matches the Traditional page.

The ranking is query.py's, the reference the browser client (search.js) mirrors;
tests/test_search_eval.py runs the same sample through the real search page in Chromium.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path


from .normalize import SPACES, normalize
from .query import Index, search
from ..shared import shared_path
from ..yamlfile import safe_load

PREFIX = {"hans": "", "hant": "zh-Hant/"}
TOP = 5
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = shared_path("eval", "search_sample.yaml")
DEFAULT_SITE = ROOT / "build" / "site"

_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)


def squash(text: str) -> str:
    """Comparable form: normalised (normalize.py), no white space, no permalink marks."""
    return SPACES.sub("", normalize(text)).replace("¶", "")


def passes(target_text: str | None, expect: list[str]) -> bool:
    if not target_text:
        return False
    t = squash(target_text)
    return any(squash(e) in t for e in expect)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def target_text(page_html: str, anchor: str) -> str | None:
    """Text of the element with id=anchor: a paragraph, or a heading with its section."""
    m = re.search(r'<(\w+)\b[^>]*\bid="%s"[^>]*>' % re.escape(anchor), page_html)
    if not m:
        return None
    tag = m.group(1).lower()
    start = m.start()
    h = re.fullmatch(r"h([1-6])", tag)
    if h:
        level = int(h.group(1))
        end = len(page_html)
        for nxt in _HEADING.finditer(page_html, m.end()):
            if int(nxt.group(1)) <= level:
                end = nxt.start()
                break
        article_end = page_html.find("</article>", m.end())
        if article_end != -1:
            end = min(end, article_end)
        return _text(page_html[start:end])
    close = page_html.find(f"</{tag}>", m.end())
    return _text(page_html[start:close if close != -1 else len(page_html)])


def open_result(site: Path, variant: str, url: str) -> str | None:
    """Text a result link opens on the built site (url relative to the variant root)."""
    path, _, anchor = url.partition("#")
    if not path or path.endswith("/"):
        path += "index.html"
    file = site / PREFIX[variant] / path
    if not file.exists():
        return None
    page = file.read_text(encoding="utf-8")
    return target_text(page, anchor) if anchor else _text(page)


@dataclass
class Outcome:
    q: str
    site: str
    ok: bool
    rank: int | None                 # 1-based rank of the first passing result, None if none
    urls: list[str] = field(default_factory=list)


@dataclass
class Scores:
    outcomes: list[Outcome]

    @property
    def passed(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 1.0

    def by_site(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            p, t = out.get(o.site, (0, 0))
            out[o.site] = (p + o.ok, t + 1)
        return out


def load_sample(path: Path) -> list[dict]:
    data = safe_load(Path(path).read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else (data or {}).get("items", [])
    for item in items:
        if item.get("site") not in PREFIX:
            raise ValueError(f"{path}: site must be hans or hant: {item}")
        item["expect"] = [str(e) for e in (item.get("expect") or [])]
        item["q"] = str(item["q"])
    return items


def run(site: Path, sample: list[dict]) -> Scores:
    site = Path(site)
    indexes = {v: Index(site / p / "search" / "data") for v, p in PREFIX.items()}
    outcomes = []
    for item in sample:
        variant = item["site"]
        answer = search(indexes[variant], item["q"], limit=TOP)
        urls = [r.url for r in answer.results[:TOP]]
        rank = next((i + 1 for i, u in enumerate(urls) if passes(open_result(site, variant, u), item["expect"])), None)
        outcomes.append(Outcome(item["q"], variant, rank is not None, rank, urls))
    return Scores(outcomes)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default=str(DEFAULT_SITE), help="built site (python -m policyexplorer build)")
    ap.add_argument("--eval", default=str(DEFAULT_EVAL))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    site = Path(args.site)
    if not (site / "search" / "data" / "m.js").exists():
        print(f"{site}: no built site with a search index; run `python -m policyexplorer build` first",
              file=sys.stderr)
        return 2
    s = run(site, load_sample(Path(args.eval)))
    for o in s.outcomes:
        if args.verbose or not o.ok:
            where = f"rank {o.rank}" if o.ok else "not in the first five: " + " ".join(o.urls)
            print(f"{'ok ' if o.ok else 'BAD'} [{o.site}] {o.q}: {where}")
    per_site = ", ".join(f"{v} {p}/{t}" for v, (p, t) in sorted(s.by_site().items()))
    print(f"search queries     {s.total} ({per_site})")
    print(f"search pass rate   {s.rate:.2f} ({s.passed}/{s.total} with an expected passage in the first {TOP})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
