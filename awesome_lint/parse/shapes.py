"""What a short piece of an entry is: a link label's meaning, an author list, a title, a host's kind."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from awesome_lint.parse.venues import LOWER_SENTENCE_WORD, SENTENCE_WORDS, read_venue, split_words
from awesome_lint.regex import lazy_compile
from awesome_lint.text import title_word_shares, word_stem

CODE_HOSTS = frozenset(("github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org"))
# Hosts whose pages are papers (or a paper's landing page): evidence that an entry cites a paper.
PAPER_HOSTS = (
    "arxiv.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "thecvf.com",
    "cv-foundation.org",
    "ecva.net",
    "papers.nips.cc",
    "proceedings.neurips.cc",
    "neurips.cc",
    "nips.cc",
    "proceedings.mlr.press",
    "jmlr.org",
    "ieeexplore.ieee.org",
    "dl.acm.org",
    "doi.org",
    "link.springer.com",
    "springer.com",
    "sciencedirect.com",
    "semanticscholar.org",
    "aaai.org",
    "ijcai.org",
    "icml.cc",
    "iclr.cc",
    "nature.com",
    "science.org",
    "biorxiv.org",
    "researchgate.net",
    "usenix.org",
    "mlsys.org",
    "sysml.cc",
    "isca-speech.org",
    "bmva.org",
    "wiley.com",
    "tandfonline.com",
    "mdpi.com",
    "hal.inria.fr",
    "hal.science",
    "ssrn.com",
    "iopscience.iop.org",
    "pubmed.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "papers.ssrn.com",
    "scholar.archive.org",
    "citeseerx.ist.psu.edu",
    "academic.oup.com",
    "medrxiv.org",
    "plos.org",
    "cell.com",
    "pnas.org",
    "frontiersin.org",
    "biomedcentral.com",
    "embopress.org",
    "jamanetwork.com",
    "nejm.org",
    "thelancet.com",
    "acs.org",
    "rsc.org",
    "aps.org",
)
# Hosts of packages, documentation and project sites: evidence that an entry is a resource.
RESOURCE_HOSTS = (
    "pypi.org",
    "pypi.python.org",
    "npmjs.com",
    "crates.io",
    "readthedocs.io",
    "readthedocs.org",
    "huggingface.co",
    "docs.",
    "marketplace.visualstudio.com",
    "chrome.google.com",
    "apps.apple.com",
    "play.google.com",
    "hub.docker.com",
    "anaconda.org",
    "rubygems.org",
    "packagist.org",
    "nuget.org",
)
# Hosts of videos and online courses: a lecture or a course, never a paper unless a label says so.
MEDIA_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "bilibili.com",
    "coursera.org",
    "udacity.com",
    "edx.org",
    "udemy.com",
)
# A shop's own host (`amazon.com`, `amazon.co.uk`, `amzn.to`): a link there sells a book, it is never a paper (a
# subdomain such as `aws.amazon.com` or another name such as `amazon.science` is no shop).
_SHOP_HOST = lazy_compile(
    r"^(?:smile\.)?amazon\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})$|^amzn\.[a-z]{2,3}$|"
    r"(?:^|\.)(?:barnesandnoble\.com|bookdepository\.com)$"
)
# An article's page, not its venue's: a DOI, an article, abstract or full-text path, a document file.
_ARTICLE_PATH = lazy_compile(
    r"/(?:doi|article|articles|abs|abstract|full|fulltext|pdf|epdf|content|document|chapter|papers?|view|"
    r"download|stamp|citation)\b|/10\.\d{4,}/|\.(?:pdf|html?|php|aspx?)$"
)
# A journal's or a conference's own page at its publisher: `/journal/11263`, `/core/journals/name`,
# `/conference/kdd`, IEEE Xplore's issue and conference pages.
_VENUE_PAGE_PATH = lazy_compile(
    r"/(?:journal|journals|conference)/[\w-]+/?$|^/xpl/(?:recentissue|mostrecentissue|conhome|aboutjournal)\b"
)

# Link labels that name what a link is, not the entry: `[code]`, `[PDF]`, `[PyTorch(Author)]`, `[Project]`.
_CODE_WORDS = (
    r"code|codes|github|gitlab|source|source code|implementation|official|official code|unofficial|repo|"
    r"repository|pytorch|torch|tensorflow|tf|caffe|caffe2|keras|mxnet|jax|flax|paddle|paddlepaddle|theano|"
    r"chainer|matlab|mindspore|c\+\+|cuda|tensorflow & torch|code deleted|python code|"
    r"python (?:pytorch |tensorflow )?reference|python high performance|reference implementation"
)
_PAPER_WORDS = (
    r"paper|papers|pdf|paper\s*/\s*pdf|pdf\s*/\s*paper|arxiv|link|links|openreview|abs|abstract|preprint|doi|acm|ieee|"
    r"springer|html|acmdl|acm dl|"
    r"ieeexplore|ieee xplore|sciencedirect"
)
_PROJECT_WORDS = (
    r"project|project page|page|website|web|homepage|home|demo|slides?|video|videos|talk|poster|blog|"
    r"zhihu|medium|tweet|twitter|huggingface|hf|model|models|weights|checkpoints?|dataset|data|docs|"
    r"documentation|colab|notebook|supp|supplementary|supplementary material|bibtex|bib|cite|citation|"
    r"leaderboard|api|install|download|youtube|bilibili|知乎|中文(?:介绍|解读)?"
)
_QUALIFIED = (
    r"(?:\s*\([^()\[\]]{0,40}\)?|\s*[:：]\s*[^()\[\]]{1,40}|\s+[-–]\s+[^()\[\]]{1,40}|"
    r"\s+(?:page|code|implementation|repo|repository|deleted|official|unofficial|version|link))?\s*"
)
# Project labels of a page one reads (a blog post, a project page), not of media or files.
_PAGE_WORDS = r"project|project page|page|website|web|site|homepage|home|blog|blog post|post|medium|article|report"
PAGE_LABEL = lazy_compile(rf"^\s*\[?\s*(?:{_PAGE_WORDS})\s*\]?\s*$", re.IGNORECASE)
CODE_LABEL = lazy_compile(rf"^\s*\[?\s*(?:{_CODE_WORDS}){_QUALIFIED}\]?\s*$", re.IGNORECASE)
# Words that say where or how a paper link's paper is out (`[bioRxiv preprint]`, `[open access paper]`).
_PAPER_QUALIFIERS = r"open access|open-access|published|journal|conference|full|biorxiv|medrxiv|chemrxiv|arxiv"
PAPER_LABEL = lazy_compile(
    rf"^\s*\[?\s*(?:(?:{_PAPER_QUALIFIERS}|v?\d(?:\.\d)?)\s+(?=paper|preprint|pdf))?(?:{_PAPER_WORDS})\s*\]?\s*$",
    re.IGNORECASE,
)
PROJECT_LABEL = lazy_compile(rf"^\s*\[?\s*(?:{_PROJECT_WORDS}){_QUALIFIED}\]?\s*$", re.IGNORECASE)
# A label or file that gives how to cite the paper (`[bibtex]`, `x.bib`): never its code, wherever it is kept.
_CITATION_LABEL = lazy_compile(r"^\s*\[?\s*(?:bibtex|bib|cite|citation)\s*\]?\s*$", re.IGNORECASE)
EMOJI = r":[a-z0-9_+-]+:|[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"
"""An emoji, or its GitHub shortcode (`:fire:`): decoration, a pattern to build others with."""
_DECORATION = lazy_compile(rf"^(?:[\s\\]|{EMOJI})*$")
_LEADING_DECORATION = lazy_compile(rf"^\s*(?:(?:{EMOJI})\s*)+")
_PROFILE = lazy_compile(
    r"https?://(?:scholar\.google\.[a-z.]+/citations\?|(?:www\.)?orcid\.org/\d|dblp\.org/(?:pid|pers)/|"
    r"(?:www\.)?semanticscholar\.org/author/|"
    r"(?:www\.|mobile\.)?(?:twitter|x)\.com/(?!(?:i|intent|search|hashtag|home|share)(?:[/?#]|$))\w{1,15}/?(?:[?#]|$))",
    re.IGNORECASE,
)
_BIB_FILE = lazy_compile(r"\.bib(?:$|[?#])", re.IGNORECASE)
# A star or citation count written as a label or in brackets: `721⭐`, `72:fire:`, `1.2k:star:`.
COUNT = r"[\d.,]+\s*[kK]?\s*(?::\w+:|⭐|★|🔥|stars?)?"
_COUNT_LABEL = lazy_compile(rf"^\s*{COUNT}\s*$")

# A word of a venue's name that is no person's name: `Journal of Imaging`, `Signal Processing Magazine`.
VENUE_WORD = lazy_compile(r"\b(?:Journal|Transactions|Letters|Magazine|Proceedings|Conference|Symposium|Annals)\b")
_AFFILIATION_WORD = lazy_compile(
    r"\b(?:University|Universit[yé]t?|Institute|Institut|Laboratory|Lab|Labs|College|School|Academy|Inc|Corporation)\b"
)
_OWNER_REPO = lazy_compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]*)?$")
# A name's word or initials (`J.-Y.`: a hyphenated initial).
_NAME_TOKEN = lazy_compile(r"^(?:[A-Z]\.-?){0,3}[A-Z][\w'’-]*\.?$|^(?:[A-Z]\.-?){1,3}$")
_NAME_PARTICLES = frozenset(
    split_words(
        "and & van von der den de del della di da la le du dos bin et al al. et. etal etal. et.al et.al. "
        "jr jr. sr. ii iii iv"
    )
)
_JOINERS = frozenset(("and", "&", "et", "al", "al.", "et."))
_DIGIT = lazy_compile(r"\d")
_PARENTHESES = lazy_compile(r"\([^()]*\)")
_INITIAL = lazy_compile(r"\b[A-Z]\.")
_INITIALS = lazy_compile(r"(?:[A-Z]\.?-?)+")
_AND = lazy_compile(r"\band\b")
_NAME_SEPARATOR = lazy_compile(r"[,，;&]|\band\b")
_NAME_WORDS = 4
"""The most words (particles and initials aside) one name in a list of names has: `Juan Carlos Niebles Duque`."""
_ET_AL = lazy_compile(r"\bet\.?\s*al\b\.?\s*(?:\([^()]*\))?\s*$", re.IGNORECASE)


def _host_pattern(hosts: tuple[str, ...]) -> re.Pattern[str]:
    """A host and its subdomains (`x.org` matches `x.org` and `a.x.org`); `docs.` matches a host prefix."""
    suffixes = "|".join(re.escape(h) for h in hosts if not h.endswith("."))
    prefixes = "|".join(re.escape(h) for h in hosts if h.endswith("."))
    alternatives = [rf"(?:^|\.)(?:{suffixes})$"] + ([rf"^(?:{prefixes})"] if prefixes else [])
    return lazy_compile("|".join(alternatives))


_PAPER_HOST = _host_pattern(PAPER_HOSTS)
_RESOURCE_HOST = _host_pattern(RESOURCE_HOSTS)
_MEDIA_HOST = _host_pattern(MEDIA_HOSTS)


# An http(s) URL whose host is letters, digits, dots and hyphens (no user, port or whitespace anywhere): what
# `urlsplit` gives as its host and path, read by one match.
_PLAIN_URL = lazy_compile(r"https?://([A-Za-z0-9.-]+)(/[^?#\s]*)?(?:[?#]\S*)?")


@lru_cache(maxsize=8192)
def _split(url: str) -> tuple[str, str]:
    """(host without `www.`, lower-cased path) of a URL; empty strings when it has none."""
    url = url.strip()
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None:
        return plain.group(1).lower().removeprefix("www."), (plain.group(2) or "").lower()
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", ""
    return (parts.hostname or "").removeprefix("www."), parts.path.lower()


def host(url: str) -> str:
    """The host of a URL without `www.`, lower-case; empty when there is none."""
    return _split(url)[0]


def is_paper_host(url: str) -> bool:
    """Whether a URL points at a paper: a publisher, proceedings or preprint host, or a PDF file (on a host, or in
    the list's own repository: `../papers/A1.pdf`)."""
    name, path = _split(url)
    return (bool(name) and bool(_PAPER_HOST.search(name))) or path.endswith(".pdf")


def is_media_host(url: str) -> bool:
    """Whether a URL points at a video or an online course (YouTube, Coursera, edX, ...)."""
    name = host(url)
    return bool(name) and bool(_MEDIA_HOST.search(name))


def is_shop(url: str) -> bool:
    """Whether a URL points at a shop's page (`amazon.com/…/dp/…`): a book on sale, never a paper."""
    return bool(_SHOP_HOST.search(host(url)))


def is_venue_page(url: str, named: bool = False) -> bool:
    """Whether a URL points at a journal's or a conference's own page, not at one of its articles:
    `link.springer.com/journal/11263`, `journals.sagepub.com/home/name`, `ieeexplore.ieee.org/xpl/RecentIssue.jsp`;
    with `named` (the item is named like a venue: `Journal of …`), also any page at a short path (`jmlr.org`,
    `bmva.org/bmvc`, `x.org/publications/name`)."""
    name, path = _split(url)
    if not name or (_ARTICLE_PATH.search(path) and not path.startswith("/xpl/")):
        return False
    if _VENUE_PAGE_PATH.search(path):
        return True
    segments = len([s for s in path.split("/") if s])
    # A journals host (`journals.elsevier.com/pattern-recognition`, `journals.sagepub.com/home/name`) at a short path.
    return segments <= 2 and (named or (segments >= 1 and name.startswith(("journals.", "journal."))))


def is_code_host(url: str) -> bool:
    """Whether a URL points at a code host (GitHub, GitLab, ...), not at a project site on it."""
    return host(url) in CODE_HOSTS


# What follows `owner/repo` on a code host in a URL that is not the repository's code: its issues, pull requests,
# discussions (GitLab writes them after a `-` segment); and the first path segments of GitHub's own pages.
_NOT_CODE_PAGES = frozenset(
    ("issues", "pull", "pulls", "merge_requests", "discussions", "stargazers", "watchers", "network", "graphs")
)
_SITE_PAGES = frozenset(
    split_words("topics orgs sponsors marketplace features collections search settings about apps enterprise explore")
)


def is_repository(url: str, owner: bool = False) -> bool:
    """Whether a URL on a code host names a repository or a place in it (`owner/repo`, `/tree/`, `/blob/`,
    releases), not an issue, a pull request, a discussion or a page of the host's own; with `owner`, an owner's
    page (`github.com/owner`, what a `[code]` label may link) counts too."""
    name, path = _split(url)
    if name not in CODE_HOSTS:
        return False
    segments = [s for s in path.split("/") if s]
    if len(segments) < (1 if owner else 2) or segments[0] in _SITE_PAGES:
        return False
    rest = segments[2:]
    if rest and rest[0] == "-":
        rest = rest[1:]
    return not rest or rest[0] not in _NOT_CODE_PAGES


_DOCUMENT_FILE = lazy_compile(r"/[^/]+\.(?:md|markdown|rst)$")
_README = lazy_compile(r"/readme\.[a-z]+$")


def is_notes_file(url: str) -> bool:
    """A Markdown or reStructuredText file on a code host (`github.com/u/r/blob/master/notes/x.md`): notes, not
    code; a folder's README stands for its folder."""
    name, path = _split(url)
    return name in CODE_HOSTS and bool(_DOCUMENT_FILE.search(path)) and not _README.search(path)


def is_decoration(text: str) -> bool:
    """Text that is only emoji, as shortcodes (`:fire:`) or characters (🔥), and spaces: decoration, no field."""
    return bool(_DECORATION.match(text))


def undecorated(label: str) -> str:
    """A label without the emoji that open it (`📝KDD'2021` gives `KDD'2021`), stripped; a label that is only
    emoji stays as it is."""
    inner = label.strip()
    cut = leading_decoration(inner)
    return inner[cut:] if 0 < cut < len(inner) else inner


def leading_decoration(text: str) -> int:
    """How many characters of emoji (and the spaces after them) open a text (`🎨 [Nick] Title`: 2), 0 for none."""
    first = text.lstrip()[:1]
    if first != ":" and first < "\u2600":
        return 0  # (no emoji can open it: the common case, settled without the pattern)
    m = _LEADING_DECORATION.match(text)
    return m.end() if m else 0


def is_person_link(url: str) -> bool:
    """A link to a person: an e-mail address (`mailto:`) or a researcher's profile (Google Scholar, ORCID, DBLP,
    Semantic Scholar, an X or Twitter account); never a paper, a project or code."""
    return url.startswith("mailto:") or bool(_PROFILE.match(url))


def is_citation_link(label: str, url: str) -> bool:
    """A link to how the paper is cited: labelled `bibtex` or `cite`, or a `.bib` file."""
    return bool(_CITATION_LABEL.match(label) or _BIB_FILE.search(url))


def is_resource_host(url: str) -> bool:
    """Whether a URL points at a package index, documentation or model hub."""
    name = host(url)
    return bool(name) and bool(_RESOURCE_HOST.search(name))


def is_owner_repo(text: str) -> bool:
    """`owner/repo` (or `owner/repo/path`): how lists name a repository."""
    return bool(_OWNER_REPO.match(text.strip())) and " " not in text.strip()


# Emoji that stand for a link's kind when they are its whole label (`[📄](pdf) [💻](repo) [🤗](hub) [💾](data)`).
_EMOJI_LABELS = {
    **dict.fromkeys("📄📃📑📜📝📖📚", "paper"),
    **dict.fromkeys("💻⌨", "code"),
    **dict.fromkeys("🌐🏠🤗💾📦📊🎥📹🎬▶🔗", "project"),
}


@lru_cache(maxsize=4096)
def label_kind(label: str) -> str:
    """What a link label says about its link: `code`, `paper`, `project`, `count`, `empty` or `text` (emoji that
    open it aside: `:octocat:Code` is code; an emoji alone may name the kind: `[📄]`, `[💻]`)."""
    emoji = _EMOJI_LABELS.get(label.strip("[]() \u200d\ufe0f"))
    if emoji is not None:
        return emoji
    inner = undecorated(label)
    if not inner.strip("[] "):
        return "empty"
    word = inner[1:-1] if inner.startswith("(") and inner.endswith(")") else inner  # `[(paper)](url)`
    if CODE_LABEL.match(word):
        return "code"
    if PAPER_LABEL.match(word):
        return "paper"
    if PROJECT_LABEL.match(word):
        return "project"
    if _COUNT_LABEL.match(inner.strip("[] ")):
        return "count"
    return "text"


# Alt texts of badges that name where a paper is published (`[![thecvf](badge)](pdf)`), lower-cased, `_` as a space.
_PUBLISHER_BADGES = frozenset(
    (
        "thecvf",
        "cvf",
        "ecva",
        "acl",
        "acl anthology",
        "aclanthology",
        "ieee xplore",
        "ieeexplore",
        "xplore",
        "springer",
        "acm dl",
        "openreview",
        "pmlr",
        "proceedings",
    )
)
# Badge images that show a count (stars, forks): decoration, whatever the badge's alt text says.
_COUNT_BADGE = lazy_compile(r"/(?:stars|forks|watchers|contributors|issues|last-commit)/", re.IGNORECASE)


_BADGE_DASH = lazy_compile(r"(?<!-)-(?!-)")  # (shields.io writes a dash inside a text as `--`)


def shields_segments(image: str) -> list[str]:
    """The dash-separated texts of a shields.io static badge (`…/badge/arXiv-Paper-B31B1B.svg`: `arXiv`, `Paper`,
    `B31B1B.svg`), `--` and `__` read as shields.io writes a dash and an underscore; none for another image."""
    if "img.shields.io/badge/" not in image:
        return []
    body = unquote(image.split("img.shields.io/badge/", 1)[1].split("?", 1)[0])
    return [
        p.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_") for p in _BADGE_DASH.split(body)
    ]


def badge_kind(alt: str, image: str) -> str:
    """What an image-only link is by its badge's alt text (or, with none, a shields.io badge's own text): `paper`
    (`arXiv`, `pdf`), `venue` (a publisher such as `thecvf` or a venue such as `ICLR`), `code` (`Code`, `Unofficial
    Code`) or empty (stars, licences, avatars)."""
    text = alt.strip()
    if not text and len(segments := shields_segments(image)) >= 3:
        text = " ".join(segments[:-1])  # `<img src="…/badge/arXiv-Paper-B31B1B.svg">`: `arXiv Paper`
    if not text or "star" in text.lower() or _COUNT_BADGE.search(image):
        return ""
    kind = label_kind(text)
    if kind in ("code", "paper"):
        return kind
    words = text.lower().replace("_", " ").replace("-", " ")
    if "code" in words.split():
        return "code"  # `No Link Code`, `Broken Code`: the word among others
    if words in _PUBLISHER_BADGES or is_venue_label(text):
        return "venue"
    return ""


@lru_cache(maxsize=4096)
def is_venue_label(label: str) -> bool:
    """A link label that names a known venue (`CVPR`, `NeurIPS'23`, `[ICLR]`, `📝WSDM`) or only a year."""
    found = read_venue(undecorated(label).strip("[]"))
    return found is not None and (found.known or (found.venue is None and found.year is not None))


@lru_cache(maxsize=8192)
def looks_like_authors(text: str) -> bool:
    """A list of person names: `Hinton et al.`, `Cho, Jang Hyun & Hariharan, Bharath`, `S. Han, J. Pool`.

    Names have no sentence words (of, for, the, ...), no colon and no digits, and the list shows it is one:
    `et al.`, `&`, `and` between names, or comma-separated names.
    """
    text = text.strip().strip(".,;")
    if not text or ":" in text or "?" in text or _DIGIT.search(text) or LOWER_SENTENCE_WORD.search(text):
        return False
    if VENUE_WORD.search(text) or _AFFILIATION_WORD.search(text):
        return False  # `Signal Processing & Control Magazine`, `Northwestern Polytechnical University, China`
    tokens = _PARENTHESES.sub(" ", text).replace("，", ",").replace(",", " , ").split()
    if not tokens:
        return False
    names = 0
    for number, token in enumerate(tokens):
        bare = token.strip(".,;")
        low = token.lower()
        if token == "," or not bare or (low in _NAME_PARTICLES and not _surname_particle(tokens, number)):
            continue
        sentence_word = low in SENTENCE_WORDS and not (len(bare) == 1 and bare.isupper())
        if sentence_word and not (bare[:1].isupper() and _comma_names(text)):
            return False  # (`Can Liu, Qiwei Zhong, Bo An`: a capitalised word in a list of names is a name)
        if len(bare) >= 2 and bare.isupper() and bare.isalpha() and not _initials_before(tokens, number):
            return False  # (an acronym; `JD. Gutiérrez`: initials written together)
        capitalised = bare[:1].isupper() and bare.replace("-", "").replace("'", "").replace("’", "").isalpha()
        # A list whose first name lost its first letters (`iel Gordon, Elad Eban`) is still a list of names.
        cut = number == 0 and bare.isalpha() and bare.islower() and "," in text
        if not _NAME_TOKEN.match(bare) and not capitalised and not cut:
            return False
        names += 1
    if names == 0:
        return False
    if "," in text and any(
        len(part.split()) > _NAME_WORDS and _name_words(part) > _NAME_WORDS
        for part in _NAME_SEPARATOR.split(_PARENTHESES.sub(" ", text))
    ):
        return False  # `Graph-Based, Semi-Supervised, Credit Card Fraud Detection System`: too long for a name
    if _ET_AL.search(text) or "&" in text or _INITIAL.search(text):
        return True
    common = sum(1 for t in tokens if word_stem(t.strip(".,;").lower()) in title_word_shares())
    if common >= 2 and 3 * common >= names:
        return False  # `Simulated Quantization, Real Power Savings`: words of titles, not names
    if text.count(",") >= 1:
        return names >= 2
    groups = [g.split() for g in _AND.split(text)]
    if len(groups) > 2:  # `A B and C D and E F`: a chain of names joined by `and`
        return all(2 <= len(g) <= 4 for g in groups)
    return len(groups) == 2 and all(2 <= len(g) <= 3 for g in groups) and names <= 5


def _surname_particle(tokens: list[str], number: int) -> bool:
    """A capitalised particle that is a whole surname (`Du et al.`): no name follows it."""
    token = tokens[number]
    after = tokens[number + 1].lower() if number + 1 < len(tokens) else ","
    capitalised = token[:1].isupper() and token[1:].islower() and token.isalpha()  # (`Du`, not `IV`)
    return capitalised and token.lower() not in _JOINERS and after in (*_JOINERS, ",")


def _initials_before(tokens: list[str], number: int) -> bool:
    """Whether token `number` is two or three initials before a surname: with a full stop (`JD. Gutiérrez`), or
    without one in a list ending with `et al` (`CC Park et al`)."""
    token = tokens[number]
    after = tokens[number + 1] if number + 1 < len(tokens) else ""
    marked = token.endswith(".") or (len(token) <= 3 and tokens[-1].lower().rstrip(".") == "al")
    return len(token) <= 4 and marked and after[:1].isupper() and not after.isupper()


def _comma_names(text: str) -> bool:
    """Three or more comma-separated fields, each two to four capitalised words and no `The`: a list of names."""
    parts = [part.split() for part in _NAME_SEPARATOR.split(text) if part.strip(" .") not in ("", "et al")]
    return len(parts) >= 3 and all(
        2 <= len(words) <= _NAME_WORDS and all(word[:1].isupper() and word != "The" for word in words)
        for words in parts
    )


def _name_words(field: str) -> int:
    """The words of one name in a list, its particles (`van`, `de`, `et al.`) and initials (`J.`, `H.M.`) not
    counted."""
    return sum(1 for word in field.split() if word.lower() not in _NAME_PARTICLES and not _INITIALS.fullmatch(word))


def looks_like_name(text: str) -> bool:
    """One person's name: two to four capitalised words or initials (`Song Han`, `J. L. Holi`)."""
    tokens = text.strip().strip(".,;").split()
    names = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    return (
        2 <= len(tokens) <= 4
        and bool(names)
        and not _JOINERS.intersection(t.lower() for t in tokens)
        and all(_NAME_TOKEN.match(t) and t.lower() not in SENTENCE_WORDS for t in names)
    )


@lru_cache(maxsize=8192)
def looks_like_title(text: str) -> bool:
    """Text that reads like a paper title: several words, mostly Latin letters, not a name list."""
    text = text.strip()
    tokens = text.split()
    if len(tokens) < 2:
        return False
    letters = sum(1 for ch in text if unicodedata.category(ch).startswith("L"))
    latin = sum(1 for ch in text if unicodedata.category(ch).startswith("L") and ord(ch) < 0x2E80)
    return letters > 0 and latin >= letters // 2 and not looks_like_authors(text)


def sentence_like(text: str) -> bool:
    """Text with sentence words or a colon: a title or a description, never a name list or a venue."""
    tokens = [t.strip(".,;()").lower() for t in text.split()]
    return ":" in text or "?" in text or any(t in SENTENCE_WORDS for t in tokens)
