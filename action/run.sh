#!/usr/bin/env bash
# The GitHub Action's main step (action.yml): lint (annotations, or SARIF with `sarif: true`), check links when
# asked, and draw the lists' charts (`stats: true`). Every command appends its own section to the job summary
# with --summary-md. The exit status (the worst of lint and the link check: 1 findings, 2 errors) goes to
# $GITHUB_OUTPUT and the step succeeds, so the SARIF upload runs before the action fails; the charts never fail
# the job (a list they cannot be drawn for gets a warning).
set -uo pipefail

# The rules' docs (SARIF helpUri, summary links) at the action's own repository and ref.
docs_url() {
  local repo="${AL_ACTION_REPOSITORY:-}" ref="${AL_ACTION_REF:-}" rest
  if [ -z "$repo" ] || [ -z "$ref" ]; then
    case "${AL_ACTION_PATH:-}" in
      */_actions/*/*/*)  # .../_actions/OWNER/REPO/REF, where the runner checks out a used action
        rest="${AL_ACTION_PATH#*/_actions/}"
        repo="${rest%%/*}/$(rest="${rest#*/}"; echo "${rest%%/*}")"
        ref="${rest#*/*/}"
        ;;
      *)  # uses: ./ -- the action of the repository being checked
        repo="${GITHUB_REPOSITORY:-}"
        ref="${GITHUB_SHA:-}"
        ;;
    esac
  fi
  if [ -n "$repo" ] && [ -n "$ref" ]; then
    echo "${GITHUB_SERVER_URL:-https://github.com}/$repo/blob/$ref/docs/rules.md"
  fi
}

AWESOME_LINT_DOCS_URL="${AWESOME_LINT_DOCS_URL:-$(docs_url)}"
export AWESOME_LINT_DOCS_URL
read -r -a paths <<< "$AL_PATHS"
read -r -a lint_args <<< "$AL_LINT_ARGS"
read -r -a links_args <<< "$AL_LINKS_ARGS"
since=()
if [ -n "$AL_SINCE" ]; then since=(--since "$AL_SINCE"); fi
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
status=0
worst() { if [ "$1" -gt "$status" ]; then status="$1"; fi; }

code=0
if [ "$AL_SARIF" = "true" ]; then
  awesome-lint lint --format sarif --fail-on "$AL_FAIL_ON" --summary-md "$summary" \
    "${since[@]}" "${lint_args[@]}" "${paths[@]}" > "$AL_SARIF_FILE" || code=$?
  if [ -s "$AL_SARIF_FILE" ]; then echo "sarif-file=$AL_SARIF_FILE" >> "$GITHUB_OUTPUT"; fi
else
  awesome-lint lint --format github --fail-on "$AL_FAIL_ON" --summary-md "$summary" \
    "${since[@]}" "${lint_args[@]}" "${paths[@]}" || code=$?
fi
worst "$code"

if [ "$AL_LINKS" = "true" ]; then
  mkdir -p "$AL_CACHE_DIR"
  code=0
  awesome-lint check-links --format github --fail-on "$AL_LINKS_FAIL_ON" \
    --cache "$AL_CACHE_DIR/links.sqlite3" --summary-md "$summary" \
    "${since[@]}" "${links_args[@]}" "${paths[@]}" || code=$?
  worst "$code"
fi

if [ "$AL_STATS" = "true" ]; then
  code=0
  awesome-lint merge --summary-md "$summary" -o /dev/null "${paths[@]}" || code=$?
  if [ "$code" -ne 0 ]; then
    echo "::warning title=awesome-lint::no charts in the job summary: awesome-lint merge exited with status $code"
  fi
fi

echo "status=$status" >> "$GITHUB_OUTPUT"
