#!/bin/sh
# The statistical NER tagger on ANERcorp (train on all but the last 10% of its
# sentences, score on that 10%) and on AQMAR (tagged with the same model), with
# ../shared/eval/score_conll.py. Word statistics come from SaudiNewsNet when present.
# Reads ../shared at run time; writes only under build/ner/.
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
  [ -f build/snn.jsonl ] || python3 tools/saudinewsnet.py "$SHARED/corpora/news/saudinewsnet" > build/snn.jsonl
  UNLABELED="--unlabeled build/snn.jsonl"
fi
# shellcheck disable=SC2086
./build/rasd train-ner "$ANER" $UNLABELED --model build/ner/anercorp.model --test-last 0.1 --test-out build/ner/anercorp-test
echo "== ANERcorp, last 10% (score_conll.py)"
python3 "$SHARED/eval/score_conll.py" build/ner/anercorp-test.gold.conll build/ner/anercorp-test.pred.conll
if [ -d "$SHARED/corpora/ner/aqmar" ]; then
  cat "$SHARED"/corpora/ner/aqmar/*.txt > build/ner/aqmar.conll
  ./build/rasd ner --model build/ner/anercorp.model --conll build/ner/aqmar.conll > build/ner/aqmar.pred.conll
  echo "== AQMAR (all 28 articles, PER/LOC/ORG; model trained on ANERcorp news)"
  python3 "$SHARED/eval/score_conll.py" build/ner/aqmar.conll build/ner/aqmar.pred.conll --types PER,LOC,ORG
fi
