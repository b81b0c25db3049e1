"""tests/shared is a copy of the team's ../shared (contract and eval) for clones that lack it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEAM = ROOT.parent / "shared"


@pytest.mark.skipif(not TEAM.exists(), reason="no ../shared beside this clone")
@pytest.mark.parametrize("folder", ["contract", "eval"])
def test_copy_matches_the_team_folder(folder):
    team = {p.relative_to(TEAM / folder): p.read_bytes() for p in (TEAM / folder).rglob("*") if p.is_file()}
    ours = {p.relative_to(ROOT / "tests" / "shared" / folder): p.read_bytes()
            for p in (ROOT / "tests" / "shared" / folder).rglob("*") if p.is_file()}
    assert ours == team, "refresh tests/shared from ../shared"
