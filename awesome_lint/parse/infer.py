"""Format inference: a list's entry template and its kind of entries, learned from its own items.

Every item is read once on its own. What an item can settle by itself it settles (a `CVPR` link label is a
venue, a quoted string is a title); what it cannot, it asks (is the unknown link label `Ocean Engineering`
a venue? is `Nature Machine Intelligence 2019` one?) and records what it would vote for where it can tell.
The template is the majority of those votes, per top-level section (a list can change format between its
parts) and for the whole list where a section has too few votes; the items that asked are read again with
it. Kinds
work the same way: an item with no evidence of its own (a link to a page that is neither a paper nor a
repository) takes the kind most items of its section, or else of its list, have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from awesome_lint.model import EntryKind, LinkRole
from awesome_lint.parse.fields import (
    BULLET_MARK,
    HAS_YEAR,
    NICK_WORDS,
    Fields,
    Piece,
    Template,
    bold_bracket,
    collapse,
    is_badge,
    is_local_target,
)
from awesome_lint.parse.shapes import (
    PAGE_LABEL,
    is_decoration,
    is_paper_host,
    is_person_link,
    label_kind,
    looks_like_authors,
    looks_like_name,
    looks_like_title,
    sentence_like,
)
from awesome_lint.parse.venues import is_date, read_venue
from awesome_lint.regex import lazy_compile

_GLUED_SLOT = lazy_compile(r"[A-Z][A-Za-z-]{1,15}(?:19|20)\d\d$")  # a name glued to its year: `ACML2022`
_PAREN_SLOT = lazy_compile(r"\(([^()]{2,60})\)\s*$")
# `Names. "Title." Venue(Year).`: names, a quoted title of three words or more, then the year.
_QUOTED_CITATION = lazy_compile(
    r'(?P<names>[^"“”]{3,}?)[.,]?\s*["“](?P<title>[^"“”]+?\s[^"“”]+?\s[^"“”]+?)["”]\W*(?P<rest>.*)'
)
_DESCRIBED = lazy_compile(r"\s+[-–—]\s+\w")  # (` - Basic file format fuzzing tool`: a dash before what a name is)
_SLOTS = lazy_compile(r"(?:\[[^\[\]]{2,40}\]\s*)+[.,;]?")
_SLOT_INNER = lazy_compile(r"\[([^\[\]]{2,40})\]")
_MARKED_WORDS = 4
"""The fewest words a marked paragraph has after its mark: a citation, not a label."""

# A question becomes part of the template when at least this many items vote and this share of them agree.
MIN_VOTES = 2
MIN_SHARE = 0.6

# Code as the subject of research, not code to use: `## Code Generation`, `## Repo-Level Code Completion`.
_CODE_TASKS = (
    "generation|completion|translation|search|summari[sz]ation|review|repair|understanding|intelligence|reasoning|"
    "editing|synthesis|qa|llms?|language models?|agents?|clones?|smells?|retrieval|comprehension|benchmarks?"
)
# Words after which `tool`, `link`, `reference` and `video` name a research topic (`Tool Learning`, `Link
# Prediction`, `Reference-based Super-Resolution`, `Video Generation`), not a part of resources.
_TOPIC_AFTER = (
    r"(?![-\s](?:learning|use|using|usage|calling|augmented|manipulation|prediction|analysis|mining|based|"
    rf"segmentation|recognition|understanding|classification|captioning|detection|{_CODE_TASKS})\b)"
)
_RESOURCE_HEADING = lazy_compile(  # (after `for`, `on`, `in` or `of` the word names a domain: `RAG for Code`)
    rf"\b(?<!for )(?<!on )(?<!in )(?<!of )(projects?|products?|tools?{_TOPIC_AFTER}|toolkits?|toolbox(?:es)?|"
    rf"frameworks?|librar(?:y|ies)|resources?|references?{_TOPIC_AFTER}|reading lists?|blogs?|tutorials?|"
    rf"courses?|lectures?|lecture notes|books?|textbooks?|videos?{_TOPIC_AFTER}|links?{_TOPIC_AFTER}|"
    r"repositories|repos?(?![-\s]level)|software|packages?|other lists|related lists|awesome lists?|"
    rf"implementations?|codes?(?![-\s](?:{_CODE_TASKS})\b)|model analy[sz]ers?|"
    r"pytorch|tensorflow|keras|caffe2?|mxnet|torch|jax|chainer|theano|paddle(?:paddle)?|mindspore)\b",
    re.IGNORECASE,
)
# A heading that opens by naming the people behind the work (`### Research groups & institutes`, `## Labs`): its
# items link their pages, no papers (not `## David Hallac (from Cruise research group)`, whose papers follow).
_PEOPLE_HEADING = lazy_compile(
    r"^\W*(?:research (?:groups?|labs?)|labs|laborator(?:y|ies)|institutes|researchers|scholars)\b", re.IGNORECASE
)
_WORD = lazy_compile(r"[^\W\d_][\w'’-]*")
_IMPLEMENTATIONS = lazy_compile(r"\bimplementations?\b", re.IGNORECASE)
# A heading that names papers lists papers, whatever else it names (`Papers with code`).
_PAPER_HEADING = lazy_compile(r"\bpapers?\b", re.IGNORECASE)
_RESOURCE_TITLE = lazy_compile(r"\b(reading list|awesome[- ]|tutorial|blog)\b", re.IGNORECASE)


Votes = Counter[tuple[str, bool]]


def votes(readings: Iterable[Fields]) -> Votes:
    """How many items answer each template question yes, and how many no."""
    counts: Votes = Counter()
    for fields in readings:
        for question, answer in set(fields.votes):
            counts[question, answer] += 1
    return counts


def learn(counts: Votes, fallback: Votes | None = None) -> Template:
    """The template: each question the items answer often enough, answered as most of them do (yes when at
    least `MIN_SHARE` say yes). A question too few items of `counts` (a section) answer is answered from
    `fallback` (the whole list), and left open when that has too few votes too."""
    questions = sorted({q for q, _a in counts} | {q for q, _a in fallback or ()})
    answers = []
    for question in questions:
        for source in (counts, fallback or Counter()):
            agree, total = source[question, True], source[question, True] + source[question, False]
            if total >= MIN_VOTES:
                answers.append((question, agree >= MIN_SHARE * total))
                break
    return Template(tuple(answers))


def needs_rereading(fields: Fields, template: Template) -> bool:
    """Whether an item's first reading went by an answer the learned template gives differently."""
    return any(template.answer(question) not in (None, used) for question, used in fields.asked)


