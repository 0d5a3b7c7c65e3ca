#!/usr/bin/env python3
"""Server CPU time per request: GET /v1/tracks/{id} (Spotify's track object) against
GET /lookup/track/{id} (the native one), side by side in one run.

Starts target/music-metadata-api.jar on the given catalog (rate limit off), sends keep-alive
requests for random track ids from one client, and reads the server's user+system CPU time from
/proc/PID/stat before and after each block: a figure that holds on a shared machine, where
wall-clock rates do not. Blocks alternate (native, /v1) so drift hits both; the medians of the
rounds and their ratio are printed.

Usage: bench/v1-cpu.py --db PATH [--rounds 5] [--requests 4000] [--warmup 8]   (build the jar first: ./mvnw package)
Run it under `flock /tmp/mma-bench.lock` when quoting figures.
"""
import argparse
import http.client
import random
import sys

import benchlib


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="main_database.sqlite3 of a generated catalog")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--requests", type=int, default=4000, help="requests per block")
    p.add_argument("--warmup", type=int, default=8, help="blocks of each before measuring (JIT compiling costs CPU)")
    p.add_argument("--jar", default="target/music-metadata-api.jar")
    a = p.parse_args()

    ids = benchlib.track_ids(benchlib.open_catalog(a.db))
    server, port = benchlib.start_server(a.jar, a.db)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port)

        def block(prefix, headers):
            before = benchlib.cpu_seconds(server.pid)
            for _ in range(a.requests):
                conn.request("GET", prefix + random.choice(ids), headers=headers)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    sys.exit(f"{prefix}: status {r.status}")
            return (benchlib.cpu_seconds(server.pid) - before) / a.requests * 1e6

        native, v1 = ("/lookup/track/", {}), ("/v1/tracks/", {"Authorization": "Bearer bench"})
        for _ in range(a.warmup):  # the JIT's compiler threads count in the process's CPU time
            block(*native)
            block(*v1)
        res = {"native": [], "v1": []}
        for _ in range(a.rounds):
            res["native"].append(block(*native))
            res["v1"].append(block(*v1))
        med = benchlib.median
        for name, xs in res.items():
            print(f"{name:6} server CPU us/request: {[round(x) for x in xs]}  median {round(med(xs))}")
        print(f"ratio /v1 / native: {med(res['v1']) / med(res['native']):.2f}")
    finally:
        benchlib.stop(server)


if __name__ == "__main__":
    main()
