#!/usr/bin/env bash
# Search benchmark. On a generated catalog (10 M tracks by default; made under bench/out/ when
# absent): builds the search index in -Xmx1g and reports its build time, size and peak memory,
# then serves the catalog twice, with the index and without it (SQL fallback), and drives each
# with the same realistic query mix under concurrent load from 127.0.0.1 (wrk, closed loop: each
# connection sends its next request when the last is answered), one after the other in the same
# run. Prints p50/p99, requests a second and the p50 ratio.
#
#   bench/search.sh                     # 10 M tracks
#   TRACKS=1M bench/search.sh           # quicker
#   CATALOG=/path/to/dir bench/search.sh
#   bench/search.sh --install-deps      # may install wrk, python3 and time with apt-get
#
# Knobs (environment): TRACKS, CATALOG, REBUILD=0 (keep an existing index and its last build
# figures), DURATION (s of load with the index per concurrency, default 30), CONNECTIONS
# (concurrency levels with the index, default "2 4 8"), FALLBACK_DURATION (default 60; 0 skips
# the fallback), FALLBACK_CONNECTIONS (default 2), QUERIES (number of distinct queries, default
# 2000), JAR (default target/music-metadata-api.jar), INDEX (the index folder, default
# search-index beside the main file: another folder compares two index formats side by side),
# BUILD_FIGURES (where the build time and peak memory are kept), STARTS (server starts timed,
# default 3), FAMILY_CONNECTIONS (default 8) and FAMILY_DURATION (default 20; 0 skips): after the
# wrk levels, bench/search-families.py drives the server with the index again and prints p50/p99
# per query family (common words, rare words, titles, prefixes, typos, filters...).
#
# The fallback gets the mix without its filtered queries (it refuses filters: they need the index),
# and is then compared, one query at a time, with a plain LIKE scan of the same rows in SQLite
# (bench/fallback-like.py; LIKE_QUERIES of them, default 40).
#
# Also times each start of the server with the index: from launching java to the first 200 of
# /health, then the first search's own latency (cold: nothing compiled or cached yet).
#
# Needs wrk, python3 and GNU time; when one is missing it says so and stops, unless
# --install-deps lets it install them with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

INSTALL_DEPS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --install-deps) INSTALL_DEPS=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "search.sh: unknown argument $1; its knobs are environment variables (see --help)" >&2; exit 2 ;;
  esac
done

TRACKS=${TRACKS:-10M}
NAME=$(echo "$TRACKS" | tr 'A-Z' 'a-z')
OUT=bench/out
CATALOG=${CATALOG:-$OUT/catalog-$NAME}
MAIN=$CATALOG/main_database.sqlite3
INDEX=${INDEX:-$CATALOG/search-index}
JAR=${JAR:-target/music-metadata-api.jar}
REBUILD=${REBUILD:-1}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-2 4 8}
FALLBACK_DURATION=${FALLBACK_DURATION:-60}
FALLBACK_CONNECTIONS=${FALLBACK_CONNECTIONS:-2}
QUERIES=${QUERIES:-2000}
STARTS=${STARTS:-3}
PORT_INDEX=${PORT_INDEX:-18181}
PORT_FALLBACK=${PORT_FALLBACK:-18182}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

