#!/usr/bin/env bash
# Load benchmark of the HTTP API on a generated catalog, from this machine over loopback, side by
# side with bare Jetty.
#
#   bench/run.sh [--tracks N[,N...]] [--rounds R] [--duration SECONDS] [--connections C] [--port P]
#                [--java-opts "OPTIONS"] [--baseline JAR|DIR] [--install-deps]
#
# Builds the jar, generates (and keeps) a catalog of N tracks under bench/out/catalog-<N> (a folder
# of symlinks to existing files works too), builds its search index, and starts two servers: the
# service as ./run.sh starts it (jvm.options, its class-data archive, rate limit off), and the
# baseline, the same Jetty with one handler answering {"status":"ok"} (BareJetty, in the test
# classes) with the same JVM options. Then R rounds; each drives every workload with wrk, one at a
# time, with random ids drawn from the catalog (never one hot id), and reads both servers' CPU time
# from /proc/PID/stat around each run. Prints one markdown table per catalog size, every figure the
# median of the rounds, with req/s as a ratio to bare Jetty and to our /health and server CPU per
# request, and writes it to bench/out/run-<N>/results.md. Start-up (launch to the first 200 of
# /health, median of three starts after the one that writes the archive) and RssAnon at the end
# of all rounds are measured with the launcher's defaults; --java-opts adds options (JAVA_OPTS).
# --baseline JAR also starts that build (say main's jar before a change) as its own launcher did,
# `java -jar JAR serve` with default JVM flags, and runs /health, the lookups, the batch at 4
# connections and search against it in the same rounds, next to ours: a second table gives its
# figures and ours as a ratio to them, and its start-up and RssAnon measured the same way.
# --baseline DIR does the same with a checkout of another commit whose jar is built (a git worktree,
# or `git archive` with the jar in target/): started by its own ./run.sh, so with its own launcher
# defaults (jvm.options, class-data archive), as a user of that commit would start it.
# --workloads NAME[,NAME...] runs only those workloads (bare-jetty and health always run, since
# every ratio is to them), e.g. --workloads batch-400-isrcs,batch-400-isrcs-4 for a short run of
# the batches; their baseline counterparts run when --baseline is given.
# Needs wrk, sqlite3 and curl; when one is missing it says so and stops, unless --install-deps
# lets it install them with apt-get. Run it under flock /tmp/mma-bench.lock when quoting figures.
set -euo pipefail
cd "$(dirname "$0")/.."

