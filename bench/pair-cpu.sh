#!/usr/bin/env bash
# Two builds under the same load at the same time: server CPU and context switches per request, by
# thread group, at many connections.
#
#   bench/pair-cpu.sh --db PATH --a JAR[@"JVM OPTIONS"] --b JAR[@"JVM OPTIONS"] [--connections 32]
#                     [--warmup 20] [--duration 10] [--path /lookup/track/] [--values FILE]
#                     [--batch SIZE]
#
# Starts both jars (rate limit off; JVM options after @, default -Xmx256m; NAME=VALUE words among
# them are set in the environment, e.g. MALLOC_ARENA_MAX=2) and drives both with wrk at once, the
# same path with random values (default: 20,000 random track ids of the catalog), warm-up first;
# with --batch SIZE, POST /batch/lookup with SIZE of the values as ISRCs a request instead.
# Each server's threads are read from /proc/PID/task before and after, and summed by group (http,
# C2 compiler, GC, VM thread...). Running the two at once, rather than one after the other, puts
# them under the same noise on a shared machine: a build that does more per request, or makes its
# threads wait on each other (a lock convoy), shows as fewer requests and more context switches
# per request in the same seconds. Run it under flock /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

db="" a="" b="" connections=32 warmup=20 duration=10 path=/lookup/track/ values="" batch=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --a) a=$2; shift 2 ;;
    --b) b=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --values) values=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$a" ] && [ -n "$b" ] || { echo "--db, --a and --b are required (see --help)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench/pair-cpu.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }

work=bench/out/pair-cpu
mkdir -p "$work"
if [ -z "$values" ]; then
  values=$work/track-ids
  sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
    SELECT id FROM tracks WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM tracks) + 1 FROM n);" > "$values"
fi

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

measure() { # label, jar[@options], port: prints one line per thread group and a total
  local label=$1 spec=$2 port=$3 jar opts env=() jvm=() word pid out requests
  jar=${spec%%@*}; opts="-Xmx256m"; [[ $spec == *@* ]] && opts=${spec#*@}
  for word in $opts; do if [[ $word =~ ^[A-Z_]+= ]]; then env+=("$word"); else jvm+=("$word"); fi; done
  env "${env[@]}" java "${jvm[@]}" -jar "$jar" serve --db "$db" --addr "127.0.0.1:$port" --rate-limit 0 \
    > "$work/$label.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$label did not start; see $work/$label.log" >&2; exit 1; }
    sleep 0.1
  done
  load() {
    if [ "$batch" -gt 0 ]; then
      BATCH_SIZE=$batch VALUES=$values WRK_LIB=bench/wrk wrk -t2 -c"$connections" -d"$1s" --timeout 30s \
        -s bench/wrk/batch.lua "http://127.0.0.1:$port"
    else
      PREFIX=$path VALUES=$values WRK_LIB=bench/wrk wrk -t2 -c"$connections" -d"$1s" -s bench/wrk/get.lua "http://127.0.0.1:$port"
    fi
  }
  snapshot() { # group, CPU ticks, context switches of every thread
    local t
    for t in /proc/"$pid"/task/*; do
      { sed 's/.*(\(.*\)).*/\1/; s/[-#0-9 ]*$//; s/ .*//' "$t/stat"; awk '{ print $14 + $15 }' "$t/stat"
        awk '/ctxt_switches/ { s += $2 } END { print s }' "$t/status"; } 2>/dev/null | paste -sd' '
    done | awk 'NF == 3 { c[$1] += $2; s[$1] += $3 } END { for (g in c) print g, c[g], s[g] }' | sort
  }
  load "$warmup" > /dev/null
  snapshot > "$work/$label.before"
  out=$(load "$duration")
  snapshot > "$work/$label.after"
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "$out" | grep -E '^\{|Non-2xx|Socket errors' | sed "s/^/$label wrk: /" || true
  join "$work/$label.before" "$work/$label.after" | awk -v r="$requests" -v l="$label" -v hz="$(getconf CLK_TCK)" '
    { d = $4 - $2; cs = $5 - $3; t += d; ts += cs
      if (d > 0 || cs > 0) printf "%s %-16s CPU %8.1f us/req  context switches %5.2f/req\n", l, $1, d / hz / r * 1e6, cs / r }
    END { printf "%s %-16s CPU %8.1f us/req  context switches %5.2f/req  (%d requests)\n", l, "TOTAL", t / hz / r * 1e6, ts / r, r }'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
measure a "$a" 19611 > "$work/a.txt" &
measure b "$b" 19612 > "$work/b.txt"
wait
cat "$work/a.txt" "$work/b.txt"
