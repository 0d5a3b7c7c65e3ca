#!/usr/bin/env bash
# Lookups on a catalog that does not fit in memory: latency and bytes read from disk per request.
#
#   bench/cold.sh [--tracks N] [--catalog DIR] [--resident PERCENT] [--rounds R] [--requests N]
#                 [--batches N] [--cold-requests N] [--cold-batches N] [--warmup N]
#                 [--connections C] [--heap SIZE] [--port P] [--jar PATH] [--settings] [--install-deps]
#
# Serves the catalog in DIR (default bench/out/catalog-<N>, generated with seed 1 when it holds no
# main_database.sqlite3; a folder of symlinks to existing files works too) from a server inside a
# cgroup v1 memory cgroup, whose page cache is charged to it, three ways in each round:
#   resident: the limit is the server's anonymous memory after start + 64 MiB + PERCENT (default
#             15) of the two files; the files are evicted first and --warmup random lookups
#             (default 6000) fill the cache before the measurement;
#   cold:     no limit; before each kind of request the cgroup's page cache is dropped
#             (memory.force_empty, which takes the server's mapped pages too) and the files
#             evicted; the first --cold-requests lookups (default 300) or --cold-batches
#             batches (default 10) count;
#   hot:      no limit, both files read into the page cache with vmtouch -t.
# Each way runs lookups by track id, by ISRC, album tracks (--requests each, default 2000) and
# batches of 400 ISRCs (--batches, default 40), keys drawn uniformly from the catalog without
# replacement, over --connections (default 2) keep-alive connections to 127.0.0.1. Reported per
# kind: p50 and p99 latency, KiB read from disk per request (the server's /proc/PID/io read_bytes,
# which on Linux counts page-cache misses of memory-mapped files too, read-around included) and
# major page faults and server CPU time per request. One server per round (-Xms = -Xmx =
# --heap, default 256m, pre-touched, so its anonymous memory stays put); medians of --rounds
# rounds (default 3).
# --jar serves with another build (default: this tree's, built when older than the sources), to
# compare two side by side. --settings adds track lookups straight through SQLite at the resident
# limit (the service's statements, read without mmap) with its page cache at 2 and at 64 MiB.
# Must run as root (cgroup, eviction); removes its cgroup when done. Needs vmtouch, sqlite3, curl
# and python3; a missing one is named and the script stops, unless --install-deps lets it install
# them with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

tracks=10000000 catalog="" resident=15 rounds=3 requests=2000 batches=40 cold_requests=300 cold_batches=10
warmup=6000 connections=2 heap=256m port=18090 jar="" jar_option="" settings=0 install_deps=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tracks) tracks=$2; shift 2 ;;
    --catalog) catalog=$2; shift 2 ;;
    --resident) resident=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    --cold-requests) cold_requests=$2; shift 2 ;;
    --cold-batches) cold_batches=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --jar) jar=$2; jar_option=" --jar $2"; shift 2 ;;
    --settings) settings=1; shift ;;
    --install-deps) install_deps=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "bench/cold.sh must run as root: it makes a memory cgroup and evicts files from the page cache" >&2
  exit 2
fi
cgroot=/sys/fs/cgroup/memory
if [ ! -w "$cgroot" ] || [ ! -f "$cgroot/memory.limit_in_bytes" ]; then
  echo "bench/cold.sh needs a writable cgroup v1 memory hierarchy at $cgroot" >&2
  exit 2
fi
missing=()
need() { # command, Debian package
  command -v "$1" >/dev/null || missing+=("$2")
}
need vmtouch vmtouch
need sqlite3 sqlite3
need curl curl
need python3 python3
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$install_deps" = 0 ]; then
    echo "bench/cold.sh needs ${missing[*]}: install them (Debian: apt-get install ${missing[*]}), or run again with --install-deps" >&2
    exit 2
  fi
  echo "installing ${missing[*]} with apt-get (--install-deps)" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "$jar" ]; then
  jar=target/music-metadata-api.jar
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
    ./mvnw -q -DskipTests package
  fi
fi

label=$(awk -v n="$tracks" 'BEGIN { if (n % 1000000 == 0) print n / 1000000 "m"; else if (n % 1000 == 0) print n / 1000 "k"; else print n }')
out=bench/out
[ -n "$catalog" ] || catalog=$out/catalog-$label
work=$out/cold-$label
mkdir -p "$work"
if [ ! -f "$catalog/main_database.sqlite3" ]; then
  java -jar "$jar" generate --out "$catalog" --tracks "$tracks" --seed 1
