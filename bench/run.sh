#!/usr/bin/env bash
# Benchmark: the onboard CLI against the peer (shared/bench/baseline_compile.py), whole process,
# on generated platform repositories of N teams. See bench/README.md.
#   usage: bench/run.sh [--peer-only] [N...]        (default N: 30 1000 10000)
# Environment: ONBOARD_SHARED (default: <repo>/../shared), BENCH_RUNS (10), BENCH_WARMUP (2),
#              BENCH_RSS_RUNS (3), BENCH_OUT (bench/out), ONBOARD_BIN (an already built onboard
#              executable to measure instead of publishing one).
set -euo pipefail

repo=$(git -C "$(dirname -- "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
shared=${ONBOARD_SHARED:-$repo/../shared}
runs=${BENCH_RUNS:-10}
warmup=${BENCH_WARMUP:-2}
rss_runs=${BENCH_RSS_RUNS:-3}
out=${BENCH_OUT:-$repo/bench/out}
python=/usr/bin/python3

peer_only=false
sizes=()
for arg in "$@"; do
  case "$arg" in
    --peer-only) peer_only=true ;;
    '' | *[!0-9]*) echo "usage: $0 [--peer-only] [N...]" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(30 1000 10000)

gen=$shared/bench/gen_teams.py
peer=$shared/bench/baseline_compile.py
if [ ! -f "$gen" ] || [ ! -f "$peer" ]; then
  echo "error: $gen or $peer not found; set ONBOARD_SHARED to the shared/ folder" >&2
  exit 2
fi

ensure_packages() {
  local missing=() p
  for p in python3-yaml python3-jsonschema hyperfine time; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "== installing ${missing[*]}" >&2
  if ! apt-get install -y -q "${missing[@]}" >&2; then
    # A fresh machine has no package lists yet.
    apt-get update -q >&2
    apt-get install -y -q "${missing[@]}" >&2
  fi
}
ensure_packages

onboard=${ONBOARD_BIN:-$out/onboard/onboard}
if [ "$peer_only" = false ] && [ -z "${ONBOARD_BIN:-}" ]; then
  echo "== publishing the CLI as it ships (Native AOT) to $out/onboard" >&2
  "$repo/scripts/publish-cli.sh" "$repo" "$out/onboard" linux-x64 >&2
fi

# Fails loudly instead of letting hyperfine time an error path.
must_pass() {
  local what=$1
  shift
  if ! "$@" >"$out/last.log" 2>&1; then
    echo "error: $what exited non-zero; its output:" >&2
    tail -n 20 "$out/last.log" >&2
    exit 1
  fi
}

mkdir -p -- "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=$out/results.tsv
: >"$results"

