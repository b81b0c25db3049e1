"""Text normalisation and tokenisation shared by the index builder and the browser client.

docs/assets/search/search.js implements exactly the same steps; tests/test_search_browser.py
checks that both sides agree on the same strings. Change one, change the other.

Per code point, in order:
  1. zero-width / invisible format characters are dropped;
  2. NFKC (full-width ＰＭ２．５ -> PM2.5, compatibility ideographs -> unified);
  3. lower case;
  4. Traditional -> Simplified, character by character, with the table OpenCC t2s gives for
     single characters (the client receives the part of that table the corpus needs).

Character-level (not phrase-level) conversion is deliberate: the client cannot run OpenCC, and
the index and the query only have to agree with each other, not be perfect Simplified.

Normalised characters are then cut into units:
  * every CJK ideograph is a unit;
  * a run of letters/digits (any script but CJK ideographs) is one unit, "." joins digits (pm2.5);
  * white space is transparent between ideographs (光谷 科学岛 == 光谷科学岛) but ends a run;
  * any other character (punctuation, symbols) is a hard separator: no key spans it.
Units are numbered; separators take no position.

Keys (what the index stores, with the position of their first unit):
  * a pair of adjacent ideographs: "科学";
  * a letter/digit run: "pm2.5", "skp", "5g";
  * an adjacent run + ideograph pair: "5g工", "汉skp" (so 5G工厂 is a phrase, not two words).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

# Invisible characters that end up in copied text: zero-width space/joiners, direction marks,
# word joiner and invisible operators, BOM / zero-width no-break space, soft hyphen, Mongolian
# vowel separator.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e")
# Markup the corpus cleaner leaves in a few paragraphs (PM<sub>2.5</sub>).
INLINE_TAG = re.compile(r"</?(?:sub|sup)>", re.IGNORECASE)
_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")
SPACES = re.compile(r"[\t\n\r\f\v\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")

CJK_RANGES = (
    (0x3007, 0x3007),      # 〇
    (0x3400, 0x4DBF),      # Extension A
    (0x4E00, 0x9FFF),      # Unified Ideographs
    (0xF900, 0xFAFF),      # Compatibility Ideographs
    (0x20000, 0x323AF),    # Extensions B..H
)
SCAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    for lo, hi in CJK_RANGES:
        if lo <= cp <= hi:
            return True
    return False


def is_space(ch: str) -> bool:
    return ch in "\t\n\r\x0b\x0c" or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def is_alnum(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Every ideograph that OpenCC t2s changes when given alone, mapped to its one-character result."""
    cc = opencc.OpenCC("t2s")
    table = {}
    for lo, hi in SCAN_RANGES:
        chars = [chr(cp) for cp in range(lo, hi + 1)]
        # Convert in blocks separated by newlines: one call per block, character for character.
        out = cc.convert("\n".join(chars)).split("\n")
        if len(out) != len(chars):      # pragma: no cover - defensive; fall back to one by one
            out = [cc.convert(c) for c in chars]
        for src, dst in zip(chars, out):
            if dst != src and len(dst) == 1:
                table[src] = dst
    return table


@lru_cache(maxsize=200_000)
def norm_char(ch: str) -> str:
    """Normalised form of one code point ('' for invisible characters)."""
    if ch in ZERO_WIDTH:
        return ""
    table = t2s_table()
    out = unicodedata.normalize("NFKC", ch).lower()
    return "".join(table.get(c, c) for c in out if c not in ZERO_WIDTH)


def normalize(text: str) -> str:
    return "".join(norm_char(c) for c in text)


def clean_display(text: str) -> str:
    """Text as shown in result snippets: no inline tags, no invisible characters, single spaces."""
    text = _ZERO_WIDTH_RE.sub("", INLINE_TAG.sub("", text))
    return SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Unit:
    s: str          # normalised unit: one ideograph or one letter/digit run
    cjk: bool
    adj: bool       # no hard separator between this unit and the previous one
    start: int      # source offsets (code points) of the unit in the text given to units()
    end: int


def units(text: str) -> list[Unit]:
    chars: list[tuple[str, int]] = []
    for i, c in enumerate(text):
        for x in norm_char(c):
            chars.append((x, i))
    out: list[Unit] = []
    hard = True                      # hard separator seen since the last unit
    run: list[str] = []
    run_start = run_end = 0
    run_adj = False

    def flush():
        nonlocal run, hard
        if run:
            out.append(Unit("".join(run), False, run_adj, run_start, run_end))
            run = []
            hard = False

    n = len(chars)
    for j, (x, i) in enumerate(chars):
        if is_cjk(x):
            flush()
            out.append(Unit(x, True, not hard and bool(out), i, i + 1))
            hard = False
        elif is_alnum(x) or (x == "." and run and run[-1][-1] in "0123456789"
                             and j + 1 < n and chars[j + 1][0] in "0123456789"):
            if not run:
                run_start, run_adj = i, (not hard and bool(out))
            run.append(x)
            run_end = i + 1
        elif is_space(x):
            flush()
        else:
            flush()
            hard = True
    flush()
    return out


def keys(us: list[Unit]) -> list[tuple[str, int]]:
    """(key, position) pairs of a unit sequence, in order."""
    out = []
    for idx, u in enumerate(us):
        if idx and u.adj:
            p = us[idx - 1]
            if p.cjk or u.cjk:
                out.append((p.s + u.s, idx - 1))
        if not u.cjk:
            out.append((u.s, idx))
    return out


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over code points (search.js: hash())."""
    h = 0x811C9DC5
    for c in key:
        h ^= ord(c)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h
