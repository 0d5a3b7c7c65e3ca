#!/usr/bin/env bash
# Start-up of the service as ./run.sh starts it: launch to the first 200 of /health, the
# server's CPU time by then, and launch to the first 200 of /ready (which waits for the search
# index's readers, opened once the server listens), over N starts (the page cache warm, as on a running machine), each
# stopped once it answers. With --baseline DIR, a checkout of another commit with its jar built
# (see bench/run.sh) is started by its own ./run.sh in turn with ours, start for start, so both
# meet the same machine; --baseline may be given more than once. Prints each start and the medians.
#
#   bench/start.sh --db PATH [--starts N] [--baseline DIR]... [--port P]
#
# The first start of each build after it is built writes its class-data archive and is not
# counted. Run it under flock /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

db="" starts=5 baselines=() port=18090
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$(realpath "$2"); shift 2 ;;
    --starts) starts=$2; shift 2 ;;
    --baseline) baselines+=("$(realpath "$2")"); shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] || { echo "bench/start.sh needs --db PATH" >&2; exit 2; }
tick=$(getconf CLK_TCK)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

start_once() { # folder holding run.sh: prints "ms cpu_ms ready_ms"
  local started pid ms cpu ready
  started=$(date +%s%N)
  (cd "$1" && exec ./run.sh --db "$db" --addr "127.0.0.1:$port" --shutdown-delay 0) >/tmp/mma-start-$$.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the server in $1 did not start:" >&2; tail -5 /tmp/mma-start-$$.log >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu=$(awk -v hz="$tick" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)" = 200 ]; do
    (( ($(date +%s%N) - started) < 20000000000 )) || { echo "the server in $1 was not ready within 20 s" >&2; exit 1; }
    sleep 0.005
  done
  ready=$(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $cpu $ready"
}

builds=("$PWD" "${baselines[@]}")
declare -A ms cpu rd
for b in "${builds[@]}"; do start_once "$b" > /dev/null; done # writes the archives where missing
for ((i = 1; i <= starts; i++)); do
  for b in "${builds[@]}"; do
    read -r m c r < <(start_once "$b")
    ms[$b]+="$m "; cpu[$b]+="$c "; rd[$b]+="$r "
    echo "start $i $b: $m ms, $c ms of CPU, ready at $r ms"
  done
done
for b in "${builds[@]}"; do
  echo "$b: start to first 200 median $(printf '%s\n' ${ms[$b]} | median) ms (${ms[$b]% }), CPU median $(printf '%s\n' ${cpu[$b]} | median) ms (${cpu[$b]% }), /ready 200 median $(printf '%s\n' ${rd[$b]} | median) ms (${rd[$b]% })"
done
rm -f /tmp/mma-start-$$.log
