"""GFM tables: a mistune block rule that keeps cell positions, and the reading of a row as an entry.

Each body row of a table with a title column is an entry. Columns are mapped from the header (Title/Paper/
Name, Venue/Conference/Publication, Year/Date, Code/GitHub/Implementation, Authors, Type/Topic as tags,
Paper/PDF/Link as the paper link) and, where the header says nothing known, from what the column's cells hold
(mostly venues, mostly years, mostly code links). The title column is chosen by content first (a column of
linked titles), then by header word: Title/Paper, then Name/Project/Dataset/Benchmark, then Method/Model; a
title-named column of short comma-separated tags beside it is tags. A table of datasets lists resources.
"""

from __future__ import annotations

import re
from typing import Any

from awesome_lint.parse.fields import (
    NEUTRAL,
    Fields,
    Piece,
    Template,
    badge_role,
    code_role,
    collapse,
    finish,
    is_badge,
    recognise,
)
from awesome_lint.parse.shapes import (
    is_code_host,
    is_decoration,
    label_kind,
    looks_like_authors,
    looks_like_name,
    looks_like_title,
)
from awesome_lint.parse.venues import VenueField, read_venue, year_of
from awesome_lint.regex import lazy_compile

# A header row with a pipe, then a delimiter row (`|:---|---:|`).
TABLE_PATTERN = (
    r"^ {0,3}(?P<table_head>[^\n]*\|[^\n]*)\n"
    r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\n|$)"
)
_HEADER_MARKUP = lazy_compile(r"[*_`:|]")
_HEADER_PLURAL = lazy_compile(r"\((?:e?s)\)", re.IGNORECASE)
_YEAR_CELL = lazy_compile(r"\s*(?:19|20)\d\d(?:[/.-]\d{1,2})*\s*")
_YEAR = lazy_compile(r"(?:19|20)\d\d")
# A venue's code glued to a two-digit year, perhaps with a note (`SLT18`, `ICMI16`, `EMNLP20 findings`), and a year
# alone (`08`, `(2009)`): in a venue column, where nothing else can be meant.
_GLUED_CODE = lazy_compile(
    r"(?P<name>[A-Za-z][A-Za-z&/-]{1,15}?)(?P<year>\d\d)(?:\s+(?P<note>[A-Za-z][A-Za-z ]{0,30}))?"
)
_YEAR_ALONE = lazy_compile(r"\(?(?P<year>\d\d|(?:19|20)\d\d)\)?")
_TAG_SEP = lazy_compile(r"[,;/]")
_BLOCK_START = lazy_compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|```|~~~|[-*+][ \t]|\d{1,9}[.)][ \t])")

Token = dict[str, Any]

# Header words by column role; a header is matched after Markdown and punctuation are removed.
_HEADERS: tuple[tuple[str, str], ...] = (
    (
        "title",
        r"titles?|paper titles?|title (?:&|and) (?:authors?|links?)|names?|works?|methods?|models?|articles?|projects?|"
        r"datasets?|benchmarks?",
    ),
    ("paper", r"papers?|research papers?|pdfs?|arxiv|links? to paper|paper links?|preprints?|preprint links?"),
    ("project", r"project pages?|project (?:web)?sites?|homepages?|home pages?|websites?|project links?"),
    ("links", r"links?|urls?|resources?|materials?|data(?:set)? links?|papers? (?:/|&|and) codes?"),
    ("code_or_data", r"data(?:sets?)?\s*(?:/|&|and)\s*codes?|codes?\s*/\s*data(?:sets?)?"),
    ("venue", r"venues?|conf(?:erence)?s?|publications?|published(?: in| at)?|journals?|pub|where|proceedings"),
    ("year", r"years?|dates?|time|(?:pub|publication|published|publish|release) dates?|released?"),
    (
        "code",
        r"codes?|github|implementations?|repos?|repositor(?:y|ies)|source(?: code)?|official code|"
        r"(?:code|github|repo) (?:links?|urls?)|"
        r"codes? (?:&|and) (?:weights|models?|checkpoints?|data)|weights|checkpoints?",
    ),
    ("nickname", r"abbreviations?|abbr|short names?|nicknames?|acronyms?"),
    ("authors", r"authors?|authors? list|first authors?|lead authors?|(?:the )?first and last authors?"),
    ("tags", r"types?|topics?|categor(?:y|ies)|tags?|tasks?|keywords?|areas?|fields?|method types?|labels?"),
    (
        "ignore",
        r"introductions?|descriptions?|summary|abstracts?|notes?|comments?|remarks?|stars?|#|no|index|"
        r"images?|figures?|overview|tl;?dr|highlights?|contributions?|key contributions?|main idea|idea",
    ),
)
_HEADER_RES = tuple((role, lazy_compile(rf"^(?:{words})$", re.IGNORECASE)) for role, words in _HEADERS)
# Title headers that rank below Title/Paper: a name (1), then a method or model (2).
_NAME_HEADER = lazy_compile(r"^(?:names?|projects?|datasets?|benchmarks?)$", re.IGNORECASE)
_METHOD_HEADER = lazy_compile(r"^(?:methods?|models?)$", re.IGNORECASE)
_NUMBER_HEADER = lazy_compile(r"^(?:no|#|index)$", re.IGNORECASE)
_DATASET_HEADER = lazy_compile(r"^(?:datasets?|benchmarks?)$", re.IGNORECASE)


def parse_table(block: Any, m: re.Match[str], state: Any) -> int | None:
    """The block rule: a GFM table (header, delimiter, rows up to a blank line or another block)."""
    head_line = m.group("table_head")
    header = split_row(head_line)
    delimiter_line = state.src[m.start() : m.end()].split("\n")[1]
    delimiter = split_row(delimiter_line)
    if len(header) != len(delimiter):
        return None
    pos = m.end()
    lines = [state.src[m.start() : m.end()].split("\n")[0], delimiter_line]
    rows: list[list[tuple[int, str]]] = []
    while pos < state.cursor_max:
        line = state.get_line(pos)
        text = line.rstrip("\n")
        if not text.strip() or _BLOCK_START.match(text) or "|" not in text:
            break
        cells = split_row(text)
        width = len(header)
        cells = (cells + [(len(text.rstrip()), "")] * width)[:width]
        rows.append(cells)
        lines.append(text)
        pos += len(line)
    head = {
        "type": "table_head",
        "children": [
            {"type": "table_cell", "text": text, "attrs": {"head": True}, "_col": col, "_line": 0}
            for col, text in header
        ],
    }
    body = {
        "type": "table_body",
        "children": [
            {
                "type": "table_row",
                "children": [
                    {"type": "table_cell", "text": text, "attrs": {"head": False}, "_col": col, "_line": n + 2}
                    for col, text in cells
                ],
                "_line": n + 2,
            }
            for n, cells in enumerate(rows)
        ],
    }
    state.append_token({"type": "table", "children": [head, body], "_table_text": "\n".join(lines)})
    return pos


def split_row(line: str) -> list[tuple[int, str]]:
    """The cells of a table row as (column where the cell's text starts, text), pipes `\\|` kept escaped."""
    end = len(line.rstrip())
    start = len(line) - len(line.lstrip())
    if line.startswith("|", start):
        start += 1
    if end > start and line[end - 1] == "|" and not _escaped(line, end - 1):
        end -= 1
    cells: list[tuple[int, str]] = []
    cell_start = start
    pos = start
    while pos <= end:
        if pos == end or (line[pos] == "|" and not _escaped(line, pos)):
            raw = line[cell_start:pos]
            lead = len(raw) - len(raw.lstrip())
            cells.append((cell_start + lead, raw.strip()))
            cell_start = pos + 1
        pos += 1
    return cells


def _escaped(text: str, pos: int) -> bool:
    count = 0
    pos -= 1
    while pos >= 0 and text[pos] == "\\":
        count += 1
        pos -= 1
    return count % 2 == 1


def header_role(text: str) -> str | None:
    """The role a header names (`Title`, `Venue`, `Code`, ...), or None for a header not known."""
    text = _header_text(text)
    for role, pattern in _HEADER_RES:
        if pattern.match(text):
            return role
    return None


def _header_text(text: str) -> str:
    """A header's words: no Markdown, no plural `(s)` (`Author(s)`), no full stops (`Pub. Date`)."""
    return collapse(_HEADER_MARKUP.sub(" ", _HEADER_PLURAL.sub("", text)).replace(".", " "))


def _title_rank(header: str) -> int:
    """How strongly a title header names the title: Title/Paper 0, Name/Project 1, Method/Model 2."""
    text = _header_text(header)
    if _METHOD_HEADER.match(text):
        return 2
    return 1 if _NAME_HEADER.match(text) else 0


def _venue_cell(text: str) -> VenueField | None:
    """A venue column's cell as a venue field: as `read_venue` reads it, or a code glued to a two-digit year
    (`SLT18`: SLT, 2018; `EMNLP20 findings`: EMNLP Findings, 2020), or a year alone (`08`, `(2009)`)."""
    found = read_venue(text)
    if found is not None and (found.year is not None or found.known):
        return found
    cell = " ".join(text.split())
    alone = _YEAR_ALONE.fullmatch(cell)
    if alone is not None:
        return VenueField(None, year_of(alone.group("year")), False)
    glued = _GLUED_CODE.fullmatch(cell)
    if glued is None:
        return found
    note = glued.group("note") or ""
    named = read_venue(f"{glued.group('name')} {note}".strip())
    if named is not None and named.known and named.venue is not None:
        return VenueField(named.venue, year_of(glued.group("year")), True)
    return VenueField(glued.group("name"), year_of(glued.group("year")), False, None, note or None)


def column_roles(header: list[str], rows: list[list[list[Piece]]]) -> list[str]:
    """Each column's role: from its header, else from what most of its cells hold."""
    roles = [header_role(h) or "" for h in header]
    # A column the header names as the title (`Method`) that holds no titles leaves the table without one: no other
    # column is taken for it by its text (`| Method | Transfer Scenario | … |` lists results, not papers).
    named_title = "title" in roles
    entry_table = any(role in ("title", "paper", "venue", "year", "code", "code_or_data", "authors") for role in roles)
    columns = [[row[col] for row in rows if col < len(row)] for col in range(len(roles))]
    # The title column by content first (linked titles), then by header word (Title/Paper, Name, Method/Model).
    # A Method/Model column of names is the title where a venue column links each row's paper (`| EDSR | [CVPR17](url)
    # | [PyTorch](url) |`); without such links it names the rows of a results table.
    # So is one where a paper column links each row's paper under the name of where it appeared (`| scGPT | 2024 |
    # [Nature Methods](url) |`).
    named_rank = (
        2
        if any(
            (role == "venue" or (role == "paper" and not _titles(columns[col]))) and _linked(columns[col])
            for col, role in enumerate(roles)
        )
        else 1
    )
    # A Title/Paper column may name some papers by their model alone (`**Video-XL-2**`) where a column links each
    # row's paper.
    linked_papers = any(role in ("paper", "links") and _links(columns[col], "paper") for col, role in enumerate(roles))
    candidates = [
        col
        for col, role in enumerate(roles)
        if role in ("title", "paper")
        and (
            _titles(columns[col])
            or (role == "title" and _title_rank(header[col]) == 2 <= named_rank and _named(columns[col]))
            or (
                role == "title"
                and (_title_rank(header[col]) == 1 or (_title_rank(header[col]) == 0 and linked_papers))
                and _named_or_titled(columns[col])
            )
        )
    ]
    best = (
        min(candidates, key=lambda col: (not _linked_titles(columns[col]), _title_rank(header[col])))
        if candidates
        else -1
    )
    for col, role in enumerate(roles):
        cells = columns[col]
        if col == best:
            roles[col] = "title"
        elif role == "title" and _tag_cells(cells):
            roles[col] = "tags"
        elif role == "title":
            roles[col] = "paper" if _links(cells, "paper") else "ignore"
    # A table whose header row says nothing (`|<img width=87/>||<img width=115/>|`) lists papers where a column
    # links them.
    headless = not any(h.strip() for h in header) and any(_links(column, "paper") for column in columns)
    for col, role in enumerate(roles):
        if role:
            continue
        cells = [row[col] for row in rows if col < len(row) and _cell_text(row[col])]
        if not cells:
            roles[col] = "ignore"
            continue
        share = 0.6 * len(cells)
        venues = sum(1 for c in cells if (v := read_venue(_cell_text(c))) is not None and v.known)
        years = sum(1 for c in cells if _YEAR_CELL.fullmatch(_cell_text(c)))
        code = sum(1 for c in cells if any(p.link and is_code_host(p.url) for p in c))
        if not entry_table and not header[col].strip() and "title" not in roles and _linked_names(cells):
            roles[col] = "title"  # no header says what the table lists: a first column of names with their links
        elif venues >= share:
            roles[col] = "venue"
        elif years >= share:
            roles[col] = "year"
        elif code >= share:
            roles[col] = "links" if _links(cells, "paper") else "code"  # `[[paper](url)] [[code](url)]`: each by label
        elif "title" not in roles and (entry_table or headless) and not named_title and _titles(cells):
            roles[col] = "title"
        else:
            roles[col] = "ignore"
    if "title" not in roles and entry_table:
        # `| Resource | Date | Link |` / `| Title of the paper | 2026-07 | [Link](url) |`: the named column is the title
        for col, role in enumerate(roles):
            if role == "links" and not any(p.link for cell in columns[col] for p in cell) and _titles(columns[col]):
                roles[col] = "title"
                break
    if "title" in roles and _DATASET_HEADER.match(_header_text(header[roles.index("title")])):
        roles[roles.index("title")] = "dataset"  # `| Dataset | Year | Size | Link |`: each row names a dataset
    if "year" not in roles and "title" in roles:
        for col, role in enumerate(roles):
            if role != "ignore" or not _NUMBER_HEADER.match(_header_text(header[col])):
                continue
            texts = [text for cell in columns[col] if (text := _cell_text(cell))]
            if texts and all(_YEAR_CELL.fullmatch(text) for text in texts):
                roles[col] = "year"  # (`| **No.** | … |` whose every cell is a year: `| 2022 | arXiv05 | … |`)
    return roles


