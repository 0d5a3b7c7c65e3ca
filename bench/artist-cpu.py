#!/usr/bin/env python3
"""Server CPU time per request of an artist's top tracks and albums, for an artist credited on
very many tracks (a "Various Artists") and for an ordinary one, side by side with the artist
lookup itself in one run; and, for scale, the CPU time of the exact answer SQLite would give by
reading every credit of the big artist (what the bounded window avoids).

Starts target/music-metadata-api.jar on the given catalog (rate limit off), sends keep-alive
requests from one client, and reads the server's user+system CPU time from /proc/PID/stat
before and after each block of one endpoint: a figure that holds on a shared machine, where
wall-clock rates do not. Blocks alternate so drift hits all; the medians of the rounds are
printed, with each one's ratio to the artist lookup.

A catalog with such an artist: copy a generated one and credit its "Various Artists" on every
track and album (see bench/RESULTS.md for the statements).

Usage: bench/artist-cpu.py --db PATH [--artist ID] [--rounds 5] [--requests 200] [--warmup 4]
Build the jar first (./mvnw package); run under `flock /tmp/mma-bench.lock` when quoting figures.
"""
import argparse
import http.client
import sqlite3
import sys
import time

import benchlib


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="main_database.sqlite3 of a generated catalog")
    p.add_argument("--artist", help="the big artist's id (default: the one named Various Artists)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--requests", type=int, default=200, help="requests per block")
    p.add_argument("--warmup", type=int, default=4, help="blocks of each before measuring (JIT compiling costs CPU)")
    p.add_argument("--jar", default="target/music-metadata-api.jar")
    a = p.parse_args()

    db = sqlite3.connect(f"file:{a.db}?mode=ro&immutable=1", uri=True)
    big = a.artist or db.execute(
        "SELECT id FROM artists WHERE name = 'Various Artists' ORDER BY rowid LIMIT 1").fetchone()[0]
    (big_rowid,) = db.execute("SELECT rowid FROM artists WHERE id = ?", (big,)).fetchone()
    # an ordinary artist: the most popular one
    (small,) = db.execute("SELECT id FROM artists ORDER BY popularity DESC, rowid LIMIT 1").fetchone()
    credits = {}
    for name, artist in (("big", big_rowid), ("ordinary", None)):
        if artist is None:
            (artist,) = db.execute("SELECT rowid FROM artists WHERE id = ?", (small,)).fetchone()
        tracks = db.execute("SELECT count(*) FROM track_artists WHERE artist_rowid = ?", (artist,)).fetchone()[0]
        albums = db.execute("SELECT count(*) FROM artist_albums WHERE artist_rowid = ?", (artist,)).fetchone()[0]
        credits[name] = (tracks, albums)
        print(f"{name} artist: {tracks} track credits, {albums} album credits")

    # The exact answers, for scale: every credit read (CPU seconds of this process, warm cache).
    for label, sql in (("exact top tracks", "SELECT t.rowid FROM track_artists ta JOIN tracks t"
                        " ON t.rowid = ta.track_rowid WHERE ta.artist_rowid = ? ORDER BY t.popularity DESC LIMIT 10"),
                       ("exact newest albums", "SELECT a.rowid FROM artist_albums aa JOIN albums a"
                        " ON a.rowid = aa.album_rowid WHERE aa.artist_rowid = ? ORDER BY a.release_date DESC LIMIT 20")):
        runs = []
        for _ in range(3):
            start = time.process_time()
            db.execute(sql, (big_rowid,)).fetchall()
            runs.append(time.process_time() - start)
        print(f"{label} in SQLite for the big artist, CPU ms: {[round(r * 1000) for r in runs]}")

    server, port = benchlib.start_server(a.jar, a.db)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port)

        def block(path):
            before = benchlib.cpu_seconds(server.pid)
            for _ in range(a.requests):
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    sys.exit(f"{path}: status {r.status}")
            return (benchlib.cpu_seconds(server.pid) - before) / a.requests * 1e6

        paths = {
            "artist lookup (big)": f"/lookup/artist/{big}",
            "top tracks (big)": f"/lookup/artist/{big}/top-tracks",
            "albums (big)": f"/lookup/artist/{big}/albums",
            "top tracks (ordinary)": f"/lookup/artist/{small}/top-tracks",
            "albums (ordinary)": f"/lookup/artist/{small}/albums",
        }
        for _ in range(a.warmup):
            for path in paths.values():
                block(path)
        res = {name: [] for name in paths}
        for _ in range(a.rounds):
            for name, path in paths.items():
                res[name].append(block(path))
        med = benchlib.median
        base = med(res["artist lookup (big)"])
        for name, xs in res.items():
            print(f"{name:22} server CPU us/request: {[round(x) for x in xs]}  median {round(med(xs))}"
                  f"  ratio to the artist lookup {med(xs) / base:.1f}")
    finally:
        benchlib.stop(server)


if __name__ == "__main__":
    main()
