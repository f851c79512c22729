#!/usr/bin/env bash
# Maps the action's inputs (all passed through env:, never interpolated into this script) to one
# argument list for the onboard CLI. The CLI itself writes $GITHUB_OUTPUT, the step summary and
# the annotations; this script only decides the arguments and refuses malformed inputs.
set -euo pipefail

# Text that reaches a workflow command must not be able to end it or start a new one.
escape_data() {
  local s=$1
  s=${s//'%'/'%25'}
  s=${s//$'\r'/'%0D'}
  s=${s//$'\n'/'%0A'}
  printf '%s' "$s"
}

fail() {
  printf '::error title=onboard action::%s\n' "$(escape_data "$1")"
  exit 2
}

: "${ONBOARD:?}" "${COMMAND:?input 'command' is required}"
ROOT=${ROOT:-.}
DRY_RUN=${DRY_RUN:-false}
TEAMS=${TEAMS:-}
EVENT_PATH=${EVENT_PATH:-${GITHUB_EVENT_PATH:-}}
FIX=${FIX:-false}
PULL_REQUEST=${PULL_REQUEST:-false}
REPORT=${REPORT:-false}

case "$COMMAND" in
  issue | check | compile | regenerate | backfill | validate | pipelines-check) ;;
  *) fail "input 'command' must be one of issue, check, compile, regenerate, backfill, validate, pipelines-check; got '$COMMAND'" ;;
esac

case "${FIX,,}" in
  true) fix=true ;;
  false | '') fix=false ;;
  *) fail "input 'fix' must be 'true' or 'false'; got '$FIX'" ;;
esac
if [ "$fix" = true ] && [ "$COMMAND" != check ]; then
  fail "input 'fix' applies to the check command only"
fi

case "${PULL_REQUEST,,}" in
  true) pull_request=true ;;
  false | '') pull_request=false ;;
  *) fail "input 'pull-request' must be 'true' or 'false'; got '$PULL_REQUEST'" ;;
esac
if [ "$pull_request" = true ] && [ "$COMMAND" != regenerate ]; then
  fail "input 'pull-request' applies to the regenerate command only"
fi

case "${REPORT,,}" in
  true) report=true ;;
  false | '') report=false ;;
  *) fail "input 'report' must be 'true' or 'false'; got '$REPORT'" ;;
esac
if [ "$report" = true ] && [ "$COMMAND" != backfill ]; then
  fail "input 'report' applies to the backfill command only"
fi

case "${DRY_RUN,,}" in
  true) dry_run=true ;;
  false | '') dry_run=false ;;
  *) fail "input 'dry-run' must be 'true' or 'false'; got '$DRY_RUN'" ;;
esac
if [ "$dry_run" = true ] && [ "$COMMAND" != issue ] && [ "$COMMAND" != backfill ]; then
  fail "input 'dry-run' applies to the issue and backfill commands only ('$COMMAND' changes no GitHub state)"
fi

[ -d "$ROOT" ] || fail "input 'root': '$ROOT' is not a folder in the workspace"

if [ -n "${GITHUB_TOKEN:-}" ]; then
  printf '::add-mask::%s\n' "$GITHUB_TOKEN"
  export GITHUB_TOKEN
else
  unset GITHUB_TOKEN
  case "$COMMAND" in
    issue | backfill | regenerate) fail "input 'token' is required for '$COMMAND' (a GitHub App installation token; see the action's description)" ;;
  esac
  if [ "$fix" = true ]; then
    fail "input 'token' is required with 'fix' (a token that can push to the pull request branch)"
  fi
fi

args=("$COMMAND" --root "$ROOT")
if [ "$COMMAND" = pipelines-check ]; then
  args=(pipelines check --root "$ROOT")
fi

if [ "$COMMAND" = issue ]; then
  [ -f "$EVENT_PATH" ] ||
    fail "input 'event-path': no event file at '$EVENT_PATH' (the issue command runs on an issues event)"
  args+=(--event "$EVENT_PATH")
fi

team_pattern='^[a-z][a-z0-9_-]{1,48}[a-z0-9]$'
if [ -n "${TEAMS//[[:space:]]/}" ]; then
  [ "$COMMAND" = backfill ] || fail "input 'teams' applies to the backfill command only"
  declare -A seen=()
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    [[ $name =~ $team_pattern ]] ||
      fail "input 'teams': '$name' is not a team name (3-50 characters: lowercase letters, digits, '_' or '-', starting with a letter)"
    [ -z "${seen[$name]:-}" ] || continue
    seen[$name]=1
    args+=(--team "$name")
  done < <(printf '%s\n' "$TEAMS" | tr -s ' \t\r' '\n')
fi

if [ "$report" = true ]; then
  args+=(--report)
fi

if [ "$dry_run" = true ]; then
  args+=(--dry-run)
fi

if [ "$fix" = true ]; then
  args+=(--fix)
fi

# In a workflow, a regenerated commit that stays on the runner helps nobody.
if [ "$COMMAND" = regenerate ]; then
  if [ "$pull_request" = true ]; then
    args+=(--pr)
  else
    args+=(--push)
  fi
fi

# The workflow's copies of github.org and github.approval_label (repository variables) must agree
# with onboarding.yaml before a token made for them is used.
if [ "$COMMAND" = issue ] || [ "$COMMAND" = backfill ]; then
  "$(dirname -- "${BASH_SOURCE[0]}")/check-settings.sh" "$ROOT" || exit 1
fi

exec "$ONBOARD" "${args[@]}"
