#!/usr/bin/env bash
# Relevance benchmark: does search find what people type? On a generated catalog (1 M tracks by
# default), draws a query set with a seed of its own (9 categories: exact names, case, accents,
# title + artist, artist + title, typos with and without the artist, a prefix of the last word,
# CJK / Hangul / Cyrillic / Greek names; 50 queries each, each with the track it is meant to
# find), runs it through the service's /search/track and through two baselines built on SQLite
# FTS5 in the same run, and prints found and exact @1 and @10 per category and overall, the
# ceiling the catalog allows, latency and the slowest queries. See bench/relevance/queries.py for
# how queries are made and judged, bench/relevance/fts.py for the baselines.
#
#   bench/relevance.sh                              # catalog bench/out/catalog-1m, seed 11
#   bench/relevance.sh --seed 12                    # another set of the same kind
#   CATALOG=/path/to/dir bench/relevance.sh         # a folder holding main_database.sqlite3
#   bench/relevance.sh --queries FILE               # a kept set (written there if missing)
#   bench/relevance.sh --systems service            # the service alone (or fts-plain, fts-ranked)
#
# Options: --seed S (default 11), --per-category N (default 50), --queries FILE (default
# bench/out/relevance/queries-<catalog>-<seed>-<N>.jsonl), --systems LIST (default
# service,fts-plain,fts-ranked). Environment: CATALOG (default bench/out/catalog-1m; generated
# there with seed 1 when absent, or make it a folder of symlinks to existing files), INDEX
# (default search-index beside the main file, built when absent), JAR (default
# target/music-metadata-api.jar, built when older than the sources), PORT (default 18183).
#
# The FTS5 table lives in a scratch copy under bench/out/relevance/, built once per catalog
# (about 45 s per million tracks), never in the catalog files. The report and each query's
# results go to bench/out/relevance/. Needs python3 (3.11, whose sqlite3 module has FTS5), curl
# and java.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=11 PER_CATEGORY=50 QUERIES="" SYSTEMS=service,fts-plain,fts-ranked
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED=$2; shift 2 ;;
    --per-category) PER_CATEGORY=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --systems) SYSTEMS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p' | sed '/^set -euo/d'; exit 0 ;;
    *) echo "relevance.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
MISSING=()
for tool in python3 curl java; do command -v "$tool" >/dev/null || MISSING+=("$tool"); done
if [ ${#MISSING[@]} -gt 0 ]; then
  log "bench/relevance.sh needs ${MISSING[*]} (python3 3.11 or later with FTS5 in its sqlite3, curl, java 17 or later)"
  exit 2
fi

OUT=bench/out
CATALOG=${CATALOG:-$OUT/catalog-1m}
MAIN=$CATALOG/main_database.sqlite3
INDEX=${INDEX:-$CATALOG/search-index}
JAR=${JAR:-target/music-metadata-api.jar}
PORT=${PORT:-18183}
NAME=$(basename "$CATALOG")
WORK=$OUT/relevance
QUERIES=${QUERIES:-$WORK/queries-$NAME-$SEED-$PER_CATEGORY.jsonl}
mkdir -p "$WORK"

if [[ ",$SYSTEMS," == *,service,* ]]; then
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit)" ]; then
    log "building $JAR"
    ./mvnw -q -DskipTests package
  fi
fi
if [ ! -f "$MAIN" ]; then
  log "generating a catalog of 1 M tracks into $CATALOG"
  java -jar "$JAR" generate --out "$CATALOG" --tracks 1M --seed 1
fi

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

SERVICE_ARGS=()
if [[ ",$SYSTEMS," == *,service,* ]]; then
  if [ ! -f "$INDEX/manifest.json" ]; then
    log "building the search index into $INDEX"
    java -Xmx1g -jar "$JAR" index --db "$MAIN" --out "$INDEX" >"$WORK/index.log" 2>&1
  fi
  java -jar "$JAR" serve --db "$MAIN" --index "$INDEX" --addr "127.0.0.1:$PORT" --rate-limit 0 \
    >"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server stopped; see $WORK/serve.log"; exit 1; }
    sleep 0.1
  done
  SERVICE_ARGS=(--service "http://127.0.0.1:$PORT")
fi

STAMP=$(basename "$QUERIES" .jsonl)
export PYTHONDONTWRITEBYTECODE=1
python3 bench/relevance/run.py --scratch "$WORK/scratch-$NAME.sqlite3" --catalog "$MAIN" \
  --queries "$QUERIES" --seed "$SEED" --per-category "$PER_CATEGORY" --systems "$SYSTEMS" \
  --report "$WORK/report-$STAMP.md" --details "$WORK/details-$STAMP.jsonl" "${SERVICE_ARGS[@]}"
log "report: $WORK/report-$STAMP.md; each query's results: $WORK/details-$STAMP.jsonl"
