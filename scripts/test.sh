#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line summing them all:
#   N passed, N failed, N skipped
# Exits non-zero when any test fails or any project does not build.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test Onboarding.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project.
read -r passed failed skipped projects < <(awk '
  /(Passed|Failed)! +- Failed:/ {
    line = $0; gsub(/[^0-9,]/, "", line); split(line, n, ",");
    f += n[1]; p += n[2]; s += n[3]; k++
  }
  END { printf "%d %d %d %d\n", p, f, s, k }' "$log")

expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$projects" -ne "$expected" ]; then
  echo "test projects reporting: $projects of $expected (a project did not build or ran no test)" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
