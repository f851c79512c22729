#!/usr/bin/env bash
# Cache miss and no release binary: build the CLI from the action's own sources. A remote action
# is downloaded without .git, so its repository and commit come from the runner (they are what
# `onboard --version` reports and `onboard init` writes).
set -euo pipefail
if [ -n "${ACTION_REPOSITORY:-}" ] && [[ ${ACTION_REF:-} =~ ^[0-9a-f]{40}$ ]]; then
  export ONBOARD_REPOSITORY=$ACTION_REPOSITORY ONBOARD_COMMIT=$ACTION_REF
fi
# ReadyToRun, not the Native AOT of a release: it builds several times faster (bench/results.md),
# and this build blocks the job, while the cached result serves the runs after it.
export PUBLISH_MODE=${PUBLISH_MODE:-readytorun}
exec "$ACTION_PATH/scripts/publish-cli.sh" "$ACTION_PATH" "$CLI_DIR" "$CLI_RID"
