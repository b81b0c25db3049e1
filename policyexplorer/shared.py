"""Where the public contract and the labelled eval samples are.

They live beside the repository in ../shared (the team's shared folder). A copy is kept in
tests/shared so a clone on its own (CI) still tests against them; tests/test_shared_copy.py
fails when the copy drifts from ../shared. PE_SHARED overrides both.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_path(*parts: str) -> Path:
    candidates = []
    if os.environ.get("PE_SHARED"):
        candidates.append(Path(os.environ["PE_SHARED"]))
    candidates += [ROOT.parent / "shared", ROOT / "tests" / "shared"]
    for base in candidates:
        if base.joinpath(*parts).exists():
            return base.joinpath(*parts)
    return candidates[-1].joinpath(*parts)
