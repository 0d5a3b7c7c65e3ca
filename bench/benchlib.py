"""What the CPU benchmarks of bench/ share: starting a server, reading its CPU time, drawing keys,
reading a query mix.

Not a script: the *-cpu.py scripts, metrics-cost.py and the fallback's scripts import it from their
own folder.
"""
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse

TICK = os.sysconf("SC_CLK_TCK")


def start_server(jar, db, jvm=(), args=(), timeout=300):
    """Starts `jar` serving `db` on a free port of 127.0.0.1 with the rate limit off and -Xmx256m
    (then `jvm`, then `args` after serve's own); returns (process, port) once it listens. Its log
    is drained, so the server never blocks on a full pipe."""
    server = subprocess.Popen(["java", "-Xmx256m", *jvm, "-jar", jar, "serve", "--db", db,
                               "--addr", "127.0.0.1:0", "--rate-limit", "0", *args],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line:
            sys.exit(f"{jar}: the server stopped before listening")
        m = re.search(r"API docs at http://127\.0\.0\.1:(\d+)/docs", line)
        if m:
            subprocess.Popen(["cat"], stdin=server.stdout, stdout=subprocess.DEVNULL)
            return server, int(m.group(1))
    server.kill()
    sys.exit(f"{jar}: not listening after {timeout} s")


def stop(*servers):
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(30)


def cpu_seconds(pid):
    """User and system CPU time of the process so far, from /proc/PID/stat: unlike wall-clock
    rates, a figure that holds on a shared machine."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def open_catalog(db):
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def sample(db, table, column, n, rnd, where=""):
    """Up to `n` non-empty values of `column` from rows of `table` drawn at random (never one hot key)."""
    (count,) = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()
    rowids = rnd.sample(range(1, count + 1), min(n, count))
    return [r[0] for r in db.execute(f"SELECT {column} FROM {table} WHERE rowid IN ({','.join(map(str, rowids))})"
                                     f" {where}") if r[0]]


def track_ids(db, n=3000, seed=1):
    return sample(db, "tracks", "id", n, random.Random(seed))


def median(xs):
    return sorted(xs)[len(xs) // 2]


# The filters of a search query: the SQL fallback refuses most of them, so its scripts skip them.
FILTERS = ("artist:", "album:", "track:", "genre:", "year:", "isrc:", "upc:")


def word_track_queries(qfile, count):
    """The first COUNT track queries of QFILE (request paths as search-queries.py writes them)
    that hold words and no filter."""
    queries = []
    for line in open(qfile, encoding="utf-8"):
        path = line.strip()
        if not path.startswith("/search/track?"):
            continue
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("q", [""])[0]
        if not q.strip() or any(f in q.lower() for f in FILTERS):
            continue
        queries.append(q)
        if len(queries) == count:
            break
    return queries
