#!/usr/bin/env bash
# Soak test of the HTTP API: a long run at saturation with a mixed workload, sampling the server.
#
#   bench/soak.sh [--catalog DIR] [--jar JAR] [--minutes N] [--connections C] [--heap SIZE]
#                 [--port P] [--rate-limit N] [--refresh] [--install-deps]
#
# Serves the catalog in DIR (main_database.sqlite3 and track_files.sqlite3; default: the 1 M-track
# catalog of bench/run.sh, bench/out/catalog-1m, generated when missing) from a folder of its own,
# bench/out/soak/, holding symlinks to the two files and the search index built there with the
# `index` subcommand (kept for later runs). Drives it with wrk for N minutes (default 10) over C
# connections (default 32) with bench/wrk/mix.lua: lookups of tracks, ISRCs and albums' tracks,
# batches of 100 ISRCs, searches, unknown ids (404) and malformed ISRCs (400). Every 10 s it
# samples the server's RssAnon, threads, open file descriptors and CPU time into
# bench/out/soak/samples.csv. With --refresh, halfway through it points the served folder at a
# copy of the main file (cp -p, so the index still matches) by flipping a symlink, and the
# server refreshes its catalog under load. Rate limiting is off unless --rate-limit N.
# JAR is the server to run (default: target/music-metadata-api.jar, built when the sources are newer).
# Prints a markdown report (also written to bench/out/soak/results.md) and exits 1 when any
# request failed: an answer other than 200, 400, 404 and 429, or a socket error.
# Needs wrk, sqlite3 and curl; when one is missing it says so and stops, unless --install-deps
# lets it install them with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

catalog="" jar="" minutes=10 connections=32 threads=2 heap=256m port=18095 rate_limit=0 refresh=0 install_deps=0
while [ $# -gt 0 ]; do
  case "$1" in
    --catalog) catalog=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --rate-limit) rate_limit=$2; shift 2 ;;
    --refresh) refresh=1; shift ;;
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
    echo "bench/soak.sh needs ${missing[*]}: install them (Debian: apt-get install ${missing[*]}), or run again with --install-deps" >&2
    exit 2
  fi
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing ${missing[*]} with apt-get (--install-deps)" >&2
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "$jar" ]; then
  jar=target/music-metadata-api.jar
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
    ./mvnw -q -DskipTests package
  fi
fi

out=bench/out; work=$out/soak
if [ -z "$catalog" ]; then
  catalog=$out/catalog-1m
  [ -f "$catalog/main_database.sqlite3" ] || java -jar "$jar" generate --out "$catalog" --tracks 1000000 --seed 1
fi
catalog=$(cd "$catalog" && pwd)
# The served folder is a symlink to one of two snapshots: a/ links the catalog's files, b/ (for
# --refresh) holds a copy of the main file with its times kept, so the index built in a/ matches it.
mkdir -p "$work/a"
for f in main_database.sqlite3 track_files.sqlite3; do
  [ -e "$catalog/$f" ] && ln -sfn "$catalog/$f" "$work/a/$f"
done
if [ ! -f "$work/a/search-index/manifest.json" ]; then
  java -Xmx1g -jar "$jar" index --db "$work/a/main_database.sqlite3"
fi
ln -sfn a "$work/current"
db=$work/current/main_database.sqlite3

