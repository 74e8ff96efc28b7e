#!/usr/bin/env python3
"""Writes the SaudiNewsNet corpus (one zip per day, each a JSON array of articles)
as rasd JSONL: id, title, text, date, outlet, url. Reads ../shared at run time;
nothing of the corpus is stored in this repository.

usage: tools/saudinewsnet.py [CORPUS_DIR] > snn.jsonl
"""
import glob
import json
import os
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpora", "news", "saudinewsnet")
zips = sorted(glob.glob(os.path.join(corpus, "*.zip")))
if not zips:
    sys.exit(f"saudinewsnet.py: no *.zip in {corpus}")
n = 0
for path in zips:
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            for a in json.loads(z.read(name).decode("utf-8")):
                rec = {"id": f"snn{n}", "title": a.get("title") or None, "text": a.get("content") or "",
                       "date": (a.get("date_extracted") or "")[:10] or None, "outlet": a.get("source") or None,
                       "url": a.get("url") or None}
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
print(f"saudinewsnet.py: {n} articles from {len(zips)} days", file=sys.stderr)
