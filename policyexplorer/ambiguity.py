"""The ambiguity report: every occurrence in the corpus of a character that converts one-to-many.

    .venv/bin/python -m policyexplorer.ambiguity [--data data] [--char 发] [--all]

A Simplified character with several Traditional counterparts (发 -> 發/髮, 干 -> 幹/乾/干,
里 -> 裡/里, 台 -> 臺/颱/檯…; OpenCC's STCharacters lists them) is decided in one of three ways:
- override: a phrase in data/s2t_overrides.yml covers it (a decision that differs from OpenCC);
- phrase:   OpenCC's phrase dictionary decided it from its context (发展 -> 發展, 头发 -> 頭髮);
- reviewed: no phrase applies, so the character's default form stands, and the word it stands
  in is listed as reviewed for that character in data/s2t_reviewed.yml.
Anything else is `undecided`: tests/test_ambiguity.py fails until someone reads the occurrence
and either adds an override or lists the word as reviewed. The report prints each occurrence
with its context and the form chosen.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import opencc

from .convert import Base, converter_for, load_glyphs
from .yamlfile import safe_load

jieba.setLogLevel(60)
ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def one_to_many() -> dict[str, list[str]]:
    """Simplified characters with more than one Traditional form, from OpenCC's own dictionary
    (read with the opencc_dict tool its package ships)."""
    share = Path(opencc.__file__).parent / "clib"
    tool, dictionary = share / "bin" / "opencc_dict", share / "share" / "opencc" / "STCharacters.ocd2"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "st.txt"
        subprocess.run([str(tool), "-i", str(dictionary), "-o", str(out), "-f", "ocd2", "-t", "text"],
                       check=True, capture_output=True)
        table = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            forms = values.split(" ")
            if len(key) == 1 and len(forms) > 1:
                table[key] = forms
    return table


def load_reviewed(path: Path) -> dict[str, set[str]]:
    """data/s2t_reviewed.yml: {character: [words read and found right with the default form]}."""
    if not path.exists():
        return {}
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    return {ch: set(words or []) for ch, words in (data.get("reviewed") or {}).items()}


@dataclass
class Occurrence:
    where: str          # report:anchor (or report:title)
    char: str
    word: str           # the word (jieba) it stands in
    context: str        # a few characters either side
    form: str           # the Traditional form chosen
    how: str            # override | phrase | reviewed | undecided


def _texts(reports):
    for r in reports:
        yield f"{r.id}:title", str(r.meta.get("title") or "")
        for s in r.sections:
            yield f"{r.id}:{s.anchor}", s.title
            for p in s.paragraphs:
                yield f"{r.id}:{p.anchor}", p.text


def _words(text: str) -> list[str]:
    """The word each character of text stands in."""
    out: list[str] = []
    for w in jieba.cut(text, HMM=False):
        out.extend([w] * len(w))
    return out


def occurrences(reports, data_dir: Path) -> list[Occurrence]:
    table = one_to_many()
    converter = converter_for(data_dir)
    base = Base(load_glyphs(Path(data_dir) / "hant_glyphs.yml"))
    reviewed = load_reviewed(Path(data_dir) / "s2t_reviewed.yml")
    defaults = {ch: base.convert(ch) for ch in table}
    out = []
    for where, text in _texts(reports):
        if not any(ch in table for ch in text):
            continue
        ours, plain = converter.to_hant(text), base.convert(text)
        covered = converter.override_spans(text)
        words = _words(text)
        for i, ch in enumerate(text):
            if ch not in table:
                continue
            if i in covered:
                how = "override"
            elif plain[i] != defaults[ch]:
                how = "phrase"
            elif words[i] in reviewed.get(ch, ()):
                how = "reviewed"
            elif ours[i] != defaults[ch]:
                how = "phrase"
            else:
                how = "undecided"
            out.append(Occurrence(where, ch, words[i], text[max(0, i - 6): i + 7], ours[i], how))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "data"))
    ap.add_argument("--char", help="only this character")
    ap.add_argument("--all", action="store_true", help="every occurrence, not only the undecided")
    args = ap.parse_args(argv)
    from .ingest import load_corpus
    occ = occurrences(load_corpus(Path(args.data)), Path(args.data))
    if args.char:
        occ = [o for o in occ if o.char == args.char]
    counts: dict[str, int] = {}
    for o in occ:
        counts[o.how] = counts.get(o.how, 0) + 1
        if args.all or o.how == "undecided":
            print(f"{o.char} -> {o.form}  {o.how:9}  {o.word:8}  {o.context}  ({o.where})")
    print(f"{len(occ)} occurrences of {len({o.char for o in occ})} one-to-many characters: "
          + ", ".join(f"{n} {how}" for how, n in sorted(counts.items())))
    return 1 if counts.get("undecided") else 0


if __name__ == "__main__":
    sys.exit(main())
