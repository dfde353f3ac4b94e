"""Entry field reader: title, authors, year, venue, tags, nickname and link roles from one list item.

An item is read as a template of parts, whatever list it is in: a lead (tags, a `YEAR-VENUE` prefix, a
venue link or bracket, authors), a title (a link label, quoted or bold text, or the leading text up to the
first field that is not part of it), and a tail of fields (venue, year, authors, notes) split at `<br>`,
`<ins>`, brackets, `|`, ` - `, full stops and commas. Where a part could be read two ways (is this link
label a venue or a title? is this unknown name a venue?), the item asks the list's `Template`, learned
from the other items of the list (see `infer.py`), and records what it would vote for.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit

from awesome_lint import arxiv_id
from awesome_lint.model import EntryKind, LinkRole
from awesome_lint.parse.shapes import (
    COUNT,
    EMOJI,
    VENUE_WORD,
    badge_kind,
    host,
    is_citation_link,
    is_code_host,
    is_decoration,
    is_media_host,
    is_notes_file,
    is_owner_repo,
    is_paper_host,
    is_person_link,
    is_repository,
    is_resource_host,
    is_shop,
    is_venue_label,
    is_venue_page,
    label_kind,
    leading_decoration,
    looks_like_authors,
    looks_like_name,
    looks_like_title,
    sentence_like,
    shields_segments,
    undecorated,
)
from awesome_lint.parse.venues import (
    DOCUMENT_TYPES,
    HOST_VENUES,
    VenueField,
    has_venue_words,
    is_date,
    known_short,
    name_in_year,
    read_slot,
    read_venue,
    short_name,
    split_words,
    venue_from_citation,
    year_of,
)
from awesome_lint.regex import lazy_compile
from awesome_lint.text import title_word_shares, word_stem

_TAG = lazy_compile(r"【([^】]*)】")
_YEAR = lazy_compile(r"(?<![\d.:/-])(19[5-9]\d|20[0-4]\d)(?!\d|[-–](?:19|20)\d\d)")  # (no end of a range)
_BRACKET_VENUE = lazy_compile(
    r"\[\s*(?P<venue>[A-Za-z][A-Za-z0-9 .&/-]*?)\s*['’`]\s*(?P<year>\d{4}|\d{2})\s*(?:,[^\]]*)?\]\s*=?"
)
_PREFIX_VENUE = lazy_compile(
    r"^\s*(?P<year>(?:19|20)\d\d)(?:(?:\s*-\s*|\s+)(?:(?P<venue>[A-Za-z][A-Za-z0-9 ]*?)(?:\((?P<note>[^)]*)\))?"
    r"(?:\s*-\s*|\s*$))?)?\s*$"
)
_TITLE_VENUE_YEAR = lazy_compile(r"^(?P<title>.+?),\s*(?P<venue>[^,]*?[A-Za-z][^,]*?)\s+(?P<year>\d{4})\s*,?\s*$")
_BRACKETED = lazy_compile(r"\[([^\[\]]+)\]")
_CITATION_LEAD = lazy_compile(r"^[\s.,:;]*(?:\[[JCMDA]\][\s.,:;/]*)*(?:In\s+)?", re.IGNORECASE)
_PAREN_NOTE = lazy_compile(r"^\s*\(([^()]*)\)\s*$")
# A parenthesis before a remark set off by a dot, a dash or an emoji (`(ACL'24 Findings) · Chinese`, `(KDD'26) ⭐`).
_PAREN_BEFORE_REMARK = lazy_compile(rf"^\s*\(([^()]*)\)\s*(?=[·•—–]|-\s|{EMOJI})")
_QUOTED_AFTER = lazy_compile(r'\s(?:"(?P<a>[^"]{8,})"|“(?P<b>[^”]{8,})”|\'\'(?P<c>[^\']{8,})\'\')\s*')
_BY_AUTHORS = lazy_compile(
    r"^[\s,]*by\s+(?:by\s+)?(?P<names>[^()\[\]]+?)\s*(?:\((?:19|20)\d\d\))?[\s.]*$", re.IGNORECASE
)
_BY_LEAD = lazy_compile(r"^[\s,]*by\s+")
HAS_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
"""A year of this century or the last, as a word (`2019`, not `12019`)."""
_NAMES_PAREN = lazy_compile(r"(?P<names>[^()]+?)\s*\((?P<rest>[^()]+)\)")
_DOUBLE_DASH = lazy_compile(r"(?<!\S)[-–]\s*(?:\[\s*\]\s*)?(?=[-–]\s)")
_BRACKET_NICK = lazy_compile(
    r"(?:\[(?P<lead>[\w.+-]{2,20})\]\s*)?(?P<title>[^\[\]]*?[^\[\]\s])(?(lead)|(?:\s*\[(?P<end>[\w.+-]{2,20})\])?)"
)
_MISSING_LINK = lazy_compile(r"\s*(?:no|without)\s+(?:code|paper|pdf|link|project)\b", re.IGNORECASE)
_GLUED_ET_AL = lazy_compile(r"\bet\.al\b")
_ET_AL = lazy_compile(r"\bet\.?\s*al\b\.?")
_NAME_CITED = lazy_compile(r"(?P<name>[^()]{1,60}?)\s*\((?P<names>[^()]+?),\s*(?P<year>(?:19|20)\d\d)\)")
# Two surnames cited together (`Licari and Comande`, `Kim & Park`).
_TWO_SURNAMES = lazy_compile(r"[A-Z][\w'’-]+ (?:and|&) [A-Z][\w'’-]+")
_TITLE_YEAR = lazy_compile(r"(?<=[\w)])\s+((?:19|20)\d\d)\.\s*$")
_BIBTEX_AND = lazy_compile(r"\s+and\s+")
_BARE_INITIAL = lazy_compile(r"\b([A-Z])(?=\s|$)")
# A full stop glued to a name and a year (`registration algorithms.ICRA 2019.`, `acceleration.ICRA, 2018.`,
# `Oudeyer.arXiv 2018`).
_GLUED_VENUE = lazy_compile(r"(?<=[a-z)])\.(?=(?P<venue>[A-Za-z][A-Za-z&-]{1,15})[ ,]+(?:19|20)\d\d\b)")
# A year alone after a title, `Title (2019)` (the cut may fall after `（`) or `Title. 2021`.
_YEAR_ALONE_AFTER = lazy_compile(r"(?:\s*[(（]?\s*(?:19|20)\d\d\s*[)）]|[.,]\s*(?:19|20)\d\d)[\s.]*")
_ENDS_WITH_INITIAL = lazy_compile(r"(?:^|\s)[A-Z]$")
_SURNAME_STOP = lazy_compile(r"^[A-Z][\w'’-]+\.\s")
_VENUE_LABEL_CHARS = 40
"""The longest link label read as a venue's name rather than a title (`IEEE Symposium on Security and Privacy`)."""
_NICK_CITATION = lazy_compile(r"\.\s+\S.*\.\s|\((?:[^()]*[A-Za-z])?[^()]*(?:19|20)\d\d\)")
_QUOTE_NICK = r'(?P<nick>[^"“”:：]{1,40}?)'  # a short name before a quoted title
_NAMED_QUOTE = lazy_compile(rf'^\s*{_QUOTE_NICK}\s*[:：]\s*(?=["“])')
_QUOTED = lazy_compile(r'^\s*(?:"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|\'\'(?P<c>[^\']+)\'\')\s*')
_DATED_LEAD = lazy_compile(r"^\s*\((?P<note>(?P<name>[A-Za-z][^()]{0,60}?)\s(?P<year>\d{2}|(?:19|20)\d\d))\)\s*")
_LEAD_NOTE = lazy_compile(r"^\s*\((?P<note>[^()]{1,20})\)\s*")
_LEAD_BRACKET = lazy_compile(r"^\s*\\?\[\s*(?P<inner>[^\[\]]{1,60}?)\s*\\?\]\s*")
# Where the title of a plain-text item stops: strong separators first, commas only inside the last part.
_STRONG_SEP = lazy_compile(
    r"\s*(?:(?<!\b[A-Z])(?<!\bet)\.(?=\s)|\.(?=\s+In\s+[A-Z])|\.(?=[Aa][Rr][Xx][Ii][Vv])|(?<=\?)(?=\s)|\s[-–—]\s|\||[\[\]()（）]|\n)"
    r"\s*"
)
# A link target that is a path, not an address: no scheme, not a DOI, and no domain name before its first `/`.
_LOCAL_TARGET = lazy_compile(r"(?!10\.\d)(?![^/?#]*\.[A-Za-z]{2,}(?:[/?#]|$))")
_APOSTROPHE_YEAR = lazy_compile(r"['’]\s?\d\d\b")
_LETTER = lazy_compile(r"[A-Za-z]")
_OPEN_BRACKET_END = lazy_compile(r"\[[\s*_]*$")
_CLOSE_BRACKET_START = lazy_compile(r"^[\s*_]*\]")
_BOLD_BRACKET = lazy_compile(r"\s*\[([^\]]+)\]\s*")
BULLET_MARK = lazy_compile(r"^\[(?:[-*+•]|\d{1,3})\](?:\s+|$|(?<=\d\])(?=[A-Z]))")
"""A bracketed bullet or number that opens a text as a list marker would: `[-] Title`, `[12] Authors.`, `[2]Saeed
Anwar, ...` (a number glued to a capital)."""
_YEAR_LEAD = lazy_compile(r"^\d{4}\s*-?\s*")
_DASH_AFTER_NAME = lazy_compile(r"\s*[—–-]\s+")
_DASH_LEAD = lazy_compile(r"^\s*(?:[-–—:]\s+|[-–](?=[A-Z][a-z]))")  # (`-Gengshan Yang, …`: a dash glued to a name)
_JOINED_VENUE = lazy_compile(r"\b(?:at|for|to|of|on|from|with)\s*$|@\s*$", re.IGNORECASE)
_SHORTCODE = lazy_compile(r":[a-z][a-z0-9_+-]{1,40}:(?=[\s:]|$)")
_TRAILING_EMOJI = lazy_compile(rf"(?<=\S)(?:\s*(?:{EMOJI}))+\s*$")  # `Title 🌟`: a mark the list sets on some items
_NAME_PARTS = lazy_compile(r"\s*(?:,|&|\band\b)\s*")
_TWO_SURNAMES = lazy_compile(r"([A-Z][a-z][\w'’-]*) (?:and|&) ([A-Z][a-z][\w'’-]*)")
_SLOT_ONLY = lazy_compile(r"\s*\[[^\[\]]{2,40}\]\s*")
_STARS_BADGE = lazy_compile(r"/github/stars/", re.IGNORECASE)
_NO_TITLE = lazy_compile(r"[\W\d_]*(?:et\.?\s*al\b[\W\d_]*)?")
_PAREN_CITATION = lazy_compile(r"^\s*\((?P<names>[^()]+?),\s+(?P<rest>[^(),]+(?:,\s*(?:19|20)\d\d)?)\)")
_MARKDOWN_PAGE = lazy_compile(r"\.(?:md|markdown)$", re.IGNORECASE)
_LABEL_VENUE_END = lazy_compile(
    r"(?:\s+(?P<slot>(?:(?:IEEE|ACM)\s+)?[A-Za-z][\w&-]*\s*['’]\s*(?:\d{4}|\d{2}))|"
    r"\s*\((?P<paren>[A-Za-z][^()]{0,40}?\s(?:19|20)\d\d)\)|"
    r"\s*\((?P<first>\d\d['’][A-Za-z][^()]{0,40})\)|"  # (`(21'ITSC)`: the year first)
    r",\s*(?P<year>(?:19|20)\d\d))\s*$"  # (`[Title, 1994](url)`)
)
_TITLE_END = lazy_compile(r"\s[\[(]|\s[-–—|]\s|<br")
_YEAR_END = lazy_compile(r"\s*\(((?:19|20)\d\d)\)\W*$")
_YEAR_DASH_LEAD = lazy_compile(
    r"^((?:19|20)\d\d)(?:-(?P<venue>[A-Za-z][\w@]*(?:-[A-Za-z][\w@]*)*))?\s*[-–—:|]\s+(?=\S)"
)
_NAMED_WORD = lazy_compile(r"[A-Za-z][\w-]*(?:[A-Z0-9][\w-]*)")  # `NeuronConductance`, `LOCO`, `GPT-2`
# What links leave of brackets around them at the end of a text (`(Names, 2019) ([code](url))` leaves ` ()`).
_EMPTY_BRACKETS = lazy_compile(r"(?:\s*[(\[（]\s*[)\]）]?)+\s*$")
_PAREN_FIELDS = lazy_compile(r"\s*[(（]([^()（）]+)[)）]\s*$")
_NAMES_YEAR = lazy_compile(r"\s*(?P<names>[^\W\d_][^()\[\]|:;\d]*?)[\s,.]*(?P<year>(?:19|20)\d\d)?[\s.]*")
# Between a bold lead and an italic title: names in parentheses, perhaps, then a dash (`**PCA** (Hoppe et al.) - `).
_BOLD_JOINT = lazy_compile(r"\s*(?:\((?P<names>[^()]+)\))?\s*[-–—:]\s*")
NICK_WORDS = 4
"""The most words a nickname has: a bold name before a title (`**Algebraic Sphere Fitting**`) or after the links
(`***ASTE***`), a name before a quoted title (`**ProDA**: "Title"`)."""
# A badge's message that is a year or a year and month (`2025.02`), under a label that names the paper or a date.
_BADGE_DATE = lazy_compile(r"((?:19|20)\d\d)(?:[./-](?:0?[1-9]|1[0-2]))?")
_DATE_LABEL = lazy_compile(r"(?:date|published|publication|year|time)", re.IGNORECASE)
_ACRONYM_YEAR = lazy_compile(r"(?=\S*[A-Z]\S*[A-Z])[A-Z][A-Za-z&.]{1,9} ((?:19|20)\d\d)")
_DATA_NAME = lazy_compile(r"\b(?:datasets?|benchmarks?|corpus|corpora|leaderboards?)$", re.IGNORECASE)
# Tags that say an item is no paper: `- [Blog] [Title](url)`, `【Video】[Title](url)`.
_RESOURCE_TAGS = frozenset(("blog", "news", "video", "videos", "talk", "podcast", "slides", "tool", "project", "demo"))
_NICK_QUOTED = lazy_compile(rf'{_QUOTE_NICK}\s*[:：]?\s*["“](?P<title>[^"”]+)["”]\W*')
_APA = lazy_compile(r"(?P<names>[^()]{3,}?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?\)\.?\s+(?P<rest>\S.+)")
# Bracketed role words left without a link at the end of an item (`- Names, **CVPR 2019**. [code]`).
_ROLE_END = lazy_compile(r"(?:\s*\[\s*(?:code|paper|pdf|project|video|slides|website|demo)\s*\])+\s*$", re.IGNORECASE)
_COMMA_IN = lazy_compile(r"[,;]\s*in$", re.IGNORECASE)
# Words that lead on into what follows them: text ending in one is a sentence, never a field (`They use the [X](url)`).
_LEADS_ON = frozenset(
    split_words("in by on at of from with which via see to for the a an our their its this these use uses")
)
_SHORT_YEAR_LEAD = lazy_compile(r"(?P<year>\d\d)-(?P<venue>[A-Za-z]+)-(?:(?:oral|spotlight|poster)-)?(?=[A-Za-z0-9])")
_YEAR_MONTH_LEAD = lazy_compile(r"^((?:19|20)\d\d)[./](?:0[1-9]|1[0-2])\s+(?=[A-Z0-9])")
# `CVPR 2025 (Oral), Title`, `arxiv 2025, 05, Title`, `arxiv, 2024, 10, Title`, `ACL2015: Title`: a venue, its year
# (and the month it was posted, a note) before a comma or colon that opens the title.
_VENUE_YEAR_LEAD = lazy_compile(
    r"^(?P<venue>[A-Za-z][\w&'-]*?(?: [A-Za-z][\w&'-]*){0,2}),? ?(?P<year>(?:19|20)\d\d)"
    r"(?P<note>,\s*(?:0?[1-9]|1[0-2])|\s*\([^()]{1,40}\))?(?:,\s+|\s*[:：]\s*)(?=\S)"
)
_PIPE_FIELD = lazy_compile(r"\|\s*([^|\[\]]+)")
_COUNT = lazy_compile(COUNT)
# What a list of names has that a title rarely does: a comma, `&` or `et al`.
_NAME_LIST_MARK = lazy_compile(r",|&|\bet\.?\s*al\b")
# What only a list of names has: `et al` or an initial.
_NAMES_FOR_SURE = lazy_compile(r"\bet\.?\s*al\b|\b[A-Z]\.(?:[\s,]|$)")  # (`Yang, C., & Li, H.`: an initial and a comma)
_AFFILIATION = lazy_compile(r"\s*\([^()]*\)")
_COMMA = lazy_compile(r"(?<!\d),|,(?!\d)|[;，；]")
_BR = "\n"
# `EMNLP 2022 (Findings)`: a parenthesised qualifier of the venue before it, read as `EMNLP 2022 Findings`.
_QUALIFIER_NOTE = lazy_compile(r"\s*\((findings|workshops?)\)", re.IGNORECASE)
_DESCRIPTION_AFTER = lazy_compile(r"^[ \t]*(?:[-–—:][ \t]+)\S")
_OWN_SEPARATOR = lazy_compile(r"^[ \t]*(?:[-–—][ \t]|\||\n)")
_TRAILING_JUNK = lazy_compile(r"[\s,;:|\[(\\\-，；：、]+$")
_LEADING_JUNK = lazy_compile(r"^[\s,;:|\])\\.-]+")
# What a removed venue link or a star count leaves at the start of a plain title: `[] `, `[55:fire:] `.
_EMPTY_LEAD = lazy_compile(rf"^(?:\s*\\?\[\s*(?!(?:19|20)\d\d\s*\\?\])(?:{COUNT})?\s*\\?\])+\s*")


