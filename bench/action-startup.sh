#!/usr/bin/env bash
# How long the composite action takes before the onboard CLI starts, and the whole step, on this
# machine, for both ways the action gets its CLI:
#   build path (no release for the ref, e.g. uses: ./): cold = cache key + fetch (finds no release)
#     + publish from source + run `check` on the example platform; warm = the published CLI already
#     where a cache restore puts it.
#   download path (pinned to a released commit): cold = cache key + fetch (download the Native AOT
#     release archive from a local HTTP server on 127.0.0.1, check SHA256SUMS, unpack) + run; warm =
#     the release binary already restored from the cache.
# The release archive is made once, as release.yml makes it (PUBLISH_MODE=aot scripts/publish-cli.sh,
# scripts/release/package.sh, scripts/release/checksums.sh). Runs the action's scripts with the env:
# its steps declare; writes bench/action-startup.md.
#   usage: bench/action-startup.sh    BENCH_COLD_RUNS (default 3), BENCH_WARM_RUNS (default 10)
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

# One run of the action's steps; prints "key_ms fetch_ms publish_ms to_cli_ms cli_ms whole_ms".
# `path` is build or release; `publish` says whether the publish step runs (a cache miss without a
# release). `to_cli` ends when run.sh execs the CLI: ONBOARD points at a probe that notes the time
# and execs the real binary, so everything from there on (runtime start, the check) counts as CLI.
run_action() {
  local runner_temp=$1 path=$2 publish=$3
  local t0 t1 t2 t3 t4 cli_start dir rid repository='' ref='' expected=false
  local files=$runner_temp/files.$RANDOM
  mkdir -p -- "$files"
  : >"$files/key_out"
  : >"$files/fetch_out"
  if [ "$path" = release ]; then repository=$release_repository ref=$release_commit expected=true; fi

  t0=$(now_ns)
  ACTION_PATH=$repo DOTNET_VERSION=10.0.x RUNNER_TEMP=$runner_temp GITHUB_OUTPUT=$files/key_out \
    bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/cache-key.sh"'
  dir=$(sed -n 's/^dir=//p' "$files/key_out")
  rid=$(sed -n 's/^rid=//p' "$files/key_out")
  t1=$(now_ns)

  ACTION_PATH=$repo ACTION_REPOSITORY=$repository ACTION_REF=$ref CLI_DIR=$dir CLI_RID=$rid \
    RUNNER_TEMP=$runner_temp GITHUB_OUTPUT=$files/fetch_out ONBOARD_RELEASE_BASE_URL=$release_base \
    bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/fetch-release.sh"' \
    >"$files/fetch.log" 2>&1 || { cat -- "$files/fetch.log" >&2; return 1; }
  grep -qx "found=$expected" "$files/fetch_out" ||
    { echo "fetch: expected found=$expected" >&2; cat -- "$files/fetch.log" >&2; return 1; }
  t2=$(now_ns)

  if [ "$publish" = yes ]; then
    ACTION_PATH=$repo CLI_DIR=$dir CLI_RID=$rid RUNNER_TEMP=$runner_temp \
      bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/publish.sh"' \
      >"$files/publish.log" 2>&1 || { cat -- "$files/publish.log" >&2; return 1; }
  fi
  t3=$(now_ns)

  printf '#!/usr/bin/env bash\ndate +%%s%%N >"%s"\nexec "%s" "$@"\n' "$files/cli_start" "$dir/onboard" >"$files/onboard"
  chmod +x -- "$files/onboard"
  (
    cd -- "$workspace"
    ONBOARD=$files/onboard COMMAND=check ROOT=. DRY_RUN=false TEAMS='' EVENT_PATH='' GITHUB_TOKEN='' \
      ACTION_PATH=$repo GITHUB_ACTIONS=true GITHUB_OUTPUT=$files/run_out GITHUB_STEP_SUMMARY=$files/summary \
      bash --noprofile --norc -eo pipefail -c '"$ACTION_PATH/scripts/action/run.sh"' >"$files/run.log" 2>&1
  ) || { cat -- "$files/run.log" >&2; return 1; }
  t4=$(now_ns)
  grep -qx 'changed=false' "$files/run_out" || { echo "check did not report changed=false" >&2; return 1; }
  cli_start=$(cat -- "$files/cli_start")

  echo "$(ms "$t0" "$t1") $(ms "$t1" "$t2") $(ms "$t2" "$t3") $(ms "$t0" "$cli_start") $(ms "$cli_start" "$t4") $(ms "$t0" "$t4")"
}

# median min max of one column
stats() {
  awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2); printf "%d (%d–%d)", m, v[1], v[NR] }'
}

share() {
  awk '{ s += $4 / $6 } END { printf "%.1f %%", 100 * s / NR }' "$1"
}

