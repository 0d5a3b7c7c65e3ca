#!/usr/bin/env bash
# JMH microbenchmarks, inside the process and without HTTP: assembling one track from SQLite
# (TrackAssemblyBenchmark) and writing it as JSON with its ETag or gzip copy (ResponseBenchmark).
#
#   bench/jmh.sh [--tracks N] [JMH options, e.g. TrackAssembly -p caches=false]
#   bench/jmh.sh [--tracks N] -- -h     JMH's own options
#
# Builds the test classes, then uses the catalog of bench/run.sh (bench/out/catalog-<N>, generated
# when missing). Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
esac
tracks=1000000
if [ "${1:-}" = --tracks ]; then tracks=$2; shift 2; fi
if [ "${1:-}" = -- ]; then shift; fi
label=$(awk -v n="$tracks" 'BEGIN { if (n % 1000000 == 0) print n / 1000000 "m"; else if (n % 1000 == 0) print n / 1000 "k"; else print n }')
catalog=bench/out/catalog-$label

./mvnw -q -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
if [ ! -f "$catalog/main_database.sqlite3" ]; then
  java -jar target/music-metadata-api.jar generate --out "$catalog" --tracks "$tracks" --seed 1
fi
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  -p catalog="$catalog" "$@"
