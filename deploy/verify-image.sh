#!/usr/bin/env bash
# Builds the container image of deploy/Dockerfile on a machine with no registry and no container
# runtime that may start containers, and proves that what the image holds serves:
#
#  1. makes the two base images locally: a Debian root filesystem (debootstrap) with a JRE, and one
#     with a JDK for the build stage, each loaded with `podman import` (kept for later runs);
#  2. builds the image with `podman build --isolation chroot` on them;
#  3. runs the image's own ENTRYPOINT and CMD from the image's filesystem (`podman image mount`,
#     then chroot) as the image's user, with the root filesystem read-only and /data mounted as
#     the manifests mount it: writable for the one-shot jobs (generate a sample catalog with the
#     demo's recordings, build its index), read-only for `serve`;
#  4. times the start to the first 200 (wall clock, and the server's CPU time, which a busy machine
#     inflates far less), asks /health, /ready and lookups of the demo's recordings,
#     runs the image's HEALTHCHECK command, and stops the server with SIGTERM (exit code 0);
#  5. for comparison, times the same jar on this machine's own Java over the same catalog, just after;
#  6. serves `serve --demo` the same way, with a tmpfs at /tmp as the Dockerfile says.
#
# It prints the image's size and the start times. Needs root, podman, debootstrap, curl and
# unshare (apt-get install podman debootstrap curl); the first run downloads Debian packages and
# the project's Maven dependencies (a few minutes), later runs reuse them.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/verify-image.sh [--tracks N] [--help]

Builds deploy/Dockerfile with podman on locally made base images (debootstrap + podman import)
and serves a sample catalog from the image's own filesystem (chroot, read-only root), then prints
the image size and the start time in the image.

  --tracks N   size of the sample catalog served from /data (default 100000)

Environment: MMA_VERIFY_DIR (work folder, default /var/tmp/music-metadata-api-verify),
DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SUITE (default bookworm).
Needs root, podman, debootstrap, curl, unshare.
EOF
}

tracks=100000
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --tracks) tracks="${2:?--tracks needs a number}"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "verify-image.sh needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
for tool in podman debootstrap curl unshare chroot; do
  command -v "$tool" >/dev/null || { echo "verify-image.sh needs $tool (apt-get install podman debootstrap curl)" >&2; exit 2; }
done

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${MMA_VERIFY_DIR:-/var/tmp/music-metadata-api-verify}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${DEBIAN_SUITE:-bookworm}"
jre_base=localhost/mma-verify/jre:17
jdk_base=localhost/mma-verify/jdk:17
image=localhost/music-metadata-api:verify
mkdir -p "$work/debs"

say() { printf '\n== %s\n' "$*"; }

# A Debian root filesystem with $2 installed, loaded as image $3 (once). With $4 = trust-host, its
# Java trusts what this machine's Java trusts: the build stage fetches Maven and the dependencies,
# and a machine whose traffic leaves through a proxy with its own CA needs that CA there too.
base_image() {
  local name="$1" packages="$2" tag="$3" trust="${4:-}" dir="$work/$1"
  if podman image exists "$tag"; then
    echo "$tag: there from an earlier run"
    return
  fi
  rm -rf --one-file-system "$dir"
  debootstrap --variant=minbase --include="$packages" --cache-dir="$work/debs" "$suite" "$dir" "$mirror" \
    > "$work/$name-debootstrap.log" 2>&1 || { tail -20 "$work/$name-debootstrap.log" >&2; exit 1; }
  for m in proc sys dev/pts dev; do ! mountpoint -q "$dir/$m" || umount -l "$dir/$m"; done
  if [ "$trust" = trust-host ] && [ -f /etc/ssl/certs/java/cacerts ]; then
    cp /etc/ssl/certs/java/cacerts "$dir/etc/ssl/certs/java/cacerts"
  fi
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
  tar -C "$dir" -c . | podman import --change 'CMD ["/bin/sh"]' - "$tag" > /dev/null 2>&1
  rm -rf --one-file-system "$dir"
  echo "$tag: made from $suite with $packages"
}

say "base images (debootstrap $suite, podman import)"
base_image jre openjdk-17-jre-headless "$jre_base"
base_image jdk openjdk-17-jdk-headless "$jdk_base" trust-host

say "podman build --isolation chroot"
commit="$(git -C "$root" rev-parse HEAD 2>/dev/null || true)"
build_started=$(date +%s)
podman build --isolation chroot --format docker --pull=never -f "$root/deploy/Dockerfile" \
  --build-arg BUILD_IMAGE="$jdk_base" --build-arg JRE_IMAGE="$jre_base" --build-arg GIT_COMMIT="$commit" \
  -t "$image" "$root" > "$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
echo "built $image in $(( $(date +%s) - build_started )) s (log: $work/build.log)"