@lru_cache(maxsize=1024)
def resource_heading(section: tuple[str, ...], part: int | None = None) -> bool:
    """Whether a heading an item stands under names tools, projects, code, references or other resources, and
    not papers: the nearest one, or the heading of the document's part (`section[part]`: `# Resources` /
    `## Posts`, or `## Implementations` / `### PyTorch` below a document title)."""
    nearest = section[-1:]
    if nearest and _PAPER_HEADING.search(nearest[0]):
        return False  # (`# Relevant Projects` / `## Survey Papers`: the nearest heading names papers)
    # A part's heading counts when it is short: `## Implementations`, not `## System Optimization and Frameworks`.
    parts = tuple(h for h in section[part : part + 1] if len(_WORD.findall(h)) <= 3) if part is not None else ()
    return any(
        (_RESOURCE_HEADING.search(heading) or _PEOPLE_HEADING.match(heading)) and not _PAPER_HEADING.search(heading)
        for heading in nearest + parts
    )


def part_level(sections: Iterable[tuple[str, ...]]) -> int | None:
    """Where a document's parts are in its items' heading paths: the top level when it has several top-level
    headings, the level below a lone title heading, or None for a document without parts."""
    paths = [section for section in sections if section]
    if len({path[0] for path in paths}) > 1:
        return 0
    return 1 if len({path[1] for path in paths if len(path) > 1}) > 1 else None


def _known_venue(venue: str) -> bool:
    found = read_venue(venue)
    return found is not None and found.known


