"""How the relevance benchmark reads names: folding, the title a person knows, words and scripts."""
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_VERSION = re.compile(r" - [^()\[\]]+$")           # "Night - Radio Edit", "Heart - Remastered 2007"
_FEATURING = re.compile(r" [(\[](?:feat\.|ft\.|with) [^()\[\]]*[)\]]$", re.IGNORECASE)
WORD = re.compile(r"\w+")


def fold(s):
    """Case and accents removed, white space collapsed: how two titles are compared."""
    decomposed = unicodedata.normalize("NFKD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", stripped.casefold())).strip()


def base_title(name):
    """The title as people know it: without a trailing " - Version" and "(feat. ...)"."""
    title = _VERSION.sub("", name)
    title = _FEATURING.sub("", title)
    return title.strip() or name


def script_of(ch):
    """A coarse script name for a letter, or None for anything else."""
    if not ch.isalpha():
        return None
    cp = ord(ch)
    if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
        return "latin"
    if 0x370 <= cp <= 0x3FF or 0x1F00 <= cp <= 0x1FFF:
        return "greek"
    if 0x400 <= cp <= 0x52F:
        return "cyrillic"
    if 0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF:
        return "cjk"
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    return "other"


def scripts(text):
    return {s for s in map(script_of, text) if s}


ACCENTED_SCRIPTS = {"latin", "greek", "cyrillic"}


def strip_accents(text):
    """Without the accents of Latin, Greek and Cyrillic letters (elsewhere, as with kana voicing
    marks, a mark is part of the letter and people do not drop it)."""
    out = []
    for ch in text:
        if script_of(ch) in ACCENTED_SCRIPTS:
            ch = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def has_accent(text):
    return strip_accents(text) != text