MISSING=()
need() { # command, Debian package
  command -v "$1" >/dev/null || MISSING+=("$2")
}
need wrk wrk
need python3 python3
need /usr/bin/time time
if [ ${#MISSING[@]} -gt 0 ]; then
  if [ "$INSTALL_DEPS" = 0 ]; then
    log "bench/search.sh needs ${MISSING[*]}: install them (Debian: apt-get install ${MISSING[*]}), or run again with --install-deps"
    exit 2
  fi
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "installing ${MISSING[*]} with apt-get (--install-deps)"
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi
mkdir -p "$OUT"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  ./mvnw -q package -DskipTests
fi
if [ ! -f "$MAIN" ]; then
  log "generating a catalog of $TRACKS tracks into $CATALOG"
  java -jar "$JAR" generate --out "$CATALOG" --tracks "$TRACKS"
fi

# ---- index build
BUILD_FIGURES=${BUILD_FIGURES:-$OUT/index-time-$NAME.txt}
if [ "$REBUILD" = 1 ] || [ ! -f "$INDEX/manifest.json" ] || [ ! -f "$BUILD_FIGURES" ]; then
  log "building the search index (-Xmx1g)"
  /usr/bin/time -f '%e %M' -o "$BUILD_FIGURES" \
    java -Xmx1g -jar "$JAR" index --db "$MAIN" --out "$INDEX" >"$OUT/index.log" 2>"$OUT/index.err"
else
  log "keeping the index built $(python3 -c "import json;print(json.load(open('$INDEX/manifest.json'))['built_at'])")"
fi
read -r BUILD_SECONDS PEAK_KB <"$BUILD_FIGURES"
INDEX_BYTES=$(du -sb "$INDEX" | cut -f1)
read -r DOC_TRACKS DOC_ALBUMS DOC_ARTISTS < <(python3 -c "
import json; d = json.load(open('$INDEX/manifest.json'))['documents']
print(d['tracks'], d['albums'], d['artists'])")
MAIN_BYTES=$(stat -L -c %s "$MAIN")

# ---- query mix
QFILE=$OUT/queries-$NAME.txt
python3 bench/search-queries.py "$MAIN" "$QFILE" "$QUERIES" >&2

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

ms_now() { echo $(( $(date +%s%N) / 1000000 )); }

start_server() { # main-file port logfile [serve options...]; sets STARTED_MS (launch to first 200)
  local main=$1 port=$2 logfile=$3 launched
  shift 3
  launched=$(ms_now)
  java -jar "$JAR" serve --db "$main" --addr "127.0.0.1:$port" --rate-limit 0 "$@" >"$logfile" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 2400); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then
      STARTED_MS=$(( $(ms_now) - launched ))
      return 0
    fi
    sleep 0.05
  done
  log "server did not start; see $logfile"; exit 1
}

load() { # port seconds connections threads
  wrk -t"$4" -c"$3" -d"$2"s --timeout 15s -s bench/search-mix.lua "http://127.0.0.1:$1" -- "$QFILE" \
    | grep '^RESULT'
}

field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }

# ---- start-up: launch to the first 200 of /health, then a first (cold) search
STARTUPS=()
FIRST_QUERY=$(sed -n 1p "$QFILE")
for i in $(seq 1 "$STARTS"); do
  start_server "$MAIN" "$PORT_INDEX" "$OUT/serve-index.log" --index "$INDEX"
  before=$(ms_now)
  curl -sf -o /dev/null "http://127.0.0.1:$PORT_INDEX$FIRST_QUERY" || { log "first search failed"; exit 1; }
  STARTUPS+=("$STARTED_MS $(( $(ms_now) - before ))")
  log "start $i: first 200 after ${STARTED_MS} ms, first search $(( $(ms_now) - before )) ms"
  stop_server
done

# ---- with the index
log "serving with the index"
start_server "$MAIN" "$PORT_INDEX" "$OUT/serve-index.log" --index "$INDEX"
grep -q "search index" "$OUT/serve-index.log" || { log "the server did not open the index"; exit 1; }
load "$PORT_INDEX" 15 4 2 >/dev/null  # warm-up: JIT, page cache
INDEXED=()
for c in $CONNECTIONS; do
  log "load with the index: ${DURATION}s, $c connections"
  INDEXED+=("$c $(load "$PORT_INDEX" "$DURATION" "$c" 2)")
done
FAMILY_REPORT=""
if [ "${FAMILY_DURATION:-20}" != 0 ]; then
  log "by query family: ${FAMILY_DURATION:-20}s, ${FAMILY_CONNECTIONS:-8} connections"
  FAMILY_REPORT=$(python3 bench/search-families.py "$PORT_INDEX" "$QFILE" "${FAMILY_CONNECTIONS:-8}" "${FAMILY_DURATION:-20}")
fi
stop_server

# ---- without (same files, seen through a folder with no index beside them)
FALLBACK="none" LIKE_REPORT=""
if [ "$FALLBACK_DURATION" != 0 ]; then
  FALLBACK_DIR=$OUT/fallback-$NAME
  mkdir -p "$FALLBACK_DIR"
  ln -sf "$(realpath "$MAIN")" "$FALLBACK_DIR/main_database.sqlite3"
  [ -f "$CATALOG/track_files.sqlite3" ] && ln -sf "$(realpath "$CATALOG/track_files.sqlite3")" "$FALLBACK_DIR/track_files.sqlite3"
  log "serving without the index (SQL fallback)"
  start_server "$FALLBACK_DIR/main_database.sqlite3" "$PORT_FALLBACK" "$OUT/serve-fallback.log"
  grep -q "no search index" "$OUT/serve-fallback.log" || { log "the fallback server found an index"; exit 1; }
  # The fallback refuses filters (400: they need the index): it gets the mix without them.
  FULL_QFILE=$QFILE
  QFILE=$OUT/queries-$NAME-words.txt
  python3 -c "
import sys, urllib.parse
for line in open(sys.argv[1], encoding='utf-8'):
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(line.strip()).query).get('q', [''])[0].lower()
    if not any(f + ':' in q for f in ('artist', 'album', 'track', 'genre', 'year', 'isrc', 'upc')):
        sys.stdout.write(line)" "$FULL_QFILE" >"$QFILE"
  log "load without the index: ${FALLBACK_DURATION}s, $FALLBACK_CONNECTIONS connections"
  FALLBACK=$(load "$PORT_FALLBACK" "$FALLBACK_DURATION" "$FALLBACK_CONNECTIONS" 1)
  log "the fallback against a plain LIKE scan, one query at a time"
  LIKE_REPORT=$(python3 bench/fallback-like.py "$MAIN" "$PORT_FALLBACK" "$SERVER_PID" "$QFILE" "${LIKE_QUERIES:-40}")
  QFILE=$FULL_QFILE
  stop_server