def own_kind(fields: Fields, section: tuple[str, ...], has_links: bool, part: int | None = None) -> EntryKind | None:
    """The kind an item's own evidence gives, or None when it has none either way (`part`: where the document's
    parts are, see `part_level`)."""
    if fields.kind == "other":
        return "other"
    if not has_links and not fields.title:
        return "other"
    if fields.implementation:
        return "resource"  # `- [Name](repo) - Official implementation of [_Title_](url)`
    if resource_heading(section) and has_links and _bare_name(fields):
        return "resource"  # `## Resources` / `- Transformers [[Link](https://arxiv.org/abs/...)]`
    under_resources = resource_heading(section, part)
    if under_resources and fields.code_only and fields.arxiv is None:
        return "resource"  # `## Implementations` / `- Title, ICML 2019 [[code]](https://github.com/...)`
    # A venue the table does not know is no strong evidence under a resources heading (`COLLING 2022` under
    # `Tutorial`).
    venue = fields.venue is not None and (not under_resources or _known_venue(fields.venue))
    strong_paper = (
        fields.arxiv is not None
        or (venue and (fields.venue_marked or fields.authors is not None or not fields.resource_evidence))
        # `Title (2015), A. Karpathy and L. Fei-Fei [[pdf]](url)`: a cited paper, whatever its heading names (a
        # linked title is no such link: `## Books` / `- [Title](url), by Duncan J. Watts (2004)` lists books)
        or (
            fields.authors is not None
            and fields.year is not None
            and fields.roles.count("paper") > (fields.title_form == "link")
        )
    )
    if strong_paper:
        return "paper"
    # (under a heading of implementations a dated paper link is a paper's, as the systems it describes are
    # implementations: `### Fuzzing implementations` / `- [2020 - WEIZZ: …](https://…/weizz-issta2020.pdf)`)
    implemented = (
        bool(section)
        and fields.paper_evidence
        and fields.year is not None
        and _IMPLEMENTATIONS.search(section[-1]) is not None
    )
    if under_resources and has_links and not implemented:
        return "resource"
    if _RESOURCE_TITLE.search(fields.title) and fields.arxiv is None and fields.title_link is not None:
        return "resource"
    if fields.resource_evidence:
        return "resource"
    if fields.paper_evidence:
        return "paper"
    return None


def _bare_name(fields: Fields) -> bool:
    """An item that only names something: a short name with no venue, year, authors or citation around it."""
    title = fields.title
    return (
        fields.venue is None
        and fields.year is None
        and fields.authors is None
        and not fields.bracketed
        and 0 < len(title.split()) <= 3
        and not sentence_like(title)
    )


def decide_kind(
    own: EntryKind | None, fields: Fields, has_links: bool, prior: EntryKind | None, paper_form: str = ""
) -> EntryKind:
    """An item's kind: its own evidence, else the kind of its section or list among the kinds the item can be,
    else paper for a linked title.

    An item without a link can be a paper only when its title is set apart the way the list's papers set
    theirs apart (`paper_form`: bold, quoted, followed by further fields); a lone sentence (`1. Use OpenMP
    for the loops.`) stays `other` whatever the list holds.
    """
    if own is not None:
        return own
    if not has_links:
        citation = looks_like_title(fields.title) and len(fields.title.split()) >= 4
        return (
            "paper"
            if prior == "paper" and citation and bool(paper_form) and fields.title_form == paper_form
            else "other"
        )
    return prior or "paper"


def paper_form(readings: Iterable[tuple[Fields, EntryKind | None]]) -> str:
    """How most of the list's papers (by their own evidence) set their title apart (`link`, `bold`, ...)."""
    forms = Counter(fields.title_form for fields, own in readings if own == "paper" and fields.title_form)
    return forms.most_common(1)[0][0] if forms else ""


def majority(kinds: Iterable[EntryKind | None]) -> EntryKind | None:
    """Paper or resource, whichever at least `MIN_SHARE` of the decided items are (other items do not count);
    None when fewer than `MIN_VOTES` items are decided or neither kind has that share."""
    counts = Counter(k for k in kinds if k in ("paper", "resource"))
    total = counts["paper"] + counts["resource"]
    if total < MIN_VOTES:
        return None
    for kind in ("paper", "resource"):
        if counts[kind] >= MIN_SHARE * total:
            return kind  # type: ignore[return-value]
    return None


def _page(pieces: list[Piece], index: int) -> bool:
    """A link to a page one reads: on a paper host, labelled as a blog post or project page, or with a label of
    its own that is not a person's name (`[Reddit post](url)`); never a badge, a video or a file."""
    piece = pieces[index]
    if is_badge(pieces, index) or looks_like_authors(piece.text) or looks_like_name(piece.text):
        return False
    if is_local_target(piece.url):
        return False
    return is_paper_host(piece.url) or bool(PAGE_LABEL.match(piece.text)) or label_kind(piece.text) == "text"


