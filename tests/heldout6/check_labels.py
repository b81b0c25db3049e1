import re, sys, yaml, pathlib
base = pathlib.Path(__file__).resolve().parent
lab = yaml.safe_load(open(base/'jiangxi-gwr.yaml', encoding='utf-8'))
ws = lambda t: re.sub(r'\s+', '', t)
src = {}; body = {}
for rid in lab['meta']:
    raw = (base/'reports'/rid/'source.txt').read_text(encoding='utf-8')
    src[rid] = ws(raw)
    lines = raw.split('\n')
    # speech = after front matter up to the closing "各位代表！" line before 附件
    ann = next(i for i,l in enumerate(lines) if l.strip()=='**附件**')
    body[rid] = ws('\n'.join(lines[4:ann]))
fails = 0
def bad(msg):
    global fails; fails += 1; print('FAIL', msg)
ids = list(lab['meta'])
nxt = {ids[i]: ids[i+1] for i in range(len(ids)-1)}
# meta
for rid, m in lab['meta'].items():
    fm = yaml.safe_load(open(base/'reports'/rid/'meta.yml', encoding='utf-8'))
    fm.pop('source')
    if fm != m: bad(f'meta {rid}: {fm} != {m}')
# headings / subheadings (whitespace and ** removed)
n = 0
for key in ('headings', 'subheadings'):
    for rid, hs in lab[key].items():
        s = src[rid].replace('*', '')
        for h in hs:
            n += 1
            c = s.count(ws(h))
            if c < 1: bad(f'{key} {rid} {h!r} not found')
print('headings+subheadings checked:', n)
# not_text: occurs in source; not in speech body (front-matter strings and annex strings)
n = 0
for rid, ts in lab['not_text'].items():
    for t in ts:
        n += 1
        w = ws(t)
        if w not in src[rid]: bad(f'not_text {rid} {t!r} not in source')
        if w in body[rid].replace('*',''): bad(f'not_text {rid} {t!r} also in report body')
print('not_text checked:', n)
# commitments
n = q = 0
for row in lab['commitments']:
    rid, yr, subs, sts, fig, why = row
    assert yr in lab['meta'][rid]['plan_years'], row
    for sb in subs:
        n += 1
        c = src[rid].count(ws(sb))
        if c != 1: bad(f'commit {rid} {sb!r} occurs {c}x')
    assert why.startswith('why:'), row
    if sts == ['pending']:
        if fig is not None: bad(f'pending with figure {row}')
        continue
    nr = nxt[rid]
    if fig is not None and ws(fig) not in src[nr]: bad(f'figure {fig!r} not in {nr}')
    quotes = re.findall(r"'([^']+)'", why)
    innext = 0
    for qt in quotes:
        q += 1
        if ws(qt) in src[nr]: innext += 1
        elif ws(qt) in src[rid]: pass
        else: bad(f'quote {qt!r} in neither {nr} nor {rid}')
    if fig is not None and innext == 0: bad(f'no quote from next report: {row}')
    for s in sts:
        if s not in {'met','exceeded','missed','partly','no_report','not_comparable','reported','pending'}: bad(f'status {s}')
print('commitment substrings checked:', n, ' quotes checked:', q)
from collections import Counter
c = Counter((r[0], 'pending' if r[3]==['pending'] else 'judged') for r in lab['commitments'])
print('commitments:', dict(c), 'total', len(lab['commitments']))
print('first statuses:', Counter(r[3][0] for r in lab['commitments'] if r[3]!=['pending']))
print('paragraphs:', lab['paragraphs'])
for rid in ids:
    lines=(base/'reports'/rid/'source.txt').read_text(encoding='utf-8').split('\n')
    o=next(i for i,l in enumerate(lines) if l.startswith('现在，我代表'))
    ann=next(i for i,l in enumerate(lines) if l.strip()=='**附件**')
    cl=max(i for i in range(ann) if lines[i].startswith('各位代表！'))
    seg=[l for l in lines[o:cl+1] if l.strip()]
    heads=[l for l in seg if ws(l).replace('*','') in [ws(h) for h in lab['headings'][rid]]]
    cnt=len(seg)-len(heads)
    print('paragraph line count', rid, cnt, 'label', lab['paragraphs'][rid])
    if cnt!=lab['paragraphs'][rid]: bad('paragraph count '+rid)
print('FAILURES:', fails) ; sys.exit(1 if fails else 0)
