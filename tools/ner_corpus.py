#!/usr/bin/env python3
"""Writes another NER corpus as CoNLL with ANERcorp's four types (PERS, LOC, ORG,
MISC), so that rasd train-ner --extra can learn from it too. Reads ../shared at run
time; nothing of the corpora is stored in this repository.

usage: tools/ner_corpus.py wikifane|wojood PATH... > out.conll

WikiFANE's 50 fine classes (ACE-like) fold as ANERcorp annotates: people -> PERS,
except groups (العرب, المسلمين), which ANERcorp leaves untagged; countries, cities,
regions, waters and facilities -> LOC; organisations -> ORG; works, products,
vehicles and weapons -> MISC. Wojood's outer (first) tag column: PERS, GPE/LOC/FAC,
ORG; EVENT, PRODUCT, CURR -> MISC (ANERcorp's MISC holds currencies, wars,
tournaments, prizes); the rest (dates, numbers, NORP, occupations …) -> O.
"""
import sys

WIKIFANE = {
    **dict.fromkeys("Politician Religious_PER Artist Other_PER Scientist Athlete Businessperson Engineer "
                    "Lawyer Police".split(), "PERS"),
    **dict.fromkeys("Nation Population-Center State-or-Province County-or-District Continent GPE-Cluster "
                    "Water-Body Land-Region-Natural Celestial Building-Grounds Airport Path "
                    "Subarea-Facility".split(), "LOC"),
    **dict.fromkeys("Commercial Non-Governmental Government Educational Media Sports Religious_ORG "
                    "Medical-Science Entertainment".split(), "ORG"),
    **dict.fromkeys("Book Software Hardware Movie Sound Food Drug Plant Air Land Water Projectile Shooting "
                    "Blunt Exploding Nuclear Chemical Sharp".split(), "MISC"),
}
WOJOOD = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "EVENT": "MISC",
          "PRODUCT": "MISC", "CURR": "MISC"}
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\ufeff"), None)


def convert(lines, table, tag_column):
    prev = "O"
    for line in lines:
        parts = line.translate(INVISIBLE).split()
        if not parts or parts[0] == "$#$":  # Wojood's sentence mark
            if prev is not None:
                yield ""
            prev = None
            continue
        word, tag = parts[0], parts[tag_column] if len(parts) > tag_column else "O"
        kind = table.get(tag[2:], "") if tag[:2] in ("B-", "I-") else ""
        if not kind:
            out = "O"
        elif tag[0] == "I" and prev not in (None, "O") and prev[2:] == kind:
            out = "I-" + kind
        else:
            out = "B-" + kind
        yield f"{word} {out}"
        prev = out
    if prev is not None:
        yield ""


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("wikifane", "wojood"):
        sys.exit(__doc__)
    table, column = (WIKIFANE, -1) if sys.argv[1] == "wikifane" else (WOJOOD, 1)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8-sig") as f:
            for line in convert(f, table, column):
                print(line)


main()
