"""Patterns compiled on first use behave as the compiled pattern does."""

from __future__ import annotations

import copy
import re

from awesome_lint.regex import LazyPattern, lazy_compile


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re_does() -> None:
    lazy = lazy_compile(r"(?P<word>[a-z]+)(\d*)", re.IGNORECASE)
    assert isinstance(lazy, LazyPattern) and "match" not in vars(lazy)
    real = re.compile(r"(?P<word>[a-z]+)(\d*)", re.IGNORECASE)
    text = "Abc12 def 3 GHI"
    assert lazy.fullmatch("Abc12") is not None and "match" in vars(lazy)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub(r"<\1>", text) == real.sub(r"<\1>", text)
    assert lazy.split(text) == real.split(text)
    assert lazy.findall(text) == real.findall(text)
    assert lazy.search(text, 3).group("word") == "def"
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        real.pattern,
        real.flags,
        real.groups,
        real.groupindex,
    )


def test_a_lazy_pattern_that_was_never_used_can_be_copied_and_shown() -> None:
    lazy = lazy_compile(r"a+")
    assert repr(lazy) == "lazy_compile('a+', 0)"
    assert copy.deepcopy(lazy).match("aa").end() == 2
