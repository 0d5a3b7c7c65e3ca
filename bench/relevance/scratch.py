"""The scratch copy the benchmark works from: every track with its artists, album and served
popularity in one table, and an SQLite FTS5 table over title, artists and album for the
baselines. Written to a file of its own (never into the catalog, which is opened read-only) and
rebuilt only when the catalog file changes."""
import os
import sqlite3
import sys
import time

from names import base_title, fold

SEP = "\x1f"  # between artist names in one column: a separator to FTS5's unicode61 tokenizer


def popularity(value):
    """Popularity as the API serves it: an integer 0 to 100, anything else None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and 0 <= value <= 100 else None


def text(value):
    return value if isinstance(value, str) else None


def stamp(main):
    st = os.stat(main)
    return f"{os.path.realpath(main)} {st.st_size} {int(st.st_mtime)}"


def open_scratch(main, path, log=print):
    """The scratch database for catalog file ``main`` at ``path``, built if missing or stale."""
    if os.path.exists(path):
        con = sqlite3.connect(path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'catalog'").fetchone()
            if row and row[0] == stamp(main):
                return con
        except sqlite3.DatabaseError:
            pass
        con.close()
        os.remove(path)
    build(main, path, log)
    return sqlite3.connect(path)


def build(main, path, log):
    started = time.monotonic()
    log(f"building the scratch copy {path} (track table and FTS5 index) from {main}")
    src = sqlite3.connect(f"file:{main}?mode=ro&immutable=1", uri=True)
    artists = {rowid: text(name) for rowid, name in src.execute("SELECT rowid, name FROM artists")}
    albums = {rowid: text(name) for rowid, name in src.execute("SELECT rowid, name FROM albums")}
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    out = sqlite3.connect(tmp)
    out.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE tracks (rowid INTEGER PRIMARY KEY, id TEXT, name TEXT, fold TEXT, base_fold TEXT,
                             artists TEXT, artist_folds TEXT, album TEXT, popularity INTEGER);
    """)
    credits = src.execute("SELECT track_rowid, artist_rowid FROM track_artists ORDER BY track_rowid, rowid")
    pending = next(credits, None)
    batch = []
    count = 0
    for rowid, tid, name, album, pop in src.execute(
            "SELECT rowid, id, name, album_rowid, popularity FROM tracks ORDER BY rowid"):
        names = []
        while pending is not None and pending[0] <= rowid:
            if pending[0] == rowid:
                artist = artists.get(pending[1])
                if artist and artist not in names:
                    names.append(artist)
            pending = next(credits, None)
        name = text(name) or ""
        batch.append((rowid, tid, name, fold(name), fold(base_title(name)), SEP.join(names),
                      SEP.join(fold(n) for n in names), albums.get(album) or "", popularity(pop)))
        if len(batch) == 20000:
            out.executemany("INSERT INTO tracks VALUES (?,?,?,?,?,?,?,?,?)", batch)
            count += len(batch)
            batch.clear()
            if count % 500000 == 0:
                log(f"  {count:,} tracks read")
    out.executemany("INSERT INTO tracks VALUES (?,?,?,?,?,?,?,?,?)", batch)
    count += len(batch)
    log(f"  {count:,} tracks read; indexing")
    out.executescript("""
        CREATE INDEX tracks_fold ON tracks(fold);
        CREATE INDEX tracks_base_fold ON tracks(base_fold);
        CREATE VIRTUAL TABLE fts USING fts5(name, artists, album, content='tracks', content_rowid='rowid',
                                            tokenize='unicode61 remove_diacritics 2');
        INSERT INTO fts(fts) VALUES ('rebuild');
        CREATE VIRTUAL TABLE fts_terms USING fts5vocab('fts', 'row');
    """)
    out.execute("INSERT INTO meta VALUES ('catalog', ?)", (stamp(main),))
    out.commit()
    out.close()
    os.replace(tmp, path)
    log(f"  scratch copy built in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    open_scratch(sys.argv[1], sys.argv[2]).close()
