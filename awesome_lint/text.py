"""Text repair shared by the matcher and the linter: mojibake (with ftfy) and its lost-byte cases."""

from __future__ import annotations

import re
import unicodedata

# UTF-8 "ﬁ" (EF AC 81) read as cp1252 gives "ï¬" plus an undefined byte that is usually dropped on the way,
# which ftfy cannot restore; the other ligatures' third bytes are visible characters ftfy does handle.
_LOST_FI = re.compile(r"ï¬(?=[a-z])")


def repair_mojibake(text: str) -> str:
    """Undo mis-decoded UTF-8 (`Uniï¬ed` -> `Unified`); text without mojibake is returned unchanged."""
    import ftfy

    fixed = ftfy.fix_text(text, normalization="NFC")
    return _LOST_FI.sub("fi", fixed)


def github_anchor(text: str) -> str:
    """The id GitHub gives a heading: lower-case, punctuation dropped except `-` and `_`, spaces to `-`."""
    out: list[str] = []
    for char in text.strip().lower():
        if char == " ":
            out.append("-")
        elif char in "-_" or char.isalnum() or unicodedata.category(char).startswith("M"):
            out.append(char)
    return "".join(out)