def _cell_text(pieces: list[Piece]) -> str:
    return collapse("".join(p.text for p in pieces if not p.image))


def _titles(cells: list[list[Piece]]) -> bool:
    """Most cells hold a title: a link with a title-like label, or several words of text. A label that several
    cells give links to different places names where the papers are (`[bioRxiv](url)`, `[Nature Methods](url)`)."""
    found = 0
    targets: dict[str, set[str]] = {}
    for cell in cells:
        labels = [p for p in cell if p.link and label_kind(p.text) == "text"]
        # (tags as code spans and emoji, `:blue_square: `SVOS``, are no title)
        text = labels[0].text if labels else collapse("".join(p.text for p in cell if not p.image and not p.code))
        if labels:
            targets.setdefault(text.lower(), set()).add(labels[0].url)
        if (looks_like_title(text) and not is_decoration(text)) or (labels and text):
            found += 1
    found -= sum(len(urls) for urls in targets.values() if len(urls) > 1)
    return bool(cells) and found >= 0.6 * len(cells)


def _linked_titles(cells: list[list[Piece]]) -> bool:
    """Most cells open with a link whose label reads as a title (`[Title](url)`)."""
    found = sum(
        1 for cell in cells if any(p.link and label_kind(p.text) == "text" and looks_like_title(p.text) for p in cell)
    )
    return bool(cells) and found >= 0.6 * len(cells)


