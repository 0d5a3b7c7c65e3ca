#!/usr/bin/env bash
# The search index build of two builds side by side: `index` on one catalog with jar A, then jar
# B, for a number of rounds, each build timed by /usr/bin/time (wall seconds, user and system
# CPU seconds, peak resident memory). CPU seconds hold better than wall seconds on a shared
# machine; the medians of both are printed.
#
#   bench/compare-index.sh --db PATH --a JAR --b JAR [--rounds 3]
#
# Each build writes into its own folder under bench/out/compare-index/ (replaced each round).
# Run it under `flock /tmp/mma-bench.lock` when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3 db="" a="" b=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --a) a=$2; shift 2 ;;
    --b) b=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$a" ] && [ -n "$b" ] || { echo "--db, --a and --b are required (see --help)" >&2; exit 2; }

out=bench/out/compare-index
mkdir -p "$out"
declare -A wall cpu
build() { # label jar
  /usr/bin/time -o "$out/$1.time" -f "%e %U %S %M" \
    java -Xmx1g -jar "$2" index --db "$db" --out "$out/index-$1" > "$out/$1.log" 2>&1
  read -r w u s m < "$out/$1.time"
  local c
  c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.1f", u + s }')
  wall[$1]+="$w "
  cpu[$1]+="$c "
  echo "round $i $1: ${w} s wall, ${c} s CPU (user $u, system $s), peak RSS $((m / 1024)) MiB, load $(cut -d' ' -f1 /proc/loadavg)"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for i in $(seq "$rounds"); do
  build A "$a"
  build B "$b"
done
for x in A B; do
  echo "$x: median $(echo "${wall[$x]}" | median) s wall, $(echo "${cpu[$x]}" | median) s CPU"
done
awk -v aw="$(echo "${wall[A]}" | median)" -v bw="$(echo "${wall[B]}" | median)" \
    -v ac="$(echo "${cpu[A]}" | median)" -v bc="$(echo "${cpu[B]}" | median)" \
    'BEGIN { printf "B / A: %.2f wall, %.2f CPU\n", bw / aw, bc / ac }'