def collapse(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) into one space and strip the ends."""
    return " ".join(text.split())


# A role label in brackets with no link after a title (`Title [code]`, `Title [[code]]`): a link yet to be given.
_PLACEHOLDER_LABEL = lazy_compile(
    r"(?<=[\w).!?\"”])\s*\[+\s*(?:code|paper|pdf|project|github|arxiv|video|slides?|demo)\s*\]*$", re.IGNORECASE
)
# The title in plain text right after a paper's name given as its link: up to a bracket, a pipe or a parenthesis.
_NAMED_TITLE = lazy_compile(r"\s*(?P<sep>\]\s*[:：]?|[:：])?\s*(?P<title>[A-Z0-9][^|｜\[(（]*?)\s*(?=$|[|｜\[(（])")
_QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»", "「": "」"}


def clean_title(text: str, full_stop: bool = True) -> str:
    """A title as written: whitespace collapsed, bracket padding removed, and a trailing citation full stop
    removed unless `full_stop` is False (a link label that stands alone keeps its own full stop)."""
    text = collapse(text)
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    quote = _QUOTE_PAIRS.get(text[:1])
    if quote is not None and len(text) > 2 and text.endswith(quote) and quote not in text[1:-1]:
        text = text[1:-1].strip()  # `["Reading Wikipedia to Answer Open-Domain Questions"](url)`: quotes around it
    if ":" in text:
        text = collapse(_SHORTCODE.sub("", text))  # `Ha-NeRF:laughing:: Title`: an emoji shortcode is no word
    if text and not text[-1].isascii():
        text = _TRAILING_EMOJI.sub("", text)
    if text.endswith(("（", "(")):
        text = text[:-1].rstrip()  # `Title（AAAI 2020 南京大学）`: the fields' parenthesis opens after the title
    if text.endswith("]"):
        text = _PLACEHOLDER_LABEL.sub("", text)  # `Title [code] [[paper](url)]`: a link yet to be given
    if full_stop and text.endswith((".", "。")) and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


@dataclass(slots=True)
class Piece:
    """A run of an item's inline content: plain text, a link or an image, with its source offsets. A link's
    `text` is its label with whitespace collapsed."""

    text: str
    link: bool = False
    url: str = ""
    style: str = "inline"
    start: int = -1
    end: int = -1
    emphasis: str = ""
    """"strong", "em" or "" for plain text."""
    code: bool = False
    image: bool = False
    """An image: `text` is its alt text and `url` its source (a badge's text is in its URL)."""
    brk: bool = False
    """A field separator: `<br>` or a hard line break."""
    newline: bool = False
    """A soft line break: the item's text goes on on the next source line."""
    html: str = ""
    """The innermost inline HTML element the text stands in (`ins`, `b`, `sup`), if any."""


@dataclass(frozen=True)
class Template:
    """What a list's items share, learned from them: the answers to the questions one item cannot settle.

    The questions: `label_venue` (is the label of a link that opens an item and is followed by the title,
    `[[Ocean Engineering](url)] Title`, the venue?), `text_title` (is the title the leading text even where a
    later link has a title-like label?) and `slot:lead` / `slot:tail` (is a venue-shaped name the venue table
    does not know, in that place, the venue?). A question the list's items did not settle has no answer, and
    the item decides on its own.
    """

    answers: tuple[tuple[str, bool], ...] = ()

    def answer(self, question: str) -> bool | None:
        """The list's answer to a question, or None when its items did not settle it."""
        for asked, answer in self.answers:
            if asked == question:
                return answer
        return None


NEUTRAL = Template()


@dataclass(slots=True)
class Fields:
    """What the reader found in one item."""

    kind: EntryKind
    title: str
    title_link: int | None = None
    authors: str | None = None
    year: int | None = None
    venue: str | None = None
    venue_raw: str | None = None
    notes: list[str] = field(default_factory=list)
    nickname: str | None = None
    tags: list[str] = field(default_factory=list)
    roles: list[LinkRole] = field(default_factory=list)
    arxiv: arxiv_id.ArxivId | None = None
    cited: list[arxiv_id.ArxivId] = field(default_factory=list)
    bracketed: bool = False
    """The title is written in brackets without a link (`Authors. [Title]. In Venue.`): a citation's title."""
    title_form: str = ""
    """How the title is set apart: `link`, `quoted`, `bold`, `group` (before an `<ins>` group or a `<br>`),
    `citation` (followed by further fields: `Title. Authors. Venue`); empty for a lone sentence."""
    venue_marked: bool = False
    """The venue stands in a field of its own (`- *Venue Year*.`): paper evidence a repository link does not
    outweigh."""
    venue_unsure: bool = False
    """The item states a venue the reader did not take (a name the table does not know): no badge stands in for it."""
    paper_evidence: bool = False
    resource_evidence: bool = False
    code_only: bool = False
    """Every link of the item (badges and anchors aside) goes to a code repository: an implementation."""
    implementation: bool = False
    """The item is led by a repository whose description cites a paper (`- [Name](repo) - Implementation of
    [_Title_](url)`): an implementation of that paper, its repository the code."""
    asked: tuple[tuple[str, bool], ...] = ()
    """Template questions this reading depended on, with the answer it went by."""
    votes: tuple[tuple[str, bool], ...] = ()
    """What this item says about the list's template: (question, answer)."""

    def ask(self, template: Template, question: str, default: bool) -> bool:
        """The template's answer to `question` (or `default` when it has none), recorded as one this reading
        depended on."""
        answer = template.answer(question)
        used = default if answer is None else answer
        if (question, used) not in self.asked:
            self.asked = (*self.asked, (question, used))
        return used

    def vote(self, question: str, answer: bool) -> None:
        """Record what this item says the answer to a template question is."""
        self.votes = (*self.votes, (question, answer))


_GENERIC_LABEL = lazy_compile(r"^\s*\[?\s*(?:link|links|url)\s*\]?\s*$", re.IGNORECASE)


def link_role(label: str, url: str, is_title: bool) -> LinkRole:
    """The role of a link from its label and target (a code link to notes in a repository is no code link)."""
    role = _link_role(label, url, is_title)
    return code_role(url) if role == "code" else role


def code_role(url: str) -> LinkRole:
    """The role of a link in a code slot: `code`, or `other` for an anchor, notes in a repository or a page of a code
    host that is no repository (an issue, a pull request, a discussion)."""
    if url.startswith("#") or is_notes_file(url) or (is_code_host(url) and not is_repository(url, owner=True)):
        return "other"
    return "code"


def is_local_target(url: str) -> bool:
    """A link target that is a path, not an address (`blank`, `./notes/x`): no scheme, not a DOI, no domain."""
    if not url or ":" in url or url.startswith("#"):
        return False  # an address with a scheme (the usual case), or an anchor
    return _in_repository(url) and _LOCAL_TARGET.match(url.strip()) is not None


def _link_role(label: str, url: str, is_title: bool) -> LinkRole:
    if not url.strip():
        return "other"  # `[WN18]()`, `[[paper]]()`: a link yet to be filled in links nothing
    if url.startswith("#") or is_person_link(url) or (not is_title and is_citation_link(label, url)):
        return "other"  # an anchor, or a citation (`[bibtex](https://github.com/.../citations/x.txt)`)
    kind = label_kind(label)
    if kind != "code" and is_local_target(url):
        if (is_title or kind == "paper") and urlsplit(url.strip()).path.lower().endswith(".pdf"):
            return "paper"  # `[Title](../papers/A1.pdf)`: the paper's PDF kept in the list's repository
        return "other"  # any other path in the repository (`[blank](blank)`) is no paper link
    if kind == "code" and undecorated(label).strip("[] ").lower() == "source" and not is_code_host(url):
        return "project"  # `[[Source](https://kola.xlore.cn)]`: where a dataset or a project is, no code host
    if kind == "code":
        return "code"
    if "arxiv" in url.lower() and arxiv_id.parse_link(url) is not None:
        return "paper"  # an arXiv paper whatever its label says (`[[1912.01438]](https://arxiv.org/abs/1912.01438)`)
    if kind == "paper":
        return "paper"
    if kind == "project":
        return "code" if is_code_host(url) else "project"  # `[Project](https://github.com/owner/repo)`
    if is_title:
        return "paper"
    if is_code_host(url):
        return "code" if is_repository(url) else "other"
    if is_venue_label(label) and (is_paper_host(url) or not is_venue_page(url, named=True)):
        return "paper"  # `[[TMLR](https://openreview.net/forum?id=...)]`, `*[📝KDD'2021](https://dl.acm.org/...)*`
    return "other"


def is_badge(pieces: list[Piece], index: int) -> bool:
    """A link whose label is only an image (`[![Star](badge)](repo)`): decoration unless its alt text names a
    paper or code link (see `badge_role`)."""
    piece = pieces[index]
    return not piece.text.strip() and index + 1 < len(pieces) and pieces[index + 1].image


def badge_role(pieces: list[Piece], index: int) -> LinkRole:
    """The role of a badge link by its image's alt text: `[![arXiv](badge)](abs)` and a publisher's or venue's badge
    on a paper host are paper links, `[![Code](badge)](repo)` a code link; an empty target or a star is none."""
    url = pieces[index].url
    if not url or url.startswith("#"):
        return "other"
    kind = badge_kind(pieces[index + 1].text, pieces[index + 1].url)
    if kind == "code" or (not kind and is_repository(url) and _STARS_BADGE.search(pieces[index + 1].url)):
        return code_role(url)  # (`[![Star](…/github/stars/o/r)](https://github.com/o/r)`: where the code is)
    if (kind == "paper" and not is_code_host(url)) or (kind == "venue" and is_paper_host(url)):
        return "paper"
    return "other"


def _last_year(text: str) -> int | None:
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def _take_tags(text: str, fields: Fields) -> str:
    """Remove the 【Tag】s from `text` into the fields: a tag that names a venue (`【CVPR 2020】`) is the venue."""
    text, tags = _strip_tags(text)
    for tag in tags:
        found = read_venue(tag)
        if found is not None and found.known and fields.venue is None:
            _set_venue(fields, found, tag)
        elif tag not in fields.tags:
            fields.tags.append(tag)
    return text


def _strip_tags(text: str) -> tuple[str, list[str]]:
    if "【" not in text:
        return text, []  # (most items have no tags)
    tags = [collapse(t) for t in _TAG.findall(text)]
    return _TAG.sub(" ", text), [t for t in tags if t]


def _authors(before: str) -> str | None:
    text = collapse(before)
    text = text.rstrip(' .,:;-"“')  # (`S. Liu, and K. Driggs-Campbell, "[Title](url),"`: the quote opens the title)
    return text or None


def _set_venue(fields: Fields, found: VenueField, raw: str) -> None:
    """Take a venue field's venue, year, arXiv id and note (the year and note only where none is set)."""
    if found.venue is not None and fields.venue is None:
        fields.venue = found.venue
        fields.venue_raw = collapse(raw)
    if found.year is not None and fields.year is None:
        fields.year = found.year
    if found.arxiv:
        cited = arxiv_id.parse_id(found.arxiv)
        if cited is not None and all(c.id != cited.id for c in fields.cited):
            fields.cited.append(cited)
    if found.note and found.note not in fields.notes and found.venue is not None:
        fields.notes.append(found.note)


def _venue_field(text: str, fields: Fields, template: Template, slot: str) -> bool:
    """Read one field as a venue (and year); unknown names count only in the list's venue slots."""
    found = read_slot(text) if slot == "lead" else read_venue(text)
    if found is None:
        return False
    if found.venue is not None and not found.known and fields.venue is not None:
        return False
    unknown = found.venue is not None and not found.known
    if unknown and label_kind(found.venue or "") in ("code", "project"):
        return False
    if unknown and slot != "lead" and (looks_like_authors(text) or looks_like_authors(found.venue or "")):
        return False
    if found.venue is not None and not found.known and found.venue.lower() != "arxiv":
        apostrophe = bool(_APOSTROPHE_YEAR.search(text))
        if not apostrophe and not fields.ask(template, f"slot:{slot}", False):
            return False
    if found.venue is not None and found.known:
        fields.vote(f"slot:{slot}", True)
    _set_venue(fields, found, text)
    return True


# A year and month: when a preprint was posted, after the names (`Xiao et al., 2022.03, EMNLP2022`).
_YEAR_MONTH = lazy_compile(r"(?:19|20)\d\d[./](?:0?[1-9]|1[0-2])")


def _posted(names: str) -> tuple[str, int | None]:
    """Names without the date after them (`Xiao et al., 2022.03`, `Moreira, Feb 2025`), and its year."""
    names = collapse(names).strip(" ,;").lstrip(". ")  # (`[Title](url). Yang, C., & Li, H. CVPR2017.`)
    head, comma, last = names.rpartition(",")
    if comma and (is_date(last.strip(" .")) or _YEAR_MONTH.fullmatch(last.strip(" ."))):
        return head.strip(" ,;").rstrip(" ."), _last_year(last)
    return names.rstrip(" ."), None


def _venue_from_tail(tail: str, fields: Fields) -> None:
    """Venue, year and notes from the text after a linked title (a citation or a bracketed venue)."""
    m = _BRACKET_VENUE.search(tail)
    if m:
        fields.venue = short_name(m.group("venue"))
        fields.venue_raw = collapse(m.group(0)).rstrip("=").strip()
        fields.year = year_of(m.group("year"))
        return
    note = _PAREN_NOTE.match(tail) or _PAREN_BEFORE_REMARK.match(tail)
    if note:
        found = read_venue(note.group(1))
        if found is not None and (found.known or (found.venue is None and found.year is not None)):
            _set_venue(fields, found, note.group(1))  # `[Title](url) (ICRA 2002)`, a bare `(2002)` the year
        else:
            fields.notes.append(collapse(note.group(1)))
            if found is not None and found.year is not None:
                fields.year = found.year  # `(RSS 2023)`: a name the table does not know stays a note, its year counts
        return
    if not _LETTER.search(tail):  # no venue, only perhaps a year (`[[code]](url)` leaves ` []`)
        year = _last_year(tail)
        if year:
            fields.year = year
        return
    citation = collapse(_CITATION_LEAD.sub("", collapse(tail), count=1))
    citation = citation.lstrip('/ ,"”').strip()  # (`," in IEEE …` after a quoted title)
    if not citation or not _LETTER.search(citation):
        year = _last_year(tail)
        if year:
            fields.year = year
        return
    whole = read_venue(citation)  # the tail is the venue field itself: `NeurIPS ENLSP Workshop 2023`
    posted = None
    body = citation.rstrip(" ,|;")  # (`Niemeyer et al., CVPR 2021, [bibtex](…)` leaves a comma)
    cut = max(body.rfind(","), body.rfind(". "))
    if (whole is None or not whole.known or whole.arxiv or whole.venue == "arXiv") and cut > 0:
        names, last = body[:cut], _YEAR_MONTH_LEAD.sub("", body[cut + 1 :].strip(" |;"))  # (`2020.09 EMNLP2020`)
        field = read_venue(last)  # or its last field: `Kurakin et al., ICLR workshop 2017`, `Rebain et al. Arxiv 2020`
        if field is not None and field.venue is None and field.year is not None:
            stop = max(names.rfind(","), names.rfind(". "))  # `Google, WWW, 2020.`, `Anupam Datta. ICLR, 2019.`
            head, named = names[: max(stop, 0)], names[stop + 1 :].strip(" .")
            joined = read_venue(f"{named} {last}")
            if joined is not None and joined.known and joined.venue is not None:
                field, last, names = joined, f"{named}, {last}", head
        dated = is_date(last)  # `Kim, et al., May 2024`: when it was posted, after the names
        if (field is not None and field.known) or dated:
            names, posted = _posted(names)
            if not dated:
                whole, citation = field, last
            posted = _last_year(last) if dated else posted
            listed = _listed_names(names)  # `Klas Leino, Emily Black. ICLR, 2019.`
            if fields.authors is None and (_sure_names(names) or _two_surnames(names) or listed):
                fields.authors = names
        elif field is not None and field.venue is None and field.year is not None and fields.authors is None:
            names = collapse(names).strip(" ,;").rstrip(" .")
            fields.authors = names if _sure_names(names) else None  # `, Blodgett, Su Lin and Barocas, Solon, 2020`
    known = whole is not None and whole.known
    venue = whole.venue if whole is not None and known else venue_from_citation(citation, cased=True)
    if venue:
        fields.venue = venue
        fields.venue_raw = citation
    year = (whole.year if whole is not None and known else None) or _last_year(citation) or posted  # (`ACL'24`)
    if year:
        fields.year = year


_CANONICAL_BEFORE = lazy_compile(r"\s*(?:[-–](?:\s+(?P<authors>.+?))?)?\s*\.?\s*")
_VENUE_YEAR = lazy_compile(r"\s*(?P<venue>.*?)\s*(?P<year>(?:19|20)\d\d)?\s*(?:\((?P<note>[^()]+)\))?\s*")


def _split_emphasis(pieces: list[Piece]) -> tuple[str, str | None, str]:
    """Text before the first emphasised run, the run itself, and the text after it (links skipped)."""
    before: list[str] = []
    after: list[str] = []
    emphasised: str | None = None
    for piece in pieces:
        if piece.link or piece.image:
            continue
        if piece.emphasis == "em" and emphasised is None and not after:
            emphasised = piece.text
        elif piece.emphasis == "em" and emphasised is not None and not after:
            emphasised += piece.text
        else:
            (after if emphasised is not None else before).append(piece.text)
    return "".join(before), emphasised, "".join(after)


def _names_venue_or_year(text: str) -> bool:
    """Whether an emphasised run is a canonical `Venue Year`, `Venue` or `Year`."""
    return bool(_YEAR.search(text) or venue_from_citation(text, cased=True))


def _canonical_tail(after_title: list[Piece]) -> tuple[str | None, str | None] | None:
    """The canonical tail ` - Authors. *Venue Year (Note)*.` as (authors, emphasised text); either part
    optional, and a bare ` - *Venue Year*.` only when the emphasised run names a venue, a year or a note."""
    before, emphasised, after = _split_emphasis(after_title)
    if after.strip(" .") or (emphasised is not None and not emphasised.strip()):
        return None
    if emphasised is None and "-" not in before and "–" not in before:
        return None  # no venue run, and no dash for authors to follow (the usual tail: links alone)
    m = _CANONICAL_BEFORE.fullmatch(before)
    if m is None or (emphasised is None and not m.group("authors")):
        return None
    authors = m.group("authors")
    text = emphasised or ""
    if not authors and before.strip() and not (_names_venue_or_year(text) or _PAREN_NOTE.match(text)):
        return None
    if emphasised is None and not (looks_like_authors(authors) or looks_like_name(authors)):
        return None
    return (collapse(authors) if authors else None), (collapse(emphasised) if emphasised else None)


def _pieces_after(pieces: list[Piece], offset: int) -> list[Piece]:
    """The pieces that follow a plain-text offset, the piece it falls in cut at the offset."""
    out: list[Piece] = []
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        if end > offset:
            if position >= offset or piece.link:
                out.append(piece)
            else:
                out.append(Piece(piece.text[offset - position :], emphasis=piece.emphasis, code=piece.code))
        position = end
    return out


def _canonical_plain(pieces: list[Piece]) -> tuple[str, str | None, str] | None:
    """A link-less canonical line `Title - Authors. *Venue Year*.` as (title, authors, emphasised text)."""
    before, emphasised, after = _split_emphasis(pieces)
    if emphasised is None or after.strip(" .") or not _names_venue_or_year(emphasised):
        return None
    head = before.rstrip().removesuffix(".")
    title, sep, authors = head.rpartition(" - ")
    if not sep:
        title, authors = head, ""
    title = clean_title(title)
    return (title, collapse(authors) or None, collapse(emphasised)) if title else None


def _venue_year(text: str, fields: Fields) -> None:
    """`Venue Year`, `Venue` or `Year` from the canonical emphasised run, and a closing `(Note)`."""
    m = _VENUE_YEAR.fullmatch(text)
    if m is None:
        return
    venue = m.group("venue")
    if venue and looks_like_authors(venue) and not _names_venue(venue):
        fields.authors = fields.authors or collapse(venue).rstrip(" .,;")  # `*Zhang Q., Zhao T. 2023*`: names
    elif venue and fields.venue is None:
        fields.venue = short_name(venue)
        fields.venue_raw = text
        fields.venue_marked = True
    if m.group("year"):
        fields.year = int(m.group("year"))
    if m.group("note"):
        fields.notes.append(collapse(m.group("note")))


def _plain(pieces: list[Piece]) -> str:
    return "".join([_BR if p.brk else p.text for p in pieces if not p.image])


def _text_only(pieces: list[Piece]) -> str:
    """The item's text without links and images (link labels dropped), `<br>` kept as a line break."""
    return "".join([_BR if p.brk else p.text for p in pieces if not p.link and not p.image])


def _pipe_title(head: str) -> tuple[str, str, int | None] | None:
    """`2016 | Title | Authors, et al. | PKDD | [PDF](url)`, `Title | **[IJCAI 19]** | [pdf](url)`: a row of `|`
    fields whose first field after a year reads as a title. The title, the fields after it, and the year."""
    fields = [field.strip() for field in head.split("|")]
    if len(fields) > 2 and not fields[0].strip(" *_"):
        fields = fields[1:]  # `**[LSeg]** | **ICLR'22** | Title | [pdf](url)`: the fields after a name
    year = None
    lead = read_venue(fields[0].strip(" []*_")) if fields else None
    if lead is not None and lead.venue is None and lead.year is not None:
        year, fields = lead.year, fields[1:]  # `2016 |`, `**2016-10** |`
    venue = []
    if len(fields) > 2 and (found := read_venue(fields[0].strip(" []*_"))) is not None and found.known:
        venue, fields = fields[:1], fields[1:]  # `**ICLR'22** | Title`: the venue field first
    if len(fields) < 2 or not looks_like_title(fields[0].strip(" *_")) or _names_venue(fields[0].strip(" *_[]")):
        return None
    return clean_title(fields[0]), " | " + " | ".join([*fields[1:], *venue]), year


def _names_emphasis(pieces: list[Piece]) -> int:
    """The piece that opens an emphasised run of sure names after plain text (`Title *Bisk et al. EMNLP*`): a
    plain title's authors. -1 when there is none."""
    plain = False
    for number, piece in enumerate(pieces):
        if piece.link or piece.image:
            continue
        if piece.emphasis == "em" and plain and not piece.code:
            return number if _sure_names(_opening_names(piece.text)) else -1
        plain = plain or (not piece.emphasis and _has_letter(_BRACKETED.sub("", piece.text)))
    return -1


def _opening_names(text: str) -> str:
    """The names an emphasised author run opens with, through its `et al` (`Bisk et al. EMNLP` gives `Bisk et
    al`); empty without one (a full stop may end an initial as well as the names)."""
    cut = text.find("et al")
    return text[: cut + 5].strip(" .,;:") if cut >= 0 else ""


def _code_tags(pieces: list[Piece], fields: Fields) -> set[int]:
    """Tags and notes written as code spans: `[**`bnn`**]` is a tag, `` `(Workshop)` `` a note.

    Returns the indices of the pieces taken (with the brackets around a tag), so they are not read again.
    """
    taken: set[int] = set()
    for i, piece in enumerate(pieces):
        if not piece.code or piece.link:
            continue
        text = collapse(piece.text)
        if not text:
            continue
        if not any(ch.isalnum() for ch in text):
            taken.add(i)  # `` `*` Nesterov, Yurii. "Title." ``: a mark the list sets on some items, no field
            continue
        if _PAREN_NOTE.match(text):
            continue
        bracket = _tag_bracket(pieces, i)
        leading = not _plain(pieces[:i]).strip(" [*_") and not any(p.link for p in pieces[:i])
        if leading and fields.venue is None and _names_venue(text) and (found := read_venue(text)) is not None:
            _set_venue(fields, found, text)  # `` `NeurIPS'23` Title ``
            taken.add(i)
        elif bracket or piece.html == "table-tag":
            if text not in fields.tags:
                fields.tags.append(text)
            taken.update(bracket or (i,))
        elif fields.venue is None and _after_bold(pieces, i) and (text.lower() == "preprint" or _slot_alone(pieces, i)):
            taken.add(i)  # `**Title.** `preprint``: a status; `**Title.** `Mathematics`` / `*Hu Y, Pan Z.*`: unsure
        elif (
            fields.venue is None
            and _after_bold(pieces, i)
            and (found := read_venue(text)) is not None
            and (found.year is not None or found.known)
            and found.venue is not None
        ):
            fields.year = found.year or fields.year  # `**Title** `ACM Computing Surveys 2023``, `**Title.** `EMNLP``
            if found.known:
                _set_venue(fields, found, text)
            taken.add(i)
    return taken


def _slot_alone(pieces: list[Piece], index: int) -> bool:
    """Whether a code span of a venue-shaped name the table does not know ends the line of a bold title, with only an
    emphasised run (the authors) or nothing after it: the list's venue slot, a venue unsure."""
    found = read_venue(pieces[index].text)
    if found is None or found.venue is None or found.known or found.year is not None:
        return False
    after = next((p for p in pieces[index + 1 :] if p.text.strip() or p.link or p.brk), None)
    return after is None or after.brk or after.newline or (after.emphasis == "em" and not after.link)


def _after_bold(pieces: list[Piece], index: int) -> bool:
    """Whether the piece at `index` follows a bold run with only spaces between (`**Title** `ACL 2022``)."""
    before = index - 1
    while before >= 0 and not pieces[before].text.strip() and not pieces[before].link:
        before -= 1
    return before >= 0 and pieces[before].emphasis == "strong" and not pieces[before].link


def _tag_bracket(pieces: list[Piece], index: int) -> range | None:
    """The pieces inside a bracket that holds only code spans and separators around the code span at `index`
    (`[**`bnn`**]`, `[**`QAT`, `CNN`**]`): a list of tags, never a title."""
    first = last = index
    while first > 0 and _tag_filler(pieces[first - 1]):
        first -= 1
    while last + 1 < len(pieces) and _tag_filler(pieces[last + 1]):
        last += 1
    if first == 0 or last + 1 == len(pieces):
        return None
    left, right = pieces[first - 1], pieces[last + 1]
    if left.link or right.link or not left.text.rstrip(" *_").endswith("["):
        return None
    return range(first, last + 1) if right.text.lstrip(" *_").startswith("]") else None


def _tag_filler(piece: Piece) -> bool:
    """A piece that may stand between the tags of a bracket: a code span, a comma or blank (`, `)."""
    if piece.link or piece.image or piece.brk or piece.newline:
        return False
    return piece.code or not piece.text.strip(" ,;/|*_")


def _without(pieces: list[Piece], taken: set[int]) -> list[Piece]:
    """The pieces with the taken ones blanked (and an empty `[ ]` pair left by a tag removed)."""
    if not taken:
        return pieces
    out = [Piece("", emphasis=p.emphasis) if i in taken else p for i, p in enumerate(pieces)]
    for i in sorted(taken):
        if i > 0 and not out[i - 1].link and i + 1 < len(out) and not out[i + 1].link:
            left, right = out[i - 1], out[i + 1]
            out[i - 1] = replace(left, text=_OPEN_BRACKET_END.sub(" ", left.text))
            out[i + 1] = replace(right, text=_CLOSE_BRACKET_START.sub(" ", right.text))
    return out


def recognise(
    pieces: list[Piece], section: tuple[str, ...], heading_year: int | None, template: Template = NEUTRAL
) -> Fields:
    """Read the fields of one item from its inline pieces, asking the list's template where it must."""
    fields = Fields(kind="paper", title="")
    pieces = _without(pieces, _code_tags(pieces, fields))
    if pieces and not (pieces[0].link or pieces[0].emphasis or pieces[0].code):
        cut = leading_decoration(pieces[0].text)  # `🎨 [Nick] **Title**`, `:fire: Title`: emoji open no field
        if cut:
            pieces = [_sliced(pieces[0], cut), *pieces[1:]]
    links = [i for i, p in enumerate(pieces) if p.link]
    plain_all = _plain(pieces)

    start = 0
    nickname = None
    if pieces and pieces[0].emphasis == "strong" and not pieces[0].link:
        bracket = bold_bracket(pieces[0])
        if bracket is not None and bracket.strip().isdigit():
            start = 1  # `**[4]** Authors. "Title." ...`: a reference number, no name
        elif bracket is not None and (
            not (_names_venue(bracket) or _venue_with_year(bracket)) or _named_again(bracket, pieces[1:])
        ):
            if len(bracket.split()) >= 4 and looks_like_title(bracket):
                pieces = [_unbracketed(pieces[0]), *pieces[1:]]  # `**[Wide area localization on mobile phones]** …`
                plain_all = _plain(pieces)
            else:
                fields.nickname = collapse(bracket)
                start = 1
        elif (colon := _colon_nickname(pieces)) is not None:
            nickname, pieces = colon
            plain_all = _plain(pieces)
    elif (
        len(pieces) > 2
        and pieces[1].emphasis == "strong"
        and _SLOT_ONLY.fullmatch(pieces[0].text)
        and (colon := _colon_nickname(pieces[1:])) is not None
    ):
        nickname, pieces = colon[0], [pieces[0], *colon[1]]  # `[ICCV 2021] ***WebVid-10M:*** Title`
        plain_all = _plain(pieces)

    lead = _lead_venue_link(pieces, links, start, fields, template)
    title_index = _title_link(pieces, links, lead, start, fields, template)

    if title_index == start and nickname is None and fields.nickname is None and _nick_before_citation(pieces, start):
        nickname, title_index = collapse(pieces[start].text), None
    if title_index is not None and fields.nickname is None:
        _read_linked(pieces, title_index, lead, fields, template)
    else:
        _read_plain(pieces, links, start, lead, plain_all, fields, template)

    for i in links:
        if i == lead and pieces[i].url and not pieces[i].url.startswith("#"):
            fields.roles.append("paper")
        elif is_badge(pieces, i):
            fields.roles.append(badge_role(pieces, i))
        else:
            fields.roles.append(link_role(pieces[i].text, pieces[i].url, i == title_index))
    for badge in (p for p in pieces if p.image):
        _badge(badge, fields)
    if fields.venue is None:
        named = section_venue(section)
        paperless = "paper" not in fields.roles
        for n, (i, role) in enumerate(zip(links, fields.roles, strict=True)):
            label = undecorated(pieces[i].text).strip("[] ")
            url = pieces[i].url.strip()
            # `Title [[CVPR2018]](repo)`: the paper, on its code's page (not the event's site, `[MICCAI2021](site)`)
            if (
                paperless
                and role != "paper"
                and i != title_index
                and url[:1] not in ("", "#")
                and _dated_venue(label, url)
            ):
                fields.roles[n] = role = "paper"
            if role == "paper" and i != title_index and is_venue_label(label):
                if named is not None and label.lower() == "arxiv":
                    continue  # (`## ICCV 2023` / `- Title [Paper](cvf) [arXiv](abs)`: the preprint is no venue)
                _venue_field(label, fields, template, "tail")  # `[[CVPR]](url)`: the paper link names its venue
                break
    if fields.year is None:
        for i, role in zip(links, fields.roles, strict=True):
            text = pieces[i].text
            if role == "code" or i == title_index or "/" in text:
                continue
            slot = _dated_slot(undecorated(text).strip("[] "))
            if slot is not None and slot.year is not None:
                fields.year = slot.year  # `[[AABI2022]](url)`: a venue the table does not know still dates it
                break
    _host_venue(pieces, links, (title_index, lead), fields, template)
    finish(fields, pieces, section, heading_year, plain_all)
    if nickname is not None:
        fields.nickname = nickname
    return fields


def known_dated(text: str) -> VenueField | None:
    """A short field that names a venue the table knows with its year: a heading (`## ICCV 2023`, `### NeurIPS 2022
    Workshop`, `## arXiv 2022`) or a citation's last field (`AAMAS, 2014`); None for a year only (`## 2019`)."""
    if len(text.split()) > 4 or not any(c.isdigit() for c in text):
        return None
    found = read_venue(text)
    return found if found is not None and found.known and found.year is not None else None


@lru_cache(maxsize=1024)
def section_venue(section: tuple[str, ...]) -> tuple[str, str] | None:
    """The venue and its heading's text that the nearest heading with a year names (`## CVPR 2022` /
    `### Trajectory Prediction`), or None when that heading names a year only, a preprint server or nothing."""
    for heading in reversed(section):
        found = known_dated(heading)
        if found is not None and found.venue is not None:
            return (found.venue, collapse(heading)) if found.venue != "arXiv" else None
        if any(c.isdigit() for c in heading) and HAS_YEAR.search(heading):
            return None
    return None


def bold_bracket(piece: Piece) -> str | None:
    """What a bold run that is only a bracket holds (`**[Nick]**`, `**[4]**`, `**[Survey | AIDB]**`), or None."""
    m = _BOLD_BRACKET.fullmatch(piece.text) if piece.emphasis == "strong" and not piece.link else None
    return m.group(1) if m else None


def _named_again(bracket: str, after: list[Piece]) -> bool:
    """Whether the title after a bold bracket opens with its text and a colon (`**[PACT]** PACT: Title`): the
    bracket is then the paper's nickname, even where a venue has that name."""
    head = _text_only(after).lstrip()
    return head.startswith(bracket) and head[len(bracket) :].lstrip().startswith(":")


def _year_lead(text: str, fields: Fields) -> str:
    """A title without the year (and venue) that opens it, which go into `fields`: `2019 - Title`, `2015-CVPR -
    Title`, `2021.07 Title` (a year and month), `19-ICCV-Title` (a venue the table knows)."""
    short = _SHORT_YEAR_LEAD.match(text) if text[:2].isdigit() else None
    found = read_venue(short.group("venue")) if short is not None else None
    if short is not None and found is not None and found.known and found.venue is not None:
        fields.year = fields.year or year_of(short.group("year"))
        if fields.venue is None:
            fields.venue, fields.venue_raw = found.venue, short.group("venue")
        return text[short.end() :]
    if text[:2] not in ("19", "20"):
        return _venue_year_lead(text, fields)
    year_lead = _YEAR_DASH_LEAD.match(text) or _YEAR_MONTH_LEAD.match(text)
    if year_lead is None:
        return text
    fields.year = fields.year or int(year_lead.group(1))
    venue = year_lead.groupdict().get("venue")
    if venue and fields.venue is None and (found := read_venue(venue)) is not None and found.known:
        fields.venue, fields.venue_raw = found.venue, venue  # (`2014-Survey - Title` names no venue)
    return text[year_lead.end() :]


def _venue_year_lead(text: str, fields: Fields) -> str:
    """A title without the known venue and year that open it before a comma or colon, which go into `fields`: `ICML
    2025, Title`, `arxiv 2025, 05, Title` (the month it was posted), `CVPR 2025 (Oral), Title` (a note), `ACL2015:
    **Title**`."""
    lead = _VENUE_YEAR_LEAD.match(text) if text[:1].isalpha() else None
    found = read_venue(lead.group("venue")) if lead is not None else None
    if lead is None or found is None or not found.known or found.venue is None:
        return text
    rest = text[lead.end() :]
    if len(rest.split()) < 2 or not looks_like_title(rest):
        return text
    _set_venue(fields, replace(found, year=int(lead.group("year"))), text[: lead.end()].rstrip(" ,:："))
    note = (lead.group("note") or "").strip(" ,()")
    if note and not note.isdigit() and note not in fields.notes:
        fields.notes.append(note)
    return rest


def _unbracketed(piece: Piece) -> Piece:
    """A bold run that is only a bracket (`**[Title]**`) as the bold run of what the bracket holds."""
    m = _BOLD_BRACKET.fullmatch(piece.text)
    if m is None:
        return piece
    exact = _source_is_text(piece)
    start, end = (piece.start + m.start(1), piece.start + m.end(1)) if exact else (piece.start, piece.end)
    return replace(piece, text=m.group(1), start=start, end=end)


def _source_is_text(piece: Piece) -> bool:
    """Whether a piece's source offsets span exactly its text, so an offset in the text is one in the source."""
    return piece.start >= 0 and piece.end - piece.start == len(piece.text)


def _sliced(piece: Piece, cut: int) -> Piece:
    """A plain piece without its first `cut` characters (its start moved with them where its source is its text)."""
    start = piece.start + cut if _source_is_text(piece) else piece.start
    return replace(piece, text=piece.text[cut:], start=start)


def _colon_nickname(pieces: list[Piece]) -> tuple[str, list[Piece]] | None:
    """`**OSTrack**: Authors. Title. In Venue, Year.`: a bold run and a colon before an author list is the item's
    nickname, whatever it holds (`Cycle GAN`, `???`); so is a short one before a title in an item that links a
    paper (`**Vibe Checker**: Aligning Code Evaluation with Human Preference [2025-10-arXiv] [[paper]](url)`);
    returns it and the pieces without it."""
    name = pieces[0].text.strip()
    if len(pieces) < 2 or pieces[1].link or pieces[1].emphasis:
        return None
    rest = pieces[1].text.lstrip()
    if name.endswith((":", "：")):
        name = name[:-1].rstrip()
    elif rest.startswith((":", "：")):
        rest = rest[1:]
    else:
        return None
    after = _text_only([Piece(rest), *pieces[2:]])
    stop = _STRONG_SEP.search(after)
    names = after[: stop.start()] if stop is not None and "." in stop.group() else ""
    if not name:
        return None
    listed = looks_like_authors(names) and ("," in names or " and " in names)
    if not listed and not _nickname_before_title(name, after, pieces):
        return None
    return collapse(name), [Piece(""), replace(pieces[1], text=rest), *pieces[2:]]


def _nick_before_citation(pieces: list[Piece], index: int) -> bool:
    """`[RMD](url). RMD: Title, Liao et al. ArXiv 2024.`, `[AMP](url). AMP: Title, SIGGRAPH 2021.`: a link of up to
    three words opens the item and a citation of its own follows (a title of three words or more, then names ending
    with `et al` or a venue the table knows with its year); the label is a nickname."""
    label = pieces[index].text.strip()
    if pieces[index].image or not 0 < len(label.split()) <= 3 or (len(label.split()) > 2 and looks_like_title(label)):
        return False
    after = pieces[index + 1 :]
    end = next((n for n, p in enumerate(after) if p.link), len(after))
    text = _text_only(after[:end])
    if not text.startswith((".", " ")):
        return False
    parts = text.lstrip(" .").split(". ", 1)[0].split(", ")
    for k in range(len(parts) - 1, 0, -1):
        found = read_venue(parts[k]) if HAS_YEAR.search(parts[k]) else None
        if _et_al_names(parts[k]) or (found is not None and found.known and found.year is not None):
            title = ", ".join(parts[:k])  # (`(Gaoyang Liu et al., Arxiv 2021)` cites only names: no title)
            # (`[Distributed Halide](url) by Tyler Denniston et al., PPoPP 2016`: names only, the label is the title)
            return len(title.split()) >= 3 and not title.lstrip().startswith("(") and not _BY_LEAD.match(title)
    return False


def _nickname_before_title(name: str, after: str, pieces: list[Piece]) -> bool:
    """Whether a bold name of up to three words and a colon stand before a title, in an item that links a paper:
    the name is then a nickname (a tool's `**Name**: description` links no paper)."""
    if len(name.split()) > 3 or not _has_letter(name) or not any(p.link and is_paper_host(p.url) for p in pieces):
        return False
    title = _TITLE_END.split(after, maxsplit=1)[0]
    head, stop, rest = title.partition(". ")
    if stop and _names_venue_or_year(rest.strip(" .")):
        title = head  # `**GPT-3 :** Language Models are Few-Shot Learners. NeurIPS 2020. [Paper](url)`
    dated = _TITLE_YEAR.search(title)
    title = title[: dated.start()] if dated is not None else title  # `**CORD-19**: Cord-19: … dataset 2020. [paper]`
    return len(title.split()) >= 3 and looks_like_title(title) and not title.rstrip().endswith(".")


def recognise_block(
    head: list[Piece], title: list[Piece], authors: list[Piece], section: tuple[str, ...], heading_year: int | None
) -> tuple[list[Piece], Fields]:
    """A paper written as a paragraph of fields (`Nick. *Venue Year*.`, then its links a line) and, right after it,
    a two-item list `- Title` / `- Authors`: the pieces of the three parts and the fields read from them."""
    fields = Fields(kind="paper", title=clean_title(_text_only(title)), title_form="group")
    fields.authors = collapse(_text_only(authors)).rstrip(" .,;") or None
    first = next((n for n, p in enumerate(head) if p.brk or p.newline), len(head))
    line = [p for p in head[:first] if not p.link and not p.image]
    emphasised = collapse("".join(p.text for p in line if p.emphasis))
    if emphasised and _names_venue_or_year(emphasised):
        _venue_year(emphasised, fields)
    nick = collapse("".join(p.text for p in line if not p.emphasis)).strip(" .,:;")
    if nick and len(nick.split()) <= 3 and not looks_like_title(nick) and not _names_venue(nick):
        fields.nickname = nick
    pieces = [*head, Piece(" ", brk=True), *title, Piece(" ", brk=True), *authors]
    for i, piece in enumerate(pieces):
        if not piece.link:
            continue
        if is_badge(pieces, i):
            fields.roles.append(badge_role(pieces, i))
            continue
        role = link_role(piece.text, piece.url, False)
        fields.roles.append("paper" if role in ("other", "project") and is_paper_host(piece.url) else role)
    finish(fields, pieces, section, heading_year)
    return pieces, fields


def _host_venue(
    pieces: list[Piece], links: list[int], own: tuple[int | None, ...], fields: Fields, template: Template
) -> None:
    """Votes on whether the labels of the item's paper links name its venue (`[[ICLR 2024]](url)` yes, `[[PDF]](url)`
    no), and the venue from a label that names a paper host (`[[OpenReview]](url)`) where the list says they do."""
    named = None
    for i, role in zip(links, fields.roles, strict=True):
        if role != "paper" or i in own or is_badge(pieces, i):
            continue
        label = pieces[i].text.strip("[] ")
        if label.lower() in HOST_VENUES:
            named = named or HOST_VENUES[label.lower()]
            continue
        found = read_venue(label)
        if found is not None and found.known and (found.venue or "arxiv").lower() != "arxiv":
            fields.vote("label:venue", True)
        elif label_kind(label) == "paper" and (found is None or not found.known):
            fields.vote("label:venue", False)
    if named is not None and fields.venue is None and fields.ask(template, "label:venue", False):
        fields.venue = fields.venue_raw = named


def finish(
    fields: Fields, pieces: list[Piece], section: tuple[str, ...], heading_year: int | None, text: str | None = None
) -> None:
    """The fields that follow from the links' roles: the arXiv id, cited ids, the heading's year, evidence
    (`text` is the pieces' plain text where the caller has it)."""
    links = [i for i, p in enumerate(pieces) if p.link]
    text = _plain(pieces) if text is None else text
    if "arxiv" in text.lower():  # every citation of an id names arXiv
        for cited in arxiv_id.find_cited(text):
            if all(c.id != cited.id for c in fields.cited):
                fields.cited.append(cited)
    if fields.roles.count("paper") + fields.roles.count("code") > 1 and len(links) > 1:
        _repository_links(fields, pieces, links)
    fields.arxiv = linked_arxiv(pieces, fields.roles, links)
    if fields.arxiv is None and fields.cited:
        fields.arxiv = fields.cited[0]
    if fields.arxiv is not None and not arxiv_id.is_valid(fields.arxiv.id):
        fields.arxiv = None  # `arXiv:2014.10510` cannot exist: no paper's id (the text keeps it in `cited`)
    if fields.year is None:
        fields.year = heading_year
    if fields.nickname is None and links and links[-1] < len(pieces) - 1 and pieces[-1].emphasis == "strong":
        fields.nickname = _closing_nickname(pieces[links[-1] + 1 :])
    _evidence(fields, pieces, links, section)


def _leads_on(text: str) -> bool:
    """Whether text ends in a word that leads on into what follows it (`featured in`, `They use the`)."""
    return text.rstrip().rpartition(" ")[2] in _LEADS_ON


def linked_arxiv(pieces: list[Piece], roles: list[LinkRole], links: list[int] | None = None) -> arxiv_id.ArxivId | None:
    """The arXiv id of the first link the roles make the paper's (or an untyped link's), if any (`links`: where
    the pieces' links are, where the caller has them)."""
    if links is None:
        links = [i for i, p in enumerate(pieces) if p.link]
    for i, role in zip(links, roles, strict=True):
        # (a badge that names no paper, `[![](…/CoSQL-yellow)](arxiv)`, links a dataset's paper, not this one)
        if (role == "paper" or (role == "other" and not is_badge(pieces, i))) and pieces[i].url:
            found = arxiv_id.parse_link(pieces[i].url)
            if found is not None:
                return found
    return None


def _dated_slot(label: str) -> VenueField | None:
    """A link label read as a venue's slot with its year (`AABI2022`, `CVPR 2018`); None at once for a label
    without a digit, which can name no year."""
    return _venue_with_year(label) if any(map(str.isdigit, label)) else None


def _dated_venue(label: str, url: str) -> bool:
    """A link label that names a known venue and its year (`CVPR2018`, `ICCV 2023`), linking elsewhere than the
    event's own site (`[MICCAI2021](https://miccai2021.org/)`)."""
    found = _dated_slot(label)
    if found is None or not found.known or found.year is None or found.venue in (None, "arXiv"):
        return False
    return found.venue.split()[0].lower() not in host(url)


def _closing_nickname(after: list[Piece]) -> str | None:
    """`… [[paper]](url) - ***ASTE***`: a short bold name after an item's last link, set off by a dash, is its
    nickname; None for anything else."""
    shown = [p for p in after if p.text.strip() and not p.image]
    bold = [p for p in shown if p.emphasis == "strong"]
    if not bold or shown[-len(bold) :] != bold or len(shown) - len(bold) != 1:
        return None
    if shown[0].text.strip() not in ("-", "–", "—"):
        return None
    name = collapse("".join(p.text for p in bold))
    return name if 0 < len(name.split()) <= NICK_WORDS and _has_letter(name) else None


def _named_link(label: str, url: str, tail: str, fields: Fields, template: Template) -> tuple[str, str, str] | None:
    """`[Megatron-LM](arxiv): Training Multi-Billion …`, `[[**AttnFlow**](arxiv)] Generative Flows …`: a paper's short
    name as the link, then a colon or the link's bracket, then its title in plain text. The name, the title and
    the rest of the tail, or None where the link is the title."""
    if tail.lstrip()[:1] not in ("]", ":", "：") and not label.endswith((":", "：")):
        return None  # (the usual linked title: no colon or bracket between it and what follows)
    name = label.rstrip(":： ")
    if fields.nickname is not None or len(name.split()) > 3 or not (is_paper_host(url) or label != name):
        return None
    m = _NAMED_TITLE.match(tail)
    if m is None or not (m.group("sep") or label != name) or looks_like_authors(name):
        return None  # (`**[SCIENCEQA](url)** Multimodal questions …`: a name and what it is, no title)
    text = m.group("title")
    read = copy.deepcopy(fields)  # (the fields `_title_end` finds count only where the text gives the title)
    cut = _title_end(text, read, template)
    title = clean_title(_TRAILING_JUNK.sub("", text[:cut]))
    if len(title.split()) < 4 or not looks_like_title(title) or looks_like_authors(title) or _names_venue(title):
        return None
    for slot in Fields.__slots__:
        setattr(fields, slot, getattr(read, slot))
    return name, title, text[cut:] + tail[m.end() :]


def _repository_links(fields: Fields, pieces: list[Piece], links: list[int]) -> None:
    """A paper link to a repository links the code where another link is the paper: the title's (`[Title](repo) -
    [arXiv](url)`, or where a code link goes to the same repository: `[Title](repo), CVPR 2024 | [github](repo)`), or
    one whose label says nothing (`[[link]](repo) [[paper]](url)`). A repository is the paper link only where nothing
    else is (`- [Title](repo) - *CVPR 2019*.`)."""
    for number, i in enumerate(links):
        url = pieces[i].url
        if fields.roles[number] != "paper":
            continue
        others = fields.roles.count("paper") > 1
        if i == fields.title_link:
            coded = zip(links, fields.roles, strict=True)
            moved = others or any(role == "code" and pieces[j].url == url for j, role in coded)
        else:
            moved = others and _GENERIC_LABEL.match(undecorated(pieces[i].text)) is not None
        if moved and is_repository(url) and not is_paper_host(url) and not is_notes_file(url):
            fields.roles[number] = "code"


def _badge(piece: Piece, fields: Fields) -> None:
    """A shields.io badge whose text names a venue (`![Publish](https://img.shields.io/badge/Conference-ICML'24-blue)`)."""
    if fields.venue is not None or fields.venue_unsure:
        return
    texts = [piece.text]
    url = piece.url
    if segments := shields_segments(url):
        texts.insert(0, "-".join(segments[1:-1]) if len(segments) >= 3 else segments[0])  # (`ICLR 2024-orange`)
        if len(segments) >= 3:
            texts.insert(1, " ".join(segments[:-1]))  # label and message: `NeurIPS-2023-blue`
    for text in texts:
        found = read_venue(text)
        if found is not None and found.known and found.venue is not None:
            _set_venue(fields, found, text)
            return
    dated = _ACRONYM_YEAR.fullmatch(texts[1]) if len(texts) > 2 and fields.year is None else None
    if dated is not None:
        fields.year = int(dated.group(1))  # `badge/SC-2023-green.svg`: a venue's acronym the table does not know
    posted = _BADGE_DATE.fullmatch(texts[0]) if len(texts) > 2 and fields.year is None else None
    if posted is not None and (label_kind(segments[0]) == "paper" or _DATE_LABEL.fullmatch(segments[0])):
        fields.year = int(posted.group(1))  # `badge/pdf-2025.02-red`: when the paper came out


def _lead_venue_link(
    pieces: list[Piece], links: list[int], start: int, fields: Fields, template: Template
) -> int | None:
    """A link that opens the item and is followed by the title as text, whose label is the venue.

    `[[CVPR](url)] Title`: a known venue label always is; an unknown one (`[[Ocean Engineering](url)]`) is
    when the list's template says so.
    """
    if not links:
        return None
    first = links[0]
    if _text_only(pieces[start:first]).strip(" [\\") or pieces[first].style == "bare":
        return None
    following = links[1] if len(links) > 1 else len(pieces)
    after = _text_only(pieces[first + 1 : following]).strip(" ]\\.,:-|")  # `[Venue](url) | *Publisher*`: no title
    label = pieces[first].text.strip("[] ")
    if len(after.split()) < 2 or not label:
        return None
    if is_venue_label(label):
        fields.vote("label_venue", True)
        return first
    kind = label_kind(label)
    if kind != "text" or is_owner_repo(label):
        return None
    found = read_venue(label)
    if found is None or len(label.split()) > 8:
        fields.vote("label_venue", False)
        return None
    wrapped = _text_only(pieces[start:first]).rstrip().endswith("[") and _text_only(
        pieces[first + 1 : following]
    ).lstrip().startswith("]")
    if not wrapped and not pieces[first].text.startswith("["):
        fields.vote("label_venue", False)
        return None
    default = (looks_like_title(after) and len(after.split()) >= 4) or _venue_with_year(
        label
    ) is not None  # `[[TIM 22](url)]`
    return first if fields.ask(template, "label_venue", default) else None


def _title_link(
    pieces: list[Piece], links: list[int], lead: int | None, start: int, fields: Fields, template: Template
) -> int | None:
    """The link whose label is the title, or None when the title is plain text.

    A label that names what its link is (`code`, `PDF`), a venue, a count or a list of names is never the
    title. When title-like text stands before the first title-like label (`Title. [Author][1] et al.`), the
    list's template decides which of the two is the title.
    """
    candidate = None
    for i in links:
        if i == lead:
            continue
        label = pieces[i].text
        if not label or (label.startswith("[") and label.endswith("]")) or is_decoration(label):
            continue  # (`[:book:](cite.txt)`: an emoji names no paper)
        if pieces[i].style in ("autolink", "bare") and (
            any(p.emphasis == "strong" and p.text for p in pieces[start:i]) or _named_address(pieces, i, start, lead)
        ):
            continue  # (`**Title**` / `<https://arxiv.org/abs/…>`, `U-Net [https://…] [2015]`: an address after a name)
        if (
            i > start
            and len(label) <= _VENUE_LABEL_CHARS
            and is_venue_label(label)
            and looks_like_title(_text_only(pieces[start:i]).strip(" ,.;:-|*_"))
        ):
            continue  # (`Title, [CVPR 2019](url)`, `**Title**, *[📝WSDM](url)*`: the link names where, not what)
        kind = label_kind(label)
        if kind in ("code", "project") and _names_item(pieces, i, start):
            kind = "text"
        elif kind == "paper" and _names_item(pieces, i, start) and _DESCRIPTION_AFTER.match(pieces[i + 1].text):
            kind = "text"  # `- [Papers](url) - The most cited deep learning papers.`
        names = _NAME_LIST_MARK.search(label) and looks_like_authors(label) and not _lone(pieces, i)
        if names and i + 1 < len(pieces) and not pieces[i + 1].link and _sure_names(pieces[i + 1].text.strip()):
            names = False  # `[Optimizing Quantum Circuits, Fast and Slow](url) Amanda Xu et al`: the names follow
        if kind != "text" or names:
            continue  # (a lone link, as in a table's title cell, is the title: `[Unifying Flow, Stereo and Depth …]`)
        candidate = i
        break
    if candidate is None:
        return None
    before = [p for j, p in enumerate(pieces[start:candidate], start) if j != lead]
    text = _text_only(before)
    if text.rstrip().endswith((":", "：")) and looks_like_title(pieces[candidate].text):
        return candidate  # `Our survey paper on MedIA: [Title](url)`: words that lead in to the linked title
    if text.strip():
        text = _strip_tags(text)[0]
        text = collapse(_LEAD_BRACKET.sub("", text) if lead is None else text).strip(" []\\.,:;-")
    else:
        text = ""
    venue_like = text and (_PREFIX_VENUE.match(text) or (len(text.split()) <= 6 and _names_venue(text.strip("()[] "))))
    if not text or venue_like or looks_like_authors(text) or not looks_like_title(text):
        fields.vote("text_title", False)
        return candidate
    return None if fields.ask(template, "text_title", False) else candidate


def _named_address(pieces: list[Piece], index: int, start: int, lead: int | None) -> bool:
    """Whether a bare address follows a name (`U-Net [https://…]`, `SegNet https://…`), not a label (`arxiv: https://…`)."""
    before = _text_only([p for j, p in enumerate(pieces[start:index], start) if j != lead]).strip(" [(-")
    return _has_letter(before) and not before.endswith((":", "："))


def _lone(pieces: list[Piece], index: int) -> bool:
    """Whether the link at `index` is all the item holds (other text only punctuation)."""
    return not any(p.link or p.text.strip(" .,;|") for j, p in enumerate(pieces) if j != index)


def _names_item(pieces: list[Piece], index: int, start: int) -> bool:
    """A link that opens the item, unwrapped, with text after it: `[pytorch](url) - Tensors and ...` names
    the entry even when its label is a word that elsewhere labels a code link."""
    before = _text_only(pieces[start:index])
    after = _text_only(pieces[index + 1 : index + 2])
    return not before.strip() and not after.lstrip().startswith("]") and bool(after.strip(" ]"))


def _read_linked(pieces: list[Piece], title_index: int, lead: int | None, fields: Fields, template: Template) -> None:
    """An item whose title is a link label: lead (tags, prefix, authors), title, tail (venue, year, notes)."""
    before = _text_only([p for j, p in enumerate(pieces[:title_index]) if j != lead])
    after_pieces = [p for p in pieces[title_index + 1 :] if not (p.link and label_kind(p.text) != "text")]
    tail = _text_only(after_pieces)
    if tail.count("-") + tail.count("–") > 1:
        tail = _DOUBLE_DASH.sub(" ", tail)  # (`- [[CODE]](url) - Names`: the dash before the link)
    before = _take_tags(before, fields)
    fields.title_link = title_index
    fields.title_form = "link"
    if lead is not None:
        _venue_field(pieces[lead].text.strip("[] "), fields, template, "lead")
    lead_bracket = _LEAD_BRACKET.match(before) if lead is None else None
    if lead_bracket and _lead_slot(lead_bracket.group("inner"), fields, template):
        before = before[lead_bracket.end() :]
    elif lead_bracket and not before[lead_bracket.end() :].strip():
        before = _lead_tag(lead_bracket.group("inner"), fields)  # `[MIT] [Course](url)`: a tag, not authors
    prefix = _prefix(before)
    short = before.strip(" ()[]\\")
    if not prefix and lead is None and short and len(short.split()) <= 6 and _names_venue(short):
        _venue_field(before, fields, template, "lead")
        before = ""
    if prefix:
        if prefix.group("venue"):
            venue = prefix.group("venue").strip()
            note = prefix.group("note")
            if note and note.strip().lower() == "workshop":
                venue = f"{venue} Workshop"
            elif note:
                fields.notes.append(note.strip())
            fields.venue = short_name(venue)
            raw = collapse(before).strip().rstrip("-").strip()
            fields.venue_raw = _YEAR_LEAD.sub("", raw)
    elif is_decoration(before):
        pass  # `✅[Title](url)`: an emoji before the title, no field
    elif (nick := _short_parenthesis(collapse(before))) is not None:
        fields.nickname = fields.nickname or nick  # `(NCLT) [Title](url)`: a short name, not authors
    elif (nick := _method_lead(collapse(before), pieces[title_index].text)) is not None:
        fields.nickname = fields.nickname or nick  # `NeuronConductance, [Title](url)`, `LOCO, [Title](url)`
    elif (
        (written := collapse(before)).strip(" []\\")
        and not written.rstrip(" *_").endswith((":", "："))
        and not _leads_on(written)
    ):
        fields.authors = _authors(before)  # (`**Paper**: [Title](url)` names a field, not authors)
        dated = _NAMES_YEAR.fullmatch(fields.authors) if fields.authors and fields.year is None else None
        if dated is not None and dated.group("year") and not _names_venue(dated.group("names").strip(" ,;.")):
            # `Walters and Barzilay, 2021. [Title](url)`: the year the names cite the paper by is no name
            fields.authors, fields.year = collapse(dated.group("names")).strip(" ,;."), int(dated.group("year"))
    # The label's own full stop ends the title only where the citation goes on right after it (`[Title.](url)
    # Authors.`), not where the next field has a separator of its own (`[Title.](url) - Authors.`).
    has_citation = fields.authors is not None or (
        bool(collapse(tail).strip(" []\\|.,;:-")) and not _OWN_SEPARATOR.match(tail)
    )
    fields.title = _year_lead(clean_title(pieces[title_index].text, full_stop=has_citation), fields)
    if "(" in fields.title and fields.authors is None and (apa := _apa_label(fields.title, fields)) is not None:
        fields.title = apa  # `[Geng, S., Liu, S., & Zhang, Y. (2022). Title. RecSys 2022.](url)`
    if ". " in fields.title and fields.authors is None and fields.venue is None:
        fields.title = _label_citation(fields.title, fields, template)
    if (
        "'" in fields.title
        or "’" in fields.title
        or fields.title.endswith(")")
        or fields.title[:1] == "["
        or (fields.title[-4:].isdigit() and ", " in fields.title)
    ):
        fields.title = _label_venue(fields.title, fields)
    if fields.title and (link_named := _named_link(fields.title, pieces[title_index].url, tail, fields, template)):
        fields.nickname, fields.title, tail = link_named  # `[Megatron-LM](arxiv): Title`, `[[**AttnFlow**](url)] Title`
        fields.title_link = None  # (the link is the paper's, its label the name: the title is the text after it)
    for p in pieces[title_index + 1 :]:
        if p.code and not p.link:
            note_m = _PAREN_NOTE.match(p.text)
            if note_m:
                fields.notes.append(collapse(note_m.group(1)))
    by = _BY_AUTHORS.match(tail) if fields.authors is None and "by " in tail.lower() else None
    if by is not None and looks_like_authors(by.group("names")):
        fields.authors = collapse(by.group("names"))  # `[Title](url) by Michael W. Macy and Robert Willer (2002)`
    elif fields.authors is None and "by " in tail and (cited := _by_citation(tail)) is not None:
        fields.authors, tail = cited  # `[Title](url) by Zhou L, Yang P, et al. AAMAS, 2014.`
    elif fields.authors is None and _DASH_LEAD.match(tail) and (dashed := _dash_citation(_ROLE_END.sub("", tail))):
        fields.authors, tail = dashed  # `[Title](url) - K. Soomro and M. Shah, ICCV2017.` (names unsure: None)
    elif fields.authors is None and (bracketed := _paren_citation(tail)) is not None:
        fields.authors, tail = bracketed  # `[Title](url) (Fei Wang et al., IEEE Network 2023)`
    elif fields.authors is None and (parts := _paren_parts(after_pieces)) is not None:
        fields.authors, tail, nick = parts  # `[Title](url)（Zheng et al., 2015, SIGIR, **DeepTR**）`
        fields.nickname = fields.nickname or nick
        after_pieces = [p for p in after_pieces if not (p.emphasis == "strong" and collapse(p.text) == nick)]
    elif fields.authors is None and (named := _names_tail(tail)) is not None:
        fields.authors, tail = named  # `[Title](url) Zhaohui Yang et al [GitHub](url)`
    canonical = _canonical_tail(after_pieces)
    if canonical is not None and fields.authors is None and not prefix:
        fields.authors, emphasised = canonical
        if emphasised:
            _venue_year(emphasised, fields)
    elif fields.venue is None:
        tail_text = tail
        for note in fields.notes:
            tail_text = tail_text.replace(f"({note})", " ")
        delimited = _delimited_parts(after_pieces, tail)
        if _BRACKET_VENUE.search(tail_text) or not _delimited_fields(delimited, fields, template, known_only=True):
            _venue_from_tail(tail_text, fields)
            if fields.venue is None:
                _delimited_fields(delimited, fields, template, known_only=False)
        elif fields.year is None and len(years := _YEAR.findall(tail_text)) == 1:
            fields.year = int(years[0])  # `· *Nature Medicine* · 2026-08-07`: the one year beside the venue field
    if fields.authors is None and _BR in tail:
        fielded = [field for line in tail.split(_BR) for field in line.split(" · ")]  # (`Names et al. · *Venue*`)
        fields.authors = next(
            (collapse(part).strip(" ·") for part in fielded if looks_like_authors(part.strip(" .,;|·"))), None
        )
    if prefix:
        fields.year = int(prefix.group("year"))


def _short_parenthesis(text: str) -> str | None:
    """What a text that is only a short parenthesis holds (`(NCLT)` gives `NCLT`), or None."""
    m = _PAREN_NOTE.match(text)
    inner = m.group(1).strip() if m else ""
    return inner if 0 < len(inner) <= 31 else None


def _label_citation(label: str, fields: Fields, template: Template) -> str:
    """`[__Title__. Authors. _Venue Year_.](url)`, `[Title. 2018-07-02. AISTATS 2020](url)`: a link label that is a
    whole citation gives the title (what stands before the authors or the dates and venue), and the authors, venue
    and year; any other label is the title as it is."""
    cited = Fields(kind="paper", title="")
    cut = _title_end(label, cited, template)
    year = cited.year or _last_year(label[cut:])
    if cut >= len(label) or (cited.venue is None and year is None):
        return label
    if cited.authors is None and not all(_dated_field(part) for part in _STRONG_SEP.split(label[cut:]) if part):
        return label
    fields.authors, fields.venue, fields.venue_raw, fields.year = cited.authors, cited.venue, cited.venue_raw, year
    fields.asked, fields.votes = (*fields.asked, *cited.asked), (*fields.votes, *cited.votes)
    return clean_title(label[:cut])


def _apa_label(label: str, fields: Fields) -> str | None:
    """An APA citation as a link label, `Names (Year). Title. Venue.`: its title, with the names, year and a venue the
    table knows going to `fields`; None for any other label."""
    m = _APA.match(label)
    if m is None or not looks_like_authors(m.group("names")):
        return None
    rest = m.group("rest")
    title, venue = rest.rstrip(" ."), None
    stop = rest.find(". ")
    while stop > 0:
        found = read_venue(rest[stop + 2 :].strip(" ."))
        if found is not None and (found.known or found.arxiv):
            title, venue = rest[:stop], found
            break
        stop = rest.find(". ", stop + 2)
    fields.authors, fields.year = collapse(m.group("names")).rstrip(" ,."), int(m.group("year"))
    if venue is not None and venue.venue is not None:
        fields.venue, fields.venue_raw = venue.venue, rest[stop + 2 :].strip(" .")
        fields.year = venue.year or fields.year  # (`(2023). Title. WSDM 2024.`: the year of the venue)
    return clean_title(title)


def _label_venue(label: str, fields: Fields) -> str:
    """`[USDRL AAAI'2025](url)`, `[Quantum Machine Learning (Nature 2017)](url)`: a venue with its year that ends a
    link label goes to the fields (an apostrophe year only after a known venue; a parenthesised name the table
    does not know gives only the year); the label before it is the title."""
    lead = _LEAD_BRACKET.match(label)
    opens = lead is not None and 2 <= len(lead.group("inner")) <= 40 and _has_letter(label[lead.end() :])
    slot_lead = read_slot(lead.group("inner")) if lead is not None and opens else None
    if lead is not None and slot_lead is not None and slot_lead.year is not None:
        if slot_lead.known and fields.venue is None:  # `[[CIKM 2019] Meta-GNN: Title](url)`
            fields.venue, fields.venue_raw = slot_lead.venue, lead.group("inner")
        fields.year = fields.year or slot_lead.year
        return clean_title(label[lead.end() :])
    m = _LABEL_VENUE_END.search(label)
    if m is None or not _has_letter(label[: m.start()]) or fields.venue is not None:
        return label
    slot = m.group("slot") or m.group("paren") or m.group("first") or m.group("year")
    found = read_venue(slot)
    # (a comma before a slot sets it apart as a field: `[Title, CF'14](url)` gives the year of a venue not known)
    apart = m.group("slot") is not None and label[: m.start()].rstrip().endswith(",")
    if (
        found is None
        or found.year is None
        or not (found.known or apart or m.group("paren") or m.group("first") or m.group("year"))
    ):
        return label
    if found.known:
        fields.venue, fields.venue_raw = found.venue, slot
    fields.year = fields.year or found.year
    return clean_title(label[: m.start()].rstrip(" ,;"))  # (`[AmorphOS: Title, OSDI'18](url)`)


def _dash_citation(tail: str) -> tuple[str | None, str] | None:
    """`- P. Weinzaepfel et al., arXiv2017.` after a linked title: the names (None when not a whole list) and the
    venue-and-year field after the last comma or full stop; None when the tail is not that."""
    text = _DASH_LEAD.sub("", tail, count=1).rstrip(" .")
    paren = _NAMES_PAREN.fullmatch(text)  # `- Omran, Mohamed and Schiele, Bernt (3DV 2018)`, `- Bregler, C (CVPR 2015)`
    known = known_dated(paren.group("rest")) if paren is not None else None
    if paren is not None and known is not None:
        names = paren.group("names").rstrip(" .,")
        if looks_like_authors(names) or _bibtex_names(names):
            return collapse(names), paren.group("rest")
    cut = max(text.rfind(", "), text.rfind(". "))
    if cut <= 0:
        return None
    names, rest = text[:cut], text[cut + 2 :]
    found = read_venue(rest) if len(rest.split()) <= 4 else None
    if found is None or found.year is None or not (found.known or found.venue is None):
        return None
    names = names.rstrip(" .,")
    if not names:
        return None  # (`[Title](url) - ., ICML 2016.`: no names)
    if names.split()[0].lower() in ("and", "&"):
        return None, rest  # (`- [X. Peng](url) and C. Schmid. ECCV2016.`: a linked name opens the list, unread)
    return (collapse(names), rest) if looks_like_authors(names) else None


def _paren_citation(tail: str) -> tuple[str, str] | None:
    """`(Fei Wang et al., IEEE Network 2023)` opening the tail after a linked title: names ending in `et al` or a
    list of names, then after a comma a venue field with its year; the names and that field, or None."""
    m = _PAREN_CITATION.match(tail)
    names = m.group("names") if m else ""
    if m is None or not (_sure_names(names) or _full_names(names)):  # (`Stanford, Berkeley`: places)
        return None
    found = read_venue(m.group("rest"))
    return (collapse(names).rstrip(" ,."), m.group("rest")) if found and found.year else None


def _paren_parts(after: list[Piece]) -> tuple[str | None, str, str | None] | None:
    """A parenthesis of comma fields right after a linked title, `(Zheng et al., 2015, SIGIR, **DeepTR**)` (ASCII or
    full-width): its opening names (sure ones), the fields in between, and a bold name that closes it (the
    nickname); None where it has neither names nor such a name, or no year."""
    end = next((n for n, p in enumerate(after) if p.link), len(after))
    m = _PAREN_FIELDS.match(_EMPTY_BRACKETS.sub("", _text_only(after[:end])))  # (`(Names, 2019) ([code](url))`)
    if m is None:
        return None
    parts = [part.strip() for part in m.group(1).split(",")]
    if len(parts) == 1 and (dated := _NAMES_YEAR.fullmatch(parts[0])) is not None and dated.group("year"):
        parts = [dated.group("names").strip(), dated.group("year")]  # `(Hu et al. 2022)`: no comma before the year
    bold = {collapse(p.text) for p in after[:end] if p.emphasis == "strong"}
    nick = parts.pop() if len(parts) > 1 and parts[-1] in bold and len(parts[-1].split()) <= NICK_WORDS else None
    cited = len(parts) > 1 and (_sure_names(parts[0]) or _two_surnames(parts[0].rstrip(" .")))
    names = parts.pop(0).rstrip(" .") if cited else None  # (`(Rigaki and Garcia, 2023)`, `(Wang & Sun, 2021)`)
    if (names is None and nick is None) or not any(HAS_YEAR.search(part) for part in parts):
        return None
    return names, ", ".join(parts), nick


def _method_lead(text: str, label: str) -> str | None:
    """A method's name and a comma or colon before a linked title (`NeuronConductance,`, `LOCO,`, `Shapley sampling
    values:`): a word written as a name is (capitals inside it, or digits), and so is one that opens the title
    (`Anchors, [Anchors: …](url)`), or up to three words before a colon."""
    name = undecorated(text.strip().rstrip(",:：").strip())
    if not name or name == text.strip() or len(name.split()) > 3 or sentence_like(name) or not name[0].isupper():
        return None
    if label_kind(name) != "text":
        return None  # `📜 Paper: [url](url)`: a field's label
    if label.startswith(("http://", "https://", "www.")) and not _NAMED_WORD.fullmatch(name):
        return None  # `Details: https://…`: a word before an address is its label (`**LC-QuAD**: https://…` a name)
    if text.strip().endswith((":", "：")) and not _sure_names(name):
        return name
    if len(name.split()) == 1 and (_NAMED_WORD.fullmatch(name) or label.lower().startswith(name.lower())):
        return name
    return None


def _names_tail(tail: str) -> tuple[str, str] | None:
    """A tail after a linked title that is only names (`Zhaohui Yang et al`, `Anurudh Peduri, Siddharth Bhat`),
    perhaps with a year after them (`F. Javier Cardama et al 2025`) and a venue after that (`, Rudin N et al 2022,
    CoRL`, `, Tingxiang Fan 2020, IJRR`), or names ending in `et al` and a comma before the venue and year (`, Kurt
    Shuster et al., *arXiv* 2020`): the names and the rest (the venue and year), or None."""
    head, comma, last = tail.rpartition(",")
    if comma and 0 < len(last.split()) <= 4 and not HAS_YEAR.search(last) and HAS_YEAR.search(head[-5:]):
        head = head.lstrip(" ,")
        dated = _NAMES_YEAR.fullmatch(head)
        if dated is not None and dated.group("year"):
            named = _names_tail(head)
            found = read_venue(last.strip(" .")) if named is None else None
            if found is not None and found.known and looks_like_name(dated.group("names").strip()):
                named = collapse(dated.group("names")).strip(" ,;."), dated.group("year")  # (one name, a known venue)
            if named is not None:
                return named[0], f"{last.strip()} {named[1]}"
    m = _NAMES_YEAR.fullmatch(tail)
    if m is None:
        return _et_al_tail(tail)
    names = collapse(m.group("names")).strip(" ,;.")
    rest = m.group("year") or ""
    undated, posted = _posted(f"{names} {rest}")
    if rest and posted is not None:
        names = undated  # `Mingxin Li, et al., Oct 2024`: the month it was posted stays out of the names
    head, stop, last = names.rpartition(". ")
    found = read_venue(last) if stop else None
    if found is not None and found.known and found.venue is not None:
        names, rest = head.strip(" ,;."), f"{last} {rest}"  # `_Jianlin Su, Yunfeng Liu._ Arxiv 2021.`
    one = stop and found is not None and found.known and "," not in names and looks_like_name(names)
    if not names or not (_sure_names(names) or _listed_names(names) or one):
        return None
    return names, rest


def _et_al_tail(tail: str) -> tuple[str, str] | None:
    """`, Kurt Shuster et al., *arXiv* 2020`: names ending in `et al` and a comma before a venue and year, and the
    tail; None for any other tail."""
    text = tail.lstrip(" ,.;")
    cited = _et_al_lead(text) if "et" in text else None
    if cited is None:
        return None
    rest = text[cited[1] :]
    if not (HAS_YEAR.search(rest) or known_dated(rest.strip(" .,;*_")) is not None):
        return None
    return cited[0], tail  # (the venue is read from the whole tail, as before)


def _by_citation(tail: str) -> tuple[str, str] | None:
    """`by Zhou L, Yang P, et al. AAMAS, 2014.` after a linked title: the names up to the first full stop after
    which the rest holds a year, and that rest (the venue and year); None when no such names open the tail."""
    lead = _BY_LEAD.match(tail)
    if lead is None:
        return None
    tail = _GLUED_VENUE.sub(_unglued, tail) if "." in tail else tail  # (`Pierre-Yves Oudeyer.arXiv 2018`)
    etal = _ET_AL.search(tail, lead.end())
    if etal is not None and looks_like_authors(tail[lead.end() : etal.end()]):
        rest = tail[etal.end() :]  # `by Aart J.C. Bik et al., arXiv 2022`, `by Oliver Rausch et al., ICS 22`
        if HAS_YEAR.search(rest) or known_dated(rest.strip(" .,;")) is not None:
            return collapse(tail[lead.end() : etal.end()]).rstrip("."), rest
    if not HAS_YEAR.search(tail):
        return None
    head, comma, last = tail.rpartition(",")
    if comma and known_dated(last.strip(" .")) is not None and looks_like_authors(head[lead.end() :]):
        return collapse(head[lead.end() :]), last  # `by Lianmin Zheng, Zhuohan Li and Hao Zhang, OSDI 2022`
    at = tail.find(". ", lead.end())
    while at >= 0:
        names, rest = tail[lead.end() : at], tail[at + 2 :]
        if not HAS_YEAR.search(rest):
            return None
        initial = _ENDS_WITH_INITIAL.search(names) is not None
        if initial and (_SURNAME_STOP.match(rest) or _names_go_on(rest)):
            pass  # (`Michael P. Wellman. ICML`, `Anna V. Kononova and Aske Plaat. arXiv`: the initial's full stop)
        elif looks_like_authors(names) or (looks_like_name(names) and known_dated(rest.strip(" .")) is not None):
            return collapse(names), rest  # (one name only where a known venue and a year follow)
        at = tail.find(". ", at + 2)
    return None


def _names_go_on(rest: str) -> bool:
    """Whether the text after an initial's full stop goes on with names up to its next full stop (`Kononova and Aske
    Plaat. arXiv 2021`, `Assael, Nando de Freitas. arXiv`), not with a venue."""
    part = rest.split(". ", 1)[0].strip()
    found = read_venue(part) if part else None
    return bool(part) and not (found is not None and found.known) and _and_listed(part)


def _and_listed(names: str) -> bool:
    """Whether a text is a list of names, `and` counting as a comma (`Razvan C Bunescu and Raymond J Mooney`)."""
    return looks_like_authors(names.replace(" and ", ", "))


def _dated_field(part: str) -> bool:
    """A field of a citation that is a date, a year, or a venue name with its year (`AISTATS 2020`, `NeruIPS 2019`)."""
    part = part.strip(" .,;:")
    found = read_slot(part) if part else None
    return not part or is_date(part) or (found is not None and found.year is not None and len(part.split()) <= 4)


def _prefix(before: str) -> re.Match[str] | None:
    """A `YEAR-VENUE-`, `YEAR-` or `YEAR VENUE` prefix before a linked title (a spaced venue must be known)."""
    text = collapse(before)
    m = _PREFIX_VENUE.match(text) if text else None
    if m and m.group("venue") and "-" not in text:
        found = read_venue(m.group("venue"))
        if found is None or not found.known:
            return None
    return m


def _delimited_parts(pieces: list[Piece], text: str) -> list[str]:
    """The delimited fields of a tail (`text` is its text, `_text_only(pieces)`): bracketed, after a `|`, emphasised;
    blank ones dropped."""
    parts = [m.group(1) for m in _BRACKETED.finditer(text)] if "[" in text else []
    parts += [m.group(1) for m in _PIPE_FIELD.finditer(text)] if "|" in text else []
    parts += [p.text for p in pieces if p.emphasis and not p.link and not p.code and p.text.strip()]
    return [stripped for part in parts if (stripped := part.strip(" .,;:*_"))]


def _delimited_fields(parts: list[str], fields: Fields, template: Template, known_only: bool) -> bool:
    """A venue in a delimited field of the tail (see `_delimited_parts`): `[**CVPR 2019**]`, `| [2019/04]`,
    `**ICLR 2017**`.

    Known venue names count anywhere; an unknown name counts when the list's template says its tail field
    is the venue (and `known_only` is False).
    """
    for part in parts:
        found = read_venue(part)
        if found is None or (found.venue is None and found.year is None):
            continue
        if found.venue is not None and not found.known and known_only and not _APOSTROPHE_YEAR.search(part):
            fields.ask(template, "slot:tail", False)
            continue
        if _venue_field(part, fields, template, "tail") and fields.venue is not None:
            return True
    return False


def _unglued(m: re.Match[str]) -> str:
    """`algorithms.ICRA 2019`: a full stop glued to a venue the table knows ends the title before it."""
    return ". " if known_short(m.group("venue")) is not None else m.group(0)


def _read_plain(
    pieces: list[Piece],
    links: list[int],
    start: int,
    lead: int | None,
    plain_all: str,
    fields: Fields,
    template: Template,
) -> None:
    """An item whose title is plain text (quoted, bold, before a `<br>`, or the leading text of a citation)."""
    leading = set()
    for i in links:
        if i >= start and not _text_only(pieces[start:i]).strip(" [\\]"):
            leading.add(i)
    first_link = next((i for i in links if i != lead and i >= start and i not in leading), None)
    head_pieces = [p for j, p in enumerate(pieces[start:first_link], start) if j != lead and not p.link]
    rest_pieces = [p for p in pieces[first_link:] if not p.link] if first_link is not None else []
    if lead is not None:
        _venue_field(pieces[lead].text.strip("[] "), fields, template, "lead")
    head = _text_only(head_pieces)
    head = _take_tags(head, fields)
    if "." in head:
        head = _GLUED_VENUE.sub(_unglued, head)
    if "[" in head:
        head = _BRACKETED.sub(_placeholder, head)
    # A bracket that opens the item and is followed by a title of its own is a venue slot or a tag (`[Stanford]
    # CS231n ...`), never a bracketed title (as it is before fields: `[Title] - Authors.`, `[Title] *2015*.`).
    opening = _LEAD_BRACKET.match(head) if lead is None else None
    rest = head[opening.end() :].strip() if opening else ""
    opening_tag = opening.group("inner") if opening and rest[:1].isalnum() and looks_like_title(rest) else None
    bracketed = [
        b
        for b in _BRACKETED.findall(_text_only(pieces[start:]))  # (not the `**[Nick]**` that opens the item)
        if (len(b.split()) > 1 or len(b) > 12)
        and not _names_venue(b)
        and not _venue_with_year(b)
        and b.strip() != opening_tag
        and not _MISSING_LINK.match(b)  # (`[No Code Found]`: a link the list has not got)
    ]
    if not links and fields.nickname is None and not bracketed:
        canonical = _canonical_plain(pieces)
        if canonical is not None and _has_letter(canonical[0]):  # (a number alone is never the title)
            fields.title, fields.authors, emphasised = canonical
            quote = _NICK_QUOTED.fullmatch(fields.title)
            bold = _leading_run(head_pieces, lambda p: p.emphasis == "strong").strip().rstrip(":：").strip()
            if quote is not None and bold and collapse(quote.group("nick")) == collapse(bold):
                # `- **MCTformer:** "Title" *CVPR2022*`: the bold name and the quoted title (`**Li et al.:**` names)
                if _sure_names(bold):
                    fields.authors = fields.authors or collapse(bold).rstrip(" .")
                else:
                    fields.nickname = collapse(bold)
                fields.title = clean_title(quote.group("title"))
            _venue_year(emphasised, fields)
            return
    if fields.nickname is not None:
        m = _TITLE_VENUE_YEAR.match(collapse(head).rstrip(","))
        if m and _has_letter(m.group("title")):
            fields.title = clean_title(m.group("title"))
            fields.venue = short_name(m.group("venue"))
            fields.venue_raw = f"{collapse(m.group('venue'))} {m.group('year')}"
            fields.year = int(m.group("year"))
            return
        if _names_venue(bare := clean_title(_TRAILING_JUNK.sub("", _LEADING_JUNK.sub("", head)))) or not (
            _has_letter(bare)
        ):
            _plain_tail(bare, fields, template)  # a venue, a year or a number alone is never the title
            return
        if not _NICK_CITATION.search(head) and head.count("|") < 2:
            fields.title = clean_title(head)
            return
        # (`**[Survey]** Authors. Title. TKDE, 2020.`, `**[Tag]** Title (VLDB, 2009)`, `**[R-CNN]** Title | Authors |
        # **[CVPR' 14]** |`: a citation or `|` fields, read as the item would be without the name)
    piped = _pipe_title(head) if head.count("|") >= 2 else None
    if piped is not None:
        bracketed = []  # `Title | **[Venue 21]** | [pdf](url)`: a bracket in a field after the title is no title
    if bracketed and any(i != lead and label_kind(pieces[i].text) == "text" for i in links):
        bracketed = []  # (a link labelled with text stands for the title: no bracket is one)
    if bracketed:
        bold = _leading_run(head_pieces, lambda p: p.emphasis == "strong")
        if bold and looks_like_title(bold) and not _names_venue(bold):
            bracketed = []  # `**Title** \ *Authors* \ [Venue: Track]`: the bold run opening the item is the title
    if bracketed:
        _bracketed_title(pieces, plain_all, bracketed, fields)
        if fields.title:
            fields.vote("text_title", True)
            return
    head = _DASH_LEAD.sub("", _EMPTY_LEAD.sub("", head))  # `[](url) - Authors.`: no title before the dash
    if not collapse(head).strip(" ,;[]\\|-"):
        fields.title = clean_title(_strip_tags(plain_all)[0])
        fields.kind = "other"
        return
    names = _names_emphasis(head_pieces)
    names_at = head.find(head_pieces[names].text.strip()) if names > 0 else -1
    if names_at > 0:  # `Title *Authors et al. Venue*`: the title ends where the emphasised names start
        title, tail = _split_title(head_pieces[:names], head[:names_at], fields, template)
        named = _opening_names(head_pieces[names].text)
        after = head.find(named, names_at) + len(named)
        fields.authors = fields.authors or named
        tail = f"{tail} {head[after:]}"
    elif piped is not None:
        (title, tail), fields.year = piped[:2], fields.year or piped[2]
        nick = _BRACKET_NICK.fullmatch(title)  # `[**ALOCC**]Title | **[CVPR' 18]** |`, `Title [**OC-SVM**] |`
        if nick is not None and (nick.group("lead") or nick.group("end")):
            fields.nickname = fields.nickname or collapse(nick.group("lead") or nick.group("end"))
            title = clean_title(nick.group("title"))
    else:
        title, tail = _split_title(head_pieces, head, fields, template)
    venue_alone = bool(title) and _names_venue(title)
    opens = venue_alone and fields.authors is None and bool(links) and not tail.strip(" ,.;:-|")
    if opens and _text_only(pieces[start : links[0]]).strip(" [*_"):  # (the venue and year before any link)
        fields.kind, fields.title = "other", collapse(title)  # `- IWSLT 2018, [[link]](site)`: the event, no paper
        return
    if title and (venue_alone or not _has_letter(title)):
        tail, title = f"{title} {tail}", ""  # a venue, a year or a number alone is never the title
    elif title and fields.authors is None and (_sure_names(title) or ("," in title and looks_like_authors(title))):
        fields.authors, title = title, ""  # nor is a list of names
    elif title and fields.authors is None and "," in title and (fields.year is not None or fields.venue is not None):
        cut = _leading_authors(title)  # `Authors, Title, Venue, Year.`: the names before the title are the authors
        if cut:
            fields.authors, title = title[:cut].strip(" ,"), title[cut:].strip(" ,")
    fields.title = title
    if title:
        fields.vote("text_title", True)
    if fields.title_form == "bold" and any(p.emphasis == "em" for p in head_pieces):
        tail = _after_author_emphasis(head_pieces, tail, fields)
    if "[" in tail:
        tail = _gbt_tail(tail, fields)
    tail += " " + _text_only(rest_pieces)
    if fields.venue is None or fields.year is None or fields.authors is None:
        _plain_tail(tail, fields, template)


_OTHERS = lazy_compile(r",?\s*(?:and|&)\s+others\W*$")


def _after_author_emphasis(head_pieces: list[Piece], tail: str, fields: Fields) -> str:
    """`**Title.**` / `*Authors.* Venue Year.`: an emphasised list of names that opens the text after a bold title is
    the authors, and the venue is read only from the text after it (`*A, B and others.* 2018.` names none)."""
    run: list[str] = []
    bold = False
    for piece in head_pieces:
        if piece.emphasis == "strong" and not run:
            bold = True
        elif piece.emphasis == "em" and bold and not piece.link and not piece.code:
            run.append(piece.text)
        elif run or (bold and piece.text.strip(" ,;-–")):
            break  # (`**Title**, *Authors*, Venue, Year.`: a comma may stand between them)
    names = collapse("".join(run))
    start = tail.find(names) if names else -1
    if start < 0 or tail[:start].strip(" .,;:"):
        return tail
    listed = names.rstrip(" .,;")
    if not _names_venue_or_year(names) and looks_like_authors(_OTHERS.sub("", listed)):
        fields.authors = fields.authors or listed
        return tail[start + len(names) :]
    opening = _opening_names(names)  # `*Yao et al. arXiv.*`: sure names, then the venue
    one = ""
    if not opening:
        name, stop, rest = listed.partition(". ")  # `*Deyao Zhu. arXiv.*`: one name, then a venue the table knows
        found = read_venue(rest) if stop and looks_like_name(name) else None
        opening = one = name if found is not None and found.known and found.venue is not None else ""
    if opening == listed or not (one or _sure_names(opening)):
        return tail
    fields.authors = fields.authors or opening
    return tail[start + names.find(opening) + len(opening) :]


def _leading_authors(title: str) -> int:
    """Where a comma-separated author list that opens a plain-text citation ends (`A B, C D. E, Title`): the
    longest run of leading comma fields that reads as a list of names and leaves a title; 0 when there is none."""
    best = 0
    comma = title.find(",")
    while comma > 0:
        rest = title[comma + 1 :].strip()
        field = title[title.rfind(",", 0, comma) + 1 : comma].strip(" .")
        if len(field.split()) < 2 and field.lower() != "et al":
            break  # every name has two words or more (`Permute, Quantize, and Fine-tune` is a title)
        if not looks_like_authors(title[:comma]):
            if best:
                break
        elif rest[:1].isupper() and looks_like_title(rest) and not _names_venue_or_year(rest):
            best = comma + 1
        comma = title.find(",", comma + 1)
    return best


def _placeholder(m: re.Match[str]) -> str:
    """A bracketed label without a link after the citation (`In ECCV, 2022. [Paper]`): a placeholder for a link the
    list has not got, not part of the title."""
    if label_kind(m.group(1)) not in ("paper", "code", "project"):
        return m.group(0)
    after_field = m.string[: m.start()].rstrip().endswith((".", "]", ")"))
    return " " if after_field or not m.string[m.end() :].strip() else m.group(0)


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _venue_with_year(text: str) -> VenueField | None:
    """A name shaped like a venue's with a year (`[WISE 2022]`, `[Information Sciences 2021]`, `[3DV 21]`): never a
    title. The slot as `read_slot` reads it, or None."""
    found = read_slot(text)
    return found if found is not None and found.venue is not None and found.year is not None else None


def _names_venue(text: str) -> bool:
    """Whether a bracketed text is a known venue and/or a year (`[CIKM 2021]`), not a title."""
    found = read_venue(text)
    return found is not None and (found.known or found.venue is None)


def _bracketed_title(pieces: list[Piece], plain_all: str, bracketed: list[str], fields: Fields) -> None:
    """`Authors. [Title]. In Venue, Year.`: a bracketed title without a link."""
    title = max(bracketed, key=len)
    fields.title = clean_title(title)
    fields.bracketed = True
    where = plain_all.find(f"[{title}]")
    before, _tags = _strip_tags(plain_all[:where])
    fields.authors = _authors(before)
    tail = _canonical_tail(_pieces_after(pieces, where + len(title) + 2)) if not fields.authors else None
    if tail is not None:
        fields.authors, emphasised = tail
        if emphasised:
            _venue_year(emphasised, fields)
    else:
        _venue_from_tail(plain_all[where + len(title) + 2 :], fields)


def _split_title(head_pieces: list[Piece], head: str, fields: Fields, template: Template) -> tuple[str, str]:
    """The title of a plain-text item and the text after it.

    In order: a lead `[Venue'YY]`, a quoted title, a bold title, the text before a `<br>` or an `<ins>`
    group, and otherwise the leading text up to the trailing fields (venue, year, arXiv id, authors).
    """
    text = _unbracket_qualifiers(head.lstrip())
    if text.startswith(". "):
        text = text[2:]  # `[Nick](url). Title, ...`: the full stop that ends a leading link
    text = BULLET_MARK.sub("", text, count=1)  # `[-] 2015-CVPR - Title`, `[12] Authors. "Title."`: a bullet
    lead_note = _LEAD_NOTE.match(text)
    if lead_note and _names_venue(lead_note.group("note")):
        _venue_field(lead_note.group("note"), fields, template, "lead")  # `(CVPR 2020) Title`
        text = text[lead_note.end() :]
    elif lead_note and not looks_like_title(lead_note.group("note")):
        fields.tags.append(collapse(lead_note.group("note")))
        text = text[lead_note.end() :]
    elif (dated := _DATED_LEAD.match(text)) is not None and _has_letter(text[dated.end() :]):
        # `(Trends in Cognitive Science 20) Title`, `(Book 18) Title`: a name and a year before the title give the
        # year, and the venue when the table knows the name; never the title
        if dated.group("name").lower() not in DOCUMENT_TYPES:
            _venue_field(f"{dated.group('name')} '{dated.group('year')[-2:]}", fields, template, "lead")
        fields.year = fields.year or year_of(dated.group("year")[-2:])
        text = text[dated.end() :]
    text = _year_lead(text, fields)
    cited = _NAME_CITED.fullmatch(text.strip())
    if cited is not None and (_sure_names(names := cited.group("names")) or _TWO_SURNAMES.fullmatch(names)):
        # `FSCS (Niklaus et al., 2021)`, `Italian-LEGAL-BERT (Licari and Comande, 2022)`: a name, cited
        fields.authors = collapse(cited.group("names")).rstrip(" ,.")
        fields.year = fields.year or int(cited.group("year"))
        return clean_title(cited.group("name")), ""
    lead_bracket = _LEAD_BRACKET.match(text)
    if lead_bracket and _lead_slot(lead_bracket.group("inner"), fields, template):
        text = text[lead_bracket.end() :]
    elif lead_bracket and (text[lead_bracket.end() :].strip() or _venue_with_year(lead_bracket.group("inner"))):
        text = _lead_tag(lead_bracket.group("inner"), fields) + text[lead_bracket.end() :]
    if "\t" in text:
        text = _tab_nickname(text, fields)
    strong = next((p.text.strip() for p in head_pieces if p.emphasis == "strong" and p.text.strip()), "")
    bold_span = (at, at + len(strong)) if strong and (at := text.find(strong)) > 0 else None
    text = _lead_authors(text, fields, template, bold_span)
    head_pieces, text = _code_nickname(head_pieces, text, fields)
    quoted = _QUOTED.match(text)
    bold = _leading_run(head_pieces, lambda p: p.emphasis == "strong")
    named = _NAMED_QUOTE.match(text) if quoted is None else None
    if named is not None and not bold:  # `Squad: **"Squad: 100,000+ Questions …"**`: a plain name before a quote
        nick = named.group("nick").strip()
        short = len(nick.split()) <= NICK_WORDS
        named = named if short and not sentence_like(nick) and not looks_like_authors(nick) else None
        bold = named.group("nick") if named is not None else bold
    if named is not None and named.group("nick").strip() == bold.strip().rstrip(":：").strip():
        if _has_letter(named.group("nick")):  # (`**?**: "Title"`: a name yet to come)
            fields.nickname = fields.nickname or collapse(named.group("nick"))  # `**ProDA**: "Title", CVPR, 2022`
        text = text[named.end() :]
        quoted = _QUOTED.match(text)
        bold = ""
    if not bold:  # `[2023/05] **Title.**`: a lead slot or tag read off above stood before the bold run
        first = next((n for n, p in enumerate(head_pieces) if p.emphasis == "strong" and p.text.strip()), None)
        run = _leading_run(head_pieces[first:], lambda p: p.emphasis == "strong") if first else ""
        bold = run if run and text.lstrip(" [\\").startswith(run.strip()) else ""
    if quoted and bold and text.startswith(bold.strip()) and len(bold.strip().rstrip(".,;:")) > quoted.end():
        quoted = None  # `**“Misusing” Large Language Models**`: the bold run is the title
    if quoted is None and (after := _QUOTED_AFTER.search(text)) is not None:
        names = text[: after.start()].strip(" ,.;:")
        if looks_like_authors(names):  # `Zhu et al. "Title." Venue (2018)`, `A. Author, "Title," in Proc. X`
            fields.authors = fields.authors or collapse(names)
            quoted = after
    if not quoted and bold and (italic := _italic_after_bold(head_pieces, text, fields)) is not None:
        return italic
    if quoted:
        title = quoted.group("a") or quoted.group("b") or quoted.group("c") or ""
        fields.title_form = "quoted"
        return clean_title(title.strip().rstrip(",;:")), text[quoted.end() :]
    if bold and looks_like_title(bold) and not _names_venue(bold):
        index = text.find(bold.strip())
        if index >= 0 and not text[:index].strip(" [\\"):
            fields.title_form = "bold"
            title = bold
            year = _YEAR_END.search(bold)  # `**Show and tell: A neural image caption generator (2015)**`
            if year and _has_letter(bold[: year.start()]):
                fields.year = fields.year or int(year.group(1))
                title = bold[: year.start()]
            elif bold.rstrip().endswith(")"):
                title = _label_venue(bold.strip(), fields)  # `**Title (CIKM 2020)**`
            return clean_title(undecorated(title)), text[index + len(bold.strip()) :]  # (`**🏘️ ProcTHOR: …**`)
    if not bold and (after_names := _bold_after_authors(head_pieces, text, fields)) is not None:
        return after_names
    if bold and (described := _described_name(bold.strip(), text)) is not None:
        fields.title_form = "bold"  # `**CLIP** — The standard image-text aligned visual backbone behind … [📄](url)`
        fields.notes.append(described)
        return clean_title(bold), ""
    if "[" in text and (code := _GBT_CODE.search(text)) is not None and _has_letter(text[: code.start()]):
        fields.title_form = "citation"  # `Title[J]. Venue, 2024.`: a document-type code ends the title
        title = text[: code.start()]
        names, stop, rest = title.partition(". ")
        if fields.authors is None and stop and _has_letter(rest) and looks_like_authors(names):
            fields.authors, title = collapse(names), rest  # `Levine S. Title[C]`: GB/T initials carry no full stop
        return clean_title(title), text[code.start() :]
    group = next((p for p in head_pieces if p.html and p.text.strip()), None)
    if group is not None:
        grouped = "".join(p.text for p in head_pieces if p.html == group.html)
        index = text.find(grouped.strip()) if grouped.strip() else -1
        if index > 0:
            fields.title_form = "group"
            return clean_title(_TRAILING_JUNK.sub("", text[:index])), text[index:]
    if _BR in text:
        title, _sep, rest = text.partition(_BR)
        if looks_like_title(title) or len(title.split()) >= 1:
            fields.title_form = "group"
            return clean_title(_TRAILING_JUNK.sub("", title)), rest
    cut = _title_end(text, fields, template)
    # (`Learned Indexes for Dynamic Workloads (2019)`, `Title. 2021`: a year alone cites a title of five words or more)
    year_only = _YEAR_ALONE_AFTER.fullmatch(text[cut:]) is not None and len(text[:cut].split()) >= 5
    fields.title_form = "citation" if _has_letter(text[cut:]) or year_only else ""
    return clean_title(_TRAILING_JUNK.sub("", text[:cut])), text[cut:]


def _described_name(bold: str, text: str) -> str | None:
    """The sentence after a bold name and a dash that opens an item (`**CLIP** — The standard … backbone.`): a
    description of six words or more, mostly in lower case, ending in a full stop; None for anything else (a title
    after the name, `**CLIP** - Learning Transferable Visual Models`)."""
    if looks_like_title(bold) or not text.lstrip(" [\\").startswith(bold):
        return None
    dash = _DASH_AFTER_NAME.match(text, text.find(bold) + len(bold))
    rest = text[dash.end() :].strip() if dash is not None else ""
    words = rest.split()
    if len(words) < 6 or not rest.endswith(".") or 2 * sum(w[:1].islower() for w in words) < len(words):
        return None
    return rest.rstrip(".")


def _italic_after_bold(head_pieces: list[Piece], text: str, fields: Fields) -> tuple[str, str] | None:
    """`**Nick** (Authors) - *Title*. Venue Year.`, `**Pauly et al.** - *Title*. Venue Year.`: a short bold lead (a
    name, or the authors), perhaps names in parentheses, a dash, then the title in italics; None for other items."""
    pieces = [p for p in head_pieces if p.text.strip() or p.emphasis]
    lead = 0
    while lead < len(pieces) and pieces[lead].emphasis == "strong" and not pieces[lead].link:
        lead += 1
    between = lead
    while between < len(pieces) and not pieces[between].emphasis and not pieces[between].link:
        between += 1
    end = between
    while end < len(pieces) and pieces[end].emphasis == "em" and not pieces[end].link:
        end += 1
    if not lead or end == between:
        return None
    bold = collapse("".join(p.text for p in pieces[:lead])).strip(" ,;:")
    joint = _BOLD_JOINT.fullmatch("".join(p.text for p in pieces[lead:between]))
    title = collapse("".join(p.text for p in pieces[between:end]))
    if joint is None or not looks_like_title(title.rstrip(".")) or _names_venue(title):
        return None
    names = joint.group("names")
    if names is not None and not (looks_like_authors(names) or _two_surnames(names) or _sure_names(names)):
        return None
    is_names = names is None and (looks_like_authors(bold) or _two_surnames(bold) or _et_al_names(bold))
    if not is_names and (len(bold.split()) > NICK_WORDS or not _has_letter(bold)):
        return None
    index = text.find(title)
    if index < 0:
        return None
    if is_names:
        fields.authors = fields.authors or _authors(bold)
    else:
        fields.nickname = fields.nickname or bold
        fields.authors = fields.authors or (_authors(names) if names else None)
    fields.title_form = "italic"
    return clean_title(title), text[index + len(title) :]


def _lead_slot(inner: str, fields: Fields, template: Template) -> bool:
    """A bracket that opens an item read as its venue slot: a venue the table knows, or a name with a year (`[CVPR
    2019]`, `[Neurocomputing 2022]` where the list's slots hold venues); a name alone the table does not know
    (`[MIT]`, `[Survey]`) is no venue, whatever the list's other slots hold."""
    found = read_slot(inner)
    if found is None or (found.venue is not None and not found.known and found.year is None):
        return False
    return _venue_field(inner, fields, template, "lead")


def _lead_tag(inner: str, fields: Fields) -> str:
    """A bracket that opens an item and is no venue the list confirms: `[Neurocomputing 2022]` names a venue the
    reader does not take, `[Stanford]` or `[MIT]` is a tag; never the title or the authors. Returns no text."""
    if _venue_with_year(inner):
        fields.venue_unsure = True
    elif collapse(inner) not in fields.tags:
        fields.tags.append(collapse(inner))
    return ""


def _bold_after_authors(head_pieces: list[Piece], text: str, fields: Fields) -> tuple[str, str] | None:
    """`Authors. **Title** VENUE YEAR.`: the one bold span after a list of names is the title, even glued to the
    last name (`Dahua Lin**Title**`), and what follows it the venue slot; None when the item is not so written."""
    strong = [p for p in head_pieces if p.emphasis == "strong" and p.text.strip()]
    if len(strong) != 1 or strong[0].link:
        return None
    bold = strong[0].text.strip()
    index = text.find(bold)
    if index < 0 or not looks_like_title(bold) or _names_venue(bold):
        return None
    names = text[:index].strip(" .,;:")
    year = None  # `Authors. 2017. **Title**.`: the year between the names and the title
    if names[-4:].isdigit() and (dated := _NAMES_YEAR.fullmatch(names)) is not None and dated.group("year"):
        year, names = int(dated.group("year")), dated.group("names").strip(" .,;:")
    elif _YEAR.fullmatch(names):
        year, names = int(names), ""
    if names:
        listed = looks_like_authors(names) or (year is not None and (looks_like_name(names) or _and_listed(names)))
        short = len(names.split()) <= 3 and text[:index].rstrip().endswith(".")
        if fields.authors is not None or not (listed or short):
            return None
        if listed or names.endswith("et al"):  # (`Rendle. **Title.**`: a short lead and a full stop, authors
            fields.authors = collapse(names)  # that are not sure: the bold run is the title, the names stay empty)
    elif fields.authors is None:
        return None
    fields.year = fields.year or year
    fields.title_form = "bold"
    return clean_title(bold), text[index + len(bold) :]


# A GB/T 7714 document-type code after a title (`Title[J]. Nature, 2024, 632: 768-774.`, `Title[C]//Proceedings of
# X. Publisher, 2023: 1-9.`, `[EB/OL]`), and the year that follows the venue (`, 2024`, `. 2025.`).
_GBT_CODE = lazy_compile(r"\[(?:[JCMDRAPSNZ]|EB/OL|[JCM]/OL)\](?=\s*(?://|[.,:]|$))")
_GBT_YEAR = lazy_compile(r"(?:^|[,.])\s*((?:19|20)\d\d)(?=\s*(?:[,.:;(]|$))")


def _gbt_tail(text: str, fields: Fields) -> str:
    """The venue slot after a GB/T 7714 document-type code: `[J]. Venue, YEAR, vol: pages.` or `[C]//Proceedings.
    Publisher, YEAR: pages.` (`arXiv preprint arXiv:ID, YEAR` names arXiv); the text it did not read."""
    code = _GBT_CODE.match(text.lstrip(" .,"))
    if code is None:
        return text
    rest = text.lstrip(" .,")[code.end() :].lstrip(" /.,:")
    name = re.split(r",|\.(?:\s|$)", rest, maxsplit=1)[0]
    year = _GBT_YEAR.search(rest, len(name))
    found = read_venue(name) if name.strip() else None
    if found is None or found.venue is None:
        if year is not None and fields.year is None:
            fields.year = int(year.group(1))
        return rest
    venue = found.venue
    if not found.known and "workshop" in venue.lower() and (short := venue_from_citation(venue, cased=True)):
        venue = f"{short} Workshop"  # `Deep Reinforcement Learning Workshop NeurIPS 2022`
    when = int(year.group(1)) if year is not None else found.year
    _set_venue(fields, replace(found, venue=name_in_year(venue, when), year=when), name)
    return ""


_ET_AL_COMMA = lazy_compile(r"(?P<names>[^:;()\[\]]{1,160}?\bet\.?\s*al\b\.?),\s+(?=\S)")


def _et_al_lead(text: str) -> tuple[str, int] | None:
    """Sure names ending in `et al` and a comma that open a text (`Xu et al, PAD-Net: …`, `Kurt Shuster et al.,
    *arXiv* 2020`): the names and where the text goes on after the comma; None for any other text."""
    cited = _ET_AL_COMMA.match(text)
    if cited is None or not _sure_names(cited.group("names")):
        return None
    return collapse(cited.group("names")).rstrip("."), cited.end()


def _lead_authors(text: str, fields: Fields, template: Template, bold: tuple[int, int] | None = None) -> str:
    """`Authors. Title. In Venue, Year.`: a first sentence that lists names (initials such as `W.`, `G. M.` or
    `J.-Y.` do not end it) is the authors, and the title starts after it. So is a list of names before a colon,
    where it is sure (`Tomas Mikolov, et al.: Title, 2013.`) or the list writes its authors so (`Oriol Vinyals,
    Quoc Le: Title, 2015.`, not `Show, Attend and Tell: Title`), unless the colon is inside a bold run after
    the names (`A. B, and C. D, **Houdini: Title**`: `bold`, where that run stands in `text`)."""
    if fields.authors is not None or ("," not in text[:200] and " and " not in text[:200]):
        return text
    cited = _et_al_lead(text)  # `Xu et al, PAD-Net: Title, CVPR 2018`: the names end at `et al`
    if cited is not None:
        rest = text[cited[1] :].strip(" .")
        found = read_venue(rest) if len(rest.split()) <= 4 else None
        if looks_like_title(rest) and not (found is not None and (found.known or found.venue is None)):
            fields.authors = cited[0]
            return text[cited[1] :]
    stop = _STRONG_SEP.search(text)
    colon = text.find(": ", 0, stop.start() if stop is not None else 200)
    if bold is not None and bold[0] <= colon < bold[1]:
        colon = -1
    if colon > 0 and _has_letter(text[colon:]):
        names = text[:colon]
        listed = "," in names or " and " in names or names.rstrip(". ").endswith(" et al")
        sure = listed and _sure_names(names)
        if sure:
            fields.vote("colon_authors", True)
        named = (listed and looks_like_authors(names)) or looks_like_name(names)  # (`Joshua Goodman: Title`)
        if sure or (named and fields.ask(template, "colon_authors", False)):
            fields.authors = collapse(names)
            return text[colon + 2 :]
    if stop is None or "." not in stop.group() or not _has_letter(text[stop.end() :]):
        return text
    names = text[: stop.start()]
    if ("," not in names and " and " not in names) or not looks_like_authors(names):
        return text
    rest = text[stop.end() :].strip(" .")
    found = read_venue(rest) if len(rest.split()) <= 4 else None
    if found is not None and (found.known or found.venue is None):
        return text  # (`Title, Hassan et al. SIGGRAPH 2023.`: no title after the names, so they end it)
    fields.authors = collapse(names)
    return text[stop.end() :]


def _tab_nickname(text: str, fields: Fields) -> str:
    """`Title<TAB>Nick<TAB>[tags]`: a one-word field set off by a TAB after the title, on its first line, is the
    item's nickname (`AdaRound`), not part of the title."""
    line, brk, rest = text.partition(_BR)
    parts = [part.strip(" []*_") for part in line.split("\t")]
    parts = [part for part in parts if part]
    if len(parts) < 2 or fields.nickname is not None:
        return text
    nick = parts[-1]
    if " " in nick or _names_venue(nick) or not _has_letter(nick) or not looks_like_title(parts[0]):
        return text
    fields.nickname = nick
    return line[: line.rindex(nick)] + brk + rest


def _code_nickname(pieces: list[Piece], text: str, fields: Fields) -> tuple[list[Piece], str]:
    """`` `CLIP` **Title.** ICML 2021``: a short code span that opens the item before its bold title is the item's
    nickname; the pieces and text without it."""
    if not pieces or not pieces[0].code or pieces[0].link:
        return pieces, text
    first = pieces[0]
    name = collapse(first.text)
    rest = [p for p in pieces[1:3] if p.text.strip()]
    if not name or len(name.split()) > 3 or not text.startswith(first.text) or not rest or rest[0].emphasis != "strong":
        return pieces, text
    fields.nickname = fields.nickname or name
    return pieces[1:], text[len(first.text) :].lstrip()


def _leading_run(pieces: list[Piece], test: object) -> str:
    """The text of the run of pieces at the start that pass `test` (leading blanks and brackets skipped)."""
    out: list[str] = []
    for piece in pieces:
        if not out and not piece.text.strip(" [\\"):
            continue
        if not callable(test) or not test(piece):
            break
        out.append(piece.text)
    return "".join(out)


@dataclass(slots=True)
class _Tail:
    """Fields found after a plain-text title, in source order, before one venue is chosen among them."""

    venues: list[tuple[VenueField, str]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    authors: str | None = None
    more_names: bool = False
    """Names stood in two parts apart: the list of authors is cut somewhere, so it is not read."""

    def apply(self, fields: Fields) -> None:
        """Set the venue (a known one before arXiv, before an unknown one), year, authors and cited ids."""
        ranked = sorted(
            self.venues,
            key=lambda v: (not v[0].known, (v[0].venue or "").lower() == "arxiv", v[0].venue is None),
        )
        for found, raw in ranked:
            _set_venue(fields, found, raw)
        for found, raw in self.venues:
            _set_venue(fields, VenueField(None, None, False, found.arxiv), raw)
        if fields.year is None and self.years:
            fields.year = self.years[-1]
        if fields.authors is None and self.authors and not self.more_names:
            fields.authors = self.authors


_TRAILING_VENUE = lazy_compile(
    r"(?:^|\s)(?P<venue>arxiv\s*:?\s*\d{4}\.\d{4,5}(?:v\d+)?|arxiv\s*:?\s*(?:19|20)\d\d|"
    r"[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,2}\s*['’]?\s*(?:(?:19|20)\d\d|\d\d)(?:\s*\([^()]*\))?)\s*$",
    re.IGNORECASE,
)


def _classify(
    part: str, tail: _Tail, fields: Fields, template: Template, year_after: bool, parenthesised: bool
) -> bool:
    """Whether a part after the title is one of the entry's fields (a venue and/or year, an arXiv id, authors, a
    count); what it is goes into `tail`. A venue name the table does not know counts only in a list whose
    template says the tail holds the venue, with a year of its own or right after it; in parentheses
    (`Title (JAIR 2002)`) it ends the title, and the tail read after the title gives the venue."""
    found = read_venue(part)
    if found is not None:
        if found.venue is None and is_date(part):
            return True  # `[12th Oct., 2023] [MIDL, 2022]`: when it was posted; its year only when no other is given
        if found.venue is None or found.known:
            tail.venues.append((found, part))
            if found.known and found.venue is not None:
                fields.vote("slot:tail", True)
            if found.year is not None:
                tail.years.append(found.year)
            return True
        kind = label_kind(found.venue)
        named = kind != "code" and (kind != "project" or found.year is not None)  # `<ins>Blog, 2023</ins>`
        if named and not looks_like_authors(found.venue) and not looks_like_authors(part):
            apostrophe = bool(_APOSTROPHE_YEAR.search(part))
            # `Title, in *CSUR* 2024.`: a name after `in`, with a year, is where the paper appeared
            marked = found.year is not None and part[:3].lower() == "in " and len(found.venue.split()) <= 6
            accepted = fields.ask(template, "slot:tail", False) and (found.year is not None or year_after)
            if apostrophe or marked or (accepted and not parenthesised):
                tail.venues.append((found, part))
                if found.year is not None:
                    tail.years.append(found.year)
                return True
            if accepted and found.year is not None and (parenthesised or len(found.venue.split()) <= 2):
                tail.years.append(found.year)  # `Title (JAIR 2002)`: the title ends here; the tail gives the venue
                return True
            return False
    if tail.authors is None and looks_like_authors(part) and not _title_marked(part):
        tail.authors = collapse(part).strip(" ,;:")
        return True
    return bool(_COUNT.fullmatch(part))


def _is_year(part: str) -> bool:
    """A year on its own, not a year and month (`2021.9` is when a preprint was posted, not a venue's year)."""
    found = read_venue(part)
    return found is not None and found.venue is None and found.year is not None and not _YEAR_MONTH.fullmatch(part)


def _title_then_year(title: str, year: str) -> bool:
    """Whether a sentence before a year is a title of four words or more, with no comma (`Title, in arXiv 2023.`
    names a venue) and no venue's name right before the year (`Title CVPR 2020.`)."""
    words = title.split()
    if len(words) < 4 or "," in title:
        return False
    named = (read_venue(f"{' '.join(words[-k:])} {year}") for k in (1, 2, 3))
    return not any(found is not None and found.known for found in named)


def _title_end(text: str, fields: Fields, template: Template) -> int:
    """Where the title of `Title. Authors. Venue Year` / `Title, Venue, Year` / `Title [Venue Year]` ends.

    Parts are peeled off the end while they read as a venue, a year, an arXiv id or authors (a part that ends
    with a known venue is split there); commas split only the part where peeling stops, and the title keeps
    at least two words of it.
    """
    bounds: list[tuple[int, int]] = []
    position = 0
    for m in _STRONG_SEP.finditer(text):
        bounds.append((position, m.start()))
        position = m.end()
    bounds.append((position, len(text)))
    dated = _TITLE_YEAR.search(text) if len(bounds) <= 2 and not text[bounds[-1][0] :].strip() else None
    if dated is not None and _title_then_year(text[: dated.start()], dated.group(1)):
        fields.year = fields.year or int(dated.group(1))  # `Title 2020. [paper](url)`: one sentence, then its year
        return dated.start()
    tail = _Tail()
    cut = len(text)
    index = len(bounds) - 1
    year_after = False
    while index >= 0:
        part_start, part_end = bounds[index]
        part = text[part_start:part_end].strip()
        if not part.strip(" .,;:*_"):
            if index > 0:
                cut = part_start
            index -= 1
            continue
        parenthesised = text[:part_start].rstrip().endswith(("(", "（"))
        if parenthesised and index > 0 and len(part) <= 3 and text[:part_start].rstrip()[:-1][-1:].isalpha():
            break  # `TD(λ)`, `f(x)`: a short parenthesis glued to the word before it is part of the title
        if index > 0 and _classify(part, tail, fields, template, year_after, parenthesised):
            year_after = _is_year(part)
            cut = part_start
            index -= 1
            continue
        slot = _venue_with_year(part) if index > 0 and text[:part_start].rstrip().endswith("[") else None
        if slot is not None and slot.year is not None:
            tail.years.append(slot.year)  # `Title [WISE 2022]`: the year, and a venue unsure
            cut = part_start
            index -= 1
            continue
        if index > 0 and _remark(part, parenthesised, fields):
            cut = part_start
            index -= 1
            continue
        if index > 1 and "|" in text[bounds[index - 1][1] : part_start] and len(part.split()) <= 2:
            cut = part_start  # `Title | Authors | PKDD | [PDF](url)`: a short field of its own, a venue unsure
            index -= 1
            continue
        before = text[bounds[index - 1][0] : bounds[index - 1][1]] if index > 1 else ""
        if before and read_venue(part) is not None and _sure_names(before):
            cut = part_start  # `Title. Smith et al. Some Venue`: a name the table does not know after sure authors
            index -= 1
            continue
        # (the pattern ends with a year, an arXiv id or a parenthesis)
        trailing = _TRAILING_VENUE.search(part) if part[-1].isdigit() or part[-1] == ")" else None
        if trailing and len(part[: trailing.start()].split()) >= 1:
            named, start = trailing.group("venue"), trailing.start("venue")
            venue = read_venue(named)
            while (venue is None or not (venue.known or venue.arxiv)) and " " in named.strip():
                word = len(named) - len(named.split(None, 1)[1])  # `… Graph Embedding KDD 2020`: the shorter ends
                named, start = named[word:], start + word
                venue = read_venue(named)
            joined = _JOINED_VENUE.search(part[:start])  # (`… Translation System at IWSLT 2020`: the title names it)
            if venue is not None and (venue.known or venue.arxiv) and _has_letter(part[:start]) and joined is None:
                tail.venues.append((venue, named))
                if venue.year is not None:
                    tail.years.append(venue.year)
                offset = part_start + (len(text[part_start:part_end]) - len(text[part_start:part_end].lstrip()))
                bounds[index] = (part_start, offset + start)
                cut = offset + start
                continue
        run_start = _authors_run(text, bounds, index)
        if index > 0 and run_start is not None and run_start > 0:
            tail.authors = tail.authors or collapse(text[bounds[run_start][0] : bounds[index][1]]).strip(" ,;:")
            cut = bounds[run_start][0]
            index = run_start - 1
            continue
        inner = _comma_peel(part, tail, fields, template)
        if inner < len(part):
            cut = part_start + (len(text[part_start:part_end]) - len(text[part_start:part_end].lstrip())) + inner
        break
    tail.venues.reverse()
    tail.apply(fields)
    while cut > 0 and text[cut - 1] in " .,;:|([-–—\\":
        cut -= 1
    if tail.venues and (before_in := _COMMA_IN.search(text, 0, cut)) is not None:
        cut = before_in.start()  # `Title, in *Nature Machine Intelligence* 2022`: `in` leads to the venue
    return cut if cut > 0 else len(text)


def _remark(part: str, parenthesised: bool, fields: Fields) -> bool:
    """A short remark after the fields of a citation: `(pre)`, `(Oral)`, a mistyped id `arXv:2003.01474`, or where
    the authors work, `(@Ohio State University etc)`."""
    affiliation = part.startswith("@") and len(part.split()) <= 8
    if parenthesised and (affiliation or (len(part.split()) <= 3 and not looks_like_title(part))):
        fields.notes.append(collapse(part))
        return True
    return " " not in part and any(ch.isdigit() for ch in part) and any(ch.isalpha() for ch in part)


def _sure_names(part: str) -> bool:
    """A list of names with `et al` or an initial, or names written as BibTeX writes them: authors whatever the
    list (affiliations in parentheses, as in `Hiroki Furuta (The University of Tokyo) et al`, are not read)."""
    if not _NAMES_FOR_SURE.search(part):
        return _bibtex_names(part)
    return looks_like_authors(_AFFILIATION.sub(" ", part) if "(" in part else part)


def _full_names(part: str) -> bool:
    """Names of two words or more each (`Klas Leino, Emily Black`, `Ada Park and Bo Lin`) that read as authors."""
    full = all(len(name.split()) >= 2 for name in _NAME_PARTS.split(part) if name)
    return full and looks_like_authors(part)


def listed_loosely(names: str) -> bool:
    """Names as a citation lists them before its venue: authors, one name, or capitalised names of up to five words
    each joined by commas and `and` (`Xingzhe Su1, Fengge wu`, `Maartje ter Hoeve`)."""
    if looks_like_authors(names) or looks_like_name(names):
        return True
    parts = [part for part in _NAME_PARTS.split(names) if part]
    return len(parts) >= 2 and all(part[:1].isupper() and len(part.split()) <= 5 for part in parts)


def _listed_names(part: str) -> bool:
    """A list of full names (`Anurudh Peduri, Siddharth Bhat`, `Lin Zhao and Zhe Feng`): authors, where a name
    alone may be anything."""
    return ("," in part or " and " in part) and _full_names(part)


def _bibtex_names(part: str) -> bool:
    """Two names or more as BibTeX writes them, `Surname, Given and Surname, Given` (`Blodgett, Su Lin and Barocas,
    Solon and Daumé III, Hal`)."""
    names = _BIBTEX_AND.split(part.strip())
    return len(names) >= 2 and all(name.count(",") == 1 and looks_like_name(_given_first(name)) for name in names)


def _given_first(name: str) -> str:
    """`Smith, Noah A` as `Noah A. Smith`: a BibTeX name in reading order, a bare initial with its full stop."""
    surname, _comma, given = name.partition(",")
    return _BARE_INITIAL.sub(r"\1.", f"{given.strip()} {surname.strip()}")


def _two_surnames(part: str) -> bool:
    """`Trevithick and Yang`, `Niemeyer & Geiger`: two surnames, neither a word titles share, before a venue."""
    m = _TWO_SURNAMES.fullmatch(part)
    return m is not None and all(word_stem(w.lower()) not in title_word_shares() for w in m.groups())


def _et_al_names(part: str) -> bool:
    """A short name list that ends with `et al` (`Meng et al`, `Petrovich et al.`): authors in any list."""
    names = part.rstrip(" .")
    return names.endswith("et al") and len(names.split()) <= 6 and _sure_names(names)


def _title_marked(part: str) -> bool:
    """A part that has a colon or a question mark reads as a title, never as a name list."""
    return ":" in part or "?" in part


def _authors_run(text: str, bounds: list[tuple[int, int]], index: int) -> int | None:
    """The first part of a run of parts ending at `index` that together read as an author list."""
    for first in range(index, 0, -1):
        joined = text[bounds[first][0] : bounds[index][1]]
        if looks_like_authors(joined):
            best = first
            while best - 1 > 0 and looks_like_authors(text[bounds[best - 1][0] : bounds[index][1]]):
                best -= 1
            return best
        if len(joined.split()) > 12:
            break
    return None


def _comma_peel(part: str, tail: _Tail, fields: Fields, template: Template) -> int:
    """In the part where the title ends, peel `, Venue`, `, Year`, `, Venue Year` and `, Surname et al` off its
    end (the title keeps at least two words)."""
    commas = [m.start() for m in _COMMA.finditer(part)]
    cut = len(part)
    year_after = False
    for comma in reversed(commas):
        field_text = part[comma + 1 : cut].strip()
        if len(part[:comma].split()) < 2:
            break
        if field_text and tail.authors is None and fields.authors is None and _et_al_names(field_text):
            tail.authors = collapse(field_text).rstrip(" .")  # `Title, Meng et al. ArXiv 2024.`
            cut = comma
            continue
        if field_text:
            found = read_venue(field_text)
            if found is None or not _classify(field_text, tail, fields, template, year_after, False):
                break
            year_after = _is_year(field_text)
        cut = comma
    return cut


def _unbracket_qualifiers(text: str) -> str:
    """`EMNLP 2022 (Findings)` as `EMNLP 2022 Findings` (text without a parenthesis has no such qualifier)."""
    return _QUALIFIER_NOTE.sub(r" \1", text) if "(" in text else text


def _plain_tail(text: str, fields: Fields, template: Template) -> None:
    """Venue, year and authors from the text after a plain-text title: `, Venue, Year.`, `<br> Venue Year`."""
    text = _GLUED_ET_AL.sub("et al", _unbracket_qualifiers(_LEADING_JUNK.sub("", text)))  # (`Shi, et.al.`)
    if not text.strip():
        return
    m = _BRACKET_VENUE.search(text)
    if m and fields.venue is None:
        fields.venue = short_name(m.group("venue"))
        fields.venue_raw = collapse(m.group(0)).rstrip("=").strip()
        fields.year = fields.year or year_of(m.group("year"))
    parts: list[tuple[str, bool]] = []
    for strong in _STRONG_SEP.split(text):
        bare = strong.strip(" .,;:*_")
        named = "," in bare and bare.endswith("et al") and _ET_AL.search(bare[-7:]) is not None  # (`.` stripped)
        # (a venue, or a list of names, is one field; not `arxiv 2020, Pandi, Irene Vlassi, et al`)
        whole = (read_venue(bare) is not None and not named) or (looks_like_authors(bare) and not _title_marked(bare))
        pieces = [strong] if whole else _name_runs([p.strip(" .,;:*_") for p in _COMMA.split(strong)])
        parts.extend((p.strip(" .,;:*_"), False) for p in pieces)
    parts = [(p, paren) for p, paren in parts if p]
    tail = _Tail()
    # Two lists of names apart (`A B, C D, Can Zhao, E F`: `Can` reads as a word) are one list cut somewhere.
    tail.more_names = sum(1 for p, _paren in parts if looks_like_authors(p) and not _title_marked(p)) > 1
    for number, (part, paren) in enumerate(parts):
        year_after = number + 1 < len(parts) and _is_year(parts[number + 1][0])
        _classify(part, tail, fields, template, year_after, paren)
    tail.apply(fields)
    if fields.venue is None:
        citation = collapse(_CITATION_LEAD.sub("", collapse(text), count=1))
        venue = venue_from_citation(citation, cased=True) if len(citation.split()) > 2 else None
        if venue:
            fields.venue = venue
            fields.venue_raw = citation
    if fields.year is None:
        year = _last_year(text)
        if year:
            fields.year = year


def _name_runs(parts: list[str]) -> list[str]:
    """Comma-separated parts with each run of parts that together list names joined again (`Song Han, Huizi Mao,
    William J. Dally, ICLR, 2016` gives the names as one part)."""
    out: list[str] = []
    start = 0
    while start < len(parts):
        end = start + 1
        for stop in range(len(parts), start + 1, -1):
            run = parts[start:stop]
            # The run must run from a start, a venue or a year to the end, a venue or a year: a list of names is
            # never cut short.
            closed = stop == len(parts) or _names_venue(parts[stop])
            before = parts[start - 1] if start else ""
            closed = closed and (not start or _names_venue(before) or _venue_with_year(before) is not None)
            if closed and all(p and not _names_venue(p) for p in run) and looks_like_authors(", ".join(run)):
                end = stop
                break
        out.append(", ".join(parts[start:end]))
        start = end
    return out


def _site_root(url: str) -> bool:
    """A link to a site's home page (`https://botorch.org/`): how lists link a project, never a paper."""
    parts = urlsplit(url.strip()) if "://" in url else None
    return bool(parts and parts.hostname and parts.path in ("", "/") and not parts.query)


def _in_repository(url: str) -> bool:
    """A link within the list's own repository: an anchor or a relative path (`#pruning`, `./pruning/README.md`)."""
    url = url.strip()
    if not url or url.startswith("//"):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def _sub_page(url: str) -> bool:
    """A Markdown page of the list's own repository (`./subtopic/Security.md`, `pruning/README.md`)."""
    return _in_repository(url) and _MARKDOWN_PAGE.search(url.split("#", 1)[0]) is not None


def _placeholder_link(piece: Piece) -> bool:
    """A link whose label is its own target, a path rather than an address (`[blank](blank)`): a placeholder."""
    return is_local_target(piece.url) and collapse(piece.text).lower() == piece.url.strip().lower()


def _evidence(fields: Fields, pieces: list[Piece], links: list[int], section: tuple[str, ...]) -> None:
    """What says the item cites a paper, and what says it names a resource (a tool, a project, a list)."""
    if fields.kind == "other":
        return
    if fields.arxiv is None and fields.title and _NO_TITLE.fullmatch(fields.title):
        fields.kind = "other"  # `[]() ( et al., Journal 2023)`: a template row, no title
        return
    if not fields.title and links and not any(pieces[i].url.strip() for i in links):
        fields.kind = "other"  # `- ** [[paper]()] [[code]()]`: a placeholder to fill in
        return
    if links and pieces[links[0]].url.startswith("#") and all(_in_repository(pieces[i].url) for i in links[1:]):
        fields.kind = "other"  # `[Pruning](#pruning) [[more]](./pruning/README.md)`: a table of contents
        return
    citation = fields.arxiv is not None or fields.venue is not None or fields.authors is not None or fields.bracketed
    lead = fields.title if fields.title_link is None else _text_only(pieces[: fields.title_link]).strip()
    sentence = lead[:1].islower() or lead.count(" ") >= 4
    if sentence and _leads_on(lead) and fields.arxiv is None and fields.venue is None:
        fields.kind = "other"  # `featured in [the morning paper](blog)`: words leading to a link, no citation
        return
    if links and not citation and all(_placeholder_link(pieces[i]) or is_person_link(pieces[i].url) for i in links):
        fields.kind = "other"  # `[blank](blank)`, `[e-mail](mailto:…)`: a placeholder or an address, no citation
        return
    if links and not citation and fields.year is None and all(_sub_page(pieces[i].url) for i in links):
        fields.kind = "other"  # `👉[Latest Security Papers](./subtopic/Security.md)`: a page of the list's own
        return
    if links and fields.venue is not None and fields.year is None and fields.arxiv is None and fields.authors is None:
        plain = clean_title(_text_only(pieces[: links[0]]).rstrip(" [(\\"))
        if plain and plain.startswith(fields.title) and has_venue_words(plain):
            fields.title = plain  # `* USENIX Symposium on … Implementation (OSDI) [[website](url),[2018](url)]`
            fields.paper_evidence, fields.resource_evidence = False, True  # a venue's own line, no paper
            return
    if fields.arxiv is None and any(tag.lower() in _RESOURCE_TAGS for tag in fields.tags):
        fields.paper_evidence, fields.resource_evidence = False, True  # `- [Blog] [Title](url): …`
        fields.venue = fields.venue_raw = None
        return
    paper = (
        fields.arxiv is not None
        or fields.bracketed
        or fields.venue is not None
        or fields.authors is not None
        or any(
            role == "paper" and (is_paper_host(pieces[i].url) or label_kind(pieces[i].text) == "paper")
            for i, role in zip(links, fields.roles, strict=True)
        )
    )
    resource = False
    if not citation and _no_article(fields, pieces, links):
        paper, resource = False, True  # a book, a journal's page, a lecture, a project's repository
    elif fields.arxiv is not None or (paper and fields.title_link is None):
        pass
    elif fields.title_link is not None:
        piece = pieces[fields.title_link]
        url = piece.url
        name_like = is_owner_repo(fields.title) or (len(fields.title.split()) <= 3 and not sentence_like(fields.title))
        if (is_code_host(url) or is_resource_host(url) or _site_root(url)) and name_like:
            resource = not is_paper_host(url)
        if (is_code_host(url) or host(url).endswith(".github.io")) and is_owner_repo(fields.title):
            resource = True
        named_data = len(fields.title.split()) <= 6 and _DATA_NAME.search(fields.title) is not None
        if named_data and not citation and fields.year is None and not is_paper_host(url):
            resource = True  # `[KITTI Dataset](http://www.cvlibs.net/datasets/kitti/…)`: a dataset's page
    elif links and not any(role == "paper" for role in fields.roles):
        resource = any(role in ("code", "project") for role in fields.roles) and fields.venue is None
    fields.paper_evidence = paper
    fields.resource_evidence = resource
    fields.implementation = fields.title_link is not None and _cites_paper(pieces, links, fields)
    if fields.implementation:
        fields.roles[0] = "code"  # the repository an implementation opens with is its code
    targets = [pieces[i].url for i in links if not is_badge(pieces, i) and not pieces[i].url.startswith("#")]
    fields.code_only = bool(targets) and all(is_code_host(url) and not is_notes_file(url) for url in targets)


# A link labelled as a book (`[[Book]]`, `[[Book (Amazon)]]`, `[[Book Chapter]]`, `[eBook]`).
_BOOK_LABEL = lazy_compile(r"^\s*\[?\s*(?:e-?book|book|textbook)\b", re.IGNORECASE)


def _no_article(fields: Fields, pieces: list[Piece], links: list[int]) -> bool:
    """An item none of whose links can be a paper: it links a shop, a journal's or conference's own page, a video or
    a course (no label says paper), a page labelled as a book, only a repository by its title with nothing else that
    could be the paper (`[Snake DQN Agent](repo) [[Video]](url)`), or, for an item named like a venue, a page of
    that venue's site (`[Journal of X](https://x.org)`)."""
    shown = [i for i in links if not is_badge(pieces, i) and pieces[i].url and not pieces[i].url.startswith("#")]
    if not shown or any(label_kind(pieces[i].text) == "paper" for i in shown):
        return False
    if any(_BOOK_LABEL.match(pieces[i].text) for i in shown):
        return True
    venue_named = bool(VENUE_WORD.search(fields.title))

    def not_article(i: int) -> bool:
        url = pieces[i].url
        if is_shop(url) or is_venue_page(url, venue_named) or is_media_host(url):
            return True
        # A project's repository: the paper link only where the item reads as a citation.
        return i == fields.title_link and is_repository(url) and not is_paper_host(url)

    return all(not_article(i) for i in shown)


# What a description says right before the paper it cites: a word (`Implementation of [Title](url)`, `(see [arXiv
# paper](url))`), not a field's end (`CVPR 2021. [[arXiv]](url)`).
_CITING_WORD = lazy_compile(r"\w\s*\(?\s*$")


def _cites_paper(pieces: list[Piece], links: list[int], fields: Fields) -> bool:
    """`- [Name](repo) - Official implementation of [_Title_](url)`: the item opens with a link to a repository, a
    description follows it, and a link in the description's running text is the paper (on any host)."""
    first = links[0]
    if fields.title_link != first or not is_repository(pieces[first].url) or _text_only(pieces[:first]).strip(" [\\"):
        return False
    if first + 1 >= len(pieces) or pieces[first + 1].link or not _DESCRIPTION_AFTER.match(pieces[first + 1].text):
        return False
    for number, i in enumerate(links[1:], 1):
        gap = pieces[i - 1].text if not pieces[i - 1].link else ""
        if not pieces[i].url or is_code_host(pieces[i].url) or not _CITING_WORD.search(gap):
            continue
        label, url = pieces[i].text, pieces[i].url
        # A paper link, or a paper's title linking a page (`[_Putting Perception into Action_](journal page)`).
        titled = label[:1].isupper() and len(label.split()) >= 4 and looks_like_title(label)
        paper = fields.roles[number] == "paper" or (titled and not is_resource_host(url) and not _site_root(url))
        if paper and sentence_like(_text_only(pieces[first + 1 : i])):
            return True
    return False
