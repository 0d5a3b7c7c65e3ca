#!/usr/bin/env python3
"""Bounded lookups for bench/cold.sh, with the disk reads they cause.

  http:   N requests of one kind against the service at 127.0.0.1 over C keep-alive
          connections; reads /proc/PID/io (read_bytes) and /proc/PID/stat (major faults, CPU
          time) of the server before and after.
  sqlite: the same track lookups straight through SQLite in this process (the service's own
          statements, dumped from its jar by bench/ColdSql.java), so that one setting at a time
          (mmap_size, cache_size) can be compared on the same keys; reads its own /proc/self/io.

Keys come from a pool file (one a line, sampled uniformly from the catalog by bench/cold.sh),
shuffled by a seed; --skip passes over the keys another run used, so no key is asked twice. Prints one JSON line.
"""
import argparse
import http.client
import json
import os
import random
import sqlite3
import sys
import threading
import time


TICK = os.sysconf("SC_CLK_TCK")


def counters(pid):
    """read_bytes, major faults and CPU seconds of a process (all its threads, live and exited)."""
    with open(f"/proc/{pid}/io") as f:
        io = dict(line.split(": ") for line in f.read().splitlines())
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    # Fields 12, 14 and 15 of proc(5): majflt, utime, stime.
    return int(io["read_bytes"]), int(fields[9]), (int(fields[11]) + int(fields[12])) / TICK


def percentile(sorted_ms, p):
    """Nearest rank."""
    if not sorted_ms:
        return 0.0
    rank = max(1, -(-len(sorted_ms) * p // 100))
    return sorted_ms[int(rank) - 1]


def keys(path, count, per_request, seed, skip):
    """count groups of per_request keys: the pool shuffled by seed, from position skip on."""
    with open(path) as f:
        pool = [line.strip() for line in f if line.strip()]
    wanted = count * per_request
    if skip + wanted > len(pool):
        sys.exit(f"{path} holds {len(pool)} keys; {skip + wanted} wanted")
    random.Random(seed).shuffle(pool)
    drawn = pool[skip:skip + wanted]
    return [drawn[i * per_request:(i + 1) * per_request] for i in range(count)]


def request_for(kind, group):
    if kind == "track":
        return "GET", f"/lookup/track/{group[0]}", None
    if kind == "isrc":
        return "GET", f"/lookup/isrc/{group[0]}", None
    if kind == "album-tracks":
        return "GET", f"/lookup/album/{group[0]}/tracks", None
    if kind == "batch-400-isrcs":
        return "POST", "/batch/lookup", json.dumps({"isrcs": group}).encode()
    raise ValueError(kind)


def run_http(args):
    per_request = 400 if args.kind == "batch-400-isrcs" else 1
    groups = keys(args.keys, args.count, per_request, args.seed, args.skip)
    work = iter(groups)
    lock = threading.Lock()
    latencies, errors = [], []

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
        mine, bad = [], 0
        while True:
            with lock:
                group = next(work, None)
            if group is None:
                break
            method, path, body = request_for(args.kind, group)
            headers = {"Content-Type": "application/json"} if body else {}
            start = time.perf_counter_ns()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
            mine.append((time.perf_counter_ns() - start) / 1e6)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    before = counters(args.pid)
    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    after = counters(args.pid)
    report(args.count, seconds, latencies, sum(errors), *(a - b for a, b in zip(after, before)))


def run_sqlite(args):
    """One connection, the service's track statement then its album and artists statements."""
    with open(args.statements) as f:
        statements = json.load(f)
    uri = lambda path: "file:" + os.path.abspath(path) + "?mode=ro&immutable=1"
    db = sqlite3.connect(uri(args.db), uri=True)
    db.execute("ATTACH DATABASE ? AS tf", (uri(args.track_files),))
    db.execute("PRAGMA query_only = 1")
    db.execute(f"PRAGMA mmap_size = {args.mmap}")
    db.execute(f"PRAGMA main.cache_size = -{args.cache_kib}")
    db.execute(f"PRAGMA tf.cache_size = -{args.cache_kib}")
    groups = keys(args.keys, args.count, 1, args.seed, args.skip)
    latencies, errors = [], 0
    before = counters("self")
    start = time.monotonic()
    for (track_id,) in groups:
        began = time.perf_counter_ns()
        row = db.execute(statements["TRACKS_BY_ID"], (track_id,)).fetchone()
        if row is None:
            errors += 1
        else:
            track = json.loads(row[0])
            db.execute(statements["ALBUMS_BY_ROWID"], (track[4],)).fetchall()
            db.execute(statements["ARTISTS_BY_ROWID_SET"], (json.dumps(track[11]),)).fetchall()
        latencies.append((time.perf_counter_ns() - began) / 1e6)
    seconds = time.monotonic() - start
    after = counters("self")
    report(args.count, seconds, latencies, errors, *(a - b for a, b in zip(after, before)))


def report(count, seconds, latencies, errors, read_bytes, major_faults, cpu_seconds):
    latencies.sort()
    print(json.dumps({
        "requests": count, "seconds": round(seconds, 3), "errors": errors,
        "p50_ms": round(percentile(latencies, 50), 3), "p99_ms": round(percentile(latencies, 99), 3),
        "read_kib_per_req": round(read_bytes / 1024 / count, 1),
        "major_faults_per_req": round(major_faults / count, 2),
        "cpu_us_per_req": round(cpu_seconds * 1e6 / count),
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    http_mode = sub.add_parser("http", help="requests against the service")
    http_mode.add_argument("--port", type=int, required=True)
    http_mode.add_argument("--pid", type=int, required=True, help="the server's process id")
    http_mode.add_argument("--kind", required=True, choices=["track", "isrc", "album-tracks", "batch-400-isrcs"])
    http_mode.add_argument("--connections", type=int, default=2)
    for mode in (http_mode, sub.add_parser("sqlite", help="track lookups through SQLite in this process")):
        mode.add_argument("--keys", required=True, help="pool of keys, one a line")
        mode.add_argument("--count", type=int, required=True, help="requests (batches for a batch kind)")
        mode.add_argument("--seed", type=int, default=1, help="shuffles the pool")
        mode.add_argument("--skip", type=int, default=0, help="keys of the shuffled pool to pass over")
    sqlite_mode = sub.choices["sqlite"]
    sqlite_mode.add_argument("--db", required=True)
    sqlite_mode.add_argument("--track-files", required=True)
    sqlite_mode.add_argument("--statements", required=True, help="JSON of the service's statements")
    sqlite_mode.add_argument("--mmap", type=int, required=True, help="PRAGMA mmap_size, bytes")
    sqlite_mode.add_argument("--cache-kib", type=int, required=True, help="PRAGMA cache_size, KiB per file")
    args = parser.parse_args()
    run_http(args) if args.mode == "http" else run_sqlite(args)


if __name__ == "__main__":
    main()
