"""Venue names: long citation text and short forms mapped to the usual short name (data, not logic)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from awesome_lint.clock import utc_month
from awesome_lint.regex import lazy_compile

# (pattern searched case-insensitively in citation text, short name). First match wins, so the more
# specific patterns (workshops, journals) stand before the general ones.
VENUE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"arxiv\s+preprint|\barxiv\b", "arXiv"),
    (r"workshop on wearable systems", "WearSys"),
    (r"internet of things towards applications", "IoT-App"),
    (r"workshop on signal processing systems|\bSiPS\b", "SiPS"),
    (r"\bNeurIPS\b", "NeurIPS"),
    (r"neural information processing systems", "NIPS"),
    (r"\bNIPS\b", "NIPS"),
    (r"computer vision and pattern recognition|\bCVPR\b", "CVPR"),
    (r"european conference on computer vision|\bECCV\b", "ECCV"),
    (r"international conference on computer vision|\bICCV\b", "ICCV"),
    (r"international conference on learning representations|\bICLR\b", "ICLR"),
    (r"international conference on machine learning|\bICML\b", "ICML"),
    (r"\bAAAI\b", "AAAI"),
    (r"\bIJCAI\b|international joint conference on artificial intelligence", "IJCAI"),
    (r"joint conference on neural networks|\bIJCNN\b", "IJCNN"),
    (r"asia and south pacific design automation", "ASP-DAC"),
    (r"design,? automation,? (?:and|&) test in europe|\bDATE\b", "DATE"),
    (r"design automation conference|\bDAC\b", "DAC"),
    (r"symposium on field-?\s?programmable gate arrays|\bFPGA ['’]\d\d", "FPGA"),
    (r"field programmable logic and applications|\bFPL\b", "FPL"),
    (r"field-?\s?programmable custom computing machines|\bFCCM\b", "FCCM"),
    (r"architectural support for programming languages|\bASPLOS\b", "ASPLOS"),
    (r"sigarch comput(?:er|\.) archit(?:ecture|\.) news", "SIGARCH Computer Architecture News"),
    (r"symposium on computer architecture|\bISCA\b", "ISCA"),
    (r"microarchitecture|\bMICRO\b", "MICRO"),
    (r"journal of solid-state circuits|\bJSSC\b", "JSSC"),
    (r"solid-state circuits conference|\bISSCC\b", "ISSCC"),
    (r"symposium on circuits and systems|\bISCAS\b", "ISCAS"),
    (r"low power electronics and design|\bISLPED\b", "ISLPED"),
    (r"computer-aided design|\bICCAD\b", "ICCAD"),
    (r"acoustics,? speech,? and signal processing|\bICASSP\b", "ICASSP"),
    (r"acm (?:on )?multimedia conference|\bACM ?MM\b", "ACM MM"),
    (r"mobile systems,? applications,? and services|\bMobiSys\b", "MobiSys"),
    (r"embedded network(?:ed)? sensor systems|\bSenSys\b", "SenSys"),
    (r"information processing in sensor networks|\bIPSN\b", "IPSN"),
    (r"transactions on multimedia computing|\bTOMM\b", "TOMM"),
    (r"pattern analysis and machine intelligence|\bT-?PAMI\b", "TPAMI"),
    (r"emerging technologies in computing|\bJETC\b", "JETC"),
    (r"transactions of the association for computational linguistics|\bTACL\b", "TACL"),
    (r"neural networks and learning systems|\bTNNLS\b", "TNNLS"),
    (r"neural processing letters", "Neural Processing Letters"),
    (r"\bBayLearn\b", "BayLearn"),
    (r"\bMobiCASE\b", "MobiCASE"),
    (r"\bSysML\b|\bMLSys\b", "SysML"),
    (r"\bEMDL\b", "EMDL"),
    (r"empirical methods in natural language processing|\bEMNLP\b", "EMNLP"),
    (r"north american chapter of the association for computational linguistics|\bNAACL\b", "NAACL"),
    (r"annual meeting of the association for computational linguistics|\bACL\b", "ACL"),
    (r"international conference on computational linguistics|\bCOLING\b", "COLING"),
    (r"british machine vision conference|\bBMVC\b", "BMVC"),
    (r"winter conference on applications of computer vision|\bWACV\b", "WACV"),
    (r"asian conference on computer vision|\bACCV\b", "ACCV"),
    (r"knowledge discovery and data mining|\bSIGKDD\b|\bKDD\b", "KDD"),
    (r"\bthe web conference\b|world wide web conference", "WWW"),
    (r"research and development in information retrieval|\bSIGIR\b", "SIGIR"),
    (r"information and knowledge management|\bCIKM\b", "CIKM"),
    (r"web search and data mining|\bWSDM\b", "WSDM"),
    (r"conference on recommender systems|\bRecSys\b", "RecSys"),
    (r"international journal of computer vision|\bIJCV\b", "IJCV"),
    (r"transactions on image processing", "TIP"),
    (r"journal of machine learning research|\bJMLR\b", "JMLR"),
    (r"transactions on machine learning research|\bTMLR\b", "TMLR"),
    (r"high[- ]performance computer architecture|\bHPCA\b", "HPCA"),
    (r"uncertainty in artificial intelligence", "UAI"),
    (r"artificial intelligence and statistics|\bAISTATS\b", "AISTATS"),
    (r"operating systems design and implementation|\bOSDI\b", "OSDI"),
    (r"symposium on operating systems principles|\bSOSP\b", "SOSP"),
    (r"networked systems design and implementation|\bNSDI\b", "NSDI"),
    (r"\bEuroSys\b", "EuroSys"),
    (r"mobile computing and networking|\bMobiCom\b", "MobiCom"),
    (r"international conference on robotics and automation|\bICRA\b", "ICRA"),
    (r"conference on robot learning|\bCoRL\b", "CoRL"),
    (r"conference on lifelong learning agents|\bCoLLAs\b", "CoLLAs"),
    (r"journal of artificial intelligence research|\bJAIR\b", "JAIR"),
    (r"intelligent robots and systems|\bIROS\b", "IROS"),
    (r"robotics and automation letters|\bRA-L\b", "RA-L"),
    (r"robotics: science and systems", "RSS"),
    (r"transactions on robotics|\bT-RO\b", "T-RO"),
    (r"transactions on human-robot interaction|\bTHRI\b", "THRI"),
    (r"computer graphics forum", "CGF"),
    (r"knowledge and data engineering|\bTKDE\b", "TKDE"),
    (r"acm computing surveys|\bCSUR\b", "CSUR"),
    (r"visualization and computer graphics|\bTVCG\b", "TVCG"),
    (r"circuits and systems for video technology|\bTCSVT\b", "TCSVT"),
    (r"autonomous agents and multi-?\s?agent systems|\bAAMAS\b", "AAMAS"),
    (r"software engineering and methodology|\bTOSEM\b", "TOSEM"),
    (r"transactions on software engineering|\bTSE\b", "TSE"),
    (r"conference on automated software engineering", "ASE"),  # (`ASE` alone also names methods)
    (r"foundations of software engineering|\bFSE\b", "FSE"),
    (r"international conference on software engineering|\bICSE\b", "ICSE"),
    (r"software testing and analysis|\bISSTA\b", "ISSTA"),
    (r"\bOOPSLA\b", "OOPSLA"),
    (r"principles of programming languages|\bPOPL\b", "POPL"),
)


def split_words(text: str) -> list[str]:
    """The words of a space-separated table written as one string."""
    return text.split()


# Short forms by lower-cased spelling: the usual spelling of every short venue name lists write in a
# varying case (`cvpr`, `Arxiv`, `ArXiV`). A name not here is kept as written.
SHORT_NAMES: dict[str, str] = {
    name.lower(): name
    for name in split_words(
        "arXiv CoRR NeurIPS NIPS ICML ICLR CVPR ICCV ECCV AAAI IJCAI IJCNN ACL EMNLP NAACL COLING EACL TACL "
        "BMVC WACV ACCV KDD SIGKDD WWW SIGIR CIKM WSDM ICDM RecSys TPAMI IJCV TIP TNNLS TMM TCSVT TKDE JMLR "
        "TMLR MLSys SysML ISCA MICRO HPCA ASPLOS DAC DATE FPGA FPL FCCM ICCAD ISLPED ISSCC JSSC ISCAS ASP-DAC "
        "ICASSP Interspeech ICME ICIP ICPR MobiSys MobiCom SenSys IPSN MobiCASE WearSys EMDL BayLearn OSDI "
        "SOSP NSDI EuroSys PPoPP UAI AISTATS COLT CoRL ICRA IROS SIGGRAPH TOG TOMM JETC SiPS AACL TKDD IPDPS "
        "VLDB SIGMOD ICDE ICPP HPDC PLDI ISPASS SoCC LREC CoNLL ECIR ICMR ECML PAKDD ICONIP ICANN "
        "TCAD TVLSI TPDS JSAC INFOCOM SIGCOMM RA-L 3DV CoLLAs JAIR MICCAI MIDL ISBI IPMI TMI ACML ECAI IJRR T-RO HRI "
        "SDM DSAA ASONAM TIFS CCS NDSS TDSC AAMAS ICSE FSE ESEC/FSE ISSTA TSE TOSEM OOPSLA POPL SANER ICSME "
        "RSS THRI RO-MAN ITSC CGF EGSR IWSLT ISWC CSUR TVCG CGO ICS TACO EuroMLSys MAPL PVLDB CIDR BIBM "
        "TCBB PSB JAMIA GECCO ICTAI CVIU ICCP SIGDIAL TASLP ISMAR CAGD ALTA USENIX PACT LCTES CASES HiPC TOPLAS "
        "TECS MPLR SIGMETRICS Middleware CC SC IJCNLP PACLIC TGRS GRSL JSTARS IGARSS JPRS "
    )
}
SHORT_NAMES.update(
    {
        "acm mm": "ACM MM",
        "acmmm": "ACM MM",
        "mm": "MM",
        "pami": "PAMI",
        "t-pami": "TPAMI",
        "aspdac": "ASP-DAC",
        "acm-mm": "ACM MM",
        "ecml-pkdd": "ECML PKDD",
        "usenix security": "USENIX Security",
        "s&p": "S&P",
        "ieee s&p": "S&P",
        "ssp": "S&P",
        "ecml pkdd": "ECML PKDD",
    }
)
# A frequent misspelling; a two-word name and its short form.
SHORT_NAMES.update({"neurlps": "NeurIPS", "usenix atc": "USENIX ATC", "atc": "USENIX ATC"})
# Other spellings of Robotics and Automation Letters, TCSVT, CSUR and Transactions on Robotics.
SHORT_NAMES.update(
    {"ral": "RA-L", "ra-letters": "RA-L", "t-csvt": "TCSVT", "acm computing surveys": "CSUR", "tro": "T-RO"}
)
SHORT_NAMES["siggraph asia"] = "SIGGRAPH Asia"
SHORT_NAMES["j-stars"] = "JSTARS"
# Journals and preprint servers of the sciences, by their full names (`[Nature Methods](url)`, `(PNAS 2021)`);
# not those whose names end titles too (`Science`, `Neural Networks`).
SHORT_NAMES.update(
    (name.lower(), name)
    for name in (
        "Nature",
        "Computers & Graphics",
        "Nature Communications",
        "Nature Methods",
        "Nature Machine Intelligence",
        "Nature Biotechnology",
        "Nature Genetics",
        "Nature Medicine",
        "Nature Physics",
        "Nature Computational Science",
        "Nature Biomedical Engineering",
        "Nature Reviews Drug Discovery",
        "Science Advances",
        "Science Robotics",
        "Scientific Reports",
        "Cell Systems",
        "Cell Reports",
        "PNAS",
        "eLife",
        "bioRxiv",
        "medRxiv",
        "ChemRxiv",
        "Bioinformatics",
        "Briefings in Bioinformatics",
        "Genome Biology",
        "Genome Research",
        "Nucleic Acids Research",
        "BMC Bioinformatics",
        "Molecular Systems Biology",
        "Oncotarget",
        "mSystems",
        "PLOS ONE",
        "PLOS Computational Biology",
        "Medical Image Analysis",
        "NeuroImage",
        "npj Digital Medicine",
        "npj Quantum Information",
        "PRX Quantum",
        "Physical Review Letters",
        "Journal of Medicinal Chemistry",
        "Journal of Chemical Information and Modeling",
        "Journal of Cheminformatics",
        "Neurocomputing",
        "Knowledge-Based Systems",
        "Information Fusion",
        "Information Sciences",
        "Expert Systems with Applications",
        "Pattern Recognition Letters",
        "Neural Computation",
        "IEEE Access",
        "IEEE Intelligent Systems",
        "Artificial Intelligence Review",
        "AI Open",
    )
)

# Paper hosts a list may name where its other items name the venue (`[[OpenReview]](url)` beside `[[ICLR 2024]](url)`):
# a venue only in a list whose paper-link labels are venues.
HOST_VENUES: dict[str, str] = {"openreview": "OpenReview"}

# Searched in lower-cased text (faster than case-insensitive matching); the patterns have no upper-case escapes.
_COMPILED = tuple((lazy_compile(pattern.lower()), short) for pattern, short in VENUE_PATTERNS)
_QUANTIFIERS = "?*{"
_SYNTAX = "\\[](){}?*+.^$|"


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (a `|` inside a group stays)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(pattern):
        if char == "\\":
            continue
        if char == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif char == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif char == "|" and depth == 0 and pattern[i - 1] != "\\":
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def _leading_literal(alternative: str) -> str:
    """The text every match of an alternative starts with (after a leading `\\b`), as far as it is literal."""
    text = alternative[2:] if alternative.startswith("\\b") else alternative
    out: list[str] = []
    for char in text:
        if char in _QUANTIFIERS:
            return "".join(out[:-1])  # the character before `?`, `*` or `{` may be absent
        if char in _SYNTAX:
            break
        out.append(char)
    return "".join(out)


def _needles(pattern: str) -> tuple[str, ...]:
    """Substrings one of which text must hold for the pattern to match it; () when there is no such set."""
    found = tuple(_leading_literal(alternative) for alternative in _alternatives(pattern))
    return () if any(not needle for needle in found) else found


# For each pattern of the table, the literal text one of its alternatives starts with: a pattern is searched
# for only in text that holds one of them (`in` costs far less than a search).
_NEEDLES = tuple(_needles(pattern.lower()) for pattern, _short in VENUE_PATTERNS)


def _patterns_by_needle() -> dict[str, tuple[int, ...]]:
    """Each needle with the table positions of the patterns it stands for."""
    found: dict[str, list[int]] = {}
    for number, needles in enumerate(_NEEDLES):
        for needle in needles:
            found.setdefault(needle, []).append(number)
    return {needle: tuple(numbers) for needle, numbers in found.items()}


_BY_NEEDLE = _patterns_by_needle()
# The patterns without needles: searched for in any text.
_UNFILTERED = tuple(number for number, needles in enumerate(_NEEDLES) if not needles)
# The acronyms the patterns spell in capitals (`\bDAC\b`): in running text only their capital spelling is a
# venue (`Viet Dac Lai` names a person).
_CAPITAL_ACRONYMS = frozenset(
    alternative[2:-2].lower()
    for pattern, _short in VENUE_PATTERNS
    for alternative in pattern.split("|")
    if re.fullmatch(r"\\b[A-Z]{2,}\\b", alternative)
)
_WORKSHOP = lazy_compile(r"\bworkshops?\b", re.IGNORECASE)


def short_name(name: str) -> str:
    """The usual spelling of a short venue name ("arxiv" -> "arXiv", "NIPS workshop" -> "NIPS Workshop")."""
    name = " ".join(name.split())
    workshop = bool(_WORKSHOP.search(name)) and not name.lower().startswith("workshop")
    known = known_short(name) if workshop else None
    if known is not None and known.endswith(" Workshop"):
        return known  # `AAAI EIW Workshop`: the conference's workshop, whatever its own acronym
    base = _WORKSHOP.sub("", name).strip() if workshop else name
    base = SHORT_NAMES.get(base.lower(), base)
    return f"{base} Workshop" if workshop else base


@lru_cache(maxsize=4096)
def venue_from_citation(text: str, cased: bool = False) -> str | None:
    """The short name of the venue a free-text citation names, or None when none is recognised. With `cased`,
    an acronym the table spells in capitals counts only where the text does too (`DAC`, not `Dac`)."""
    lowered = text.lower()
    # The patterns one of whose needles the text holds, in table order (one pass over the needles, not the patterns).
    candidates = {number for needle, numbers in _BY_NEEDLE.items() if needle in lowered for number in numbers}
    for number in sorted(candidates.union(_UNFILTERED)):
        pattern, short = _COMPILED[number]
        m = pattern.search(lowered)
        if m is None:
            continue
        if not cased or m.group(0) not in _CAPITAL_ACRONYMS or text[m.start() : m.end()].isupper():
            return short
        for later in pattern.finditer(lowered, m.end()):
            if later.group(0) not in _CAPITAL_ACRONYMS or text[later.start() : later.end()].isupper():
                return short
    return None


# Short names of one venue under its names of different years; a list writes the name it knows.
_RENAMED = {"NeurIPS": "NIPS"}


def name_in_year(short: str, year: int | None) -> str:
    """The name a venue had in a year: a long name read as `NIPS` is `NeurIPS` from 2018, when it was renamed."""
    return "NeurIPS" if short == "NIPS" and year is not None and year >= 2018 else short


def venue_identity(short: str) -> str:
    """The one name a venue has across its renames (`NeurIPS` and `NIPS` alike), for comparing two venues."""
    return _RENAMED.get(short, short)


@dataclass(frozen=True, slots=True)
class VenueField:
    """A short field naming a venue and/or a year: `CVPR 2019`, `NeurIPS'23`, `Arxiv 2024`, `2019/04`."""

    venue: str | None
    """The usual short name, or the name as written when it is not a known one."""
    year: int | None
    known: bool
    """Whether the name is a known venue (a short name or a long name of the table)."""
    arxiv: str | None = None
    """An arXiv id written in the field (`arXiv:2002.08258`, `Arxiv 2110.06483`)."""
    note: str | None = None
    """A parenthesised remark after the venue (`(Survey Track)`, `(Best)`)."""


_FIELD_ARXIV = lazy_compile(r"\barxiv\b\s*[:.]?\s*(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)
_ARXIV_PREPRINT = lazy_compile(r"^arxiv\s+preprint(?:\s+arxiv)?\b", re.IGNORECASE)
_ARXIV_YEAR = lazy_compile(r"\b(arxiv)\s*:\s*(?=(?:19|20)\d\d\b(?!\.\d))", re.IGNORECASE)
_BARE_SHORT_YEAR = lazy_compile(r"^(?P<name>.+?)\s+(?P<year>\d\d)$")
_FIELD_NOTE = lazy_compile(r"\(([^()]*)\)")
# A year, alone, in a date (`2019/04`, `2018-07-02`, `2023.6`) or after a name and a hyphen (`SLT-2018`); never one
# end of a range (`2021-2023`).
_FULL_YEAR = lazy_compile(
    r"(?:(?<![\w.:/-])|(?<=[^\W\d_]-))((?:19[5-9]|20[0-4])\d)"
    r"(?:/\d{1,2}(?:/\d{1,2})?|-\d{1,2}-\d{1,2}|[-.](?:0?[1-9]|1[0-2])(?!\d))?(?![\w.:]|[-–]\d{4})"
)
_SHORT_YEAR = lazy_compile(r"\s*['’‘`]\s*(\d\d)(?:\.(?:0[1-9]|1[0-2]))?(?!\d)")  # (`arXiv'21.06`: its month too)
# An author's initials (and surname) left before a venue's acronym by a citation's punctuation (`A. Kendall, M.
# ICCV, 2015`, `Sattler T. ICCV`): not part of the venue's name.
_INITIALS_BEFORE = lazy_compile(r"(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s*){1,3}(?=[A-Z][A-Za-z]+$)")
_LEAD_SHORT_YEAR = lazy_compile(r"^(\d\d)\s?['’]\s?(?=[A-Z]|ar[Xx]iv)")  # `21'ITSC`: the year first
_DASH_YEAR = lazy_compile(r"-(\d\d)$")
# A word cut short inside a name (`Appl. Intell`, `J. Am. Stat. Assoc`).
_ABBREVIATED = lazy_compile(r"[a-z]\. ")
# An acronym glued to a four-digit year (`TGRS2021`, `JSTARS2023`): a venue the table need not know, and its year.
_GLUED_ACRONYM = lazy_compile(r"^[A-Z]{2,8}(?:19|20)\d\d$")
# A venue the table knows and its year, then words of a note (`NeurIPS 2022 Datasets and Benchmarks Track`,
# `EMNLP 2019 Googel Sun haitian`, `AAAI2020 东南大学`).
_VENUE_YEAR_NOTE = lazy_compile(
    r"(?P<name>[A-Za-z][\w&@-]*(?: [A-Za-z][\w&-]*)?) ?['’]?(?P<year>(?:19|20)\d\d)\s+(?P<note>\S.*)"
)
_ARXIV_MONTH = lazy_compile(r"arxiv\s*['’]?(\d\d)\.(?:0[1-9]|1[0-2])", re.IGNORECASE)
_GLUED_YEAR = lazy_compile(r"^(?P<name>.*[A-Za-z])(?P<year>(?:19|20)\d\d|\d\d)$")
# A month name, with the day when it is written before or after it (`12th Oct., 2023`, `June 3, 2023`).
_MONTH_DAY = (
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?"
)
_MONTH_YEAR = lazy_compile(_MONTH_DAY + r"\s*,?\s*", re.IGNORECASE)
# A date: a month and a year, with or without the day, or a year, month and day in digits.
_DATE = lazy_compile(
    rf"^\s*(?:{_MONTH_DAY}\s*,?\s*(?:19|20)\d\d|(?:19|20)\d\d([-/])\d{{1,2}}\1\d{{1,2}})\s*$", re.IGNORECASE
)
# Words around a venue name that are not part of it: badge labels, "Accepted at", "In Proceedings of" (but the
# first word of "Journal of ..." or "Conference on ..." is the name's own).
_FIELD_LEAD = lazy_compile(
    r"^(?:(?:publish(?:ed)?|conference|journal|venue|accepted|accept|oral|spotlight|poster)\b(?!\s+(?:of|on)\b)[\s:-]*"
    r"(?:(?:at|in|by|to)\b\s*)?|in\s+(?:the\s+)?(?:proceedings\s+of\s+(?:the\s+)?)?|proceedings\s+of\s+(?:the\s+)?)",
    re.IGNORECASE,
)
_TWO_LETTERS = lazy_compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)
_NOT_A_NAME = lazy_compile(r"\d{4}|\bet\.?\s*al\b", re.IGNORECASE)
_NAME_SEPARATOR = lazy_compile(r"[\s-]+")
_VOLUME = lazy_compile(r"\s+\d+(?:\.\d+|\s*\(\d+\))$")
# What a work is rather than where it appeared: `(Book 18) Title`, `(PhD dissertation 19) Title`.
DOCUMENT_TYPES = frozenset(
    ("book", "phd dissertation", "dissertation", "phd thesis", "thesis", "master thesis", "technical report")
)
_PUBLISHERS = frozenset(("ieee", "acm", "usenix", "springer", "elsevier", "aaai", "ieee/cvf", "cvf"))
_JOINT_CONFERENCES = frozenset(("ijcnlp", "hlt", "coling", "naacl"))
# What may follow a venue's name without being part of it: tracks, paper types, awards.
_TRACK_WORDS = frozenset(
    split_words(
        "short long main demo demos system oral spotlight poster posters abstract abstracts tinypapers tiny papers "
        "paper survey track tracks best outstanding award honorable mention industry volume conference proceedings"
    )
)
_VENUE_EXTRAS = frozenset(split_words("in the of on and international annual proceedings proc conf cvf")) | {
    "ieee",
    "acm",
    "usenix",
    "workshop",
    "workshops",
    "findings",
}
# A workshop, by the word or by the acronym of a workshop lists name after its conference (`NeurIPS-ENLSP`).
_WORKSHOP_WORDS = frozenset(split_words("workshop workshops enlsp es-fomo srw sustainlp repl4nlp emc2 want wanf"))
_ACRONYM = lazy_compile(r"^[A-Z][A-Z0-9]{1,7}$")
_TRAILING_W = lazy_compile(r"^(?P<base>[A-Za-z]{3,})-?[wW]$")  # `CVPRW`, `ICLR-W`
_NAME_CHARS = lazy_compile(r"^[A-Za-z][\w&.'’/+-]*(?:[ :,]+[\w&.'’/+()-]+)*$")
# Words that make a phrase a sentence or a title rather than a name (of a venue or of a person).
SENTENCE_WORDS = frozenset(
    split_words(
        "a an the of for with via in on to from by is are we our using towards toward through without at as "
        "into under over beyond between when what how why do does can not all any its their this that which "
    )
)


# A sentence word written in lower case: a quick sign that a text is a title or a description.
LOWER_SENTENCE_WORD = lazy_compile(r"(?<![\w'’-])(?:" + "|".join(sorted(SENTENCE_WORDS)) + r")(?![\w'’-])")


def year_of(value: str) -> int:
    """A year as written: four digits, or two (`'17` is 2017, `'98` is 1998)."""
    number = int(value)
    if number < 100:
        number += 2000 if number < 70 else 1900
    return number


def known_short(name: str) -> str | None:
    """The usual spelling when `name` is a known short venue name, or one with a workshop, findings, track or
    award after it (`CVPRW`, `ICLR-W`, `EMNLP-Findings`, `NeurIPS-ENLSP`, `ACL-Short`, `MLSys Outstanding Award`) or a
    publisher before it (`IEEE TPAMI`)."""
    name = " ".join(name.split()).strip(" .,;:-")
    if not name:
        return None
    found = SHORT_NAMES.get(name.lower())
    if found:
        return found
    m = _TRAILING_W.match(name)
    if m and m.group("base").lower() in SHORT_NAMES and name.lower() not in ("www",):
        return f"{SHORT_NAMES[m.group('base').lower()]} Workshop"
    words = _NAME_SEPARATOR.split(name)
    if len(words) > 1 and words[0].lower() in _PUBLISHERS and words[1].lower() in SHORT_NAMES:
        words = words[1:]  # `IEEE TPAMI`; but `AAAI EIW Workshop` is AAAI's own
    if words and words[0].lower() == "findings" and len(words) >= 2 and words[1].lower() == "of":
        words = [*words[2:], "findings"]  # `Findings of EMNLP`
    head = _joint_head(words)
    if head is None:
        return None
    base, rest = head
    lowered = [w.lower() for w in rest]
    if "findings" in lowered:
        return f"{base} Findings"
    if _WORKSHOP_WORDS.intersection(lowered) or (lowered and lowered[0] == "on" and len(lowered) >= 3):
        return f"{base} Workshop"  # `NeurIPS-ENLSP`, `NeurIPS 2023 on Efficient Natural Language ...`
    if all(w in _TRACK_WORDS for w in lowered):
        return base
    return None


def _joint_head(words: list[str]) -> tuple[str, list[str]] | None:
    """The known short name the words start with (a joint conference after it dropped: `ACL-IJCNLP`), and the
    words after it."""
    if not words:
        return None
    head = SHORT_NAMES.get(words[0].lower())
    if head is None:
        return None
    rest = words[1:]
    while rest and rest[0].lower() in _JOINT_CONFERENCES:
        rest = rest[1:]
    return head, rest


# Words that a long venue name has (and a title rarely does): only such names go through the patterns.
_LONG_NAME = lazy_compile(
    r"\b(?:conference|proceedings|transactions|journal|symposium|workshop|international|advances|annual|"
    r"meeting|letters|magazine|congress|computing|systems)\b",
    re.IGNORECASE,
)


def has_venue_words(text: str) -> bool:
    """Whether a text has the words of a long venue name (`Conference`, `Symposium`, `Transactions`, ...)."""
    return bool(_LONG_NAME.search(text))


@lru_cache(maxsize=4096)
def read_venue(text: str) -> VenueField | None:
    """Read a short field as a venue and/or year; None when it is neither (a title, a sentence, a name list).

    Known names come out in their usual spelling; an unknown but venue-shaped name (a few capitalised words
    without sentence words) is kept as written with `known=False`, for the list's template to accept or not.
    A known venue and its year followed by other words gives the venue, the words a note.
    """
    found = _read_field(text)
    if found is not None and found.known:
        return found
    m = _VENUE_YEAR_NOTE.fullmatch(" ".join(text.split()).strip(" ,;.[]*_")) if len(text) <= 80 else None
    short = known_short(m.group("name")) if m is not None and len(m.group("note").split()) <= 5 else None
    if m is None or short is None:
        return found
    return VenueField(short, int(m.group("year")), True, None, m.group("note").strip(" ,;()"))


def _read_field(text: str) -> VenueField | None:
    """`read_venue` without its fallback for a known venue and year before other words."""
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120:
        return None
    if len(words) > 6 and len(LOWER_SENTENCE_WORD.findall(text)) > 3:
        return None
    text = " ".join(words).strip(" ,;.[]*_|")
    if text.endswith((":", "：")) and text[-2:-1].isdigit():
        text = text[:-1]  # (`CVPR 2019:` before a title)
    if not text or len(text) > 90:
        return None
    arxiv = None
    m = _FIELD_ARXIV.search(text) if "." in text else None  # (each pattern has a character the text must hold)
    if m:
        arxiv = m.group(1)
        text = (text[: m.start()] + " arXiv " + text[m.end() :]).strip()
    if ":" in text:
        text = _ARXIV_YEAR.sub(r"\1 ", text)
    note = None
    notes = _FIELD_NOTE.findall(text) if "(" in text else []
    if notes:
        inner = " ".join(n.strip() for n in notes if n.strip())
        stripped = _FIELD_NOTE.sub(" ", text).strip()
        if stripped:
            note, text = inner or None, stripped
    year: int | None = None
    m = _FULL_YEAR.search(text)
    if m:
        year = int(m.group(1))
        text = text[: m.start()].removesuffix("-") + " " + text[m.end() :]  # (`SLT-2018`, `ACL-2021 Findings`)
    else:
        m = _SHORT_YEAR.search(text)
        if m and text[: m.start()].strip():
            year = year_of(m.group(1))
            text = text[: m.start()] + " " + text[m.end() :]
        elif (m := _LEAD_SHORT_YEAR.match(text)) is not None:
            year = year_of(m.group(1))
            text = text[m.end() :]
    text = _MONTH_YEAR.sub(" ", text) if year else text
    name = " ".join(text.split()).strip(" ,;:.-/'’()")
    name = _FIELD_LEAD.sub("", name).strip(" ,;:.-/")
    if "preprint" in name:
        name = _ARXIV_PREPRINT.sub("arXiv", name)  # `arXiv preprint arXiv:2506.21899`
    dated = _ARXIV_MONTH.fullmatch(name) if year is None and name[:5].lower() == "arxiv" else None
    if dated is not None:
        name, year = "arXiv", year_of(dated.group(1))  # `arXiv21.04`: the year and month of the preprint
    glued = _GLUED_YEAR.match(name) if year is None else None
    if glued and (known_short(glued.group("name")) or _GLUED_ACRONYM.match(name)):
        name, year = glued.group("name"), year_of(glued.group("year"))  # `NAACL-HLT2022`, `CVPR17`, `JSTARS2023`
    if year is None and name:
        dash = _DASH_YEAR.search(name) or _BARE_SHORT_YEAR.match(name)
        if dash and known_short(name[: dash.start("year") - 1 if "name" in dash.groupdict() else dash.start()]):
            year = year_of(dash.group("year") if "name" in dash.groupdict() else dash.group(1))
            name = dash.group("name") if "name" in dash.groupdict() else name[: dash.start()]
    if not name:
        return VenueField(None, year, False, arxiv, note) if year or arxiv else None
    short = known_short(name)
    if short is None and (initials := _INITIALS_BEFORE.match(name)) is not None:
        short = known_short(name[initials.end() :])
    if short is None and "@" in name:  # `DLG@KDD 2020`: a workshop held at a venue the table knows
        workshop, _at, held = name.rpartition("@")
        host_venue = known_short(held.strip())
        if host_venue and workshop.strip():
            return VenueField(f"{host_venue} Workshop", year, True, arxiv, note or workshop.strip())
    if short is None and "," in name:
        head, _sep, rest = name.partition(",")
        short = known_short(head)
        note = note or (rest.strip() if short else None) or None
    if short and note and note.lower() in ("findings", "workshop"):
        short, note = known_short(f"{short} {note}") or short, None  # `EMNLP 2022 (Findings)`
    if short:
        return VenueField(short, year, True, arxiv, note)
    words = name.split()
    long_words = bool(_LONG_NAME.search(name)) or not SHORT_NAMES.keys().isdisjoint(name.lower().split())
    if 1 < len(words) <= 12 and long_words:
        long_name = venue_from_citation(name, cased=True)
        if long_name and long_name.lower() != "arxiv" and _names_only_venue(name, long_name):
            return VenueField(long_name, year, True, arxiv, note)
    name = _VOLUME.sub("", name)  # `Mathematical programming 120.1`: the volume and issue are no part of it
    if name.lower() in _PUBLISHERS:  # `… Recommender Systems. ACM, 2017.`: who published it, not where
        return VenueField(None, year, False, arxiv, note) if year or arxiv else None
    if not _venue_shaped(name):
        return None
    if len(words) == 2 and words[0].lower() in _PUBLISHERS and _ACRONYM.match(words[1]):
        name = words[1]  # `IEEE SPM`: a publisher before a journal's acronym the table does not know
    elif _ABBREVIATED.search(name) and f" {name}. " in f" {' '.join(text.split())} ":
        name += "."  # `Appl. Intell. 2022`: an abbreviated name keeps its last abbreviation's full stop
    return VenueField(name, year, False, arxiv, note)


def _names_only_venue(name: str, short: str) -> bool:
    """Whether a long name is the venue itself ("IEEE Transactions on Neural Networks and Learning Systems"),
    not a title that happens to contain a venue word."""
    lowered = name.lower()
    if any(w in lowered for w in ("conference", "proceedings", "transactions", "journal", "symposium", "advances in")):
        return True
    words = [w.strip(".,;:()[]") for w in lowered.replace("-", " ").split()]
    # Besides the short name only a venue's usual extras (`IEEE CVPR Workshops`), never a list of names.
    return short.lower() in words and all(
        w == short.lower() or not any(ch.isalpha() for ch in w) or w in _VENUE_EXTRAS for w in words
    )


def _venue_shaped(name: str) -> bool:
    """A few words that could name a venue: not a sentence, not a bare number, at most eight words."""
    words = name.split()
    if not words or len(words) > 8 or not _TWO_LETTERS.search(name) or "," in name:
        return False
    if _NOT_A_NAME.search(name):
        return False
    if not _NAME_CHARS.match(name):
        return False
    lower = [w for w in words if w.lower() in SENTENCE_WORDS or w.lower() == "and"]
    return len(lower) <= max(1, len(words) // 3)


# A venue slot (`[CVPR 21 Oral]`, `[3DV 21]`, `[RA-L&IROS 22]`): a short name (digits first allowed), a two- or
# four-digit year and award or track words.
_SLOT = lazy_compile(
    r"^(?P<name>[A-Za-z0-9][\w&.+/-]*?(?:\s*&\s*[A-Za-z][\w.+/-]*|\s+[A-Za-z][\w&.+/-]*){0,2}?)\s*['’-]?\s*"
    r"(?P<year>(?:19|20)\d\d|\d\d)(?P<words>(?:\s+[A-Za-z]+){0,3})$"
)
_CAPITALS = lazy_compile(r"[A-Z].*[A-Z]|[0-9].*[A-Z]")


def is_date(text: str) -> bool:
    """A month and a year, with or without the day (`12th Oct., 2023`, `June 3, 2023`, `Mar 2024`, `2018-07-02`),
    and nothing else: when a paper was posted or a list updated, never where the paper appeared."""
    return bool(_DATE.match(text))


@lru_cache(maxsize=1024)
def read_slot(text: str) -> VenueField | None:
    """A venue slot that opens an item (`[CVPR 21 Oral]`, `[3DV 21]`, `[RA-L&IROS 22]`, `[RAL 23]`): the venue (the
    first of names joined by `&`) and the year, award and track words dropped, the year never left in the name;
    other text as `read_venue` reads it."""
    found = read_venue(text)
    if found is not None and (found.year is not None or found.known):
        return found  # (a year or a date alone, `[01 Mar 2024]`, names no venue either)
    m = _SLOT.match(" ".join(text.split()).strip(" ,;.[]*_"))
    if m is None or not _CAPITALS.search(m.group("name")):
        return found
    if any(word.lower() not in _TRACK_WORDS for word in m.group("words").split()):
        return found
    year = year_of(m.group("year"))
    if not 1980 <= year <= utc_month()[0] + 1:
        return found  # `[ResNet 50]` names no year
    name = m.group("name").split("&")[0].strip()
    short = known_short(name)
    return VenueField(short or name, year, short is not None)
