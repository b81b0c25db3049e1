"""Extraction report by report (commitments/cached.py): from build/cache or a pool of workers, it
gives exactly what extraction in one process gives, whatever other reports are present."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_commitments_support import make_report

from policyexplorer import ingest, workers
from policyexplorer.cache import Cache
from policyexplorer.commitments import build_tracker, cached
from policyexplorer.commitments.extract import extract
from policyexplorer.commitments.indicators import IndicatorIndex
from policyexplorer.commitments.link import _lineage, _related_candidates

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def reports():
    return ingest.load_corpus(DATA)


@pytest.fixture(scope="module")
def indicators():
    return IndicatorIndex(DATA / "indicators.yml")


def described(commitments) -> list[tuple]:
    """Everything extraction decides about each commitment, places by paragraph id."""
    return [(c.id, c.place.paragraph_id, [p.paragraph_id for p in c.also_in], c.year, c.kind, c.text,
             c.quantity, c.indicator.id if c.indicator else None, c.scope, c.verb, c.subject, c.lead,
             c.support, c.also_text, c.status, c.outcomes, c.related, c.missing_review) for c in commitments]


def no_extraction(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("extracted again: the cache should have answered")
    monkeypatch.setattr(cached, "extract_report", fail)


def test_cold_and_warm_cache_give_what_plain_extraction_gives(reports, indicators, tmp_path, monkeypatch):
    want = described(extract(reports, indicators))
    cache = Cache(tmp_path)
    cold = cached.extract_all(reports, indicators, cache=cache, workers=2)   # 5 reports: a pool
    assert described(cold) == want
    assert len(list((tmp_path / cached.KIND).rglob("*.pickle"))) == len(reports)
    no_extraction(monkeypatch)
    warm = cached.extract_all(reports, indicators, cache=Cache(tmp_path))
    assert described(warm) == want


def test_looked_back_figures_come_with_the_commitments_and_from_the_cache(reports, indicators, tmp_path, monkeypatch):
    from policyexplorer.commitments import series
    want = series.outcomes(sorted(reports, key=lambda r: r.id), indicators)
    assert len(want) > 50
    _, cold = cached.extract_with_figures(reports, indicators, cache=Cache(tmp_path), workers=2)
    assert cold == want
    no_extraction(monkeypatch)
    monkeypatch.setattr(cached, "report_outcomes", lambda *a: (_ for _ in ()).throw(AssertionError("read again")))
    _, warm = cached.extract_with_figures(reports, indicators, cache=Cache(tmp_path))
    assert warm == want
    by_id = {r.id: r for r in reports}
    assert all(f.where.report is by_id[f.report.id] for f in warm)       # the live corpus, not a copy


def test_links_from_the_cache_are_those_linking_makes(reports, tmp_path, monkeypatch):
    from policyexplorer.commitments import link
    fresh = build_tracker(reports, DATA).commitments
    build_tracker(reports, DATA, cache=Cache(tmp_path))                 # cold: links, and keeps them
    assert list((tmp_path / "links").rglob("*.pickle"))

    def fail(*args, **kwargs):
        raise AssertionError("linked again: the cache should have answered")
    monkeypatch.setattr(link, "link_target", fail)
    monkeypatch.setattr(link, "link_task", fail)
    warm = build_tracker(reports, DATA, cache=Cache(tmp_path)).commitments
    assert described(warm) == described(fresh)
    assert sum(len(c.outcomes) for c in warm) > 40
    # a passage compared with one of a commitment's own figures points at that very figure
    for a, b in zip(fresh, warm):
        assert [any(o.target is t for t in a.targets) for o in a.outcomes] == \
               [any(o.target is t for t in b.targets) for o in b.outcomes]


def test_cached_commitments_point_at_the_live_corpus(reports, indicators, tmp_path):
    cached.extract_all(reports, indicators, cache=Cache(tmp_path))
    warm = cached.extract_all(reports, indicators, cache=Cache(tmp_path))
    by_id = {r.id: r for r in reports}
    for c in warm:
        report = by_id[c.id.split(":")[0]]
        for place in [c.place, *c.also_in]:
            assert place.report is report
            assert any(place.section is s and any(place.paragraph is p for p in s.paragraphs) for s in report.sections)
        assert c.indicator is None or c.indicator is indicators.by_id[c.indicator.id]


def test_a_report_is_extracted_alike_whatever_else_is_in_the_corpus(reports, indicators, tmp_path, monkeypatch):
    full = described(cached.extract_all(reports, indicators, cache=Cache(tmp_path)))
    for report in reports:
        alone = described(cached.extract_all([report], indicators))
        assert alone == [d for d in full if d[0].startswith(report.id + ":")]
    no_extraction(monkeypatch)       # the keys do not depend on the other reports either
    subset = described(cached.extract_all(reports[1:3], indicators, cache=Cache(tmp_path)))
    assert subset == [d for d in full if d[0].split(":")[0] in {r.id for r in reports[1:3]}]


def test_the_key_follows_the_indicator_file(reports, indicators, tmp_path):
    changed = tmp_path / "indicators.yml"
    changed.write_text((DATA / "indicators.yml").read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    agencies = cached.default_agencies()
    assert cached._keys(reports, indicators, agencies) != cached._keys(reports, IndicatorIndex(changed), agencies)


def test_a_report_not_loaded_from_a_folder_is_extracted_but_not_cached(indicators, tmp_path):
    r = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], ["新增中试平台30家。"])])
    got = cached.extract_all([r], indicators, cache=Cache(tmp_path))
    assert [c.text for c in got] == ["新增中试平台30家"]
    assert not (tmp_path / cached.KIND).exists()


def test_the_tracker_is_the_same_from_a_cold_or_warm_cache(reports, tmp_path):
    want = build_tracker(reports, DATA).json()
    assert build_tracker(reports, DATA, cache=Cache(tmp_path)).json() == want
    assert build_tracker(reports, DATA, cache=Cache(tmp_path)).json() == want


def test_fork_map_keeps_order_with_or_without_a_pool():
    items = list(range(23))
    assert workers.fork_map(lambda i: i * i, items, workers=2) == [i * i for i in items]
    assert workers.fork_map(lambda i: i * i, items[:2], workers=2) == [0, 1]


def test_restatements_are_looked_for_in_related_places_only():
    paths = {"cn": ["中国"], "hb": ["中国", "湖北省"], "wh": ["中国", "湖北省", "武汉市"],
             "wc": ["中国", "湖北省", "武汉市", "武昌区"], "yc": ["中国", "湖北省", "宜昌市"], "gd": ["中国", "广东省"],
             "x": []}

    class C:                  # what _related_candidates reads of a commitment: its report's place
        def __init__(self, key):
            self.report = make_report(f"{key}-2025", key, [])
            self.report.place_path = paths[key]

    group = [C(k) for k in ["wc", "cn", "wh", "yc", "x", "hb", "gd", "wh"]]

    def related(a, b):
        pa, pb = _lineage(a.report), _lineage(b.report)
        return pa[: len(pb)] == pb or pb[: len(pa)] == pa

    for c, found in zip(group, _related_candidates(group)):
        assert found == [o for o in group if related(c, o)]


def test_a_warm_rebuild_links_without_segmenting_any_task_again(reports, tmp_path, monkeypatch):
    """Task parts' words come from the last build (kind TERMS), so a rebuild that changes no text
    never loads jieba's dictionary; the links are the same."""
    from policyexplorer.commitments import TERMS, link
    want = build_tracker(reports, DATA).json()
    assert build_tracker(reports, DATA, cache=Cache(tmp_path)).json() == want
    assert len(list((tmp_path / TERMS).rglob("*.pickle"))) == 1

    def fail(name):
        raise AssertionError(f"segmented {name!r} again: the cache should have answered")
    monkeypatch.setattr(link, "_terms", fail)
    assert build_tracker(reports, DATA, cache=Cache(tmp_path)).json() == want
