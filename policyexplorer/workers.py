"""Work done report by report (parsing, extracting commitments), spread over the cores.

Each report's work depends on that report alone, so the reports a build has to work on (those
not in build/cache) are shared out among short-lived forked processes. Forked workers inherit
this process' memory: the job can be a closure over the corpus, and only the items go out and
only the results come back (pickled).
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, TypeVar

from . import progress

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more (forking, pickling results) than it saves.
LEAST = 4

_job: Callable | None = None     # the running fork_map's job, inherited by its workers


def _run(item):
    return _job(item)


def fork_map(job: Callable[[T], R], items: Iterable[T], workers: int | None = None,
             size: Callable[[T], int] | None = None) -> list[R]:
    """[job(item) for item in items], in a pool of forked workers when there are at least LEAST
    items and more than one worker (default: one per core), else in this process. Each item done
    ticks the build's running stage (progress.current()) by size(item), default 1."""
    global _job
    items = list(items)
    weights = [size(item) for item in items] if size else [1] * len(items)
    shown = progress.current()
    shown.work(sum(weights))
    workers = workers or os.cpu_count() or 1
    if len(items) < LEAST or workers < 2:
        out = []
        for item, weight in zip(items, weights):
            out.append(job(item))
            shown.tick(weight)
        return out
    _job = job       # set before the pool forks (a fork pool starts all its workers at once)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            out = []
            for result, weight in zip(pool.map(_run, items, chunksize=max(1, len(items) // 16)), weights):
                out.append(result)
                shown.tick(weight)
            return out
    finally:
        _job = None
