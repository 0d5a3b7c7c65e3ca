"""Runs the query set through the service and the FTS5 baselines and prints found and exact @1 and
@10 per category and overall, the ceiling the catalog allows, latency, and the slowest queries.

Usage: run.py --scratch DB --catalog MAIN --queries FILE [--seed S --per-category N]
              [--service URL] [--systems a,b,c] [--report FILE] [--details FILE]

Writes the query set to --queries when it is missing (with --seed and --per-category), else
reads it, so a set can be kept, shared or held back. --service is the base URL of a running
server; its /search/track is asked with limit=10.
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse

import fts
import queries as Q
from names import base_title, fold
from scratch import SEP, open_scratch


class Service:
    name = "service"

    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.statuses = {}

    def search(self, q):
        path = "/search/track?" + urllib.parse.urlencode({"q": q, "limit": fts.LIMIT})
        for attempt in range(2):
            try:
                self.conn.request("GET", path)
                response = self.conn.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise
        self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
        if response.status != 200:
            return []
        return [(item["id"], item["name"], [a["name"] for a in item["artists"]])
                for item in json.loads(body)["items"]]


def found(query, name, artists):
    title = name if query["full_name"] else base_title(name)
    if fold(title) != fold(query["title"]):
        return False
    return query["artist"] is None or fold(query["artist"]) in {fold(a) for a in artists}


def judge(query, results):
    """(found@1, found@10, exact@1, exact@10) of one query's results: (id, name, artists) best first."""
    hits = [found(query, name, artists) for _, name, artists in results]
    exact = [rid == query["id"] for rid, _, _ in results]
    return any(hits[:1]), any(hits[:10]), any(exact[:1]), any(exact[:10])


def fts_results(con, system, q):
    rowids = system.search(q)
    rows = {}
    if rowids:
        marks = ",".join("?" * len(rowids))
        for rowid, tid, name, artists in con.execute(
                f"SELECT rowid, id, name, artists FROM tracks WHERE rowid IN ({marks})", rowids):
            rows[rowid] = (tid, name, artists.split(SEP) if artists else [])
    return [rows[r] for r in rowids if r in rows]


def measure(system, query_set, lookup):
    """Each query's scores, latency and top result for one system."""
    out = []
    for query in query_set:
        started = time.perf_counter()
        results = lookup(query["q"])
        ms = (time.perf_counter() - started) * 1000
        out.append({"scores": judge(query, results), "ms": ms,
                    "top": [f"{name} / {', '.join(artists)}" for _, name, artists in results[:3]]})
    return out


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def table(query_set, runs, ceilings):
    lines = ["| system | category | queries | found @1 | found @10 | exact @1 | exact @10 |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    categories = [c for c in Q.CATEGORIES if any(q["category"] == c for q in query_set)]
    for name, measured in runs.items():
        for category in categories + ["overall"]:
            rows = [m["scores"] for q, m in zip(query_set, measured) if category in ("overall", q["category"])]
            cells = [sum(r[i] for r in rows) / len(rows) for i in range(4)]
            label = f"**{category}**" if category == "overall" else category
            lines.append(f"| {name} | {label} | {len(rows)} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    for category in categories + ["overall"]:
        ranks = [r for q, r in zip(query_set, ceilings) if category in ("overall", q["category"])]
        lines.append(f"| ceiling | {category} | {len(ranks)} | 1.00 | 1.00 | "
                     f"{sum(r < 1 for r in ranks) / len(ranks):.2f} | {sum(r < 10 for r in ranks) / len(ranks):.2f} |")
    return lines


def summary(query_set, runs, ceilings):
    lines = ["| system | found @1 | found @10 | exact @1 | exact @10 | lowest found @10 (category) | p50 ms | p99 ms |",
             "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
    for name, measured in runs.items():
        cells = [sum(m["scores"][i] for m in measured) / len(measured) for i in range(4)]
        worst = min((sum(m["scores"][1] for q, m in zip(query_set, measured) if q["category"] == c)
                     / sum(1 for q in query_set if q["category"] == c), c)
                    for c in {q["category"] for q in query_set})
        ms = [m["ms"] for m in measured]
        lines.append(f"| {name} | " + " | ".join(f"{c:.2f}" for c in cells)
                     + f" | {worst[0]:.2f} ({worst[1]}) | {statistics.median(ms):.1f} | {percentile(ms, 99):.1f} |")
    lines.append(f"| ceiling | 1.00 | 1.00 | {sum(r < 1 for r in ceilings) / len(ceilings):.2f} | "
                 f"{sum(r < 10 for r in ceilings) / len(ceilings):.2f} | | | |")
    return lines


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--scratch", required=True)
    p.add_argument("--catalog", required=True)
    p.add_argument("--queries", required=True)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--per-category", type=int, default=50)
    p.add_argument("--service")
    p.add_argument("--systems", default="service,fts-plain,fts-ranked")
    p.add_argument("--slowest", type=int, default=10)
    p.add_argument("--report")
    p.add_argument("--details")
    args = p.parse_args()
    log = lambda s: print(s, file=sys.stderr, flush=True)

    con = open_scratch(args.catalog, args.scratch, log)
    if os.path.exists(args.queries):
        query_set = Q.read(args.queries)
        log(f"read {len(query_set)} queries from {args.queries}")
    else:
        query_set = Q.generate(con, args.seed, args.per_category)
        Q.write(query_set, args.queries)
        log(f"wrote {len(query_set)} queries (seed {args.seed}, {args.per_category} a category) to {args.queries}")
    ceilings = [Q.ceiling_rank(con, q) for q in query_set]

    runs = {}
    for name in args.systems.split(","):
        if name == "service":
            if not args.service:
                sys.exit("run.py: the service system needs --service URL")
            system = Service(args.service)
            lookup = system.search
        else:
            system = fts.SYSTEMS[name](con)
            system.warm()
            lookup = lambda q, s=system: fts_results(con, s, q)
        for query in query_set[:50]:  # warm-up (JIT, page cache), not measured
            lookup(query["q"])
        if name == "service":
            system.statuses.clear()
        log(f"running {len(query_set)} queries through {name}")
        runs[name] = measure(system, query_set, lookup)
        if name == "service" and set(system.statuses) != {200}:
            log(f"service answers by status: {system.statuses}")

    out = [f"relevance: {len(query_set)} queries from {os.path.basename(args.queries)}, "
           f"catalog {os.path.realpath(args.catalog)}", ""]
    out += summary(query_set, runs, ceilings) + [""] + table(query_set, runs, ceilings) + [""]
    for name, measured in runs.items():
        out.append(f"slowest through {name}:")
        slow = sorted(zip(query_set, measured), key=lambda qm: -qm[1]["ms"])[:args.slowest]
        out += [f"  {m['ms']:8.1f} ms  {q['category']:<12} {q['q']}" for q, m in slow]
    out.append("")
    out.append("ceiling: exact @k is out of reach for any engine when k or more tracks that count as found "
               "rank before the intended one by popularity, then rowid")
    print("\n".join(out))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for i, query in enumerate(query_set):
                row = dict(query, ceiling_rank=ceilings[i])
                for name, measured in runs.items():
                    row[name] = {"scores": measured[i]["scores"], "ms": round(measured[i]["ms"], 2),
                                 "top": measured[i]["top"]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