inspect() { podman image inspect --format "$1" "$image" | sed '/^$/d'; }
mapfile -t entrypoint < <(inspect '{{range .Config.Entrypoint}}{{println .}}{{end}}')
mapfile -t cmd < <(inspect '{{range .Config.Cmd}}{{println .}}{{end}}')
mapfile -t image_env < <(inspect '{{range .Config.Env}}{{println .}}{{end}}')
mapfile -t healthcheck < <(inspect '{{range .Config.Healthcheck.Test}}{{println .}}{{end}}')
user="$(inspect '{{.Config.User}}')"
workdir="$(inspect '{{.Config.WorkingDir}}')"
size=$(inspect '{{.Size}}')
base_size=$(podman image inspect --format '{{.Size}}' "$jre_base")
[ "${healthcheck[0]:-}" = CMD ] || { echo "the image has no HEALTHCHECK CMD" >&2; exit 1; }
healthcheck=("${healthcheck[@]:1}")
case "$user" in ''|0|0:*|root|root:*) echo "the image runs as root ($user)" >&2; exit 1 ;; esac
echo "entrypoint: ${entrypoint[*]}"
echo "cmd: ${cmd[*]}; user $user; workdir $workdir"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 18080)
data="$work/data"
rm -rf "$data" && mkdir -p "$data" && chown "$user" "$data"
rootfs="$(podman image mount "$image")"
cleanup() {
  if [ -s "$work/serve.pid" ] && kill -0 "$(cat "$work/serve.pid")" 2>/dev/null; then
    kill -TERM "$(cat "$work/serve.pid")"; sleep 2
  fi
  rm -f "$work/serve.pid"
  podman image unmount "$image" > /dev/null 2>&1 || true
}
trap cleanup EXIT

# Runs the image's entrypoint (or any command of the image) with arguments "$@" in a mount
# namespace of its own: the image's filesystem read-only as /, /proc, /dev, and /data as DATA_MODE
# says (ro or rw); a tmpfs at /tmp when TMPFS=1. The environment is the image's plus EXTRA_ENV (one
# NAME=VALUE a word); the working folder the image's. The process's id goes to PIDFILE when set:
# every step execs, so it is the id of the command itself.
in_image() {
  # shellcheck disable=SC2086
  unshare --mount --propagation private -- bash -euo pipefail -c '
    rootfs="$1" data="$2" mode="$3" tmpfs="$4" user="$5" workdir="$6" pidfile="$7" nenv="$8"; shift 8
    environment=("${@:1:$nenv}"); shift "$nenv"
    new=$(mktemp -d)
    mount --bind "$rootfs" "$new" && mount -o remount,bind,ro "$new"
    mount -t proc proc "$new/proc"
    mount --rbind /dev "$new/dev"
    mount --bind "$data" "$new/data" && mount -o "remount,bind,$mode" "$new/data"
    if [ "$tmpfs" = 1 ]; then mount -t tmpfs -o size=512m,mode=1777 tmpfs "$new/tmp"; fi
    if [ -n "$pidfile" ]; then echo $$ > "$pidfile"; fi
    exec chroot --userspec="$user" --groups="${user#*:}" "$new" /usr/bin/env -i -C "$workdir" "${environment[@]}" "$@"
  ' in_image "$rootfs" "$data" "$DATA_MODE" "${TMPFS:-0}" "$user" "$workdir" "${PIDFILE:-}" \
    $(( ${#image_env[@]} + $(wc -w <<< "${EXTRA_ENV:-}") )) "${image_env[@]}" ${EXTRA_ENV:-} "$@"
}
[ -d "$rootfs/data" ] || { echo "the image has no /data to mount the catalog on" >&2; exit 1; }

