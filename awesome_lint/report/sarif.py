"""SARIF 2.1.0 for code scanning: rules with their docs, results with repository-relative paths and fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from awesome_lint import __version__
from awesome_lint.findings import Finding
from awesome_lint.source import path_below

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "awesomeLint/v1"


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder upwards holding `.git` (the repository's root), else the start folder (default: here)."""
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), here)


def artifact_uri(path: str, root: Path) -> str:
    """A file as SARIF names it: relative to the repository root (as code scanning wants), else a file URI."""
    return path_below(path, root) or Path(os.path.abspath(path)).as_uri()


def fingerprints(findings: Sequence[Finding], uris: Sequence[str], sources: Mapping[str, bytes]) -> list[str]:
    """A hash per finding of its rule, file and flagged text (whitespace collapsed; the message when the text is not
    known), numbered among equal ones: it stays the same when lines move, so code scanning keeps the alert."""
    seen: dict[str, int] = {}
    out = []
    for finding, uri in zip(findings, uris, strict=True):
        data = sources.get(finding.path)
        text = data[finding.span.start : finding.span.end].decode("utf-8", "replace") if data else finding.message
        key = "\0".join((finding.code, uri, " ".join(text.split())))
        seen[key] = seen.get(key, 0) + 1
        out.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32])
    return out


def render_sarif(findings: Sequence[Finding], sources: Mapping[str, bytes] | None = None) -> str:
    """One SARIF run with the rules that fired and one result per finding; `sources` (file bytes by path) lets
    fingerprints use the flagged text."""
    from awesome_lint.report.ruledocs import docs_page, rule_url
    from awesome_lint.rules import RULES, rule_markdown

    page = docs_page()
    codes = sorted({f.code for f in findings})
    rules: list[dict[str, Any]] = []
    for code in codes:
        r = RULES.get(code)
        rule: dict[str, Any] = {
            "id": code,
            "name": r.name if r else code,
            "shortDescription": {"text": r.summary if r else code},
            "fullDescription": {"text": r.doc if r else code},
            "defaultConfiguration": {"level": _LEVELS.get(r.severity if r else "warning", "warning")},
        }
        if r is not None:
            rule["help"] = {"text": r.doc or r.summary, "markdown": rule_markdown(r)}
            url = rule_url(r.code, r.name, page) if page else None
            if url:
                rule["helpUri"] = url
        rules.append(rule)
    root = repository_root()
    uris = [artifact_uri(f.path, root) for f in findings]
    prints = fingerprints(findings, uris, sources or {})
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": _LEVELS.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": f.span.line,
                            "startColumn": f.span.column,
                            "endLine": f.span.end_line,
                            "endColumn": f.span.end_column,
                            "byteOffset": f.span.start,
                            "byteLength": f.span.end - f.span.start,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }
        for f, uri, fingerprint in zip(findings, uris, prints, strict=True)
    ]
    driver: dict[str, Any] = {"name": "awesome-lint", "version": __version__, "rules": rules}
    if page:
        driver["informationUri"] = page.split("#")[0]
    run = {"tool": {"driver": driver}, "results": results}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)
