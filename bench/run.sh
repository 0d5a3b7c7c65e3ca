#!/usr/bin/env bash
# Load benchmark of the HTTP API on a generated catalog, from this machine over loopback.
#
#   bench/run.sh [--tracks N] [--duration SECONDS] [--connections C] [--heap SIZE] [--port P]
#                [--install-deps]
#
# Builds the jar, generates (and keeps) a catalog of N tracks under bench/out/, builds its search
# index, starts the server with a small heap and drives it with wrk, one workload at a time, each
# with random ids drawn from the catalog. Prints a markdown table and writes it to bench/out/.
# Needs wrk, sqlite3 and curl; when one is missing it says so and stops, unless --install-deps
# lets it install them with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

tracks=1000000 duration=20 warmup=5 connections=32 threads=2 heap=256m port=18080 install_deps=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tracks) tracks=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --install-deps) install_deps=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
need() { # command, Debian package
  command -v "$1" >/dev/null || missing+=("$2")
}
need wrk wrk
need sqlite3 sqlite3
need curl curl
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$install_deps" = 0 ]; then
    echo "bench/run.sh needs ${missing[*]}: install them (Debian: apt-get install ${missing[*]}), or run again with --install-deps" >&2
    exit 2
  fi
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing ${missing[*]} with apt-get (--install-deps)" >&2
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jar=target/music-metadata-api.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -q -DskipTests package
fi

label=$(awk -v n="$tracks" 'BEGIN { if (n % 1000000 == 0) print n / 1000000 "m"; else if (n % 1000 == 0) print n / 1000 "k"; else print n }')
out=bench/out; catalog=$out/catalog-$label; work=$out/run-$label
mkdir -p "$out" "$work"
db=$catalog/main_database.sqlite3
if [ ! -f "$db" ]; then
  java -jar "$jar" generate --out "$catalog" --tracks "$tracks" --seed 1
fi
if [ ! -d "$catalog/search-index" ]; then
  java -Xmx1g -jar "$jar" index --db "$db"
fi

# Random samples of the catalog: ids, ISRCs, album ids, and a query mix built from real names
# (SQLite's substr and length count characters, so names in every script stay whole).
sample() { # table, column expression, count, extra condition
  sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
    SELECT v FROM (SELECT $2 AS v FROM $1 WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM $1) + 1 FROM n) $4)
    WHERE length(trim(v)) >= 2;"
}
first_word="substr(name, 1, instr(name || ' ', ' ') - 1)"
rest="ltrim(substr(name, instr(name || ' ', ' ')))"
sample tracks id 20000 "" > "$work/track-ids"
sample tracks external_id_isrc 20000 "AND external_id_isrc IS NOT NULL" > "$work/isrcs"
sample albums id 20000 "" > "$work/album-ids"
{
  sample tracks "$first_word || ' ' || substr($rest, 1, instr($rest || ' ', ' ') - 1)" 1500 ""  # two-word title starts
  sample artists name 1000 ""                                                                # artist names
  sample tracks "substr($first_word, 1, 3)" 1000 "AND length($first_word) >= 4"                # prefixes
  sample albums "$first_word" 500 "AND length($first_word) >= 2"                              # single words
} > "$work/queries"

# Read the catalog files once, so every workload meets the page cache as a server that has been
# running meets it, rather than the first one paying for the disk (the files stay mapped, not copied).
cat "$db" "$catalog"/track_files.sqlite3 > /dev/null 2>&1 || true

