#!/usr/bin/env python3
"""Depth and fan-out of the B-trees a lookup walks, read straight from an SQLite file.

  bench/btree-depth.py --db PATH [--paths N] [--scale FACTOR]

For each table and index of the file: its levels (root to leaf: when nothing is cached, each
level is one page read per probe) and the mean entries per interior and per leaf page, from N
random root-to-leaf descents (default 30; a few hundred page reads, nothing is scanned). With
--scale, also the depth the same tree would have with FACTOR times its rows at the same fan-out
(25.6 takes a 10 M-track catalog to the full snapshot's 256 M). Reads the file only; prints a
markdown table.
"""
import argparse
import math
import os
import random
import sqlite3
import struct


def page(fd, size, number):
    data = os.pread(fd, size, (number - 1) * size)
    return data, (100 if number == 1 else 0)


def descend(fd, size, root, rng):
    """One random root-to-leaf path: the cell count of each page on it."""
    counts, number = [], root
    while True:
        data, at = page(fd, size, number)
        kind, cells = data[at], struct.unpack(">H", data[at + 3:at + 5])[0]
        counts.append(cells)
        if kind in (0x0A, 0x0D):  # leaf of an index, of a table
            return counts
        pick = rng.randint(0, cells)  # cells + 1 children: the cells' left children and the right-most
        if pick == cells:
            number = struct.unpack(">I", data[at + 8:at + 12])[0]
        else:
            pointer = struct.unpack(">H", data[at + 12 + 2 * pick:at + 14 + 2 * pick])[0]
            number = struct.unpack(">I", data[pointer:pointer + 4])[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--paths", type=int, default=30)
    parser.add_argument("--scale", type=float, help="factor of rows to extrapolate the depth to")
    args = parser.parse_args()
    db = sqlite3.connect("file:" + os.path.abspath(args.db) + "?mode=ro&immutable=1", uri=True)
    size = db.execute("PRAGMA page_size").fetchone()[0]
    trees = db.execute("SELECT type, name, tbl_name, rootpage FROM sqlite_master"
                       " WHERE rootpage > 0 ORDER BY tbl_name, type DESC, name").fetchall()
    fd = os.open(args.db, os.O_RDONLY)
    rng = random.Random(1)
    grow = f" | levels at {args.scale:g}x the rows" if args.scale else ""
    print(f"page size {size} bytes\n")
    print(f"| B-tree | kind | levels | entries per interior page | entries per leaf page | leaf entries, estimated{grow} |")
    print("|---|---|---:|---:|---:|---:|" + ("---:|" if args.scale else ""))
    for kind, name, table, root in trees:
        paths = [descend(fd, size, root, rng) for _ in range(args.paths)]
        levels = len(paths[0])
        # The root's own count is exact; deeper levels are averaged over the random paths.
        inner = [sum(p[i] for p in paths) / len(paths) for i in range(1, levels - 1)]
        fanout = (sum(inner) / len(inner) + 1) if inner else paths[0][0] + 1
        leaf = sum(p[-1] for p in paths) / len(paths)
        rows = leaf * (paths[0][0] + 1 if levels > 1 else 1) * (fanout ** max(0, levels - 2))
        row = (f"| {name} | {kind} | {levels} | {fanout - 1:.0f} | {leaf:.0f} | {rows:,.0f} |")
        if args.scale:
            # A tree holding R rows needs ceil(log_F(R / leaf)) interior levels above its leaves.
            grown = 1 + max(0, math.ceil(math.log(max(1.0, rows * args.scale / leaf), fanout)))
            row += f" {grown} |"
        print(row)


if __name__ == "__main__":
    main()
