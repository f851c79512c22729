#!/usr/bin/env bash
# How long the composite action takes before the onboard CLI starts, and the whole step, on this
# machine: cold (no published CLI: cache key + publish + run `check` on the example platform) and
# warm (the published CLI already where a cache restore puts it: cache key + run). Runs the action's
# scripts with the env: its steps declare; writes bench/action-startup.md.
#   usage: bench/action-startup.sh            BENCH_COLD_RUNS (default 3), BENCH_WARM_RUNS (default 10)
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cold_runs=${BENCH_COLD_RUNS:-3}
warm_runs=${BENCH_WARM_RUNS:-10}
results=$repo/bench/action-startup.md
scratch=$(mktemp -d "${TMPDIR:-/tmp}/onboard-action-bench.XXXXXX")
trap 'rm -rf -- "$scratch"' EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

workspace=$scratch/workspace
mkdir -p -- "$workspace"
cp -- "$repo/onboarding.yaml" "$workspace/"
cp -R -- "$repo/teams" "$repo/generated" "$repo/schemas" "$repo/templates" "$workspace/"

now_ns() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# One run of the action's steps; prints "key_ms publish_ms to_cli_ms cli_ms whole_ms".
# `to_cli` ends when run.sh execs the CLI: ONBOARD points at a probe that notes the time and
# execs the real binary, so everything from there on (runtime start, the check) counts as CLI.
run_action() {
  local runner_temp=$1 publish=$2
  local t0 t1 t2 t3 cli_start dir rid
  local files=$runner_temp/files.$RANDOM
  mkdir -p -- "$files"
  : >"$files/key_out"

  t0=$(now_ns)
  ACTION_PATH=$repo DOTNET_VERSION=10.0.x RUNNER_TEMP=$runner_temp GITHUB_OUTPUT=$files/key_out \
    bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/cache-key.sh"'
  dir=$(sed -n 's/^dir=//p' "$files/key_out")
  rid=$(sed -n 's/^rid=//p' "$files/key_out")
  t1=$(now_ns)

  if [ "$publish" = yes ]; then
    ACTION_PATH=$repo CLI_DIR=$dir CLI_RID=$rid RUNNER_TEMP=$runner_temp \
      bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/publish.sh"' \
      >"$files/publish.log" 2>&1 || { cat -- "$files/publish.log" >&2; return 1; }
  fi
  t2=$(now_ns)

  printf '#!/usr/bin/env bash\ndate +%%s%%N >"%s"\nexec "%s" "$@"\n' "$files/cli_start" "$dir/onboard" >"$files/onboard"
  chmod +x -- "$files/onboard"
  (
    cd -- "$workspace"
    ONBOARD=$files/onboard COMMAND=check ROOT=. DRY_RUN=false TEAMS='' EVENT_PATH='' GITHUB_TOKEN='' \
      ACTION_PATH=$repo GITHUB_ACTIONS=true GITHUB_OUTPUT=$files/run_out GITHUB_STEP_SUMMARY=$files/summary \
      bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/run.sh"' >"$files/run.log" 2>&1
  ) || { cat -- "$files/run.log" >&2; return 1; }
  t3=$(now_ns)
  grep -qx 'changed=false' "$files/run_out" || { echo "check did not report changed=false" >&2; return 1; }
  cli_start=$(cat -- "$files/cli_start")

  echo "$(ms "$t0" "$t1") $(ms "$t1" "$t2") $(ms "$t0" "$cli_start") $(ms "$cli_start" "$t3") $(ms "$t0" "$t3")"
}

# median min max of one column
stats() {
  awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2); printf "%d (%d–%d)", m, v[1], v[NR] }'
}

share() {
  awk '{ s += $3 / $5 } END { printf "%.1f %%", 100 * s / NR }' "$1"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "cold: $cold_runs runs (each publishes the CLI)" >&2
: >"$scratch/cold"
for i in $(seq "$cold_runs"); do
  rm -rf -- "$scratch/runner"
  mkdir -p -- "$scratch/runner"
  run_action "$scratch/runner" yes | tee -a "$scratch/cold" >&2
done

echo "warm: $warm_runs runs (published CLI already in RUNNER_TEMP)" >&2
: >"$scratch/warm"
for i in $(seq "$warm_runs"); do
  run_action "$scratch/runner" no | tee -a "$scratch/warm" >&2
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)

cat >"$results" <<EOF
# Action start-up: cold vs warm

Measured by \`bench/action-startup.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores (${cpu:-unknown CPU}),
.NET SDK $(dotnet --version), load average ${load_before} before and ${load_after} after (the machine
was shared with other builds; treat the numbers as an upper bound). Each run is the action's scripted
steps with the env: they declare, checking the example platform (3 teams, 5 bundles, 3 environments).

Milliseconds, median (min–max). "Before CLI start" runs from the first step's start to the moment
\`run.sh\` execs the CLI; "CLI" is the rest: .NET runtime start-up and the check itself.

| start | runs | cache key | publish | before CLI start | CLI | whole action | share before CLI (mean) |
|---|---|---|---|---|---|---|---|
| cold (no published CLI) | $cold_runs | $(stats 1 "$scratch/cold") | $(stats 2 "$scratch/cold") | $(stats 3 "$scratch/cold") | $(stats 4 "$scratch/cold") | $(stats 5 "$scratch/cold") | $(share "$scratch/cold") |
| warm (published CLI restored) | $warm_runs | $(stats 1 "$scratch/warm") | skipped | $(stats 3 "$scratch/warm") | $(stats 4 "$scratch/warm") | $(stats 5 "$scratch/warm") | $(share "$scratch/warm") |

Not measured (they need the network): \`actions/setup-dotnet\` (a no-op when the runner image already
has a matching SDK, otherwise a download), \`actions/cache/restore\` and \`actions/cache/save\` (the
published CLI is about $(du -sm "$scratch/runner/onboard-cli" | cut -f1) MB), and on a runner with an
empty NuGet cache the package downloads of the cold publish. Here every package was already in the
local NuGet cache.
EOF
echo "wrote $results" >&2