def _named(cells: list[list[Piece]]) -> bool:
    """Every cell names something in a few words of text."""
    return bool(cells) and all(0 < len(_cell_text(cell).split()) <= 4 for cell in cells)


def _named_or_titled(cells: list[list[Piece]]) -> bool:
    """Every cell holds a title or names something in a few words."""
    return bool(cells) and all(0 < len(text.split()) <= 4 or looks_like_title(text) for text in map(_cell_text, cells))


def _tag_cells(cells: list[list[Piece]]) -> bool:
    """Every non-empty cell is short comma-separated tags without a link (`Reward Model, GRPO`)."""
    texts = [(cell, _cell_text(cell)) for cell in cells]
    texts = [(cell, text) for cell, text in texts if text.strip(" -")]
    return bool(texts) and all(
        not any(p.link for p in cell) and all(len(part.split()) <= 3 for part in _TAG_SEP.split(text))
        for cell, text in texts
    )


def _linked_names(cells: list[list[Piece]]) -> bool:
    """Every cell names something in its text and links it (`DeepSpeed [[Code](url)]`, `[vLLM](url)`)."""
    return bool(cells) and all(
        (
            any(p.link and p.url and not p.url.startswith("#") for p in cell)
            and any(p.text.strip(" []()|-") for p in cell if not p.link and not p.image)
        )
        or any(p.link and label_kind(p.text) == "text" for p in cell)
        for cell in cells
    )