tracks=1000000 rounds=3 duration=20 warmup=5 connections=32 threads=2 port=18080 java_opts="" baseline="" install_deps=0 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tracks) tracks=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --java-opts) java_opts=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --workloads) only=$2; shift 2 ;;
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
bare_class=target/test-classes/dev/musicmeta/bench/BareJetty.class
if [ ! -f "$jar" ] || [ ! -f "$bare_class" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -q -DskipTests package # compiles the test classes too, BareJetty among them
fi
tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
field() { echo "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_all EXIT

bench_size() { # tracks
  local tracks=$1 label out catalog work db
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
  local first_word="substr(name, 1, instr(name || ' ', ' ') - 1)"
  local rest="ltrim(substr(name, instr(name || ' ', ' ')))"
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

  local log=$work/server.log pid startup_ms startup_cpu_ms
  start_server() { # [baseline jar]: sets pid, startup_ms (launch to the first 200 from /health) and startup_cpu_ms
    local start_ns server_port=$port
    start_ns=$(date +%s%N)
    if [ $# -gt 0 ]; then
      server_port=$((port + 2)); log=$work/baseline.log
      if [ -d "$1" ]; then
        (cd "$1" && JAVA_OPTS="$java_opts" exec ./run.sh --db "$OLDPWD/$db" --addr "127.0.0.1:$server_port" \
          --rate-limit 0 --shutdown-delay 0) >"$log" 2>&1 &
      else
        # shellcheck disable=SC2086 # the options are words
        java $java_opts -jar "$1" serve --db "$db" --addr "127.0.0.1:$server_port" --rate-limit 0 --shutdown-delay 0 >"$log" 2>&1 &
      fi
    else
      log=$work/server.log
      JAVA_OPTS="$java_opts" ./run.sh --db "$db" --addr "127.0.0.1:$port" --rate-limit 0 --shutdown-delay 0 >"$log" 2>&1 &
    fi
    pid=$!
    pids+=("$pid")
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$server_port/health" || true)" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || { echo "server did not start; see $log" >&2; tail -5 "$log" >&2; exit 1; }
      sleep 0.01
    done
    startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    startup_cpu_ms=$(( $(cpu_ticks "$pid") * 1000 / tick ))
  }
  stop_server() {
    kill "$pid"; wait "$pid" 2>/dev/null || true
    local p left=()
    for p in "${pids[@]}"; do [ "$p" = "$pid" ] || left+=("$p"); done
    pids=("${left[@]}")
  }
  start_server
  sleep 0.1 # log lines may trail the first 200 by a few milliseconds
  if ! grep -q "search index .*tracks" "$log"; then
    # An index of an older format (or none readable): rebuild it, then measure a fresh start.
    echo "the server cannot use $catalog/search-index; rebuilding it" >&2
    stop_server
    java -Xmx1g -jar "$jar" index --db "$db"
    start_server
  fi
  # The first start after a build writes the class-data archive as it stops; start-up is timed
  # three more times (the page cache warm, as on a running machine) and the median counts.
  local starts=("$startup_ms") start_cpus=("$startup_cpu_ms")
  for _ in 1 2 3; do
    stop_server
    start_server
    starts+=("$startup_ms"); start_cpus+=("$startup_cpu_ms")
  done
  startup_ms=$(printf '%s\n' "${starts[@]:1}" | median)
  startup_cpu_ms=$(printf '%s\n' "${start_cpus[@]:1}" | median)
  local base_pid="" base_startup_ms="" base_starts=() ours_pid=$pid ours_log=$log
  local ours_startup_ms=$startup_ms ours_startup_cpu_ms=$startup_cpu_ms
  if [ -n "$baseline" ]; then
    for _ in 1 2 3 4; do
      [ -n "$base_pid" ] && { pid=$base_pid; stop_server; }
      start_server "$baseline"
      base_pid=$pid; base_starts+=("$startup_ms")
    done
    base_startup_ms=$(printf '%s\n' "${base_starts[@]:1}" | median)
    pid=$ours_pid; log=$ours_log; startup_ms=$ours_startup_ms; startup_cpu_ms=$ours_startup_cpu_ms
  fi

  local bare_port=$((port + 1)) bare_pid
  # jvm.options as ./run.sh reads them: a collector in --java-opts replaces the file's
  local jvm
  mapfile -t jvm < <(grep -v -e '^#' -e '^[[:space:]]*$' jvm.options)
  if [[ " $java_opts " =~ [[:space:]]-XX:\+Use[A-Za-z]+GC[[:space:]] ]]; then
    mapfile -t jvm < <(printf '%s\n' "${jvm[@]}" | grep -v -E '^-XX:\+Use[A-Za-z]+GC$')
  fi
  # shellcheck disable=SC2086 # the options are words
  java "${jvm[@]}" $java_opts -cp "target/test-classes:$jar" dev.musicmeta.bench.BareJetty 127.0.0.1 "$bare_port" \
    >"$work/bare-jetty.log" 2>&1 &
  bare_pid=$!
  pids+=("$bare_pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$bare_port/health"; do
    kill -0 "$bare_pid" 2>/dev/null || { echo "bare Jetty did not start; see $work/bare-jetty.log" >&2; exit 1; }
    sleep 0.01
  done

  run() { # target pid, target port, script, seconds, connections, env...
    local target=$1 target_port=$2 script=$3 seconds=$4 conns=$5 before after result requests; shift 5
    before=$(cpu_ticks "$target")
    result=$(env "$@" WRK_LIB=bench/wrk wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency \
      -s "bench/wrk/$script" "http://127.0.0.1:$target_port" | tail -1)
    after=$(cpu_ticks "$target")
    requests=$(field "$result" requests)
    echo "$result $(awk -v t="$((after - before))" -v r="$requests" -v hz="$tick" 'BEGIN { printf "%.1f", (r > 0 ? t / hz / r * 1e6 : 0) }')"
  }

  # Throughput workloads run with many connections; the batches and search, whose targets are
  # latencies, with as many as there are cores (and batches also with 4, and with 32 to show that
  # none is refused), so their figures are service times, not queues.
  local names=(bare-jetty health track track-gzip isrc album-tracks batch-400-isrcs batch-400-isrcs-4
    batch-400-isrcs-32 search-track) base_names=()
  [ -n "$baseline" ] && base_names=(base-health base-track base-isrc base-batch-400-isrcs-4 base-search-track)
  if [ -n "$only" ]; then
    local keep=() kept
    for kept in "${names[@]}"; do
      [[ ,bare-jetty,health,$only, == *",$kept,"* ]] && keep+=("$kept")
    done
    names=("${keep[@]}"); keep=()
    for kept in "${base_names[@]}"; do
      [[ ,health,$only, == *",${kept#base-},"* ]] && keep+=("$kept")
    done
    base_names=("${keep[@]}")
  fi
  declare -A conns
  local name r args target target_port line
  for ((r = 1; r <= rounds; r++)); do
    for name in "${names[@]}" "${base_names[@]}"; do
      conns[$name]=$connections; target=$pid; target_port=$port
      case ${name#base-} in
        bare-jetty) args=(get.lua PREFIX=/health); target=$bare_pid; target_port=$bare_port ;;
        health) args=(get.lua PREFIX=/health) ;;
        track) args=(get.lua PREFIX=/lookup/track/ VALUES="$work/track-ids") ;;
        track-gzip) args=(get.lua PREFIX=/lookup/track/ VALUES="$work/track-ids" GZIP=1) ;;
        isrc) args=(get.lua PREFIX=/lookup/isrc/ VALUES="$work/isrcs") ;;
        album-tracks) args=(get.lua PREFIX=/lookup/album/ SUFFIX=/tracks VALUES="$work/album-ids") ;;
        batch-400-isrcs) args=(batch.lua VALUES="$work/isrcs" BATCH_SIZE=400); conns[$name]=$threads ;;
        batch-400-isrcs-4) args=(batch.lua VALUES="$work/isrcs" BATCH_SIZE=400); conns[$name]=4 ;;
        batch-400-isrcs-32) args=(batch.lua VALUES="$work/isrcs" BATCH_SIZE=400); conns[$name]=32 ;;
        search-track) args=(get.lua PREFIX="/search/track?q=" ENCODE=1 VALUES="$work/queries"); conns[$name]=$threads ;;
      esac
      if [ "$name" != "${name#base-}" ]; then target=$base_pid; target_port=$((port + 2)); fi
      run "$target" "$target_port" "${args[0]}" "$warmup" "${conns[$name]}" "${args[@]:1}" >/dev/null
      line=$(run "$target" "$target_port" "${args[0]}" "$duration" "${conns[$name]}" "${args[@]:1}")
      echo "$r $name $line" >> "$work/rounds.txt.new"
      echo "round $r $name $line" >&2
    done
  done
  mv "$work/rounds.txt.new" "$work/rounds.txt"

  local rss_anon_kib rss_file_kib threads_now caches
  rss_anon_kib=$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status")
  rss_file_kib=$(awk '/^RssFile:/ { print $2 }' "/proc/$pid/status")
  threads_now=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
  local base_rss_kib=""
  if [ -n "$base_pid" ]; then
    base_rss_kib=$(awk '/^RssAnon:/ { print $2 }' "/proc/$base_pid/status")
    kill "$base_pid"; wait "$base_pid" 2>/dev/null || true
  fi
  stop_server # a graceful stop logs the hit ratios of the caches
  kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
  caches=$(sed -n 's/.*caches of this run: //p' "$log")

  # Medians over the rounds: of each figure, and of each round's ratios (side by side in one round).
  stat() { # name, field
    awk -v n="$1" '$2 == n { print $3 }' "$work/rounds.txt" | while read -r json; do field "$json" "$2"; done | median
  }
  cpu_us() { awk -v n="$1" '$2 == n { print $4 }' "$work/rounds.txt" | median; }
  ratio() { # name, baseline name: the median of the per-round ratios of req/s
    local i a b
    for ((i = 1; i <= rounds; i++)); do
      a=$(awk -v n="$1" -v r="$i" '$1 == r && $2 == n { print $3 }' "$work/rounds.txt")
      b=$(awk -v n="$2" -v r="$i" '$1 == r && $2 == n { print $3 }' "$work/rounds.txt")
      awk -v a="$(field "$a" rps)" -v b="$(field "$b" rps)" 'BEGIN { print 100 * a / b }'
    done | median
  }
  per_round() { # name, baseline: the per-round ratios, for the text below the table
    local i a b
    for ((i = 1; i <= rounds; i++)); do
      a=$(awk -v n="$1" -v r="$i" '$1 == r && $2 == n { print $3 }' "$work/rounds.txt")
      b=$(awk -v n="$2" -v r="$i" '$1 == r && $2 == n { print $3 }' "$work/rounds.txt")
      awk -v a="$(field "$a" rps)" -v b="$(field "$b" rps)" 'BEGIN { printf "%.0f%% ", 100 * a / b }'
    done
  }
  local report=$work/results.md
  {
    echo "Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "Command: \`bench/run.sh --tracks $tracks --rounds $rounds --duration $duration --connections $connections${java_opts:+ --java-opts \"$java_opts\"}\`"
    echo "(wrk -t$threads, ${warmup} s warm-up then ${duration} s per workload; the service started by ./run.sh with"
    echo "jvm.options${java_opts:+ and $java_opts}, rate limit off; bare Jetty with the same JVM options; medians of $rounds rounds)"
    echo
    echo "| workload | connections | req/s | p50 ms | p99 ms | non-2xx | socket errors | server CPU µs/req | req/s vs bare Jetty | req/s vs /health |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name in "${names[@]}"; do
      printf '| %s | %d | %.0f | %.2f | %.2f | %d | %d | %.1f | %.0f%% | %.0f%% |\n' "$name" "${conns[$name]}" \
        "$(stat "$name" rps)" "$(stat "$name" p50_ms)" "$(stat "$name" p99_ms)" \
        "$(awk -v n="$name" '$2 == n { print $3 }' "$work/rounds.txt" | while read -r j; do field "$j" non2xx; done | awk '{ s += $1 } END { print s + 0 }')" \
        "$(awk -v n="$name" '$2 == n { print $3 }' "$work/rounds.txt" | while read -r j; do field "$j" socket_errors; done | awk '{ s += $1 } END { print s + 0 }')" \
        "$(cpu_us "$name")" "$(ratio "$name" bare-jetty)" "$(ratio "$name" health)"
    done
    echo
    echo "- catalog: $tracks tracks ($(du -hL "$db" | cut -f1) main file)"
    echo "- per round, /health vs bare Jetty: $(per_round health bare-jetty); /lookup/track vs /health: $(per_round track health); /lookup/isrc vs /health: $(per_round isrc health)"
    echo "- non-2xx and socket errors are totals over the rounds"
    echo "- start to first 200 from /health: median ${startup_ms} ms of three starts (${starts[*]:1} ms; the first start, which writes the class-data archive as it stops: ${starts[0]} ms); server CPU time by then: median ${startup_cpu_ms} ms (${start_cpus[*]:1})"
    echo "- resident memory at the end: RssAnon $((rss_anon_kib / 1024)) MiB (RssFile $((rss_file_kib / 1024)) MiB, mapped catalog pages and jars), $threads_now threads"
    echo "- artist and album caches over the whole run: ${caches:-not logged}"
    if [ -n "$baseline" ]; then
      echo
      if [ -d "$baseline" ]; then
        echo "Side by side with the baseline \`$baseline\` (started by its own \`./run.sh\`${java_opts:+ with JAVA_OPTS=\"$java_opts\"}), in the same rounds:"
      else
        echo "Side by side with the baseline \`$baseline\` (\`java${java_opts:+ $java_opts} -jar\`, default JVM flags), in the same rounds:"
      fi
      echo
      echo "| workload | connections | baseline req/s | ours req/s | ours/baseline req/s | baseline p50 ms | ours p50 ms | baseline CPU µs/req | ours CPU µs/req | ours/baseline CPU |"
      echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      local b
      for b in "${base_names[@]}"; do
        name=${b#base-}
        printf '| %s | %d | %.0f | %.0f | %.0f%% | %.2f | %.2f | %.1f | %.1f | %.0f%% |\n' "$name" "${conns[$name]}" \
          "$(stat "$b" rps)" "$(stat "$name" rps)" "$(ratio "$name" "$b")" "$(stat "$b" p50_ms)" "$(stat "$name" p50_ms)" \
          "$(cpu_us "$b")" "$(cpu_us "$name")" \
          "$(awk -v a="$(cpu_us "$name")" -v b="$(cpu_us "$b")" 'BEGIN { print (b > 0 ? 100 * a / b : 0) }')"
      done
      echo
      echo "- baseline start to first 200: median ${base_startup_ms} ms (${base_starts[*]:1} ms; first start ${base_starts[0]} ms); RssAnon at the end $((base_rss_kib / 1024)) MiB"
    fi
  } > "$report"
  cat "$report"
}

IFS=, read -r -a sizes <<< "$tracks"
for size in "${sizes[@]}"; do
  bench_size "$size"
done
