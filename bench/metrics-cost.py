#!/usr/bin/env python3
"""Server CPU time per request with metrics and without (-Dmma.metrics=off), side by side in one run.

Starts target/music-metadata-api.jar twice on the given catalog (rate limit off, access log off,
-Xmx256m): once as it ships, once with -Dmma.metrics=off, where nothing is recorded. Sends
keep-alive requests for random track ids (GET /lookup/track/{id}) from one client to each in turn,
and reads each server's user+system CPU time from /proc/PID/stat before and after each block: a
figure that holds on a shared machine, where wall-clock rates do not. Blocks alternate (with,
without) so drift hits both; the medians of the rounds and their ratio are printed. A scrape of
/metrics every 15 s, as Prometheus does, is part of the cost of the server with metrics.

Usage: bench/metrics-cost.py --db PATH [--rounds 5] [--requests 4000] [--warmup 8]
(build the jar first: ./mvnw package). Run it under `flock /tmp/mma-bench.lock` when quoting figures.
"""
import argparse
import http.client
import random
import sys
import time

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
    quiet = ["--access-log", "off"]
    servers = {"with metrics": benchlib.start_server(a.jar, a.db, args=quiet),
               "without": benchlib.start_server(a.jar, a.db, jvm=["-Dmma.metrics=off"], args=quiet)}
    try:
        conns = {name: http.client.HTTPConnection("127.0.0.1", port) for name, (_, port) in servers.items()}
        last_scrape = {name: 0.0 for name in servers}

        def cpu(name):
            return benchlib.cpu_seconds(servers[name][0].pid)

        def get(name, path):
            try:
                conns[name].request("GET", path)
                r = conns[name].getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed the connection while it idled (its idle timeout, during the
                # other server's block on a busy machine): open a new one, as any client would
                conns[name].close()
                conns[name] = http.client.HTTPConnection("127.0.0.1", servers[name][1])
                conns[name].request("GET", path)
                r = conns[name].getresponse()
            r.read()
            return r.status

        def block(name):
            before = cpu(name)
            for _ in range(a.requests):
                if time.time() - last_scrape[name] >= 15:
                    last_scrape[name] = time.time()
                    if get(name, "/metrics") != 200:
                        sys.exit(f"{name}: /metrics failed")
                status = get(name, "/lookup/track/" + random.choice(ids))
                if status != 200:
                    sys.exit(f"{name}: status {status}")
            return (cpu(name) - before) / a.requests * 1e6

        for _ in range(a.warmup):  # the JIT's compiler threads count in the process's CPU time
            for name in servers:
                block(name)
        res = {name: [] for name in servers}
        for _ in range(a.rounds):
            for name in servers:
                res[name].append(block(name))
        med = benchlib.median
        for name, xs in res.items():
            print(f"{name:13} median {med(xs):6.1f} us CPU/request  rounds: {' '.join(f'{x:.1f}' for x in xs)}")
        print(f"ratio with/without: {med(res['with metrics']) / med(res['without']):.3f}")
    finally:
        benchlib.stop(*(server for server, _ in servers.values()))


if __name__ == "__main__":
    main()