log=$work/server.log
start_server() { # sets pid and startup_ms (launch to the first 200 from /health)
  local start_ns
  start_ns=$(date +%s%N)
  java -Xmx"$heap" -jar "$jar" serve --db "$db" --addr "127.0.0.1:$port" --rate-limit 0 >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "server did not start; see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sleep 0.01
  done
  startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
start_server
sleep 0.1 # log lines may trail the first 200 by a few milliseconds
if ! grep -q "search index .*tracks" "$log"; then
  # An index of an older format (or none readable): rebuild it, then measure a fresh start.
  echo "the server cannot use $catalog/search-index; rebuilding it" >&2
  kill $pid; wait $pid 2>/dev/null || true
  java -Xmx1g -jar "$jar" index --db "$db"
  start_server
fi
# Start-up is timed three more times (the page cache warm, as on a running machine); the median counts.
starts=("$startup_ms")
for _ in 1 2 3; do
  kill $pid; wait $pid 2>/dev/null || true
  start_server
  starts+=("$startup_ms")
done
startup_ms=$(printf '%s\n' "${starts[@]:1}" | sort -n | sed -n 2p)

run() { # script, seconds, connections, env...
  local script=$1 seconds=$2 conns=$3; shift 3
  env "$@" WRK_LIB=bench/wrk wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency \
    -s "bench/wrk/$script" "http://127.0.0.1:$port" | tail -1
}

declare -a names=(health track track-gzip isrc album-tracks batch-400-isrcs search-track)
declare -A results conns
for name in "${names[@]}"; do
  # Throughput workloads run with many connections; the batch and search, whose targets are
  # latencies, with as many as there are cores, so their figures are service times, not queues.
  conns[$name]=$connections
  case $name in
    health) args=(get.lua PREFIX=/health) ;;
    track) args=(get.lua PREFIX=/lookup/track/ VALUES="$work/track-ids") ;;
    track-gzip) args=(get.lua PREFIX=/lookup/track/ VALUES="$work/track-ids" GZIP=1) ;;
    isrc) args=(get.lua PREFIX=/lookup/isrc/ VALUES="$work/isrcs") ;;
    album-tracks) args=(get.lua PREFIX=/lookup/album/ SUFFIX=/tracks VALUES="$work/album-ids") ;;
    batch-400-isrcs) args=(batch.lua VALUES="$work/isrcs" BATCH_SIZE=400); conns[$name]=$threads ;;
    search-track) args=(get.lua PREFIX="/search/track?q=" ENCODE=1 VALUES="$work/queries"); conns[$name]=$threads ;;
  esac
  run "${args[0]}" "$warmup" "${conns[$name]}" "${args[@]:1}" >/dev/null
  results[$name]=$(run "${args[0]}" "$duration" "${conns[$name]}" "${args[@]:1}")
  echo "$name ${results[$name]}" >&2
done

rss_anon_kib=$(awk '/^RssAnon:/ { print $2 }' /proc/$pid/status)
rss_file_kib=$(awk '/^RssFile:/ { print $2 }' /proc/$pid/status)
kill $pid; wait $pid 2>/dev/null || true # a graceful stop logs the hit ratios of the caches
caches=$(sed -n 's/.*caches of this run: //p' "$log")

field() { echo "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }
health_rps=$(field "${results[health]}" rps)
report=$work/results.md
{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo
  echo "Command: \`bench/run.sh --tracks $tracks --duration $duration --connections $connections --heap $heap\`"
  echo "(wrk -t$threads, ${warmup} s warm-up then ${duration} s per workload, server \`-Xmx$heap\`, rate limit off)"
  echo
  echo "| workload | connections | requests/s | p50 ms | p99 ms | non-2xx | socket errors | req/s vs /health |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${names[@]}"; do
    r=${results[$name]}
    printf '| %s | %d | %.0f | %.2f | %.2f | %d | %d | %.0f%% |\n' "$name" "${conns[$name]}" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
      "$(field "$r" p99_ms)" "$(field "$r" non2xx)" "$(field "$r" socket_errors)" \
      "$(awk -v a="$(field "$r" rps)" -v b="$health_rps" 'BEGIN { print 100 * a / b }')"
  done
  echo
  echo "- catalog: $tracks tracks ($(du -h "$db" | cut -f1) main file)"
  echo "- start to first 200 from /health: median ${startup_ms} ms of three starts (${starts[*]:1} ms; the first start, before them: ${starts[0]} ms)"
  echo "- resident memory at the end: RssAnon $((rss_anon_kib / 1024)) MiB (RssFile $((rss_file_kib / 1024)) MiB, the mapped catalog pages)"
  echo "- artist and album caches over the whole run: ${caches:-not logged}"
} > "$report"
cat "$report"