def paper_roles(pieces: list[Piece], roles: list[LinkRole]) -> list[LinkRole]:
    """The link roles of a paper: where no link is the paper's, its one link that is not code, a badge or an
    anchor is (a blog post or a web page listed as a paper: `<ins>Blog, 2023</ins> [[Blog](url)]`)."""
    if "paper" in roles:
        return roles
    links = [i for i, piece in enumerate(pieces) if piece.link]
    candidates = [
        n
        for n, (i, role) in enumerate(zip(links, roles, strict=True))
        if role in ("project", "other")
        and pieces[i].url
        and not pieces[i].url.startswith("#")
        and not is_person_link(pieces[i].url)
        and _page(pieces, i)
    ]
    if len(candidates) != 1:
        return roles
    return [("paper" if n == candidates[0] else role) for n, role in enumerate(roles)]


# A document writes its entries as paragraph blocks when at least this many paragraphs are such blocks.
MIN_BLOCKS = 3
# The most words a linked-title paragraph has besides its links: fields (`, NeurIPS 2019`, `Citation: 128`), no prose.
_LINKED_FIELD_WORDS = 8
_ET_AL_END = lazy_compile(r",?\s*\bet\.?\s*al\.?$")
_YEAR_AFTER_NAMES = lazy_compile(r"\s*\((?:19|20)\d\d\)\.?\s*$")


def paragraph_shape(pieces: list[Piece]) -> str:
    """`block` for a paragraph whose first line is a bold run alone and that goes on after it (`**Title** \\`,
    then authors, venue and links), `bold` for a paragraph that is a bold run alone, else empty. Bracketed dates
    and venues after the bold run belong to its line (`**Title.** [12th Jun. 2017] [NeurIPS, 2017].<br>`)."""
    seen_bold = False
    for number, piece in enumerate(pieces):
        if piece.brk or piece.newline:
            rest = pieces[number + 1 :]
            more = any(p.link or p.text.strip() for p in rest)
            return "block" if seen_bold and more else ("bold" if seen_bold else "")
        if piece.link or piece.image:
            return ""
        if piece.emphasis == "strong":
            seen_bold = seen_bold or bool(piece.text.strip())
        elif piece.text.strip(" \\") and not is_decoration(piece.text) and not (seen_bold and _dated_slots(piece.text)):
            return ""  # (`**Title** :fire: \\`: an emoji after the bold run is decoration)
    return "bold" if seen_bold else ""


def _dated_slots(text: str) -> bool:
    """Text that is only bracketed dates and venues with their years (`[10th Mar. 2021] [ICLR, 2021].`)."""
    slots = _SLOTS.fullmatch(text.strip())
    if slots is None:
        return False
    for inner in _SLOT_INNER.findall(text):
        found = read_venue(inner)
        if not is_date(inner) and (found is None or found.year is None):
            return False
    return True


def paper_block(head: list[Piece], items: list[list[Piece]]) -> bool:
    """Whether a paragraph and the two-item list right after it are one paper: the paragraph carries links or a
    venue/year in emphasis (`DML. *CVPR 2018*.`), the first item is a title and the second an author list
    (`- Title` / `- A and B and C`), neither with a link."""
    if len(items) != 2 or any(p.link or p.image for item in items for p in item):
        return False
    title, authors = ("".join(p.text for p in item).strip() for item in items)
    if not looks_like_title(title) or not looks_like_authors(authors):
        return False
    return any(p.link for p in head) or any(
        p.emphasis and (found := read_venue(p.text.strip(" .,"))) is not None and (found.known or found.year)
        for p in head
    )


def paragraph_entries(shapes: list[str]) -> set[str]:
    """The paragraph shapes a document writes its entries in: each that enough of its paragraphs have (a paragraph
    that is a bold run alone counts where the blocks do)."""
    counts = Counter(shapes)
    shaped = ("block", "split", "citation", "linked", "marked", "titled", "bracketed", "described")
    kinds = {shape for shape in shaped if counts[shape] >= MIN_BLOCKS}
    if counts["described"] and counts["described"] + counts["linked"] >= MIN_BLOCKS:
        kinds |= {"described", "linked"}  # (`[BFF from CERT](url) - Basic …` is linked among `[MiniFuzz](url) - …`)
    return kinds | {"bold"} if "block" in kinds else kinds


def bold_alone(pieces: list[Piece]) -> bool:
    """Whether a paragraph is a bold run alone: text, all of it bold, no link or image (`**Title**`)."""
    shown = [p for p in pieces if p.text.strip()]
    return bool(shown) and not any(p.emphasis != "strong" or p.link or p.image for p in shown)


