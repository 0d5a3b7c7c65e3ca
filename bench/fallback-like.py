#!/usr/bin/env python3
"""The SQL fallback against a plain LIKE scan of the same rows, for bench/search.sh.

Usage: fallback-like.py MAIN_DATABASE PORT SERVER_PID QUERY_FILE [COUNT]

For the first COUNT (default 40) word-only track queries of QUERY_FILE (request paths as
search-queries.py writes them; queries with a filter are skipped, as the fallback refuses them),
one after the other so both see the same machine: the service's /search/track?limit=20 on PORT
(a server running without the search index, process SERVER_PID), then
`SELECT rowid, name, popularity FROM tracks WHERE name LIKE '%q%' ORDER BY popularity DESC
LIMIT 20` in this process's own SQLite (C, no HTTP, no JSON: the floor of a LIKE search). Each is
run 3 times; its CPU time (the server's from its threads' schedstat, this process's own for the LIKE,
which resist a busy machine) and wall time are the medians. Prints p50 and p90 of both and the
ratios of the p50s. Every query runs once on both before any is timed.
"""
import glob
import os
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request

import benchlib

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
    print(__doc__.strip())
    sys.exit(0)
if len(sys.argv) < 4:
    sys.exit("usage: fallback-like.py MAIN_DATABASE PORT QUERY_FILE [COUNT] (see --help)")
db, port, pid, qfile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
count = int(sys.argv[5]) if len(sys.argv) > 5 else 40
TICK = 1000 / os.sysconf("SC_CLK_TCK")
queries = benchlib.word_track_queries(qfile, count)

con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
LIKE = ("SELECT rowid, name, popularity FROM tracks WHERE name LIKE ? ESCAPE '\\'"
        " ORDER BY popularity DESC LIMIT 20")


def escape(q):
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def server_cpu_ms():
    """The server's CPU time in ms, to the nanosecond: the sum of its threads' run time as the
    scheduler counts it (/proc/PID/task/*/schedstat). /proc/PID/stat counts in ticks of 10 ms,
    a twentieth of a scan; it is the fallback where schedstat is missing."""
    total, seen = 0, False
    for stat in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            with open(stat) as f:
                total += int(f.read().split()[0])
            seen = True
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended between the listing and the read
    if seen:
        return total / 1e6
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK


def own_cpu_ms():
    return time.process_time() * 1000


def timed(fn, cpu):
    """Medians of 3 runs: (CPU ms, wall ms)."""
    cpus, walls = [], []
    for _ in range(3):
        c0, w0 = cpu(), time.perf_counter()
        fn()
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append(cpu() - c0)
    return statistics.median(cpus), statistics.median(walls)


def service(q):
    url = f"http://127.0.0.1:{port}/search/track?limit=20&q=" + urllib.parse.quote(q)
    with urllib.request.urlopen(url, timeout=60) as res:
        res.read()


for q in queries:  # warm: JIT, page cache
    service(q)
    con.execute(LIKE, (escape(q),)).fetchall()
fallback, like = [], []
for q in queries:
    fallback.append(timed(lambda: service(q), server_cpu_ms))
    like.append(timed(lambda: con.execute(LIKE, (escape(q),)).fetchall(), own_cpu_ms))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def row(label, runs):
    cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
    return f"| {label} | {pct(cpu, 50):.0f} | {pct(cpu, 90):.0f} | {pct(wall, 50):.0f} | {pct(wall, 90):.0f} |"


print(f"fallback against a plain LIKE scan, {len(queries)} word queries, median of 3 each, one at a time:")
print("| search | CPU p50 ms | CPU p90 ms | wall p50 ms | wall p90 ms |")
print("| --- | ---: | ---: | ---: | ---: |")
print(row("service without the index (HTTP, 20 items as JSON; server CPU)", fallback))
print(row("SQLite name LIKE '%q%' by popularity, LIMIT 20 (in process)", like))
print(f"p50 ratio fallback/LIKE: CPU {pct([r[0] for r in fallback], 50) / pct([r[0] for r in like], 50):.2f},"
      f" wall {pct([r[1] for r in fallback], 50) / pct([r[1] for r in like], 50):.2f}")
