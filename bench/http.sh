#!/usr/bin/env bash
# HTTP benchmark of lookups and batches. On a generated catalog (1 M tracks by default; made under
# bench/out/ when absent, shared with bench/search.sh): serves it with rate limiting off and drives
# it from 127.0.0.1 with wrk: a mix of track, ISRC, artist, album and album-tracks lookups without
# and with gzip, then full 400-item batches. Prints p50/p90/p99, requests a second and bytes per
# answer. Client and server share the machine, so the figures are a floor, not the server's limit.
#
#   bench/http.sh                       # 1 M tracks
#   TRACKS=100k bench/http.sh           # quicker
#   CATALOG=/path/to/dir bench/http.sh  # a real snapshot
#
# Knobs (environment): TRACKS, CATALOG, DURATION (s per run, default 30), CONNECTIONS (default 8),
# BATCH_CONNECTIONS (default 2), PATHS (distinct lookup paths per kind, default 2000), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

TRACKS=${TRACKS:-1M}
NAME=$(echo "$TRACKS" | tr 'A-Z' 'a-z')
OUT=bench/out
CATALOG=${CATALOG:-$OUT/catalog-$NAME}
MAIN=$CATALOG/main_database.sqlite3
JAR=target/music-metadata-api.jar
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
BATCH_CONNECTIONS=${BATCH_CONNECTIONS:-2}
PATHS=${PATHS:-2000}
PORT=${PORT:-18183}
mkdir -p "$OUT"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if ! command -v wrk >/dev/null; then
  log "wrk is missing; installing it (Debian package)"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
fi
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  ./mvnw -q package -DskipTests
fi
if [ ! -f "$MAIN" ]; then
  log "generating a catalog of $TRACKS tracks into $CATALOG"
  java -jar "$JAR" generate --out "$CATALOG" --tracks "$TRACKS"
fi

LOOKUPS=$OUT/lookups-$NAME.txt
BATCH=$OUT/batch-$NAME.json
python3 bench/http-requests.py "$MAIN" "$LOOKUPS" "$BATCH" "$PATHS"

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

log "serving $MAIN"
java -jar "$JAR" serve --db "$MAIN" --addr "127.0.0.1:$PORT" --rate-limit 0 >"$OUT/serve-http.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { log "server did not start; see $OUT/serve-http.log"; exit 1; }

lookups() { # seconds connections [header]
  wrk -t2 -c"$2" -d"$1"s --timeout 15s ${3:+-H "$3"} -s bench/search-mix.lua "http://127.0.0.1:$PORT" -- "$LOOKUPS" \
    | grep '^RESULT'
}
batches() { # seconds connections
  wrk -t1 -c"$2" -d"$1"s --timeout 15s -s bench/http-batch.lua "http://127.0.0.1:$PORT" -- "$BATCH" | grep '^RESULT'
}
bytes() { # path [header]
  curl -s ${2:+-H "$2"} -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PORT$1"
}

lookups 10 "$CONNECTIONS" >/dev/null  # warm-up: JIT, page cache
log "lookups: ${DURATION}s, $CONNECTIONS connections"
PLAIN=$(lookups "$DURATION" "$CONNECTIONS")
log "lookups with Accept-Encoding: gzip"
GZIP=$(lookups "$DURATION" "$CONNECTIONS" "Accept-Encoding: gzip")
log "400-item batches: ${DURATION}s, $BATCH_CONNECTIONS connections"
BATCHES=$(batches "$DURATION" "$BATCH_CONNECTIONS")
SAMPLE=$(grep -m1 '/tracks$' "$LOOKUPS")
BATCH_BYTES=$(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/json' \
  --data-binary @"$BATCH" "http://127.0.0.1:$PORT/batch/lookup")
BATCH_GZIP=$(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/json' -H 'Accept-Encoding: gzip' \
  --data-binary @"$BATCH" "http://127.0.0.1:$PORT/batch/lookup")
ALBUM_PLAIN=$(bytes "$SAMPLE")
ALBUM_GZIP=$(bytes "$SAMPLE" "Accept-Encoding: gzip")
stop_server

python3 - "$PLAIN" "$GZIP" "$BATCHES" <<PY
import sys
def parse(line):
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
runs = [("lookups", parse(sys.argv[1]), $CONNECTIONS), ("lookups, gzip", parse(sys.argv[2]), $CONNECTIONS),
        ("batch of 400", parse(sys.argv[3]), $BATCH_CONNECTIONS)]
print("catalog: $MAIN ($TRACKS tracks)")
print()
print("| run | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, r, c in runs:
    print(f"| {label} | {c} | {r['requests']:.0f} | {r['rps']:.1f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | "
          f"{r['p99_ms']:.2f} | {r['max_ms']:.0f} | {r['non2xx']:.0f} |")
print()
print(f"album tracks answer: {$ALBUM_PLAIN:,} B, gzip {$ALBUM_GZIP:,} B ({$ALBUM_PLAIN / max(1, $ALBUM_GZIP):.1f}x)")
print(f"400-item batch answer: {$BATCH_BYTES:,} B, gzip {$BATCH_GZIP:,} B ({$BATCH_BYTES / max(1, $BATCH_GZIP):.1f}x)")
PY
