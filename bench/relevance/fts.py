"""The baselines: what a user holding the files would build on SQLite's FTS5 instead of this
service, over the scratch copy's FTS5 table of title, artist names and album name (unicode61,
diacritics removed).

  fts-plain   bm25, every word required, the last word also as a prefix
  fts-ranked  the same words, then about a hundred lines of re-ranking: a name equal to the
              query (folded) first, then bm25 with the title weighted above artists and album,
              minus popularity / 20; when fewer than 10 tracks match, a retry in which each word
              of 5 or more letters may also be any indexed word one edit away
"""
import unicodedata

from names import fold

LIMIT = 10


def tokens(q):
    """The words of ``q`` as FTS5's unicode61 tokenizer cuts them (letters, digits, private use)."""
    out, word = [], []
    for ch in fold(q):
        if unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co":
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def quoted(word):
    return '"' + word.replace('"', '""') + '"'


def match_expression(words, alternatives=None):
    """Every word required, the last also as a prefix; a word may have alternatives (OR)."""
    parts = []
    for i, w in enumerate(words):
        last = "*" if i == len(words) - 1 else ""
        options = [quoted(w) + last] + [quoted(a) for a in (alternatives or {}).get(w, [])]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


class Plain:
    name = "fts-plain"

    def __init__(self, con):
        self.con = con

    def warm(self):
        pass

    def search(self, q):
        words = tokens(q)
        if not words:
            return []
        return [r[0] for r in self.con.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?", (match_expression(words), LIMIT))]


class Ranked:
    name = "fts-ranked"

    def __init__(self, con):
        self.con = con
        self.by_deletion = None

    def warm(self):
        self.one_edit("warmup")  # builds the deletion index

    def search(self, q):
        words = tokens(q)
        if not words:
            return []
        folded = fold(q)
        hits = self.ranked(match_expression(words), folded)
        if len(hits) < LIMIT:
            alternatives = {w: self.one_edit(w) for w in words if len(w) >= 5 and w.isalpha()}
            if any(alternatives.values()):
                for rowid in self.ranked(match_expression(words, alternatives), folded):
                    if rowid not in hits:
                        hits.append(rowid)
        return hits[:LIMIT]

    def ranked(self, expression, folded):
        return [r[0] for r in self.con.execute(
            "SELECT f.rowid FROM fts f JOIN tracks t ON t.rowid = f.rowid WHERE fts MATCH ?"
            " ORDER BY t.fold = ? DESC, bm25(fts, 4.0, 2.0, 1.0) - coalesce(t.popularity, 0) / 20.0 LIMIT ?",
            (expression, folded, LIMIT))]

    def one_edit(self, word):
        """Indexed words one edit (replace, drop, add, swap) from ``word``: a deletion index."""
        if self.by_deletion is None:
            self.by_deletion = {}
            for (term,) in self.con.execute("SELECT term FROM fts_terms"):
                if len(term) >= 4 and term.isalpha():
                    for d in deletions(term) | {term}:
                        self.by_deletion.setdefault(d, []).append(term)
        found = set()
        for d in deletions(word) | {word}:
            for term in self.by_deletion.get(d, ()):
                if term != word and one_edit_apart(term, word):
                    found.add(term)
        return sorted(found)


def deletions(word):
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit_apart(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


SYSTEMS = {"fts-plain": Plain, "fts-ranked": Ranked}
