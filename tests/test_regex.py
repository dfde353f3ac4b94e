"""Patterns compiled on first use behave as the compiled pattern does, and a pattern store gives back exactly the
patterns `re.compile` makes."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

from awesome_lint.regex import LazyPattern, PatternStore, keep_compiled, lazy_compile


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


def _package_patterns() -> list[tuple[str, int]]:
    """Every lazily compiled pattern at the top of awesome-lint's modules (alone, or in a tuple, list or dict)."""
    import importlib
    import pkgutil

    import awesome_lint

    found: dict[tuple[str, int], None] = {}
    for module_info in pkgutil.walk_packages(awesome_lint.__path__, "awesome_lint."):
        if module_info.name != "awesome_lint.__main__":
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple | list) else ()
                for item in [value, *items]:
                    if isinstance(item, LazyPattern) and isinstance(item._source[0], str):
                        found[(item._source[0], item._source[1])] = None
    return list(found)


def test_every_pattern_of_the_package_comes_out_of_a_store_as_re_compiles_it(tmp_path: Path) -> None:
    """Patterns compare equal only with the same pattern, flags and compiled code."""
    patterns = _package_patterns()
    assert len(patterns) > 200
    path = tmp_path / "patterns.json"
    first = PatternStore(path)
    assert all(first.compile(pattern, flags) == re.compile(pattern, flags) for pattern, flags in patterns)
    first.save()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert len(stored["patterns"]) == len(patterns) and stored["made by"].startswith(sys.version)
    written = path.stat()
    second = PatternStore(path)
    assert all(second.compile(pattern, flags) == re.compile(pattern, flags) for pattern, flags in patterns)
    second.save()  # nothing new: not written again
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_a_store_of_another_python_or_a_broken_one_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    pattern, flags = r"(?P<year>(?:19|20)\d\d)\b|(?i:arxiv)", re.MULTILINE
    store = PatternStore(path)
    store.compile(pattern, flags)
    store.save()
    good = json.loads(path.read_text(encoding="utf-8"))
    [[_, _, _, code, *_]] = good["patterns"]
    tampered = [*good["patterns"][0][:3], [0, *code[1:]], *good["patterns"][0][4:]]  # not a valid program
    for broken in (
        json.dumps({**good, "made by": "another Python"}),
        json.dumps({**good, "patterns": [tampered]}),
        json.dumps({**good, "patterns": [[pattern, flags, "x"]]}),
        json.dumps(good["patterns"]),
        '{"made by": ',
        "",
    ):
        path.write_text(broken, encoding="utf-8")
        store = PatternStore(path)
        assert store.compile(pattern, flags) == re.compile(pattern, flags)
        assert store.compile(pattern, flags).search("in 2019, ARXIV").group("year") == "2019"


def test_patterns_compile_through_the_store_only_inside_keep_compiled(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    with keep_compiled(path):
        inside = lazy_compile(r"\bkept[0-9]+\b")
        assert inside.search("a kept42 b").group() == "kept42"
    assert [row[0] for row in json.loads(path.read_text(encoding="utf-8"))["patterns"]] == [r"\bkept[0-9]+\b"]
    outside = lazy_compile(r"\bnot[0-9]+\b")
    assert outside.search("not1") is not None
    assert len(json.loads(path.read_text(encoding="utf-8"))["patterns"]) == 1