def split_block(title: list[Piece], names: list[Piece], links: list[Piece]) -> bool:
    """Three paragraphs that make one paper: a bold title alone, emphasised author names alone, then a few words of
    venue and year with paper or code links (`**Title**` / `*Authors*` / `ICLR 2024. [[Paper](url)]`)."""
    bold = [p for p in title if p.text.strip()]
    named = [p for p in names if p.text.strip()]
    if not bold_alone(title):
        return False
    if not named or any(not p.emphasis or p.link or p.image for p in named):
        return False
    if not looks_like_title("".join(p.text for p in bold)):
        return False
    authors = _ET_AL_END.sub("", collapse("".join(p.text for p in named))).strip(" .,")  # (`…, Xiaoming Shi, et.al.`)
    if not (looks_like_authors(authors) or looks_like_name(authors)):
        return False
    rest = "".join(p.text for p in links if not p.link)
    return len(rest.split()) <= _LINKED_FIELD_WORDS and any(
        label_kind(p.text) in ("paper", "code") for p in links if p.link
    )


def titled_paragraph(pieces: list[Piece]) -> bool:
    """A one-line paragraph that is a bold title and its bracketed links, one of them a paper or code link
    (`**Neural graph fingerprints** [[github](url)][[bioRxiv preprint](url)]`); a description may follow it."""
    first = next((n for n, p in enumerate(pieces) if p.link or p.image), len(pieces))
    if first == len(pieces) or any(p.newline or p.brk or p.image for p in pieces):
        return False
    title = "".join(p.text for p in pieces[:first] if p.emphasis == "strong")
    if any(p.text.strip(" [") for p in pieces[:first] if p.emphasis != "strong") or not looks_like_title(title):
        return False
    if "".join(p.text for p in pieces[first:] if not p.link).strip(" []|"):
        return False
    return any(label_kind(p.text) in ("paper", "code") for p in pieces[first:] if p.link)


def bracketed_paragraph(pieces: list[Piece]) -> bool:
    """A one-line paragraph that is a title in plain text, perhaps after a bold name, then bracketed paper or code
    links and perhaps a bold venue: `**PASTA**: Title [[paper](url)] [[code](url)] **NeurIPS 2024**`."""
    first = next((n for n, p in enumerate(pieces) if p.link or p.image), len(pieces))
    if first == len(pieces) or any(p.newline or p.brk or p.image for p in pieces):
        return False
    if not pieces[first - 1 if first else 0].text.endswith("[") or not first:
        return False
    lead = 0
    while lead < first and pieces[lead].emphasis == "strong":
        lead += 1
    name = "".join(p.text for p in pieces[:lead]).strip(" :：")
    title = "".join(p.text for p in pieces[lead:first]).strip(" [").lstrip(":： ")
    if len(name.split()) > NICK_WORDS or any(p.emphasis for p in pieces[lead:first]) or not looks_like_title(title):
        return False
    links = [p for p in pieces[first:] if p.link]
    if any(label_kind(p.text) not in ("paper", "code") for p in links):
        return False
    after = [p for p in pieces[first:] if not p.link and p.text.strip(" []|")]
    return all(p.emphasis == "strong" and len(p.text.split()) <= NICK_WORDS for p in after)  # (a venue, as short)


def linked_paragraph(pieces: list[Piece]) -> bool:
    """A paragraph that is a linked title and a few fields: `[Title](url), NeurIPS 2019 [[code]](url)`, `[Title.
    2018-07-02. AISTATS 2020](url)` with a `Citation: 128` line; other links only paper, code or project links."""
    if pieces and not pieces[0].link and is_decoration(pieces[0].text):
        pieces = pieces[1:]  # `✅[Title](url)`: an emoji before the link is decoration
    pieces = pieces[_lead_before_link(pieces) :]  # `Granier, A., & Senn, W. [**Title**](url) arXiv (2025)`
    if not pieces or not pieces[0].link or pieces[0].image or label_kind(pieces[0].text) != "text":
        return False
    if not looks_like_title(pieces[0].text):
        return False
    if any(p.link and label_kind(p.text) not in ("paper", "code", "project") for p in pieces[1:]):
        return False
    rest = "".join(p.text for p in pieces[1:] if not p.link)
    words = len(rest.split())  # (a long venue name is one field: `, IEEE Transactions on Visualization and …, 2019`)
    return words <= _LINKED_FIELD_WORDS or (words <= 2 * _LINKED_FIELD_WORDS and _venue_and_year(rest))


