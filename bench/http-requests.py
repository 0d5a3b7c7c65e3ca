"""Writes the request mix of bench/http.sh from a catalog, with plain SQL:
lookup paths (tracks, ISRCs in a spelling clients use, artists, albums, album tracks), one path per
line, and a batch body of 100 items of each kind (400 in all, the API's maximum)."""
import json
import random
import sqlite3
import sys

main, paths_file, batch_file, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
db = sqlite3.connect(f"file:{main}?mode=ro", uri=True)
rng = random.Random(7)


def sample(sql, n):
    rows = [r[0] for r in db.execute(sql)]
    return rng.sample(rows, min(n, len(rows)))


# Sample rowids rather than ORDER BY random() over the whole table: fast on large catalogs.
top = db.execute("SELECT max(rowid) FROM tracks").fetchone()[0]
rowids = ",".join(str(rng.randint(1, top)) for _ in range(count * 2))
tracks = sample(f"SELECT id FROM tracks WHERE rowid IN ({rowids})", count)
isrcs = sample(f"SELECT external_id_isrc FROM tracks WHERE rowid IN ({rowids}) AND external_id_isrc IS NOT NULL", count)
albums = sample(f"SELECT a.id FROM tracks t JOIN albums a ON a.rowid = t.album_rowid WHERE t.rowid IN ({rowids})", count)
artists = sample(f"SELECT ar.id FROM track_artists ta JOIN artists ar ON ar.rowid = ta.artist_rowid"
                 f" WHERE ta.track_rowid IN ({rowids})", count)

paths = ([f"/lookup/track/{t}" for t in tracks]
         + [f"/lookup/isrc/{i[:2].lower()}-{i[2:5]}-{i[5:]}" for i in isrcs]
         + [f"/lookup/artist/spotify:artist:{a}" for a in artists]
         + [f"/lookup/album/{a}" for a in albums]
         + [f"/lookup/album/{a}/tracks" for a in albums])
rng.shuffle(paths)
with open(paths_file, "w") as f:
    f.write("\n".join(paths) + "\n")
with open(batch_file, "w") as f:
    json.dump({"tracks": tracks[:100], "artists": artists[:100], "albums": albums[:100], "isrcs": isrcs[:100]}, f)
print(f"{len(paths)} lookup paths, batch of {sum(len(v[:100]) for v in (tracks, artists, albums, isrcs))} items",
      file=sys.stderr)
