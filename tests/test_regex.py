"""Patterns compiled on first use behave as the compiled pattern does."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

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


_COMPILED_AT_IMPORT = """
import re, sys
import awesome_lint.parse.document, awesome_lint.rules, awesome_lint.suppress

others = [module for name, module in list(sys.modules.items()) if not name.startswith("awesome_lint")]
theirs = {id(value) for module in others for value in vars(module).values()}  # imported from a library
for name, module in sorted(sys.modules.items()):
    if name.startswith("awesome_lint"):
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple | list) else [value]
            for item in items:
                for part in item if isinstance(item, tuple) else (item,):
                    if isinstance(part, re.Pattern) and id(part) not in theirs:
                        print(name, part.pattern[:40])
"""


def test_importing_the_parser_and_the_rules_compiles_none_of_their_patterns() -> None:
    """Module-level patterns (alone, or in a tuple, list or dict) stay uncompiled until a run uses them."""
    proc = subprocess.run([sys.executable, "-c", _COMPILED_AT_IMPORT], capture_output=True, text=True, check=True)
    assert proc.stdout == ""