fi

# ---- report
python3 - "$FALLBACK" "${STARTUPS[*]}" "${INDEXED[@]}" <<PY
import sys
def parse(line):
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
f = parse(sys.argv[1]) if sys.argv[1] != "none" else None
starts = [tuple(map(int, pair)) for pair in zip(*[iter(sys.argv[2].split())] * 2)]
runs = [(int(arg.split()[0]), parse(arg.split(None, 1)[1])) for arg in sys.argv[3:]]
tracks = $DOC_TRACKS
gib = $INDEX_BYTES / 2**30
per_m = $INDEX_BYTES / 2**20 / (tracks / 1e6)
secs = float("$BUILD_SECONDS")
print(f"catalog: {tracks:,} tracks, {$DOC_ALBUMS:,} albums, {$DOC_ARTISTS:,} artists; main file {$MAIN_BYTES / 2**30:.2f} GiB")
print(f"index build: {secs:.0f} s ({secs / (tracks / 1e6):.1f} s per million tracks), peak RSS {$PEAK_KB / 1024:.0f} MiB (-Xmx1g)")
print(f"index size: {gib:.2f} GiB ({per_m:.1f} MiB per million tracks)")
print(f"extrapolated to 256 M tracks: build {secs / tracks * 256e6 / 3600:.1f} h, size {per_m * 256 / 1024:.1f} GiB")
print("start to first 200 (/health): " + ", ".join(f"{s} ms" for s, _ in starts)
      + "; first search after it: " + ", ".join(f"{q} ms" for _, q in starts))
print()
print("| search | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | timeouts |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, r, c in [("index", r, c) for c, r in runs] + ([("SQL fallback", f, $FALLBACK_CONNECTIONS)] if f else []):
    print(f"| {label} | {c} | {r['requests']:.0f} | {r['rps']:.1f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | "
          f"{r['p99_ms']:.2f} | {r['max_ms']:.0f} | {r['non2xx']:.0f} | {r['timeouts']:.0f} |")
print()
for c, r in runs if f else []:
    print(f"p50 ratio fallback/index at {c} connections: {f['p50_ms'] / r['p50_ms']:.0f}x")
PY
if [ -n "$FAMILY_REPORT" ]; then
  echo
  echo "$FAMILY_REPORT"
fi
if [ -n "${LIKE_REPORT:-}" ]; then
  echo
  echo "$LIKE_REPORT"
fi