# Random samples of the catalog, as bench/run.sh draws them.
sample() { # table, column expression, count, extra condition
  sqlite3 "$catalog/main_database.sqlite3" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
    SELECT v FROM (SELECT $2 AS v FROM $1 WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM $1) + 1 FROM n) $4)
    WHERE length(trim(v)) >= 2;"
}
first_word="substr(name, 1, instr(name || ' ', ' ') - 1)"
sample tracks id 20000 "" > "$work/track-ids"
sample tracks external_id_isrc 20000 "AND external_id_isrc IS NOT NULL" > "$work/isrcs"
sample albums id 20000 "" > "$work/album-ids"
{
  sample artists name 1000 ""
  sample tracks "substr($first_word, 1, 3)" 1000 "AND length($first_word) >= 4"
  sample albums "$first_word" 1000 "AND length($first_word) >= 2"
} > "$work/queries"
cat "$catalog"/*.sqlite3 > /dev/null 2>&1 || true # into the page cache, as on a server that has been running

log=$work/server.log
java -Xmx"$heap" -jar "$jar" serve --db "$db" --addr "127.0.0.1:$port" --rate-limit "$rate_limit" \
  --access-log errors --refresh-check 10 >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "${sampler:-}" "${flipper:-}" 2>/dev/null || true
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
}
trap cleanup EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
  kill -0 $pid 2>/dev/null || { echo "server did not start; see $log" >&2; tail -5 "$log" >&2; exit 1; }
  sleep 0.1
done

samples=$work/samples.csv
ticks=$(getconf CLK_TCK)
echo "seconds,rss_anon_kib,threads,fds,cpu_seconds" > "$samples"
(
  start=$(date +%s)
  while kill -0 $pid 2>/dev/null; do
    rss=$(awk '/^RssAnon:/ { print $2 }' /proc/$pid/status)
    thr=$(awk '/^Threads:/ { print $2 }' /proc/$pid/status)
    fds=$(ls /proc/$pid/fd | wc -l)
    cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' /proc/$pid/stat)
    echo "$(( $(date +%s) - start )),$rss,$thr,$fds,$cpu" >> "$samples"
    sleep 10
  done
) &
sampler=$!

seconds=$((minutes * 60))
if [ "$refresh" = 1 ]; then
  mkdir -p "$work/b"
  [ -f "$work/b/main_database.sqlite3" ] || cp -p "$catalog/main_database.sqlite3" "$work/b/main_database.sqlite3"
  [ -e "$catalog/track_files.sqlite3" ] && ln -sfn "$catalog/track_files.sqlite3" "$work/b/track_files.sqlite3"
  ln -sfn ../a/search-index "$work/b/search-index"
  ( sleep $((seconds / 2)); ln -sfn b "$work/current.new" && mv -T "$work/current.new" "$work/current" ) &
  flipper=$!
fi

result=$(TRACKS="$work/track-ids" ISRCS="$work/isrcs" ALBUMS="$work/album-ids" QUERIES="$work/queries" \
  WRK_LIB=bench/wrk wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s --latency \
  -s bench/wrk/mix.lua "http://127.0.0.1:$port" | tail -1)
sleep 1
kill $sampler 2>/dev/null || true
ln -sfn a "$work/current"

field() { echo "$result" | sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }
statuses=$(echo "$result" | sed -E 's/.*"statuses":\{([^}]*)\}.*/\1/')
failed=$(echo "$statuses" | tr ',' '\n' | awk -F: '{ gsub(/"/, "", $1) } $1 != 200 && $1 != 400 && $1 != 404 && $1 != 429 { n += $2 } END { print n + 0 }')
failed=$((failed + $(field socket_errors)))
# Flat after warm-up: the first sample past 2 minutes against the largest and the last after it.
summary() { # column number, unit divisor
  awk -F, -v c="$1" -v d="$2" 'NR > 1 && $1 >= 120 { v = $c / d; if (first == "") first = v; if (v > max) max = v; last = v }
    END { printf "%.0f, max %.0f, last %.0f", first, max, last }' "$samples"
}
report=$work/results.md
{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo
  echo "Command: \`bench/soak.sh --jar $jar --minutes $minutes --connections $connections --heap $heap --rate-limit $rate_limit$([ "$refresh" = 1 ] && echo " --refresh")\`"
  echo "(wrk -t$threads -c$connections for $seconds s with bench/wrk/mix.lua, server \`-Xmx$heap\`, catalog $(sqlite3 "$catalog/main_database.sqlite3" 'SELECT count(*) FROM tracks') tracks)"
  echo
  echo "- requests: $(field requests) in $(field seconds) s, $(field rps) a second; p50 $(field p50_ms) ms, p99 $(field p99_ms) ms, max $(field max_ms) ms"
  echo "- answers by status: $statuses; socket errors: $(field socket_errors)"
  echo "- failed requests (anything but 200, 400, 404, 429): $failed"
  echo "- after the 2-minute warm-up (first sample, largest, last): RssAnon MiB $(summary 2 1024); threads $(summary 3 1); file descriptors $(summary 4 1)"
  echo "- server CPU: $(tail -1 "$samples" | cut -d, -f5) s over the run; samples every 10 s in \`bench/out/soak/samples.csv\`"
  if [ "$refresh" = 1 ]; then
    echo "- refresh at $((seconds / 2)) s: $(grep -c 'catalog refreshed' "$log") refreshed, $(grep -c 'refused the new catalog' "$log") refused; $(grep -o 'closed the catalog opened at start-up.*' "$log" | head -1)"
  fi
} > "$report"
cat "$report"
[ "$failed" = 0 ]
