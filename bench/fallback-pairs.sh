#!/usr/bin/env bash
# The search without an index against a plain LIKE (bench/fallback-like.py), for two builds in
# turn and the second again on one core: RUNS times, a server for each on MAIN_DATABASE (no index
# beside it, --rate-limit 0, the launcher's JVM options), the builds alternating so that the load of
# the moment weighs on all alike. The run on one core (-XX:ActiveProcessorCount=1) never splits a
# scan over idle connections, so beside the plain run it shows what the split alone changes; CPU
# and wall ratios against the LIKE of the same run, as fallback-like.py prints them.
#
#   bench/fallback-pairs.sh --db MAIN_DATABASE --queries FILE --baseline JAR --jar JAR
#                           [--runs 3] [--count 40] [--port 18803]
#
# FILE holds request paths as bench/search-queries.py writes them. Run it under
# flock /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

db="" queries="" baseline="" jar="" runs=3 count=40 port=18803
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$queries" ] && [ -n "$baseline" ] && [ -n "$jar" ] \
  || { echo "needs --db, --queries, --baseline and --jar (see --help)" >&2; exit 2; }

one() { # JAR [JVM OPTION...]
  local build=$1; shift
  echo "== $(date +%T) load $(cut -d' ' -f1 /proc/loadavg) $build $*"
  java @jvm.options "$@" -jar "$build" serve --db "$db" --addr 127.0.0.1:$port --rate-limit 0 >"bench/out/fallback-pairs-$port.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
  python3 bench/fallback-like.py "$db" "$port" "$pid" "$queries" "$count" | grep -E 'service|SQLite|ratio' || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

mkdir -p bench/out
for _ in $(seq "$runs"); do
  one "$baseline"
  one "$jar" -XX:ActiveProcessorCount=1
  one "$jar"
done
