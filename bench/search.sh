#!/bin/sh
# Builds the SaudiNewsNet database once (build/snn.db, from ../shared; about 2 minutes
# on 2 cores) and measures search latency on it (build/bench/search).
set -eu
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/corpora/news/saudinewsnet}
if [ ! -d "$CORPUS" ]; then
  echo "SKIP: no SaudiNewsNet corpus at $CORPUS"
  exit 0
fi
if [ ! -f build/snn.db ]; then
  python3 tools/saudinewsnet.py "$CORPUS" > build/snn.jsonl
  ./build/rasd ingest -q -j "$(nproc)" build/snn.jsonl --db build/snn.db 2>/dev/null || true
fi
./build/bench/search build/snn.db
