#!/usr/bin/env python3
"""Server CPU time per request of two builds side by side: the same requests to jar A and jar B,
in alternating blocks, on one catalog.

Starts both jars at once (rate limit off, -Xmx256m), each on its own port, and sends keep-alive
requests from one client: tracks by id, the best track of an ISRC, an album's tracks, batches
of 400 ISRCs and track searches, with random keys drawn from the catalog (never one hot key).
Each block reads the server's user+system CPU time from /proc/PID/stat before and after: a
figure that holds on a shared machine, where wall-clock rates do not. Blocks alternate A, B so
that drift hits both; the medians of the rounds and the ratio B / A are printed per workload.

Usage: bench/compare-cpu.py --db PATH --a JAR --b JAR [--rounds 5] [--requests 2000] [--warmup 4]
Run it under `flock /tmp/mma-bench.lock` when quoting figures.
"""
import argparse
import http.client
import json
import random
import sys
import urllib.parse

import benchlib


def start(jar, db):
    server, port = benchlib.start_server(jar, db)
    return server, http.client.HTTPConnection("127.0.0.1", port)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="main_database.sqlite3 of a generated catalog (with its index)")
    p.add_argument("--a", required=True, help="the baseline jar")
    p.add_argument("--b", required=True, help="the jar compared with it")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--requests", type=int, default=2000, help="requests per block (batches: a tenth)")
    p.add_argument("--warmup", type=int, default=4, help="blocks of each before measuring (JIT compiling costs CPU)")
    a = p.parse_args()

    db = benchlib.open_catalog(a.db)
    rnd = random.Random(1)

    def sample(table, column, n):
        return benchlib.sample(db, table, column, n, rnd)

    track_ids = sample("tracks", "id", 3000)
    isrcs = sample("tracks", "external_id_isrc", 3000)
    album_ids = sample("albums", "id", 3000)
    words = sample("tracks", "substr(name, 1, instr(name || ' ', ' ') - 1)", 3000)
    queries = [w for w in words if len(w) >= 3]

    def get(prefix, values):
        return lambda: ("GET", prefix + urllib.parse.quote(rnd.choice(values), safe=""), None)

    def batch():
        return ("POST", "/batch/lookup", json.dumps({"isrcs": rnd.sample(isrcs, 400)}))

    workloads = {
        "track": (get("/lookup/track/", track_ids), 1),
        "isrc": (get("/lookup/isrc/", isrcs), 1),
        "album-tracks": (lambda: ("GET", "/lookup/album/" + rnd.choice(album_ids) + "/tracks", None), 1),
        "batch-400-isrcs": (batch, 10),
        "search-track": (get("/search/track?q=", queries), 1),
    }
    servers = {"A": start(a.a, a.db), "B": start(a.b, a.db)}
    try:
        def cpu(server):
            return benchlib.cpu_seconds(server.pid)

        def block(name, workload, divisor):
            server, conn = servers[name]
            n = a.requests // divisor
            before = cpu(server)
            for _ in range(n):
                method, path, body = workload()
                headers = {"Content-Type": "application/json"} if body else {}
                try:
                    conn.request(method, path, body=body, headers=headers)
                    r = conn.getresponse()
                except (http.client.RemoteDisconnected, ConnectionError):
                    # the server closes a connection idle past its deadline (the other jar's block ran long)
                    conn.close()
                    conn.request(method, path, body=body, headers=headers)
                    r = conn.getresponse()
                r.read()
                if r.status != 200:
                    sys.exit(f"{name} {method} {path}: status {r.status}")
            return (cpu(server) - before) / n * 1e6

        med = benchlib.median
        print(f"A = {a.a}\nB = {a.b}")
        for label, (workload, divisor) in workloads.items():
            for _ in range(a.warmup):
                block("A", workload, divisor)
                block("B", workload, divisor)
            res = {"A": [], "B": []}
            for _ in range(a.rounds):
                for name in ("A", "B"):
                    res[name].append(block(name, workload, divisor))
            print(f"{label:16} us CPU/request  A {[round(x) for x in res['A']]} median {round(med(res['A']))}"
                  f"  B {[round(x) for x in res['B']]} median {round(med(res['B']))}"
                  f"  B/A {med(res['B']) / med(res['A']):.2f}")
    finally:
        benchlib.stop(*(server for server, _ in servers.values()))


if __name__ == "__main__":
    main()
