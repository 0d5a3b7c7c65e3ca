#!/usr/bin/env python3
"""Search latency by query family, for bench/search.sh.

Usage: search-families.py PORT QUERY_FILE CONNECTIONS SECONDS

Sends the request paths of QUERY_FILE (as search-queries.py writes them, with QUERY_FILE.families
beside it) to 127.0.0.1:PORT from CONNECTIONS threads, each on its own keep-alive connection and
in a closed loop (the next request when the last is answered), taking the lines in turn, for
SECONDS. Prints requests, p50 and p99 (ms, client side) per family and overall, and the number
of answers that were not 200. The client is Python: it adds about a tenth of a millisecond to
each request and takes some of the CPU, so compare its figures with each other, not with wrk's.
"""
import http.client
import sys
import threading
import time

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
    print(__doc__.strip())
    sys.exit(0)
if len(sys.argv) != 5:
    sys.exit("usage: search-families.py PORT QUERY_FILE CONNECTIONS SECONDS (see --help)")
port, qfile, connections, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
paths = [line.strip() for line in open(qfile, encoding="utf-8") if line.strip()]
families = [line.strip() for line in open(qfile + ".families", encoding="utf-8") if line.strip()]
if len(paths) != len(families):
    sys.exit(f"{qfile}: {len(paths)} queries but {len(families)} families")

lock = threading.Lock()
state = {"next": 0}
samples = []  # (family, ms, status)
stop_at = time.monotonic() + seconds


def worker():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    mine = []
    while time.monotonic() < stop_at:
        with lock:
            i = state["next"] % len(paths)
            state["next"] += 1
        t0 = time.perf_counter()
        try:
            conn.request("GET", paths[i])
            res = conn.getresponse()
            res.read()
            status = res.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status = 0
        mine.append((families[i], (time.perf_counter() - t0) * 1000, status))
    conn.close()
    with lock:
        samples.extend(mine)


threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


by = {}
for family, ms, status in samples:
    by.setdefault(family, []).append((ms, status))
print(f"search latency by query family, {connections} connections, {seconds:.0f} s (client side, Python):")
print("| family | requests | p50 ms | p99 ms | max ms | not 200 |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for family in sorted(by, key=lambda f: -len(by[f])) + ["all"]:
    rows = [(ms, st) for ms, st in (by[family] if family != "all" else [(m, s) for _, m, s in samples])]
    ms = [m for m, _ in rows]
    print(f"| {family} | {len(rows)} | {pct(ms, 50):.1f} | {pct(ms, 99):.1f} | {max(ms):.0f} |"
          f" {sum(1 for _, st in rows if st != 200)} |")