def described_paragraph(pieces: list[Piece]) -> bool:
    """A one-line paragraph that is a linked name, a dash and what it is (`[MiniFuzz](url) - Basic file format
    fuzzing tool by Microsoft.`), as a list of tools or talks written one paragraph a tool."""
    if len(pieces) < 2 or not pieces[0].link or pieces[0].image or pieces[1].link:
        return False
    if any(p.newline or p.brk or p.image for p in pieces):
        return False
    label = pieces[0].text
    named = label_kind(label) == "text" and len(label.split()) <= NICK_WORDS
    return named and _DESCRIBED.match(pieces[1].text) is not None


def _venue_and_year(text: str) -> bool:
    """A field that names a venue (known or not) with its year (`, IEEE Transactions on Visualization …, 2019`)."""
    found = read_venue(text.strip(" ,.;"))
    return found is not None and found.venue is not None and found.year is not None


def _lead_before_link(pieces: list[Piece]) -> int:
    """Where the first link of a paragraph is, when only names (and the year, `(2018).`) stand before it, on its
    line or the line before, or a short name and a comma or colon (`Anchors, [Title](url)`); 0 otherwise."""
    first = next((n for n, p in enumerate(pieces) if p.link), 0)
    if first == 0 or any(p.image or p.emphasis for p in pieces[:first]):
        return 0
    lead = "".join(p.text for p in pieces[:first])
    names = _YEAR_AFTER_NAMES.sub("", lead).strip(" .,;:")
    short = 0 < len(names.split()) <= 3
    named = short and (lead.rstrip().endswith(":") or (lead.rstrip().endswith(",") and not sentence_like(names)))
    return first if names and (named or looks_like_authors(names)) else 0


def marked_paragraph(pieces: list[Piece]) -> bool:
    """A one-line paragraph that opens with a bracketed bullet or number, as a list item opens with its marker, or
    with a bold bracketed tag, and cites a paper with a link after it: `**[4]** Authors. "Title." Venue. 2012.
    [[pdf]](url)`, `[-] 2015-CVPR - Title. [[Paper]](url)`, `**[Survey]** Authors. Title. TKDE, 2020.
    [[paper](url)]`."""
    if not pieces or pieces[0].link or pieces[0].image or any(p.newline or p.brk for p in pieces):
        return False
    tag = bold_bracket(pieces[0])  # `**[Survey | AIDB]**`, `**[4]**`
    if (tag is None and BULLET_MARK.match(pieces[0].text.lstrip()) is None) or not any(p.link for p in pieces):
        return False
    rest = "".join(p.text for p in pieces if not p.link)
    return len(rest.split()) > _MARKED_WORDS


def citation_paragraph(pieces: list[Piece]) -> bool:
    """A one-line paragraph shaped like a citation: title text, a venue-year slot in bold or parentheses, then
    links labelled paper or code (`Title (**CVPR2024**) [[paper](url)] [[code](url)]`), or names, a quoted title
    and a year before them."""
    if not pieces or pieces[0].link or pieces[0].image or pieces[0].emphasis:
        return False
    first = next((n for n, p in enumerate(pieces) if p.link), -1)
    if first < 0 or label_kind(pieces[first].text) not in ("paper", "code") or any(p.newline for p in pieces):
        return False
    head = pieces[:first]
    if any(p.link and label_kind(p.text) not in ("paper", "code", "project") for p in pieces[first:]):
        return False
    quoted = _QUOTED_CITATION.fullmatch("".join(p.text for p in head).strip())
    if quoted is not None and HAS_YEAR.search(quoted.group("rest")):
        return looks_like_authors(quoted.group("names").strip(" .,"))  # `A, B and C. "Title." ICLR(2021). [[pdf]]`
    plain = "".join(p.text for p in head if not p.emphasis)
    title = plain.split("(")[0] if "(" in plain else plain
    if not looks_like_title(title):
        return False
    slots = [p.text for p in head if p.emphasis] + _PAREN_SLOT.findall("".join(p.text for p in head).rstrip(" ["))
    return any(
        _GLUED_SLOT.match(slot.strip(" ()[]"))
        or (
            (found := read_venue(slot.strip(" ()[]"))) is not None
            and found.year is not None
            and found.venue is not None
        )
        for slot in slots
    )
