#!/usr/bin/env bash
# Two platform settings also live in the workflows, as repository variables: the organisation the
# App token is minted for (ONBOARDING_ORG, default: the repository owner) and the label the
# onboarding workflow lets through (ONBOARDING_APPROVAL_LABEL). They must equal github.org and
# github.approval_label of onboarding.yaml: otherwise the token reaches the wrong organisation, or
# every approval is skipped without a word. This refuses the run when they differ.
#   usage: check-settings.sh ROOT    env: EXPECTED_ORG, EXPECTED_APPROVAL_LABEL (empty: not checked)
# Reads the block form `init` writes (github: / two-space keys); a flow-style github mapping is
# left to the CLI, which re-checks the label itself.
set -euo pipefail

config="$1/onboarding.yaml"
[ -f "$config" ] || exit 0

# Prints "key<TAB>value" for org and approval_label directly under the top-level github: mapping.
read_github() {
  awk '
    /^[^[:space:]#]/ { in_github = ($0 ~ /^github:[[:space:]]*(#.*)?$/) ; next }
    in_github && /^  [a-z_]+:/ {
      line = $0; sub(/^  /, "", line)
      key = line; sub(/:.*/, "", key)
      value = line; sub(/^[a-z_]+:[[:space:]]*/, "", value)
      if (value ~ /^"/) { sub(/^"/, "", value); sub(/".*/, "", value) }
      else if (value ~ /^'\''/) { sub(/^'\''/, "", value); sub(/'\''.*/, "", value) }
      else { sub(/[[:space:]]+#.*/, "", value); sub(/[[:space:]]+$/, "", value) }
      if (key == "org" || key == "approval_label") print key "\t" value
    }' "$config"
}

org=
label=onboarding-approved
while IFS=$'\t' read -r key value; do
  case "$key" in
    org) org=$value ;;
    approval_label) label=$value ;;
  esac
done < <(read_github)

status=0
if [ -n "${EXPECTED_ORG:-}" ] && [ -n "$org" ] && [ "${EXPECTED_ORG,,}" != "${org,,}" ]; then
  printf '::error file=%s,title=onboard action::the App token is minted for organisation '\''%s'\'' (repository variable ONBOARDING_ORG, default: the owner of this repository), but github.org in onboarding.yaml is '\''%s'\''; set the variable ONBOARDING_ORG to %s, or change github.org\n' \
    "$config" "$EXPECTED_ORG" "$org" "$org"
  status=1
fi
if [ -n "${EXPECTED_APPROVAL_LABEL:-}" ] && [ "$EXPECTED_APPROVAL_LABEL" != "$label" ]; then
  printf '::error file=%s,title=onboard action::the workflow lets the label '\''%s'\'' through (repository variable ONBOARDING_APPROVAL_LABEL, default: onboarding-approved), but github.approval_label in onboarding.yaml is '\''%s'\''; set the variable ONBOARDING_APPROVAL_LABEL to %s, or change github.approval_label\n' \
    "$config" "$EXPECTED_APPROVAL_LABEL" "$label" "$label"
  status=1
fi
exit $status
