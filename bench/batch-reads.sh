#!/usr/bin/env bash
# What a batch of 400 ISRCs costs one server, in figures that hold on a shared machine: server
# CPU per batch (/proc/PID/stat) and read system calls per batch (/proc/PID/io syscr: SQLite
# reads the files with pread, one call per 4 KiB page it does not hold), beside wrk's p50.
#
#   bench/batch-reads.sh --db MAIN_FILE --jar JAR [--connections 4] [--duration 15] [--port 18460]
#
# The server starts with jvm.options (rate limit off) on MAIN_FILE; the ISRCs are 20,000 drawn at
# random from the file; 10 s of warm-up, then the measured run. Run it under flock
# /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

db="" jar="" connections=4 duration=15 port=18460
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$jar" ] || { echo "--db and --jar are required (see --help)" >&2; exit 2; }

work=bench/out/batch-reads
mkdir -p "$work"
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
  SELECT external_id_isrc FROM tracks WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM tracks) + 1 FROM n)
  AND external_id_isrc IS NOT NULL" > "$work/isrcs"
mapfile -t jvm < <(grep -v -e '^#' -e '^[[:space:]]*$' jvm.options)
java "${jvm[@]}" -jar "$jar" serve --db "$db" --addr "127.0.0.1:$port" --rate-limit 0 --shutdown-delay 0 \
  > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 $pid 2>/dev/null || { echo "server did not start; see $work/server.log" >&2; exit 1; }
  sleep 0.1
done
load() { # seconds
  WRK_LIB=bench/wrk VALUES="$work/isrcs" BATCH_SIZE=400 wrk -t2 -c"$connections" -d"$1s" --latency \
    -s bench/wrk/batch.lua "http://127.0.0.1:$port" | tail -1
}
io() { awk -v k="$1" '$1 == k ":" { print $2 }' "/proc/$pid/io"; }
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
load 10 > /dev/null
c0=$(ticks); r0=$(io syscr); b0=$(io rchar)
result=$(load "$duration")
c1=$(ticks); r1=$(io syscr); b1=$(io rchar)
n=$(echo "$result" | sed -E 's/.*"requests":([0-9]+).*/\1/')
p50=$(echo "$result" | sed -E 's/.*"p50_ms":([0-9.]+).*/\1/')
awk -v n="$n" -v c=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v r=$((r1 - r0)) -v b=$((b1 - b0)) -v p="$p50" \
  -v conns="$connections" 'BEGIN { printf "%d connections: %d batches, p50 %.1f ms, %.1f ms server CPU per batch, %.0f reads per batch (%.1f MiB)\n",
    conns, n, p, c / hz / n * 1000, r / n, b / n / 1048576 }'
