#!/usr/bin/env bash
# The GitHub Action's pip cache (action.yml): where pip keeps its cache, and a key made of the runner's OS, the
# Python version and a hash of awesome-lint's pyproject.toml (its dependencies), so a change of either misses.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(python -m pip cache dir 2>/dev/null || true)"  # empty when pip's cache is turned off
version="$(python -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
digest="$(python -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:16])' \
  "$root/pyproject.toml")"
{
  echo "dir=$dir"
  echo "key=awesome-lint-pip-${RUNNER_OS:-unknown}-py$version-$digest"
} >> "$GITHUB_OUTPUT"
