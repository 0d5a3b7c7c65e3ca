#!/usr/bin/env bash
# Runs the service: builds the jar when the sources are newer than it, then serves.
# Without --db it serves a generated 100 k-track demo catalog, made on the first run and kept.
#   ./run.sh                                       the demo on :8080
#   ./run.sh --db /data/main_database.sqlite3      the real snapshot
# Any option of `serve --help` may follow.
#
# The JVM gets the options of jvm.options (a small fixed heap, the serial collector, small thread
# stacks), then JAVA_OPTS, which wins where both set a value. The first start after a build lists
# the classes it loads (target/music-metadata-api.classlist) and, once it has stopped, writes from
# that list one class-data archive (target/music-metadata-api.jsa) holding the JDK's classes and the
# jar's together; every later start maps it instead of loading and verifying those classes. A
# static archive rather than the JDK's default one with a dynamic archive on top: it also holds
# picocli's classes (compiled for Java 5, which a dynamic archive of JDK 17 leaves out), the lambda
# classes and the method-handle forms the start used (bench/RESULTS.md, "start-up: one static
# class-data archive"). The archive is kept only when that start ends well (it served, and stopped
# with exit code 0): one that failed (a missing file, a port taken) loaded a fraction of the
# classes, and its archive would cost every start until the next build about a quarter more CPU
# (bench/RESULTS.md, "start-up: one connection up front").
set -euo pipefail
cd "$(dirname "$0")"
jar=target/music-metadata-api.jar
archive=target/music-metadata-api.jsa
classlist=target/music-metadata-api.classlist
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -q -DskipTests package
fi
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off)
elif [[ " $* " =~ [[:space:]](-h|--help|-V|--version)[[:space:]] ]]; then
  cds=() # a start that only prints would list a few classes, kept until the next build
else
  rm -f "$archive"
  cds=(-XX:DumpLoadedClassList="$classlist")
  writes_archive=1
fi
# sqlite-jdbc copies its native library out of the jar into the temporary folder at every start
# and compares it byte by byte with the copy already there (about a tenth of a second of CPU);
# taken out once per build, as the container image does, it loads from target/ directly.
# Linux only (glibc, or musl as on Alpine); elsewhere, or without unzip, sqlite-jdbc does as before.
native=target/native/libsqlitejdbc.so
if [ "$(uname -s)" = Linux ] && { [ ! -f "$native" ] || [ "$jar" -nt "$native" ]; }; then
  os=Linux
  if ldd --version 2>&1 | grep -qi musl; then os=Linux-Musl; fi
  mkdir -p target/native
  unzip -p "$jar" "org/sqlite/native/$os/$(uname -m)/libsqlitejdbc.so" > "$native.tmp" 2>/dev/null \
    && [ -s "$native.tmp" ] && mv "$native.tmp" "$native" || rm -f "$native.tmp" "$native"
fi
sqlite=()
if [ -f "$native" ]; then
  sqlite=(-Dorg.sqlite.lib.path="$PWD/target/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
fi
# glibc gives each thread that calls into SQLite an arena of its own (up to 8 per core); two keep
# native memory small at no measurable cost.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# The JVM refuses two collectors: one chosen in JAVA_OPTS replaces the one of jvm.options.
mapfile -t jvm < <(grep -v -e '^#' -e '^[[:space:]]*$' jvm.options)
if [[ " ${JAVA_OPTS:-} " =~ [[:space:]]-XX:\+Use[A-Za-z]+GC[[:space:]] ]]; then
  mapfile -t jvm < <(printf '%s\n' "${jvm[@]}" | grep -v -E '^-XX:\+Use[A-Za-z]+GC$')
fi
command=(java "${jvm[@]}" "${cds[@]}" "${sqlite[@]}" ${JAVA_OPTS:-} -jar "$jar" serve --demo "$@")
if [ -z "${writes_archive:-}" ]; then
  exec "${command[@]}"
fi
# The start that writes the archive runs as a child, to see how it ends. Job control gives it its
# own process group, where SIGINT is not ignored as for a plain background command; the signals
# this script gets (Ctrl-C, a kill, SIGHUP for a refresh) are passed on to it.
set -m
"${command[@]}" &
server=$!
for signal in TERM INT HUP; do
  trap 'kill -'$signal' "$server" 2>/dev/null' $signal
done
code=0
wait "$server" || code=$?
while kill -0 "$server" 2>/dev/null; do # a trapped signal ends the wait, not the server
  code=0
  wait "$server" || code=$?
done
# The archive is written with the options the server ran with (the same heap and collector, which
# the JVM checks when it maps it) by a JVM that only reads the list: a few seconds, once per build.
if [ "$code" = 0 ] && [ -s "$classlist" ]; then
  echo "run.sh: writing the class-data archive for later starts ($archive)" >&2
  java "${jvm[@]}" ${JAVA_OPTS:-} -Xshare:dump -XX:SharedClassListFile="$classlist" \
    -XX:SharedArchiveFile="$archive.tmp" -cp "$jar" >/dev/null 2>&1 \
    && mv "$archive.tmp" "$archive" || rm -f "$archive.tmp"
fi
rm -f "$classlist"
exit "$code"
