"""The query set: what people type to find a track they know, drawn from the catalog with a seed.

Each query names its intended track. A track is drawn with a chance proportional to its popularity
+ 1 (people search for what they listen to; unknown counts as 0), then shaped into a query of one
category:

  exact         the name as stored                         "Honey (feat. Mia Scott) - Radio Edit"
  case          the name in other case                     "HONEY (FEAT. MIA SCOTT) - RADIO EDIT"
  accent        accents dropped, or one added to a vowel   "Mia" for "Mía", "Löve" for "Love"
  title_artist  title, then the first artist               "Honey Mia Scott"
  artist_title  the first artist, then the title           "Mia Scott Honey"
  typo          the title with one typo in a word of 5+ letters (a letter replaced, dropped, added,
                or two swapped, anywhere in the word, the first letter included)   "Hiney Stones"
  typo_artist   the same, then the first artist            "Hiney Stones Mia Scott"
  prefix        the title of 2+ words, its last word (4+ letters) cut to at least half of it and
                3 letters                                  "Girl Lit"
  non_latin     the name of a track in CJK, Hangul, Cyrillic or Greek letters only    "夜", "ночь"

"Title" is the title as people know it: the name without a trailing " - Version" or
"(feat. ...)". A query is found when a result has the title it was made from (the name for exact,
case, accent and non_latin; the title for the rest), compared folded, and the named artist among
its artists; exact when a result is the intended track itself.
"""
import json
import random
import unicodedata

from names import WORD, base_title, fold, has_accent, script_of, scripts, strip_accents
from scratch import SEP

CATEGORIES = ["exact", "case", "accent", "title_artist", "artist_title", "typo", "typo_artist", "prefix",
              "non_latin"]
FULL_NAME = {"exact", "case", "accent", "non_latin"}
WITH_ARTIST = {"title_artist", "artist_title", "typo_artist"}
NON_LATIN = {"cjk", "hangul", "cyrillic", "greek"}
ALPHABETS = {
    "latin": "abcdefghijklmnopqrstuvwxyz",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщыьэюя",
    "greek": "αβγδεζηθικλμνξοπρστυφχψω",
}
ACCENTED = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "n": "ñ", "c": "ç"}
MAX_QUERY = 200


def weight(popularity):
    """How often a track is searched for, relative to one of popularity 0 (or unknown)."""
    return (popularity or 0) + 1


class Track:
    def __init__(self, row):
        self.rowid, self.id, self.name, pop_artists = row[0], row[1], row[2], row[3]
        self.artists = [a for a in pop_artists.split(SEP) if a] if pop_artists else []
        self.popularity = row[4]
        self.title = base_title(self.name)


def draw(con, rng, top):
    """One track, by weight: a random rowid kept with the chance weight / the highest weight."""
    while True:
        row = con.execute("SELECT rowid, id, name, artists, popularity FROM tracks WHERE rowid >= ? "
                          "ORDER BY rowid LIMIT 1", (rng.randint(1, top),)).fetchone()
        if row and rng.random() < weight(row[4]) / weight(100):
            return Track(row)


def case_change(name, rng):
    style = rng.choice(["lower", "upper", "swap"])
    changed = name.lower() if style == "lower" else name.upper() if style == "upper" else name.swapcase()
    return changed if changed != name else None


def accent_change(name, rng):
    if has_accent(name):
        return strip_accents(name)
    spots = [i for i, c in enumerate(name) if c.lower() in ACCENTED and script_of(c) == "latin"]
    if not spots:
        return None
    i = rng.choice(spots)
    accented = rng.choice(ACCENTED[name[i].lower()])
    return name[:i] + (accented.upper() if name[i].isupper() else accented) + name[i + 1:]


