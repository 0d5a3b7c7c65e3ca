#!/usr/bin/env bash
# Times `generate`: the deterministic sample catalog written by the executable jar.
#
#   bench/generate.sh [--tracks N] [--runs R] [--seed S] [--out DIR]
#
# N accepts k and M suffixes (default 1M); R runs (default 1) report each run and the median.
# JAVA_OPTS (e.g. -Xmx256m) is passed to java.
# The catalog goes to bench/out/catalog-<N> (gitignored) unless --out is given; an existing
# catalog there is replaced. Prints wall seconds, seconds per million tracks, peak resident
# memory and the size of both files.
set -euo pipefail

cd "$(dirname "$0")/.."

tracks=1M
runs=1
seed=1
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --tracks) tracks=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
    *) echo "generate.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
out=${out:-bench/out/catalog-$tracks}

case "$tracks" in
  *[kK]) count=$(( ${tracks%?} * 1000 )) ;;
  *[mM]) count=$(( ${tracks%?} * 1000000 )) ;;
  *) count=$tracks ;;
esac

jar=target/music-metadata-api.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  echo "building $jar" >&2
  ./mvnw -q -o package -DskipTests || ./mvnw -q package -DskipTests
fi

# Runs the command, then prints "<wall seconds> <peak RSS KiB>" on fd 3.
measure() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >&2
    cat "$tmp/time" >&3
  else
    local start end peak=0 pid
    start=$(date +%s.%N)
    "$@" >&2 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "${hwm:-}" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
      sleep 0.2
    done
    wait "$pid"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN { printf "%.2f %d\n", e - s, p }' >&3
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$(dirname "$out")"

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "command: java ${JAVA_OPTS:+$JAVA_OPTS }-jar $jar generate --out $out --tracks $tracks --seed $seed --force"
: > "$tmp/seconds"
for run in $(seq 1 "$runs"); do
  measure java ${JAVA_OPTS:-} -jar "$jar" generate --out "$out" --tracks "$tracks" --seed "$seed" --force 3> "$tmp/result" 2> "$tmp/log" \
    || { cat "$tmp/log" >&2; exit 1; }
  read -r seconds rss < "$tmp/result"
  echo "$seconds" >> "$tmp/seconds"
  awk -v r="$run" -v s="$seconds" -v n="$count" -v m="$rss" 'BEGIN {
    printf "run %d: %.1f s, %.1f s per million tracks, peak RSS %.0f MiB\n", r, s, s * 1e6 / n, m / 1024 }'
done

if [ "$runs" -gt 1 ]; then
  sort -n "$tmp/seconds" | awk -v n="$count" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median of %d runs: %.1f s, %.1f s per million tracks\n", NR, m, m * 1e6 / n }'
fi
for file in "$out"/main_database.sqlite3 "$out"/track_files.sqlite3; do
  ls -l "$file" | awk '{ printf "%s: %.1f MiB\n", $NF, $5 / 1048576 }'
done
