#!/usr/bin/env python3
"""Writes a realistic search query mix for bench/search.sh, drawn from the catalog itself.

Usage: search-queries.py MAIN_DATABASE OUT_FILE [COUNT]

Also writes OUT_FILE.families: the query family of each line (common, rare, two_words, title,
artist, album, prefix, typo, accented, cjk, filter), for bench/search-families.py.

One request path per line (/search/track?q=..., a few /search/artist and /search/album), mixing
common words, rare words, two-word titles, full titles, artist and album names, prefixes of the
last word, one-letter typos, accent-stripped names, CJK fragments and fielded filters. Popular
rows are drawn more often, as people search for what they know. Deterministic (seed 7).
"""
import random
import re
import sqlite3
import sys
import unicodedata
import urllib.parse
from collections import Counter

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
    print(__doc__.strip())
    sys.exit(0)
if len(sys.argv) < 3:
    sys.exit("usage: search-queries.py MAIN_DATABASE OUT_FILE [COUNT] (see --help)")
db, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
rng = random.Random(7)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
WORD = re.compile(r"\w+", re.UNICODE)


def max_rowid(table):
    return con.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0


def sample(table, columns, n, popular_share=0.5, popularity="popularity"):
    top = max_rowid(table)
    rows = []
    while len(rows) < n:
        start = rng.randint(1, top)
        where = f" AND {popularity} >= 40" if rng.random() < popular_share else ""
        row = con.execute(f"SELECT {columns} FROM {table} WHERE rowid >= ?{where} ORDER BY rowid LIMIT 1",
                          (start,)).fetchone()
        if row and row[0]:
            rows.append(row)
    return rows


tracks = sample("tracks", "name, album_rowid, external_id_isrc", 3000)
artists = sample("artists", "name, rowid", 800, popularity="followers_total / 100000")
albums = sample("albums", "name, release_date, rowid", 800)
words = Counter(w.lower() for (name, *_) in tracks for w in WORD.findall(name) if len(w) > 1)
common = [w for w, _ in words.most_common(60)]
rare = [w for w, c in words.items() if c == 1 and len(w) > 3 and w.isalpha()]
genres = [g for (g,) in con.execute("SELECT genre FROM artist_genres GROUP BY genre ORDER BY count(*) DESC LIMIT 40")]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_cjk(s):
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in s)


def typo(word):
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiourstln") + word[i + 1:]


def title_words(name):
    return WORD.findall(name)


def pick(kind):
    """(family, endpoint, q): a query of the family, or two words of a title where none fits."""
    endpoint, q = make(kind)
    return (kind if made[0] else "two_words"), endpoint, q


made = [True]


def make(kind):
    made[0] = True
    name, *rest = rng.choice(tracks)
    ws = title_words(name)
    if kind == "common":
        return "track", rng.choice(common)
    if kind == "rare":
        return "track", rng.choice(rare) if rare else rng.choice(common)
    if kind == "two_words" and len(ws) >= 2:
        return "track", " ".join(ws[:2])
    if kind == "title":
        return "track", name
    if kind == "artist":
        return "artist", rng.choice(artists)[0]
    if kind == "album":
        return "album", rng.choice(albums)[0]
    if kind == "prefix" and ws and len(ws[-1]) >= 4:
        cut = ws[-1][: rng.randint(2, len(ws[-1]) - 1)]
        return "track", " ".join(ws[:-1][:2] + [cut])
    if kind == "typo":
        long = [w for w in ws if len(w) >= 6 and w.isalpha()]
        if long:
            return "track", typo(rng.choice(long))
    if kind == "accented":
        accented = [t[0] for t in tracks if strip_accents(t[0]) != t[0] and not is_cjk(t[0])]
        if accented:
            return "track", strip_accents(rng.choice(accented)).lower()
    if kind == "cjk":
        cjk = [t[0] for t in tracks if is_cjk(t[0])]
        if cjk:
            s = rng.choice(cjk).replace(" ", "")
            i = rng.randrange(0, max(1, len(s) - 2))
            return "track", s[i:i + rng.choice([2, 3])]
    if kind == "filter":
        choice = rng.randrange(5)
        if choice == 0:
            artist = rng.choice(artists)[0]
            return "track", f'artist:"{artist}" {rng.choice(common)}'
        if choice == 1:
            return "track", f"{rng.choice(common)} year:{rng.randint(1960, 2024)}"
        if choice == 2:
            return "artist", f'genre:"{rng.choice(genres)}"' if genres else rng.choice(common)
        if choice == 3:
            y = rng.randint(1960, 2015)
            return "track", f"{rng.choice(common)} year:{y}-{y + 9}"
        isrc = rest[1]
        if isrc:
            return "track", f"isrc:{isrc}"
    made[0] = False
    return "track", " ".join(ws[:2]) if ws else name


MIX = [("common", 15), ("rare", 10), ("two_words", 15), ("title", 10), ("artist", 10), ("album", 5),
       ("prefix", 10), ("typo", 5), ("accented", 5), ("cjk", 5), ("filter", 10)]
kinds = [k for k, w in MIX for _ in range(w)]
written = 0
with open(out, "w", encoding="utf-8") as f, open(out + ".families", "w", encoding="utf-8") as fam:
    while written < count:
        family, endpoint, q = pick(rng.choice(kinds))
        q = q.strip()
        if not 2 <= len(q) <= 200:
            continue
        f.write(f"/search/{endpoint}?q={urllib.parse.quote(q)}\n")
        fam.write(family + "\n")
        written += 1
print(f"wrote {written} queries to {out}")