# The release, as release.yml makes it, served from 127.0.0.1.
release_repository=bench/onboard
release_commit=$(git -C "$repo" rev-parse --verify HEAD 2>/dev/null || echo 0123456789abcdef0123456789abcdef01234567)
release_tag=v$(sed -nE 's#.*<VersionPrefix>([0-9]+\.[0-9]+\.[0-9]+)</VersionPrefix>.*#\1#p' "$repo/src/Onboarding.Cli/Onboarding.Cli.csproj")
case "$(uname -m)" in aarch64 | arm64) release_rid=linux-arm64 ;; *) release_rid=linux-x64 ;; esac
served=$scratch/served/$release_repository/releases/download/$release_tag
echo "release: Native AOT publish of $release_tag for $release_rid" >&2
PUBLISH_MODE=aot ONBOARD_REPOSITORY=$release_repository ONBOARD_COMMIT=$release_commit RUNNER_TEMP=$scratch \
  "$repo/scripts/publish-cli.sh" "$repo" "$scratch/aot" "$release_rid" >"$scratch/aot.log" 2>&1 ||
  { cat -- "$scratch/aot.log" >&2; exit 1; }
"$repo/scripts/release/package.sh" "$release_tag" "$release_rid" "$scratch/aot" "$served" >/dev/null
"$repo/scripts/release/checksums.sh" "$served" >/dev/null
archive_mb=$(du -m "$served/onboard-$release_tag-$release_rid.tar.gz" | cut -f1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$scratch/served" >/dev/null 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf -- "$scratch"' EXIT
release_base=http://127.0.0.1:$port/$release_repository/releases/download
for _ in $(seq 50); do curl -fs -o /dev/null "$release_base/$release_tag/SHA256SUMS" && break; sleep 0.1; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

measure() { # label path publish runs fresh-runner-each-run
  local label=$1 path=$2 publish=$3 runs=$4 fresh=$5
  echo "$label: $runs runs" >&2
  : >"$scratch/$label"
  for _ in $(seq "$runs"); do
    if [ "$fresh" = yes ]; then rm -rf -- "$scratch/runner-$path"; fi
    mkdir -p -- "$scratch/runner-$path"
    run_action "$scratch/runner-$path" "$path" "$publish" | tee -a "$scratch/$label" >&2
  done
}

measure release-cold release no "$warm_runs" yes
measure release-warm release no "$warm_runs" no
measure build-cold build yes "$cold_runs" yes
measure build-warm build no "$warm_runs" no

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)

row() { # label runs file
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(stats 1 "$3")" "$(stats 2 "$3")" \
    "$(stats 3 "$3")" "$(stats 4 "$3")" "$(stats 5 "$3")" "$(stats 6 "$3")" "$(share "$3")"
}

cat >"$results" <<EOF
# Action start-up: download path and build path, cold and warm

Measured by \`bench/action-startup.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores (${cpu:-unknown CPU}),
.NET SDK $(dotnet --version), load average ${load_before} before and ${load_after} after (the machine
was shared with other builds; treat the numbers as an upper bound). Each run is the action's scripted
steps with the env: they declare, checking the example platform (3 teams, 5 bundles, 3 environments).

- **Download path**: the action is pinned to a released commit. Cold: the fetch step downloads the
  Native AOT archive (${archive_mb} MB, made by \`PUBLISH_MODE=aot scripts/publish-cli.sh\` and
  \`scripts/release/package.sh\` as in release.yml) and SHA256SUMS from a local HTTP server on
  127.0.0.1, checks the SHA-256, unpacks it and checks the commit it was built from. Warm: the
  binary is where the cache restore puts it. No .NET is set up on this path.
- **Build path**: no release for the ref (\`uses: ./\`, a branch). Cold: the fetch step finds no
  release, then the action publishes the CLI from source (ReadyToRun). Warm: the published CLI is
  restored from the cache.

Milliseconds, median (min–max). "Before CLI start" runs from the first step's start to the moment
\`run.sh\` execs the CLI; "CLI" is the rest: process start-up and the check itself.

| start | runs | cache key | fetch release | publish | before CLI start | CLI | whole action | share before CLI (mean) |
|---|---|---|---|---|---|---|---|---|
$(row "download path, cold" "$warm_runs" "$scratch/release-cold")
$(row "download path, warm" "$warm_runs" "$scratch/release-warm")
$(row "build path, cold" "$cold_runs" "$scratch/build-cold")
$(row "build path, warm" "$warm_runs" "$scratch/build-warm")

Not measured (they need the network): the download from github.com itself (here from 127.0.0.1;
the archive is ${archive_mb} MB), \`gh attestation verify\` (the gh CLI is not installed here; on
GitHub-hosted runners it is, and it calls the attestation API), \`actions/setup-dotnet\` (build path
only: a no-op when the runner image already has a matching SDK, otherwise a download),
\`actions/cache/restore\` and \`actions/cache/save\`, and on a runner with an empty NuGet cache the
package downloads of the cold publish. Here every package was already in the local NuGet cache.
EOF
echo "wrote $results" >&2
