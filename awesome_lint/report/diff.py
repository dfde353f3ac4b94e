"""`lint --diff`: the safe fixes as a unified diff, without writing anything."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def fixes_diff(results: Iterable[Any]) -> str:
    """A unified diff of every file whose fixed bytes differ from the original (lint.FileResult)."""
    chunks: list[str] = []
    for result in results:
        if result.fixed is not None and result.fixed != result.original:
            chunks.extend(
                difflib.unified_diff(
                    result.original.decode("utf-8", "replace").splitlines(keepends=True),
                    result.fixed.decode("utf-8", "replace").splitlines(keepends=True),
                    fromfile=f"a/{result.path}",
                    tofile=f"b/{result.path}",
                )
            )
    return "".join(chunks).rstrip("\n")
