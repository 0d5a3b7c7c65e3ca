#!/usr/bin/env bash
# Server CPU under search.sh's query mix: starts JAR on a catalog that has its search index,
# drives it with wrk (bench/search-mix.lua, closed loop) for WARMUP seconds, then for DURATION
# seconds while reading the server's CPU time from /proc/PID/stat, and prints the searches served,
# the cores the server used and its CPU per search. Whether a change costs CPU or leaves cores idle
# shows here where search.sh's latencies alone cannot tell. Access log off, default JVM flags as
# search.sh starts the server.
#
#   bench/search-load-cpu.sh --jar JAR --db MAIN_DATABASE --queries FILE
#                            [--connections 8] [--warmup 10] [--duration 15] [--port 18777]
#
# WARMUP: at 10 M tracks the JIT is still compiling after 10 s of this load (CPU a search about
# twice the steady state's, p99 twice as long); use --warmup 90 for steady-state figures and say
# which one a figure is. The server gets the JVM's default flags unless JDK_JAVA_OPTIONS says
# otherwise: JDK_JAVA_OPTIONS=@jvm.options starts it as the launchers do (96 MiB heap, serial
# collector), which is what a cache kept on the heap must be measured with.
#
# FILE holds request paths as bench/search-queries.py writes them (search.sh leaves one in
# bench/out/queries-<N>.txt). Run it under flock /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

jar="" db="" queries="" connections=8 warmup=10 duration=15 port=18777
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$jar" ] && [ -n "$db" ] && [ -n "$queries" ] || { echo "needs --jar, --db and --queries (see --help)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
tick=$(getconf CLK_TCK)
out=$(mktemp -d)
pid=""
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$out"; }
trap stop EXIT

java -jar "$jar" serve --db "$db" --addr "127.0.0.1:$port" --rate-limit 0 --access-log off \
  --shutdown-delay 0 >"$out/server.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "server did not start; its log:" >&2; tail -5 "$out/server.log" >&2; exit 1; }
  sleep 0.1
done
load() { wrk -t2 -c"$connections" -d"$1"s --timeout 15s -s bench/search-mix.lua "http://127.0.0.1:$port" -- "$queries"; }
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
load "$warmup" >/dev/null
t0=$(cpu); s0=$(date +%s%N)
load "$duration" >"$out/wrk.out"
t1=$(cpu); s1=$(date +%s%N)
requests=$(grep -o 'RESULT requests=[0-9]*' "$out/wrk.out" | cut -d= -f2)
awk -v r="$requests" -v c=$(( (t1 - t0) * 1000 / tick )) -v w=$(( (s1 - s0) / 1000000 )) -v j="$jar" \
  'BEGIN { printf "%s: %d searches in %.1f s, %.2f cores used, %.2f ms of server CPU a search\n", j, r, w / 1000, c / w, c / r }'
grep -o 'p50_ms=[0-9.]* p90_ms=[0-9.]* p99_ms=[0-9.]*' "$out/wrk.out"
