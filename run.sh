#!/usr/bin/env bash
# Runs the service: builds the jar when the sources are newer than it, then serves.
# Without --db it serves a generated 100 k-track demo catalog, made on the first run and kept.
#   ./run.sh                                       the demo on :8080
#   ./run.sh --db /data/main_database.sqlite3      the real snapshot
# Any option of `serve --help` may follow.
set -euo pipefail
cd "$(dirname "$0")"
jar=target/music-metadata-api.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -q -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" serve --demo "$@"