def _linked(cells: list[list[Piece]]) -> bool:
    """Most cells hold a link with an address."""
    return sum(1 for c in cells if any(p.link and p.url for p in c)) >= 0.6 * len(cells)


def _links(cells: list[list[Piece]], kind: str) -> bool:
    return sum(1 for c in cells if any(p.link and label_kind(p.text) == kind for p in c)) >= 0.6 * len(cells)


def _closing_tag(cell: list[Piece]) -> tuple[list[Piece], str]:
    """A title cell without the short code span that closes it (`| Title `DOTA` |`), and that span's text, a tag;
    the cell as it is and "" where no such span closes a title."""
    last = next((n for n in range(len(cell) - 1, -1, -1) if cell[n].text.strip() or cell[n].link), -1)
    if last <= 0 or not cell[last].code or cell[last].link:
        return cell, ""
    tag = collapse(cell[last].text)
    if not 0 < len(tag) <= 20 or len(tag.split()) > 2 or not any(ch.isalpha() for ch in _cell_text(cell[:last])):
        return cell, ""
    return cell[:last], tag


def _joined_title(cell: list[Piece]) -> list[Piece]:
    """A title cell without a link whose `<br>` wraps the title (`Title with <br/>more words`): the break is a space,
    unless authors, a venue or a year follow it (`Title <br> Authors`)."""
    if not any(p.brk for p in cell) or any(p.link for p in cell):
        return cell
    out: list[Piece] = []
    for number, piece in enumerate(cell):
        if piece.brk:
            rest = cell[number + 1 :]
            stop = next((i for i, p in enumerate(rest) if p.brk), len(rest))
            after = _cell_text(rest[:stop])
            found = read_venue(after) if after else None
            field = found is not None and (found.known or found.year is not None)
            if after and not field and not looks_like_authors(after) and _cell_text(out):
                out.append(Piece(" ", emphasis=piece.emphasis, html=piece.html))
                continue
        out.append(piece)
    return out


