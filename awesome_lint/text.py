"""Text repair shared by the matcher and the linter: mojibake (with ftfy) and its lost-byte cases."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from awesome_lint.regex import lazy_compile

# UTF-8 "ﬁ" (EF AC 81) read as cp1252 gives "ï¬" plus an undefined byte that is usually dropped on the way,
# which ftfy cannot restore; the other ligatures' third bytes are visible characters ftfy does handle.
_LOST_FI = lazy_compile(r"ï¬(?=[a-z])")


def _cp1252_continuations() -> str:
    """The characters UTF-8 continuation bytes (0x80-0xBF) become when a file is misread as cp1252/latin-1."""
    out = []
    for byte in range(0x80, 0xC0):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# A UTF-8 lead byte read as Latin-1 (Â..ô) followed by a continuation byte read as cp1252: the shape of
# mojibake (`Ã©`, `â€™`, `ï¬`). Legitimate accented text (`Dollár`, `Perpiñán`) does not have it.
MOJIBAKE_SHAPE = lazy_compile("[\u00c2-\u00f4][" + re.escape(_cp1252_continuations()) + "]")


def repair_mojibake(text: str) -> str:
    """Undo mis-decoded UTF-8 (`Uniï¬ed` -> `Unified`); text without mojibake is returned unchanged."""
    if text.isascii() or not MOJIBAKE_SHAPE.search(text):
        return text
    text = _LOST_FI.sub("fi", text)
    if not MOJIBAKE_SHAPE.search(text):
        return text
    import ftfy

    return ftfy.fix_text(text, normalization="NFC")


def github_anchor(text: str) -> str:
    """The id GitHub gives a heading: lower-case, punctuation dropped except `-` and `_`, spaces to `-`."""
    out: list[str] = []
    for char in text.strip().lower():
        if char == " ":
            out.append("-")
        elif char in "-_" or char.isalnum() or unicodedata.category(char).startswith("M"):
            out.append(char)
    return "".join(out)


def heading_anchor(heading: str, taken: set[str]) -> str:
    """GitHub's id for the next heading of a document: its slug, or the slug with the first `-N` suffix not
    `taken` yet (`A`, `A 1`, `A` give `a`, `a-1`, `a-2`); the id is added to `taken`."""
    base = github_anchor(heading)
    anchor, n = base, 0
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def find_collapsed(haystack: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where whitespace-collapsed `needle` is written in `haystack[start:end]`, with any whitespace between
    its words (a title or author list as parsed, found in the source); None when it is not there."""
    end = len(haystack) if end is None else end
    found = haystack.find(needle, start, end)
    if found >= 0:
        return found, found + len(needle)
    words = needle.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(re.escape(word) for word in words)).search(haystack, start, end)
    return (m.start(), m.end()) if m else None


def starts_with_name(text: str, name: str) -> bool:
    """True when `text` opens with `name` (case-insensitive) as a whole word, as in `X is a ...`."""
    head = text[: len(name)]
    return bool(name) and head.casefold() == name.casefold() and not text[len(name) : len(name) + 1].isalnum()


def reference_label(label: str) -> str:
    """A link reference label as CommonMark matches labels (and mistune keys definitions): whitespace collapsed,
    case folded to upper case."""
    return " ".join(label.split()).lower().upper()


@lru_cache(maxsize=1)
def title_word_shares() -> dict[str, float]:
    """Stem -> share of paper titles it occurs in, for the words common in titles (`title_words.txt`)."""
    # Read next to this module rather than through importlib.resources, whose import costs more than the read.
    with open(os.path.join(os.path.dirname(__file__), "title_words.txt"), encoding="utf-8") as listing:
        text = listing.read()
    shares: dict[str, float] = {}
    for line in text.splitlines():
        share, *words = line.split("#", 1)[0].split() or ("",)
        for word in words:
            shares.setdefault(word_stem(word), float(share))
    return shares


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    """A word without its plural ending (`networks` -> `network`, `properties` -> `property`)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
