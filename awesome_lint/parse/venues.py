"""Venue names: long citation text and short forms mapped to the usual short name (data, not logic)."""

from __future__ import annotations

import re

# (pattern searched case-insensitively in citation text, short name). First match wins, so the more
# specific patterns (workshops, journals) stand before the general ones.
VENUE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"arxiv\s+preprint|\barxiv\b", "arXiv"),
    (r"workshop on wearable systems", "WearSys"),
    (r"internet of things towards applications", "IoT-App"),
    (r"workshop on signal processing systems|\bSiPS\b", "SiPS"),
    (r"neural information processing systems|\bNeurIPS\b", "NIPS"),
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
    (r"acm (?:on )?multimedia conference|\bACM MM\b", "ACM MM"),
    (r"mobile systems,? applications,? and services|\bMobiSys\b", "MobiSys"),
    (r"embedded network(?:ed)? sensor systems|\bSenSys\b", "SenSys"),
    (r"information processing in sensor networks|\bIPSN\b", "IPSN"),
    (r"transactions on multimedia computing|\bTOMM\b", "TOMM"),
    (r"pattern analysis and machine intelligence|\bTPAMI\b", "TPAMI"),
    (r"emerging technologies in computing|\bJETC\b", "JETC"),
    (r"transactions of the association for computational linguistics|\bTACL\b", "TACL"),
    (r"neural networks and learning systems|\bTNNLS\b", "TNNLS"),
    (r"neural processing letters", "Neural Processing Letters"),
    (r"\bBayLearn\b", "BayLearn"),
    (r"\bMobiCASE\b", "MobiCASE"),
    (r"\bSysML\b|\bMLSys\b", "SysML"),
    (r"\bEMDL\b", "EMDL"),
)

# Short forms by lower-cased spelling, for lists that write them in another case.
SHORT_NAMES: dict[str, str] = {
    "arxiv": "arXiv",
    "neurips": "NeurIPS",
    "nips": "NIPS",
    "mobisys": "MobiSys",
    "mobicase": "MobiCASE",
    "sensys": "SenSys",
    "wearsys": "WearSys",
    "sysml": "SysML",
}

_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), short) for pattern, short in VENUE_PATTERNS)
_WORKSHOP = re.compile(r"\bworkshops?\b", re.IGNORECASE)


def short_name(name: str) -> str:
    """The usual spelling of a short venue name ("arxiv" -> "arXiv", "NIPS workshop" -> "NIPS Workshop")."""
    name = " ".join(name.split())
    workshop = bool(_WORKSHOP.search(name)) and not name.lower().startswith("workshop")
    base = _WORKSHOP.sub("", name).strip() if workshop else name
    base = SHORT_NAMES.get(base.lower(), base)
    return f"{base} Workshop" if workshop else base


def venue_from_citation(text: str) -> str | None:
    """The short name of the venue a free-text citation names, or None when none is recognised."""
    for pattern, short in _COMPILED:
        if pattern.search(text):
            return short
    return None