def read_row(
    cells: list[list[Piece]],
    roles: list[str],
    section: tuple[str, ...],
    heading_year: int | None,
    template: Template = NEUTRAL,
) -> tuple[list[Piece], Fields] | None:
    """A table row as an entry: its pieces (cells in order) and fields; None for a row without a title. A row of a
    table of datasets (its title column headed Dataset or Benchmark) is a resource, its links the dataset's pages."""
    title_col = next((col for col, role in enumerate(roles) if role in ("title", "dataset")), -1)
    if title_col < 0:
        return None
    title_cell = cells[title_col]
    if not any(ch.isalpha() for ch in _cell_text(title_cell)) and not any(p.link for p in title_cell):
        return None  # (`| - |`, `| ✓ |`, `| 12 |`: no title)
    read, tag = _closing_tag(title_cell)
    fields = recognise(_joined_title(read), section, None, template)
    if tag and tag not in fields.tags:
        fields.tags.append(tag)
    if not fields.title and fields.authors is not None and fields.title_link is None:
        fields.title, fields.authors = fields.authors, None  # `| **Listen, Attend and Spell** |`: the title column
    roles_by_piece: dict[int, str] = {}
    pieces: list[Piece] = []
    title_offset = 0
    column_year: int | None = None
    venue_year: int | None = None
    posted = False  # the year column holds a date (`2023.10`): when a preprint was posted, not the venue's year
    for col, cell in enumerate(cells):
        if pieces:
            pieces.append(Piece(" "))
        if col == title_col:
            title_offset = len(pieces)
        for piece in cell:
            if piece.link:
                roles_by_piece[len(pieces)] = roles[col]
            pieces.append(piece)
        text = _cell_text(cell)
        role = roles[col]
        if role == "venue" and text.strip(" -"):
            found = _venue_cell(text)
            if found is not None:
                fields.venue = found.venue if found.venue is not None else fields.venue
                fields.venue_raw = text if found.venue is not None else fields.venue_raw
                fields.year = found.year if found.year is not None else fields.year
                venue_year = found.year if found.venue is not None else None
                if found.note:
                    fields.notes.append(found.note)
        elif role == "year":
            m = _YEAR.search(text)
            if m:
                column_year = int(m.group(0))
                posted = text.strip(" *_") != m.group(0)
            found = read_venue(text) if fields.venue is None and any(c.isalpha() for c in text) else None
            if found is not None and found.known and found.year is not None:
                fields.venue, fields.venue_raw = found.venue, text  # `| CVPR24 |` under a `Time` header
                column_year = found.year
        elif role == "paper" and fields.venue is None and col != title_col:
            label = next((p.text for p in cell if p.link and not p.image), "")
            found = read_venue(label) if label else None
            if found is not None and found.known and found.venue is not None:
                fields.venue, fields.venue_raw = found.venue, label  # `| [Nature Methods](url) |`: where it appeared
                fields.year = fields.year if found.year is None else found.year
        elif role == "nickname" and text.strip(" -"):
            fields.nickname = text  # `| **GeoKR** | **Title** | ...`: an Abbreviation column
        elif role == "authors" and (looks_like_authors(text) or looks_like_name(text)):
            fields.authors = text  # (one name under `First Author`)
        elif role == "tags":
            tags = [collapse(p.text) for p in cell if p.code] or [t.strip() for t in _TAG_SEP.split(text)]
            fields.tags.extend(t for t in tags if t and t != "-" and t not in fields.tags)
    if column_year is not None and not (posted and venue_year is not None):
        fields.year = column_year  # (`| 2023.10 | Title | S&P'24 |`: the venue's year)
    if fields.title_link is not None:
        fields.title_link += title_offset
    links = [i for i, p in enumerate(pieces) if p.link]
    title_links = [i for i in links if title_offset <= i < title_offset + len(title_cell)]
    new_roles = []
    old = iter(fields.roles)
    for i in links:
        if i in title_links:
            new_roles.append(next(old))
            continue
        role = roles_by_piece.get(i, "")
        if is_badge(pieces, i):
            new_roles.append(badge_role(pieces, i))
        elif role == "code":
            new_roles.append(code_role(pieces[i].url))
        elif role == "paper":
            new_roles.append("paper")
        elif role == "project":
            new_roles.append(code_role(pieces[i].url) if is_code_host(pieces[i].url) else "project")
        elif role == "code_or_data":  # (`Data/Code`: code on a code host, else the data's page)
            new_roles.append(code_role(pieces[i].url) if is_code_host(pieces[i].url) else "other")
        else:
            kind = label_kind(pieces[i].text)
            if kind == "code" or (kind not in ("paper", "project") and is_code_host(pieces[i].url)):
                new_roles.append(code_role(pieces[i].url))
            else:
                new_roles.append(kind if kind in ("paper", "project") else "other")  # type: ignore[arg-type]
    fields.roles = new_roles  # type: ignore[assignment]
    if roles[title_col] == "dataset":
        fields.roles = ["project" if role == "paper" else role for role in fields.roles]  # (`[Link](url)`: its page)
        fields.paper_evidence, fields.resource_evidence = False, True
    finish(fields, pieces, section, heading_year)
    return pieces, fields
