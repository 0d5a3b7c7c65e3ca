#!/usr/bin/env python3
"""Whether two scans at once slow each other: the CPU of a plain LIKE scan alone, and with a second
process scanning the same file at the same time (on the other core, when it is free).

Usage: like-twin.py MAIN_DATABASE QUERY_FILE COUNT

For the first COUNT word-only track queries of QUERY_FILE (request paths as search-queries.py
writes them), `SELECT rowid, name, popularity FROM tracks WHERE name LIKE '%q%' ORDER BY
popularity DESC LIMIT 20` in this process, 3 rounds alone and 3 with the twin, alternating; prints
the median over the queries of each query's median CPU ms, their ratio and the totals.
"""
import multiprocessing, sqlite3, statistics, sys, time

import benchlib

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
    print(__doc__.strip())
    sys.exit(0)
if len(sys.argv) < 4:
    sys.exit("usage: like-twin.py MAIN_DATABASE QUERY_FILE COUNT (see --help)")

db, qfile, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
queries = benchlib.word_track_queries(qfile, count)
LIKE = "SELECT rowid, name, popularity FROM tracks WHERE name LIKE ? ORDER BY popularity DESC LIMIT 20"

def con():
    c = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    c.execute("PRAGMA cache_size=-512")
    return c

def twin(stop):
    c = con()
    while not stop.is_set():
        for q in queries:
            c.execute(LIKE, ("%" + q + "%",)).fetchall()
            if stop.is_set():
                break

def round_(c):
    out = []
    for q in queries:
        t = time.process_time()
        c.execute(LIKE, ("%" + q + "%",)).fetchall()
        out.append((time.process_time() - t) * 1000)
    return out

c = con()
round_(c)
alone, paired = [], []
for r in range(3):
    alone.append(round_(c))
    stop = multiprocessing.Event()
    p = multiprocessing.Process(target=twin, args=(stop,))
    p.start()
    time.sleep(0.5)
    paired.append(round_(c))
    stop.set(); p.join()
a = [statistics.median(x) for x in zip(*alone)]
b = [statistics.median(x) for x in zip(*paired)]
print(f"LIKE CPU ms a query, median over {len(queries)} queries: alone {statistics.median(a):.1f}, "
      f"with a twin scanning {statistics.median(b):.1f}, ratio {statistics.median(b) / statistics.median(a):.2f}; "
      f"total {sum(a):.0f} / {sum(b):.0f} ms")
