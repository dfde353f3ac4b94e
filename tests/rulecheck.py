"""Test helpers for rules: run one rule on a Markdown string, and apply its fixes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from awesome_lint.fix import apply_fixes
from awesome_lint.links.check import NetworkResults
from awesome_lint.links.types import ArxivRecord, LinkResult
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import RULES, Context, Issue, configure, resolve

# What the link checker answers for the links in the network rules' examples and fixtures.
EXAMPLE_NETWORK = NetworkResults(
    urls={
        url: LinkResult(url, outcome, status, reason)
        for url, outcome, status, reason in [
            ("http://www-personal.umich.edu/~jiecaoyu/papers/gone.pdf", "dead", 404, ""),
            ("https://dl.acm.org/doi/10.1145/3079856.3080215", "alive", 200, ""),
            ("https://slow.example.org/paper.pdf", "unknown", None, "timeout"),
        ]
    },
    arxiv={
        "1707.01209": ArxivRecord("1707.01209", True, title="A paper", version=2),
        "1708.01209": ArxivRecord("1708.01209", False, reason="not found"),
        "1712.01312": ArxivRecord(
            "1712.01312", True, title="Learning Sparse Neural Networks through L0 Regularization"
        ),
        "1711.01312": ArxivRecord("1711.01312", True, title="Neural Motifs: Scene Graph Parsing with Global Context"),
        "1711.01243": ArxivRecord("1711.01243", True, title="ReBNet: Residual Binarized Neural Network"),
    },
)


# A fixture line ending in ` <!-- expect: AL301 AL303 -->` must get exactly these findings (one per code written).
EXPECT = re.compile(r" <!-- expect: ((?:AL\d{3} ?)+)-->$", re.MULTILINE)


def strip_expectations(text: str) -> tuple[str, Counter[tuple[int, str]]]:
    """A fixture without its expectation markers, and the (line, code) findings they call for."""
    expected: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(text.split("\n"), start=1):
        m = EXPECT.search(line)
        if m is not None:
            expected.update((number, code) for code in m.group(1).split())
    return EXPECT.sub("", text), expected


# The shape of a list written by `awesome-lint merge`; every rule must pass it.
MERGED_SAMPLE = """\
# Awesome Model Compression [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

<!-- awesome-lint merge: sources=a.md=lists%2Fa.md,b.md=lists%2Fb.md -->

A curated list of 3 papers in 1 topic (Pruning), merged from 2 upstream lists into one entry per paper.

Credits: the papers come from [a.md](lists/a.md) and [b.md](lists/b.md); thanks to their maintainers.

## Contents

- [Pruning](#pruning)
- [Resources](#resources)

## Pruning

- [Title One](https://arxiv.org/abs/1510.00149) - Song Han, Huizi Mao. *ICLR 2016 (Best Paper)*. [Code](https://github.com/a/b)
- [Title Two](https://x.org/p) - J. Doe et al. *CVPR Workshop 2017*.
- [Title Three](https://scholar.google.com/scholar?q=Title+Three) - D. Lin. *ICML 2016*.

## Resources

- [Tencent/PocketFlow](https://github.com/Tencent/PocketFlow) - An automatic model compression framework.
"""


def check(markdown: str | bytes, rule_name: str, **options: Any) -> list[Issue]:
    """Issues one rule reports on a Markdown document."""
    data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
    doc = parse_bytes(data, "test.md")
    (rule,) = resolve(rule_name)
    return list(rule.run(Context(doc, configure({rule_name: options}))))


def fixed(markdown: str | bytes, rule_name: str, **options: Any) -> str:
    """The document after applying every safe fix of one rule once."""
    data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
    fixes = [issue.fix for issue in check(data, rule_name, **options) if issue.fix is not None]
    newline = "\r\n" if b"\r\n" in data else "\n"
    return apply_fixes(data, fixes, newline).data.decode("utf-8")


def lines(markdown: str, rule_name: str, **options: Any) -> list[int]:
    """Lines of the issues one rule reports."""
    return [issue.span.line for issue in check(markdown, rule_name, **options)]


def fixed_twice(markdown: str, rule_name: str, **options: Any) -> str:
    """Apply a rule's fixes, check that a second pass changes nothing, and return the result."""
    once = fixed(markdown, rule_name, **options)
    assert fixed(once, rule_name, **options) == once
    return once


def findings(path: Path, codes: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, rule name) of every issue the given rules report on a file, sorted."""
    data = path.read_bytes()
    ctx = Context(parse_bytes(data, str(path)))
    return sorted((issue.span.line, RULES[code].name) for code in codes for issue in RULES[code].run(ctx))