fi
db=$(readlink -f "$catalog/main_database.sqlite3")
tf=$(readlink -f "$catalog/track_files.sqlite3")
files=("$db" "$tf")
file_bytes=$(( $(stat -c %s "$db") + $(stat -c %s "$tf") ))

# Key pools, sampled once per catalog: random rowids, so every key is as likely as any other.
sample() { # file, table, column, count, extra condition
  if [ -s "$work/$1" ] && [ "$(wc -l < "$work/$1")" -ge $(( $4 * 3 / 4 )) ]; then return; fi
  sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $4)
    SELECT DISTINCT $3 FROM $2 WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM $2) + 1 FROM n) $5;" \
    > "$work/$1.tmp"
  mv "$work/$1.tmp" "$work/$1"
}
# Each round shuffles the pools with its own seed; the warm-up takes the first keys, the lookups
# the next ones and the batches those after, so no request meets a key another one brought in.
w=$(( warmup / 3 ))
single=$(( requests > cold_requests ? requests : cold_requests ))
many=$(( batches > cold_batches ? batches : cold_batches ))
sample track-ids tracks id $(( (w + single) * 6 / 5 )) ""
sample isrcs tracks external_id_isrc $(( (w + single + 400 * (many + 5)) * 3 / 2 )) "AND external_id_isrc IS NOT NULL"
sample album-ids albums id $(( (w + single) * 6 / 5 )) ""
java -cp "$jar" bench/ColdSql.java > "$work/statements.json"

cg=$cgroot/mma-cold-$$
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -d "$cg" ]; then
    while read -r p; do kill "$p" 2>/dev/null || true; done < "$cg/cgroup.procs"
    sleep 0.5
    rmdir "$cg" 2>/dev/null || echo "could not remove $cg" >&2
  fi
}
trap cleanup EXIT

stat_of() { awk -v k="$1" '$1 == k { print $2 }' "$cg/memory.stat"; }
evict() { vmtouch -q -e "${files[@]}"; }
resident_pct() { vmtouch "${files[@]}" | awk '/Resident Pages/ { sub("%", "", $NF); print $NF }'; }
# Drops the cgroup's page cache, pages the server has mapped included (which eviction alone
# leaves), then evicts what other processes brought in.
reclaim() {
  echo 0 > "$cg/memory.force_empty"
  evict
}
load() { # kind, count, seed, skip
  local keys=track-ids
  case $1 in isrc|batch-400-isrcs) keys=isrcs ;; album-tracks) keys=album-ids ;; esac
  python3 bench/cold-load.py http --port "$port" --pid "$pid" --kind "$1" --count "$2" --seed "$3" \
    --skip "$4" --connections "$connections" --keys "$work/$keys"
}
kinds=(track isrc album-tracks batch-400-isrcs)
count_of() { # kind, way
  if [ "$1" = batch-400-isrcs ]; then [ "$2" = cold ] && echo "$cold_batches" || echo "$batches"
  else [ "$2" = cold ] && echo "$cold_requests" || echo "$requests"; fi
}

