"""Author lists: read the styles lists use (`First Last`, `Last, First`, `Last FM`, `F. Last and F. Last`,
`et al`) into names, pick the most complete and correct list of a cluster, and write one style.

The written style is `First Last, First Last` for a complete list and `First Last, First Last et al.` when
a source says there are more authors. A name whose first word starts in lower case (`driana Romero`, not
a particle such as `van` or `de`) was cut at the start; such a name is repaired from a full name with the
same surname elsewhere in the input when exactly one fits, else replaced by a member's initial form of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from awesome_lint.text import repair_mojibake

_AFFILIATIONS = re.compile(r"\s*\(\(\d+\)[^()]*(?:\(\d+\)[^()]*)*\)\s*$")
_AFFILIATION_MARK = re.compile(r"\s*\(\d+(?:,\s*\d+)*\)")
_ET_AL = re.compile(r"[\s,;]*\b(?:et\.?\s*al\.?|and others)\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*(?:\band\b\s*)?")
_INITIAL_GLUED = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")
_NAME_WORD = r"(?:[^\W\d_]|[-'’]){2,}"
_VANCOUVER = re.compile(rf"^(?P<last>{_NAME_WORD}(?: {_NAME_WORD})*?) (?P<initials>[A-Z](?: ?[A-Z]){{0,2}})$")
_GIVEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:-?[A-Z]\.)*)(?: (?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:-?[A-Z]\.)*)){0,2}$")
_SURNAME = re.compile(r"^[A-Z][\w'’-]*$")
_INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*$")
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "del",
        "della",
        "dos",
        "das",
        "le",
        "la",
        "ter",
        "ten",
        "zu",
        "bin",
        "al",
        "el",
        "y",
    ]
)


@dataclass(frozen=True, slots=True)
class Authors:
    """An author list: the names in order, and whether the source said there are more (et al.)."""

    names: tuple[str, ...]
    et_al: bool = False

    def render(self) -> str:
        """`First Last, First Last` or `First Last, First Last et al.` (no final full stop)."""
        text = ", ".join(self.names)
        return f"{text} et al." if self.et_al and text else text

    @property
    def cut(self) -> tuple[int, ...]:
        """Indices of names that look cut at the start (`driana Romero`)."""
        return tuple(i for i, name in enumerate(self.names) if is_cut(name))


def is_cut(name: str) -> bool:
    """True when a name's first word starts in lower case and is not a particle (`iel Gordon`)."""
    words = name.split()
    return len(words) > 1 and words[0][:1].islower() and words[0].casefold() not in _PARTICLES


def surname(name: str) -> str:
    """The last word of a name, case-folded (the key names are compared by)."""
    words = name.replace(".", ". ").split()
    return words[-1].casefold() if words else ""


def parse_authors(text: str | None) -> Authors | None:
    """The names of an author string in any of the styles lists use; None for an empty string."""
    if not text:
        return None
    text = " ".join(repair_mojibake(text).replace("\xa0", " ").split()).strip(" .,;:")
    # arXiv's affiliation style: `A (1), B (2) ((1) Univ. X, (2) Univ. Y)`.
    text = _AFFILIATION_MARK.sub("", _AFFILIATIONS.sub("", text))
    et_al = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).strip(" .,;:")
    if not text:
        return None
    text = _INITIAL_GLUED.sub(r"\1 ", text)
    parts = [p.strip(" .") if not _INITIAL.match(p.strip()) else p.strip() for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) >= 2 and _SURNAME.match(parts[0]) and _GIVEN.match(parts[1]) and " " not in parts[0]:
        # `Last, First[, Second Author]`: only the first author is inverted (BibTeX / Google Scholar style).
        parts = [f"{_dotted(parts[1])} {parts[0]}", *parts[2:]]
    elif all(_VANCOUVER.match(p) for p in parts) and any(len(p.split()) >= 2 for p in parts):
        # `LeCun Y, Denker J S`: surname then initials without full stops.
        parts = [_from_vancouver(p) for p in parts]
    names = [_dotted(p) for p in parts]
    half = len(names) // 2
    if len(names) % 2 == 0 and half >= 2 and names[:half] == names[half:]:
        names = names[:half]
    if len(names) == 1 and " " not in names[0]:
        # A lone surname (`Zhang.`) cites the first author of a longer list.
        et_al = True
    return Authors(tuple(names), et_al)


def _from_vancouver(part: str) -> str:
    m = _VANCOUVER.match(part)
    assert m is not None
    initials = " ".join(f"{c}." for c in m.group("initials").replace(" ", ""))
    return f"{initials} {m.group('last')}"


def _dotted(name: str) -> str:
    """Single capitals before the surname written without a full stop become initials (`Nicholas D Lane`)."""
    words = name.split()
    return " ".join(f"{w}." if len(w) == 1 and w.isupper() and i < len(words) - 1 else w for i, w in enumerate(words))


def known_names(texts: Iterable[str | None]) -> frozenset[str]:
    """Every name the author strings give, none of them cut (the pool cut names are repaired from)."""
    return frozenset(
        name for authors in map(parse_authors, texts) if authors for name in authors.names if not is_cut(name)
    )


def _completeness(authors: Authors) -> tuple[int, int, int, int]:
    """Sort key, larger is better: no cut names, more names, a complete list, more full given names."""
    full = sum(1 for name in authors.names if not _INITIAL.match(name.split()[0]) and len(name.split()) > 1)
    return (-len(authors.cut), len(authors.names), not authors.et_al, full)


def best_authors(texts: Sequence[str | None], known: Iterable[str] = ()) -> Authors | None:
    """The most complete and correct author list of a cluster, its cut names repaired where the input allows.

    `texts` are the members' author strings in input order; `known` is every name in the whole input (parsed),
    used to repair a cut name from a full name with the same surname.
    """
    parsed = [a for a in (parse_authors(t) for t in texts) if a is not None and a.names]
    if not parsed:
        return None
    by_names = max(parsed, key=lambda a: (len(a.names), not a.et_al))
    if by_names.cut:
        by_names = _repair(by_names, [name for a in parsed for name in a.names], known)
    return max([by_names, *parsed], key=_completeness)


def _repair(authors: Authors, cluster_names: Sequence[str], known: Iterable[str]) -> Authors:
    """Repair each cut name from the one given name elsewhere with the same surname that ends with the cut
    word (`ndrew G. Howard` + `Andrew Howard` -> `Andrew G. Howard`), else use a member's initial form of it."""
    names = list(authors.names)
    pool = {n for n in (*cluster_names, *known) if not is_cut(n)}
    for index in authors.cut:
        fragment = names[index]
        first, _, rest = fragment.partition(" ")
        key = surname(fragment)
        given = {
            n.split()[0]
            for n in pool
            if surname(n) == key and len(n.split()) > 1 and n.split()[0].endswith(first) and n.split()[0] != first
        }
        if len(given) == 1:
            names[index] = f"{given.pop()} {rest}"
            continue
        initial = [n for n in cluster_names if surname(n) == key and not is_cut(n)]
        if initial:
            names[index] = initial[0]
    return Authors(tuple(names), authors.et_al)