wait_for_200() { # start in ns, url, timeout in seconds, pid that must live; prints the milliseconds it took
  local started=$1 url=$2 deadline=$(( $(date +%s) + $3 )) pid=$4
  while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
      echo $(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    sleep 0.02
  done
  return 1
}

cpu_ms() { # CPU time (user + system, all threads) a process has used so far, in milliseconds
  local stat
  stat=$(cat "/proc/$1/stat") || return 1
  stat=${stat##*) } # the fields after the command's name, from the state (field 3) on
  # shellcheck disable=SC2086
  set -- $stat
  echo $(( (${12} + ${13}) * 1000 / $(getconf CLK_TCK) ))
}

check() { # method-less GET path and the status it must answer
  local got
  got=$(curl -s -o "$work/answer" -w '%{http_code}' "http://127.0.0.1:$port$1")
  if [ "$got" != "$2" ]; then
    echo "FAIL GET $1: $got, expected $2: $(head -c 300 "$work/answer")" >&2
    return 1
  fi
  printf 'GET %-45s %s  %s\n' "$1" "$got" "$(head -c 100 "$work/answer" | tr '\n' ' ')"
}

# serve in the background; checks; SIGTERM; exit code 0
serve_and_check() { # label, then the arguments after the entrypoint (none: the image's CMD)
  local label="$1"; shift
  local started pid code took cpu
  [ $# -gt 0 ] || set -- "${cmd[@]}"
  started=$(date +%s%N)
  PIDFILE="$work/serve.pid" in_image "${entrypoint[@]}" "$@" > "$work/serve-$label.log" 2>&1 &
  pid=$!
  if ! took=$(wait_for_200 "$started" "http://127.0.0.1:$port/health" 300 "$pid"); then
    tail -30 "$work/serve-$label.log" >&2; kill "$pid" 2>/dev/null || true; exit 1
  fi
  cpu=$(cpu_ms "$(cat "$work/serve.pid")")
  echo "$label: start to the first 200 of /health: $took ms, $cpu ms of CPU"
  eval "start_$label=$took cpu_$label=$cpu"
  check /health 200
  check /ready 200
  check /lookup/track/4uLU6hMCjMI75M1A2tKUQC 200
  check /lookup/isrc/GBUM71029604 200
  check "/search/track?q=bohemian%20rhap&limit=1" 200
  check /lookup/track/0000000000000000000000 404
  local hc_started hc_took
  hc_started=$(date +%s%N)
  DATA_MODE=ro in_image "${healthcheck[@]}" > "$work/healthcheck.log" 2>&1 \
    || { echo "FAIL the image's HEALTHCHECK: $(cat "$work/healthcheck.log")" >&2; exit 1; }
  hc_took=$(( ($(date +%s%N) - hc_started) / 1000000 ))
  echo "HEALTHCHECK (${healthcheck[*]}): exit 0 in $hc_took ms"
  kill -TERM "$(cat "$work/serve.pid")"
  code=0; wait "$pid" || code=$?
  rm -f "$work/serve.pid"
  grep -q "stopped" "$work/serve-$label.log" || { echo "FAIL: no 'stopped' line" >&2; tail -5 "$work/serve-$label.log" >&2; exit 1; }
  [ "$code" = 0 ] || { echo "FAIL: exit code $code after SIGTERM" >&2; exit 1; }
  echo "SIGTERM: stopped, exit code 0"
  if grep -Eqi 'read-only file system|exception' "$work/serve-$label.log"; then
    echo "FAIL: the log mentions a write or an exception:" >&2; grep -Ei 'read-only|exception' "$work/serve-$label.log" >&2; exit 1
  fi
}

say "one-shot jobs in the image, /data writable: generate a $tracks-track catalog, build its index"
export EXTRA_ENV="MMA_ADDR=127.0.0.1:$port"
DATA_MODE=rw in_image "${entrypoint[@]}" generate --out /data --tracks "$tracks" --examples > "$work/generate.log" 2>&1 \
  || { tail -20 "$work/generate.log" >&2; exit 1; }
DATA_MODE=rw in_image "${entrypoint[@]}" index --db /data > "$work/index.log" 2>&1 \
  || { tail -20 "$work/index.log" >&2; exit 1; }
ls -l "$data"

say "serve (the image's CMD), root and /data read-only, no writable folder at all"
DATA_MODE=ro serve_and_check catalog

say "for comparison, in the same run: the image's jar on this machine's own Java, same catalog"
host_started=$(date +%s%N)
java -XX:-UsePerfData -jar "$rootfs/app/music-metadata-api.jar" serve --db "$data" --addr "127.0.0.1:$port" \
  > "$work/serve-host.log" 2>&1 &
host_pid=$!
echo "$host_pid" > "$work/serve.pid"
start_host=$(wait_for_200 "$host_started" "http://127.0.0.1:$port/health" 300 "$host_pid") \
  || { tail -20 "$work/serve-host.log" >&2; exit 1; }
cpu_host=$(cpu_ms "$host_pid")
kill -TERM "$host_pid"; wait "$host_pid" || true
rm -f "$work/serve.pid"
echo "host: start to the first 200 of /health: $start_host ms, $cpu_host ms of CPU"

say "serve --demo, root read-only, a tmpfs at /tmp"
DATA_MODE=ro TMPFS=1 serve_and_check demo serve --demo --demo-tracks 20000

say "figures"
echo "image $image: $(( size / 1024 / 1024 )) MiB (its JRE base $jre_base: $(( base_size / 1024 / 1024 )) MiB, so the layers of the service add $(( (size - base_size) / 1024 / 1024 )) MiB)"
echo "start to the first 200 in the image: $start_catalog ms ($cpu_catalog ms of CPU) serving a $tracks-track catalog from a read-only /data (the same jar on this machine's Java, just after: $start_host ms, $cpu_host ms of CPU); $start_demo ms ($cpu_demo ms of CPU) for serve --demo of 20000 tracks (generated at start)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
