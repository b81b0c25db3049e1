"""Check yunnan-gwr.yaml against the sources (standard library + PyYAML only)."""
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "yunnan-gwr.yaml"
STATUSES = {"met", "exceeded", "missed", "partly", "no_report", "not_comparable", "reported", "pending"}
HEADING_NUM = "一二三四五六七八九十"


def norm(s):
    return re.sub(r"\s+", "", s)


def main():
    lab = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    ids = list(lab["meta"])
    src, body, meta = {}, {}, {}
    for i in ids:
        text = (HERE / "reports" / i / "source.txt").read_text(encoding="utf-8")
        src[i] = text
        lines = text.split("\n")
        assert lines[0] == "---"
        end = lines.index("---", 1)
        body[i] = "\n".join(lines[end + 1:])
        m = yaml.safe_load((HERE / "reports" / i / "meta.yml").read_text(encoding="utf-8"))
        assert "source" in m
        m.pop("source")
        meta[i] = m
    errors = []
    ok = 0

    def check(cond, msg):
        nonlocal ok
        if cond:
            ok += 1
        else:
            errors.append(msg)

    for i in ids:
        check(lab["meta"][i] == meta[i], f"{i}: meta differs: {lab['meta'][i]} != {meta[i]}")
        n = norm(src[i])
        for h in lab["headings"][i]:
            check(norm(h) in n, f"{i}: heading not found: {h}")
        subs = lab["subheadings"][i]
        check(len(subs) <= 8, f"{i}: more than 8 subheadings")
        for h in subs:
            check(norm(h) in n, f"{i}: subheading not found: {h}")
            check("。" not in h, f"{i}: subheading runs past 。: {h}")
        for t in lab["not_text"][i]:
            check(norm(t) in n, f"{i}: not_text not in source: {t}")
            check(norm(t) not in norm(body[i]), f"{i}: not_text also in the body: {t}")
        # paragraph count: non-empty lines from the opening to the closing line, less top-level
        # headings and stand-alone subheading lines
        lines = [l.strip() for l in body[i].split("\n") if l.strip()]
        start = next(k for k, l in enumerate(lines) if l.startswith("现在，我代表"))
        last = max(k for k, l in enumerate(lines) if l.startswith("各位代表！"))
        heads = {norm(h) for h in lab["headings"][i]}
        count = 0
        standalone = 0
        for l in lines[start:last + 1]:
            bare = norm(l.replace("**", ""))
            if bare in heads:
                continue
            if re.fullmatch(r"\*\*（[%s]+）[^。]*\*\*" % HEADING_NUM, norm(l)):
                standalone += 1
                continue
            count += 1
        check(count == lab["paragraphs"][i], f"{i}: paragraphs {count} (script) != {lab['paragraphs'][i]} (label)")
        print(f"{i}: headings {len(lab['headings'][i])}, subheadings {len(subs)}, paragraphs {count} "
              f"(label {lab['paragraphs'][i]}), stand-alone subheading lines {standalone}")

    plan_year = {i: lab["meta"][i]["plan_years"][0] for i in ids}
    nxt = {ids[k]: ids[k + 1] for k in range(len(ids) - 1)}
    tally = {}
    for row in lab["commitments"]:
        rid, year, subs, statuses, fig, why = row
        n = norm(src[rid])
        check(year == plan_year[rid], f"{rid}: plan year {year}")
        check(why.startswith("why: "), f"{rid}: why format")
        for s in subs:
            c = n.count(norm(s))
            check(c == 1, f"{rid}: substring occurs {c} times: {s}")
        check(statuses and set(statuses) <= STATUSES, f"{rid}: bad statuses {statuses}")
        key = (rid, "pending" if statuses == ["pending"] else "judged")
        tally[key] = tally.get(key, 0) + 1
        if statuses == ["pending"]:
            check(fig is None, f"{rid}: pending row with a figure")
            continue
        check(rid in nxt, f"{rid}: judged row without a next report")
        nn = norm(src[nxt[rid]])
        if fig is not None:
            check(norm(fig) in nn, f"{rid}: outcome figure not in next report: {fig} ({subs})")
        quotes = re.findall(r"'([^']+)'", why)
        for q in quotes:
            check(norm(q) in nn or norm(q) in n, f"{rid}: quoted passage not found: {q}")
    for k in sorted(tally):
        print(f"commitments {k[0]} {k[1]}: {tally[k]}")
    print(f"{ok} checks passed, {len(errors)} failed")
    for e in errors:
        print("FAIL", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