for n in "${sizes[@]}"; do
  work=$out/work/$n
  rm -rf -- "$work"
  mkdir -p -- "$work"
  echo "== N=$n: generating" >&2
  "$python" "$gen" "$work/src" "$n"
  # The peer writes the JSON list of each environment only; ours writes the same form. (With the
  # env and configmap forms, lists of ~600 bundles and more are refused: an env string over 128 KiB
  # cannot reach a container, and a ConfigMap holds at most 1 MiB.)
  printf 'outputs:\n  formats: [json]\n' >>"$work/src/onboarding.yaml"
  # Separate copies: both tools write generated/<env>/dag_bundle_config.json, and ours also
  # writes generated/README.md and manifest.json; each --check must compare against its own output.
  cp -r -- "$work/src" "$work/peer"

  names=()
  cmds=()
  must_pass "peer compile (N=$n)" "$python" "$peer" "$work/peer"
  must_pass "peer --check on a fresh compile (N=$n)" "$python" "$peer" "$work/peer" --check

  if [ "$peer_only" = false ]; then
    cp -r -- "$work/src" "$work/ours"
    must_pass "onboard compile (N=$n)" "$onboard" compile --root "$work/ours"
    if ! compgen -G "$work/ours/generated/*/dag_bundle_config.json" >/dev/null; then
      echo "error: onboard compile wrote no generated/<env>/dag_bundle_config.json under $work/ours" >&2
      exit 1
    fi
    must_pass "onboard compile --check on a fresh compile (N=$n)" \
      "$onboard" compile --check --root "$work/ours"
    must_pass "onboard validate (N=$n)" "$onboard" validate --root "$work/ours"
    for f in "$work"/peer/generated/*/dag_bundle_config.json; do
      env_name=$(basename -- "$(dirname -- "$f")")
      if ! cmp -s -- "$f" "$work/ours/generated/$env_name/dag_bundle_config.json"; then
        echo "warning: N=$n: generated/$env_name/dag_bundle_config.json differs between the tools" >&2
      fi
    done
    # `compile` on an up-to-date tree: what a developer runs after every edit; it must write nothing.
    names+=("ours onboard compile --check" "ours onboard compile" "ours onboard validate")
    cmds+=("$(printf '%q compile --check --root %q' "$onboard" "$work/ours")"
           "$(printf '%q compile --root %q' "$onboard" "$work/ours")"
           "$(printf '%q validate --root %q' "$onboard" "$work/ours")")
  fi
  names+=("peer baseline_compile.py --check" "peer baseline_compile.py")
  cmds+=("$(printf '%q %q %q --check' "$python" "$peer" "$work/peer")"
         "$(printf '%q %q %q' "$python" "$peer" "$work/peer")")

  # hyperfine runs all runs of one command before the next; rounds of one run per command
  # alternate the tools instead, so drift on a shared machine hits both alike.
  echo "== N=$n: timing (${warmup} warm-up + ${runs} runs per command, alternating)" >&2
  for ((r = 1; r <= runs; r++)); do
    hf=(hyperfine -N --runs 1 --style none --export-json "$work/round-$r.json")
    [ "$r" -eq 1 ] && hf+=(--warmup "$warmup")
    for i in "${!cmds[@]}"; do
      hf+=(-n "${names[$i]}" "${cmds[$i]}")
    done
    "${hf[@]}" >/dev/null
  done

  echo "== N=$n: peak RSS (${rss_runs} runs per command, alternating)" >&2
  for ((r = 1; r <= rss_runs; r++)); do
    for i in "${!cmds[@]}"; do
      # The commands were built with printf %q for hyperfine, which splits them the same way.
      eval "/usr/bin/time -f %M -o \"\$work/rss-$i-$r\" ${cmds[$i]}" >/dev/null 2>&1
    done
  done

  "$python" - "$work" "$n" "$runs" "$rss_runs" "${names[@]}" >>"$results" <<'PY'
import json, statistics, sys
work, n, runs, rss_runs, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
times = {}
for r in range(1, runs + 1):
    for res in json.load(open(f"{work}/round-{r}.json"))["results"]:
        times.setdefault(res["command"], []).extend(res["times"])
for i, name in enumerate(names):
    ts = times[name]
    peak = max(int(open(f"{work}/rss-{i}-{r}").read().split()[-1]) for r in range(1, rss_runs + 1)) / 1024
    tool, command = name.split(" ", 1)
    sd = statistics.stdev(ts) if len(ts) > 1 else 0.0
    print(f"{n}\t{tool}\t{command}\t{statistics.mean(ts):.4f}\t{sd:.4f}\t{statistics.median(ts):.4f}\t{peak:.1f}")
PY
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [ -n "${ONBOARD_BIN:-}" ]; then
  binary="\`ONBOARD_BIN\` ($(file -b -- "$onboard" | cut -d, -f1-2))"
else
  binary="the shipped Native AOT binary (\`scripts/publish-cli.sh\`)"
fi
"$python" - "$results" "$repo" "$runs" "$warmup" "$rss_runs" "$load_before" "$load_after" "$binary" >"$out/results.md" <<'PY'
import os, platform, subprocess, sys
path, repo, runs, warmup, rss_runs, load_before, load_after, binary = sys.argv[1:9]
rows = [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]
peer = {(r[0], r[2]): float(r[3]) for r in rows if r[1] == "peer"}
# Each of ours against the peer doing the same job: validate against the peer's --check (the
# peer has no validate-only mode), compile against its compile.
same_job = {"onboard compile --check": "baseline_compile.py --check", "onboard validate": "baseline_compile.py --check",
            "onboard compile": "baseline_compile.py"}
def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "n/a"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
print("# Benchmark: onboard vs. peer (baseline_compile.py)\n")
print(f"- commit: `{sh('git', '-C', repo, 'rev-parse', '--short', 'HEAD')}`; machine: {os.cpu_count()} cores, {cpu}, {mem} MB RAM, "
      f"{platform.system()} {platform.release()}")
print(f"- load average (1, 5, 15 min) before the run: {load_before}; after: {load_after}")
print(f"- ours: {binary}; .NET SDK {sh('dotnet', '--version')}; "
      f"peer: Python {platform.python_version()}; {sh('hyperfine', '--version')}")
print(f"- wall: whole process, {warmup} warm-up + {runs} timed runs per command, commands alternating; "
      f"peak RSS: max of {rss_runs} runs of `/usr/bin/time -f %M`")
print("- peer/ours: the peer's mean wall time for the same job divided by the row's (> 1 means ours is faster); "
      "`validate` is set against the peer's `--check`, `compile` against its `compile` (which rewrites its files every time)\n")
print("| N | tool | command | wall mean (s) | stddev (s) | median (s) | peak MB | peer/ours |")
print("|---:|---|---|---:|---:|---:|---:|---:|")
for n, tool, command, mean, sd, median, mb in rows:
    ratio = "" if tool == "peer" else f"{peer[(n, same_job[command])] / float(mean):.2f}x"
    print(f"| {n} | {tool} | `{command}` | {float(mean):.3f} | {float(sd):.3f} | {float(median):.3f} | {float(mb):.1f} | {ratio} |")
PY

cat "$out/results.md"
if [ "$peer_only" = false ]; then
  cp -- "$out/results.md" "$repo/bench/results.md"
  echo "== wrote bench/results.md" >&2
fi
