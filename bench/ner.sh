#!/bin/sh
# The statistical NER tagger on ANERcorp (train on all but the last 10% of its
# sentences, score on that 10%) and on AQMAR (tagged with the same model), with
# ../shared/eval/score_conll.py. Word statistics and word classes come from
# SaudiNewsNet when present; WikiFANE, when present, is trained on too (mapped to
# ANERcorp's types by tools/ner_corpus.py, with its own copy of every feature), never
# held out. Reads ../shared at run time; writes only under build/ner/.
# NER_PLAIN=1 leaves out WikiFANE and the document context (about 6x faster).
# NER_NAMES=1 adds name-word features (src/ner/names.h) from a list that
# tools/ner_names.py makes of WikiFANE, the Wojood sample, people.tsv and SaudiNewsNet
# (never of ANERcorp, whose last 10% is the test). It did not raise the F1 (see
# data/ner/README.md), so the shipped model does not use it.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
ANER=$SHARED/corpora/ner/anercorp/train.conll
if [ ! -f "$ANER" ]; then
  echo "SKIP: no ANERcorp at $ANER"
  exit 0
fi
mkdir -p build/ner
UNLABELED=""
if [ -d "$SHARED/corpora/news/saudinewsnet" ]; then
  [ -f build/ner/snn.jsonl ] || python3 tools/saudinewsnet.py "$SHARED/corpora/news/saudinewsnet" > build/ner/snn.jsonl
  # Word classes: about 3 minutes on one core; kept between runs.
  [ -f build/ner/snn.clusters ] || ./build/rasd ner-clusters build/ner/snn.jsonl --out build/ner/snn.clusters -q
  UNLABELED="--unlabeled build/ner/snn.jsonl --clusters build/ner/snn.clusters"
fi
EXTRA=""
if [ -z "${NER_PLAIN:-}" ]; then
  WIKIFANE=$SHARED/corpora/ner/wikifane/WikiFANE_Gold_2014_500K.txt
  if [ -f "$WIKIFANE" ]; then
    python3 tools/ner_corpus.py wikifane "$WIKIFANE" > build/ner/wikifane.conll
    EXTRA="--extra build/ner/wikifane.conll --adapt"
  fi
  EXTRA="$EXTRA --document-window 10"
fi
if [ -n "${NER_NAMES:-}" ] && [ -n "$UNLABELED" ]; then
  CONLLS=""
  WIKIFANE=$SHARED/corpora/ner/wikifane/WikiFANE_Gold_2014_500K.txt
  if [ -f "$WIKIFANE" ]; then
    python3 tools/ner_corpus.py wikifane "$WIKIFANE" > build/ner/wikifane.conll
    CONLLS="build/ner/wikifane.conll"
  fi
  if [ -d "$SHARED/corpora/ner/wojood-sample" ]; then
    python3 tools/ner_corpus.py wojood "$SHARED"/corpora/ner/wojood-sample/*.txt > build/ner/wojood.conll
    CONLLS="$CONLLS build/ner/wojood.conll"
  fi
  # shellcheck disable=SC2086
  python3 tools/ner_names.py --unlabeled build/ner/snn.jsonl --conll $CONLLS > build/ner/name_tokens.txt
  EXTRA="$EXTRA --names build/ner/name_tokens.txt"
fi
# shellcheck disable=SC2086
./build/rasd train-ner "$ANER" $UNLABELED $EXTRA --model build/ner/anercorp.model --test-last 0.1 --test-out build/ner/anercorp-test
echo "== ANERcorp, last 10% (score_conll.py)"
python3 "$SHARED/eval/score_conll.py" build/ner/anercorp-test.gold.conll build/ner/anercorp-test.pred.conll
if [ -d "$SHARED/corpora/ner/aqmar" ]; then
  cat "$SHARED"/corpora/ner/aqmar/*.txt > build/ner/aqmar.conll
  ./build/rasd ner --model build/ner/anercorp.model --conll build/ner/aqmar.conll > build/ner/aqmar.pred.conll
  echo "== AQMAR (all 28 articles, PER/LOC/ORG; model trained on ANERcorp news)"
  python3 "$SHARED/eval/score_conll.py" build/ner/aqmar.conll build/ner/aqmar.pred.conll --types PER,LOC,ORG
fi