# One result file per build, so two builds compare on the same keys.
build=$(basename "$jar" .jar)
raw=$work/raw-$build.jsonl
: > "$raw"
for round in $(seq 1 "$rounds"); do
  evict
  mkdir "$cg"
  log=$work/server-$round.log
  ( echo "$BASHPID" > "$cg/cgroup.procs"
    exec java -Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch -jar "$jar" serve --db "$db" \
      --addr "127.0.0.1:$port" --rate-limit 0 ) > "$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server did not start; see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sleep 0.05
  done
  anon=$(stat_of rss)
  limit=$(( anon + 64 * 1048576 + file_bytes * resident / 100 ))
  echo "$limit" > "$cg/memory.limit_in_bytes"
  reclaim
  # Warm-up: the JIT, and the cgroup's page cache filled as a running server's would be.
  for kind in track isrc album-tracks; do load "$kind" "$w" "$round" 0 > /dev/null; done
  load batch-400-isrcs 5 "$round" $(( w + single + 400 * many )) > /dev/null
  for way in resident cold hot; do
    case $way in
      cold) echo -1 > "$cg/memory.limit_in_bytes" ;;
      hot) vmtouch -q -t "${files[@]}" ;;
    esac
    for kind in "${kinds[@]}"; do
      if [ "$way" = cold ]; then reclaim; fi
      before=$(resident_pct)
      skip=$w; [ "$kind" = batch-400-isrcs ] && skip=$(( w + single ))
      result=$(load "$kind" "$(count_of "$kind" "$way")" "$round" "$skip")
      echo "{\"round\":$round,\"way\":\"$way\",\"kind\":\"$kind\",\"resident_before_pct\":$before,\"cgroup_cache_mib\":$(( $(stat_of cache) / 1048576 )),\"result\":$result}" | tee -a "$raw" >&2
    done
  done
  anon_end=$(stat_of rss)
  echo "{\"round\":$round,\"anon_start_mib\":$(( anon / 1048576 )),\"anon_end_mib\":$(( anon_end / 1048576 )),\"limit_mib\":$(( limit / 1048576 ))}" | tee -a "$raw" >&2
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

  if [ "$settings" = 1 ]; then
    # The same track lookups through SQLite alone, in the cgroup at the same limit: one setting at
    # a time on the same keys, each after an eviction and the same warm-up.
    echo "$limit" > "$cg/memory.limit_in_bytes"
    for setting in "cache-2m 0 2048" "cache-64m 0 65536"; do
      read -r name mmap cache <<< "$setting"
      evict
      result=$(echo "$BASHPID" > "$cg/cgroup.procs" && \
        python3 bench/cold-load.py sqlite --db "$db" --track-files "$tf" --statements "$work/statements.json" \
          --mmap "$mmap" --cache-kib "$cache" --keys "$work/track-ids" --count "$w" --seed "$round" >/dev/null && \
        python3 bench/cold-load.py sqlite --db "$db" --track-files "$tf" --statements "$work/statements.json" \
          --mmap "$mmap" --cache-kib "$cache" --keys "$work/track-ids" --count "$requests" --seed "$round" --skip "$w")
      echo "{\"round\":$round,\"way\":\"sqlite-$name\",\"kind\":\"track\",\"resident_before_pct\":0,\"cgroup_cache_mib\":$(( $(stat_of cache) / 1048576 )),\"result\":$result}" | tee -a "$raw" >&2
    done
  fi
  rmdir "$cg"
done

# Medians of the rounds, one table.
report=$work/results-$build.md
header="Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
command="bench/cold.sh$jar_option --tracks $tracks --resident $resident --rounds $rounds --requests $requests --batches $batches\
 --cold-requests $cold_requests --cold-batches $cold_batches --warmup $warmup --connections $connections --heap $heap"
HEADER=$header COMMAND=$command FILE_BYTES=$file_bytes python3 - "$raw" > "$report" <<'EOF'
import os
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if '"way"' in l]
meta = [json.loads(l) for l in open(sys.argv[1]) if '"anon_start_mib"' in l]
print(os.environ["HEADER"])
print()
print(f"Command: `{os.environ['COMMAND']}`")
print(f"(catalog files {int(os.environ['FILE_BYTES']) / 2**30:.2f} GiB; cgroup limit {statistics.median(m['limit_mib'] for m in meta):.0f} MiB;"
      f" server anonymous memory {statistics.median(m['anon_start_mib'] for m in meta):.0f} MiB after start,"
      f" {statistics.median(m['anon_end_mib'] for m in meta):.0f} MiB at the end; medians of {len(meta)} rounds)")
print()
print("| way | kind | requests | p50 ms | p99 ms | KiB read / request | major faults / request | server CPU µs / request | catalog resident before |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
seen = []
for r in rows:
    if (r["way"], r["kind"]) not in seen:
        seen.append((r["way"], r["kind"]))
for way, kind in seen:
    rs = [r for r in rows if r["way"] == way and r["kind"] == kind]
    med = lambda f: statistics.median(f(r) for r in rs)
    errors = sum(r["result"]["errors"] for r in rs)
    print(f"| {way} | {kind} | {rs[0]['result']['requests']} | {med(lambda r: r['result']['p50_ms']):.2f} |"
          f" {med(lambda r: r['result']['p99_ms']):.2f} | {med(lambda r: r['result']['read_kib_per_req']):,.1f} |"
          f" {med(lambda r: r['result']['major_faults_per_req']):.2f} | {med(lambda r: r['result']['cpu_us_per_req']):,.0f} |"
          f" {med(lambda r: r['resident_before_pct']):.1f}% |"
          + (f" {errors} errors" if errors else ""))
EOF
cat "$report"
