#!/usr/bin/env bash
# Cache miss: build the CLI from the action's own sources.
set -euo pipefail
exec "$ACTION_PATH/scripts/publish-cli.sh" "$ACTION_PATH" "$CLI_DIR" "$CLI_RID"