def typo_word(word, rng):
    """``word`` with one typo, or None when the result folds to the word itself."""
    alphabet = ALPHABETS[script_of(word[0])]
    i = rng.randrange(len(word))
    op = rng.choice(["replace", "drop", "add", "swap"])
    letter = rng.choice(alphabet)
    if op == "replace":
        letter = letter.upper() if word[i].isupper() else letter
        typo = word[:i] + letter + word[i + 1:]
    elif op == "drop":
        typo = word[:i] + word[i + 1:]
    elif op == "add":
        typo = word[:i] + letter + word[i:]
    else:
        i = min(i, len(word) - 2)
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return typo if fold(typo) != fold(word) else None


def typo_title(title, rng):
    words = [m for m in WORD.finditer(title)
             if len(m.group()) >= 5 and m.group().isalpha() and scripts(m.group()) <= set(ALPHABETS)
             and len(scripts(m.group())) == 1]
    if not words:
        return None
    m = rng.choice(words)
    typo = typo_word(m.group(), rng)
    return None if typo is None else title[:m.start()] + typo + title[m.end():]


def prefix_title(title, rng):
    words = list(WORD.finditer(title))
    if len(words) < 2:
        return None
    last = words[-1].group()
    if len(last) < 4 or not last.isalpha() or scripts(last) & {"cjk", "hangul"}:
        return None
    keep = rng.randint(max(3, (len(last) + 1) // 2), len(last) - 1)
    return title[:words[-1].start()] + last[:keep]


def make(category, t, rng):
    """The query of ``category`` for track ``t``, or None when the track does not lend itself."""
    artist = t.artists[0] if t.artists else None
    if category == "exact":
        return t.name
    if category == "case":
        return case_change(t.name, rng)
    if category == "accent":
        return accent_change(t.name, rng)
    if category == "non_latin":
        s = scripts(t.name)
        return t.name if s and s <= NON_LATIN else None
    if category in WITH_ARTIST and not artist:
        return None
    if category == "title_artist":
        return f"{t.title} {artist}"
    if category == "artist_title":
        return f"{artist} {t.title}"
    if category == "typo":
        return typo_title(t.title, rng)
    if category == "typo_artist":
        typo = typo_title(t.title, rng)
        return None if typo is None else f"{typo} {artist}"
    if category == "prefix":
        return prefix_title(t.title, rng)
    raise ValueError(category)


def generate(con, seed, per_category):
    rng = random.Random(seed)
    top = con.execute("SELECT max(rowid) FROM tracks").fetchone()[0]
    queries = []
    used = set()
    for category in CATEGORIES:
        made = 0
        while made < per_category:
            t = draw(con, rng, top)
            if t.rowid in used:
                continue
            q = make(category, t, rng)
            if q is None or not q.strip() or len(q.strip()) > MAX_QUERY:
                continue
            used.add(t.rowid)
            made += 1
            queries.append({
                "category": category, "q": q.strip(), "id": t.id, "rowid": t.rowid,
                "title": t.name if category in FULL_NAME else t.title,
                "full_name": category in FULL_NAME,
                "artist": artist_of(category, t),
            })
    return queries


def artist_of(category, t):
    return t.artists[0] if category in WITH_ARTIST else None


def write(queries, path):
    with open(path, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ceiling_rank(con, query):
    """Where the intended track stands among the tracks that count as found for the query, ordered
    as the contract orders equal matches (popularity, NULL last, then rowid): the best rank any
    engine that finds every such track can give it. exact@k is out of reach when this is k or more."""
    column = "fold" if query["full_name"] else "base_fold"
    rows = con.execute(f"SELECT rowid, popularity, artist_folds FROM tracks WHERE {column} = ?",
                       (fold(query["title"]),)).fetchall()
    artist = fold(query["artist"]) if query["artist"] else None
    mine = next(r for r in rows if r[0] == query["rowid"])
    key = lambda r: (-(r[1] if r[1] is not None else -1), r[0])
    return sum(1 for r in rows
               if key(r) < key(mine) and (artist is None or artist in r[2].split(SEP)))
