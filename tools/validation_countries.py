#!/usr/bin/env python3
"""Issue 4 metric: for gold actors that name a country (validation_dev.jsonl events'
sourcecode/targetcode: first 3 letters an ISO/CAMEO country code), is that country
among the countries of the entities' actors (entity.actor.country, or its code's
first 3 letters, or the 'second' actor) that rasd finds in the sentence?
usage: tools/validation_countries.py [--misses N]   (reads ../shared at run time)"""
import json, os, subprocess, sys, collections, re
HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, '..', '..', 'shared', 'corpora', 'events', 'validation_dev.jsonl')
RASD = os.path.join(HERE, '..', 'build', 'rasd')
if not os.path.exists(GOLD):
    sys.exit(f'SKIP: no {GOLD}')
ISO = set()
for l in open(os.path.join(HERE, '..', 'data', 'gazetteer', 'countries.tsv'), encoding='utf-8'):
    if l.startswith('#') or not l.strip(): continue
    f = l.split('\t')
    for x in f[:3]:
        if re.fullmatch(r'[A-Z]{3}', x): ISO.add(x)
rows = [json.loads(l) for l in open(GOLD, encoding='utf-8')]
inp = '\n'.join(json.dumps({'id': r['id'], 'text': r['text'],
                            'date': f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}" if len(r.get('date','')) == 8 else None},
                           ensure_ascii=False) for r in rows) + '\n'
out = subprocess.run([RASD, 'analyze', '-q', '-'], input=inp, capture_output=True, text=True).stdout
ans = {}
for l in out.splitlines():
    a = json.loads(l); ans[a['id']] = a
sent_ok = sent_n = pair_ok = pair_n = 0
misses = collections.Counter()
examples = []
for r in rows:
    gold = set()
    for e in r.get('events', []):
        for k in ('sourcecode', 'targetcode'):
            c = (e.get(k) or '').split()[0] if e.get(k) else ''
            if len(c) >= 3 and c[:3].isalpha() and c[:3].isupper() and c[:3] in ISO:
                gold.add(c[:3])
    if not gold:
        continue
    a = ans.get(r['id'], {})
    found = set()
    for en in a.get('entities', []):
        for act in (en.get('actor'), en.get('second')):
            if act:
                if act.get('country'): found.add(act['country'])
                if act.get('code'): found.add(act['code'][:3])
    sent_n += 1
    ok = gold <= found
    sent_ok += ok
    for g in gold:
        pair_n += 1
        pair_ok += g in found
        if g not in found:
            misses[g] += 1
            examples.append((g, r['text'][:160]))
print(f"sentences with a gold country: {sent_n}; all gold countries found: {sent_ok} = {sent_ok/sent_n:.3f}")
print(f"gold (sentence, country) pairs found: {pair_ok}/{pair_n} = {pair_ok/pair_n:.3f}")
print("most missed:", misses.most_common(15))
if '--misses' in sys.argv:
    n = int(sys.argv[sys.argv.index('--misses') + 1])
    for g, t in examples[:n]:
        print(g, '|', t)
