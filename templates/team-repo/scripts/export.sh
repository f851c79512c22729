#!/usr/bin/env bash
# Exports one day of orders; the first argument is the run's date (YYYY-MM-DD).
set -euo pipefail
echo "exporting orders of ${1:?date required}"
