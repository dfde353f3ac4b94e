"""Human output: `path:line:col: CODE severity: message`, coloured on a terminal, with a closing summary."""

from __future__ import annotations

from collections.abc import Sequence

import click

from awesome_lint.findings import Finding
from awesome_lint.regex import lazy_compile

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}
# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the bidirectional overrides that make
# text display in another order than it is stored
_UNPRINTABLE = lazy_compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal: control characters shown as `\\x1b`-style escapes, never sent as they are."""
    if text.isprintable():  # every character the pattern escapes is unprintable: nothing to escape
        return text
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def lint_fix_command(findings: Sequence[Finding]) -> str:
    """The `lint --fix` command that applies the safe fixes of these findings' rules and no other."""
    codes = sorted({f.code for f in findings if f.fixable})
    return f"awesome-lint lint --fix --select {','.join(codes)}"


def render_text(findings: Sequence[Finding], color: bool = False, fixed: int = 0, fix_command: str = "") -> str:
    """One line per finding with its severity, `[*]` marking the ones `--fix` repairs, then a summary line that
    names the command applying them (`fix_command`, by default this one's `--fix`)."""
    lines = []
    paths: dict[str, str] = {}
    for f in findings:
        path = paths.get(f.path)
        if path is None:
            path = paths[f.path] = printable(f.path)
        where = f"{path}:{f.span.line}:{f.span.column}:"
        code = f.code
        mark = " [*]" if f.fixable else ""
        severity = f"{f.severity}:"
        if color:
            where = click.style(where, bold=True)
            code = click.style(code, fg=_COLORS.get(f.severity, "red"), bold=True)
            severity = click.style(severity, fg=_COLORS.get(f.severity, "red"))
        lines.append(f"{where} {code}{mark} {severity} {printable(f.message)}")
    fixable = sum(1 for f in findings if f.fixable)
    if findings:
        summary = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''}"
        if fixed:
            summary += f" ({fixed} fixed)"
        if fixable:
            summary += f"; {fixable} fixable with `{fix_command or '--fix'}`"
        lines.append(summary + ".")
    else:
        lines.append(f"All checks passed!{f' ({fixed} fixed)' if fixed else ''}")
    return "\n".join(lines)
