"""What a report says about itself: the meta.yml fields read from its own text.

Interface shared by `add` (which writes them into a new meta.yml, each with the words it came
from as a comment) and the build (which fills every field a meta.yml leaves out, and says so).
What a user writes always wins over what is inferred.

Not built yet: infer_meta finds nothing, so every field is reported missing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .places import Places

# The fields read from the text, in the order a new meta.yml lists them.
FIELDS = ("title", "issuer", "speaker", "place", "level", "kind", "delivered", "review_years", "plan_years")


@dataclass(frozen=True)
class Fact:
    value: object            # as meta.yml holds it: str, int list, "YYYY-MM-DD"
    words: str               # the words of the text it was read from (a comment in meta.yml, shown on the overview)
    line: int | None = None  # 1-based line of the text where the words stand


def infer_meta(text: str, places: Places) -> tuple[dict[str, Fact], dict[str, str]]:
    """(facts, missing): each field of FIELDS read from the text, and for each field it could not
    read, what the user should write (e.g. {"delivered": "the date delivered, YYYY-MM-DD"})."""
    return {}, {f: "not inferred yet" for f in FIELDS}


def suggest_id(facts: dict[str, Fact], places: Places) -> str | None:
    """The report id by the contract's pattern <place>-<plan year>-<kind> (wuhan-2025-gwr), or None
    when the facts do not give one."""
    return None
