#!/usr/bin/env python3
"""Derives a list of name words by type for the NER tagger's "known name word"
features (src/ner/names.h, rasd train-ner --names): given and family names,
transliterated foreign names, words of club, company and place names.

usage: tools/ner_names.py --unlabeled SNN.jsonl [--conll CORPUS.conll ...]
                          [--people data/actors/people.tsv] [--nouns data/actors/person_nouns.txt]
                          [--stopwords data/lexicon/stopwords.txt] > build/ner/name_tokens.txt

A word gets a type letter (p person, l place, o organisation, m other names) when
  * tagged corpora (CoNLL with ANERcorp's types, e.g. tools/ner_corpus.py output:
    --conll) tag it with that type at least twice and in at least 30% of its
    occurrences; or
  * (p) it is one word of a name form in people.tsv; or
  * (p, when nothing else) in the unlabeled news it follows a person noun with the
    article (اللاعب, الفنان, الرئيس …: person_nouns.txt and a few more) at least 3
    times and in at least 30% of its occurrences, without the article itself;
and it is not a stop word, has at least two letters, and the tagged corpora do not tag
it O in more than 60% of its occurrences (when seen 3 times or more).
Never give it the corpus a model is tested on: the list is a feature, and a list made
from the test part would leak it. Words only, no sentences: nothing of the corpora's
text is kept. Deterministic (sorted output).
"""
import argparse
import collections
import json
import re
import unicodedata

FOLD = {0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627, 0x0672: 0x0627, 0x0673: 0x0627,
        0x0649: 0x064A, 0x0629: 0x0647, 0x0624: 0x0621, 0x0626: 0x0621, 0x06A9: 0x0643, 0x06CC: 0x064A,
        0x06C1: 0x0647}
ARTICLE = "ال"
# Person nouns beyond person_nouns.txt that precede names in sports and arts news.
TYPES = {"PER": "p", "PERS": "p", "PERSON": "p", "LOC": "l", "GPE": "l", "ORG": "o", "MISC": "m"}
MORE_NOUNS = ("نجم نجمه مهاجم حارس مدافع كابتن دكتور سيد سيده امير اميره ملك ملكه ولي مذيع مذيعه "
              "مغني مغنيه موسيقار ملحن منتج كوميدي داعيه بطل بطله عداء رباع سباح ملاكم متسابق "
              "روائيه ممثل امام شيخ شيخه استاذ").split()
WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u0652\u0640]+")


def norm(w):
    out = []
    for ch in w:
        c = ord(ch)
        c = FOLD.get(c, c)
        if 0x064B <= c <= 0x065F or c in (0x0670, 0x0640) or unicodedata.category(chr(c)) == "Cf":
            continue
        out.append(chr(c))
    return "".join(out)


def read_list(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--unlabeled", required=True)
    ap.add_argument("--conll", nargs="*", default=[])
    ap.add_argument("--people", default="data/actors/people.tsv")
    ap.add_argument("--nouns", default="data/actors/person_nouns.txt")
    ap.add_argument("--stopwords", default="data/lexicon/stopwords.txt")
    a = ap.parse_args()

    typed, tot = collections.defaultdict(collections.Counter), collections.Counter()
    for path in a.conll:
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                parts = line.split()
                if not parts:
                    continue
                w = norm(parts[0])
                tot[w] += 1
                kind = TYPES.get(parts[-1][2:])
                if kind:
                    typed[w][kind] += 1

    gaz = set()
    rows = read_list(a.people)
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 3:
            continue
        for form in cols[2].split("|"):
            for w in form.split():
                gaz.add(norm(w))

    nouns = {norm(w) for w in read_list(a.nouns)} | set(MORE_NOUNS)
    cues = {ARTICLE + w for w in nouns} | {w for w in nouns if not w.startswith(ARTICLE)}
    stop = {norm(w) for w in read_list(a.stopwords)}

    freq, cued = collections.Counter(), collections.Counter()
    with open(a.unlabeled, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for para in (doc.get("title") or "", doc.get("text") or ""):
                words = [norm(m.group()) for m in WORD.finditer(para)]
                for i, w in enumerate(words):
                    freq[w] += 1
                    if i == 0 or w.startswith(ARTICLE) or w in stop:
                        continue
                    prev = words[i - 1]
                    # Right after a person noun with the article (اللاعب X).
                    if prev in cues and prev.startswith(ARTICLE):
                        cued[w] += 1

    out = collections.defaultdict(set)
    for w in set(typed) | gaz | set(cued):
        if len(w) < 2 or w in stop or not WORD.fullmatch(w):
            continue
        named = sum(typed[w].values())
        if tot[w] >= 3 and (tot[w] - named) / tot[w] > 0.6:
            continue  # mostly not a name in the tagged corpora
        for kind, n in typed[w].items():
            if n >= 2 and n * 10 >= tot[w] * 3:
                out[w].add(kind)
        if w in gaz:
            out[w].add("p")
        elif not out[w] and cued[w] >= 3 and cued[w] * 10 >= freq[w] * 3 and not w.startswith(ARTICLE) and \
                not w.startswith(("بال", "لل", "وال")):
            out[w].add("p")
    print("# version: 1")
    print("# rasd NER: words that are parts of names; word TAB types (p person, l place, o organisation,")
    print("# m other names). Generated by tools/ner_names.py; see data/ner/README.md.")
    for w in sorted(out):
        if out[w]:
            print(f"{w}\t{''.join(sorted(out[w]))}")


main()
