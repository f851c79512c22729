#!/usr/bin/env bash
# Start-up: `onboard --help` and `onboard --version` against a Native AOT "hello world" built with
# the same SDK and the same size-neutral settings, whole process, alternating in one run.
#   usage: bench/startup.sh
# Environment: ONBOARD_BIN (an already built onboard; default: publish one with
#              scripts/publish-cli.sh), BENCH_RUNS (200), BENCH_OUT (bench/out).
set -euo pipefail

repo=$(git -C "$(dirname -- "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
runs=${BENCH_RUNS:-200}
out=${BENCH_OUT:-$repo/bench/out}/startup
mkdir -p -- "$out"

command -v hyperfine > /dev/null || apt-get install -y -q hyperfine >&2 || { apt-get update -q >&2 && apt-get install -y -q hyperfine >&2; }

onboard=${ONBOARD_BIN:-}
if [ -z "$onboard" ]; then
  echo "== publishing the CLI as it ships (Native AOT)" >&2
  "$repo/scripts/publish-cli.sh" "$repo" "$out/onboard" linux-x64 >&2
  onboard=$out/onboard/onboard
fi

echo "== publishing a Native AOT hello world with the same SDK" >&2
hello=$out/hello
rm -rf -- "$hello"
mkdir -p -- "$hello"
cp -- "$repo/global.json" "$hello/"
cat > "$hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
    <UseSystemResourceKeys>true</UseSystemResourceKeys>
    <DebugType>none</DebugType>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello, world");' > "$hello/Program.cs"
# An empty NuGet.config of its own would cut it off from the feed the machine is configured with;
# the folder inherits the user's configuration like any other project.
dotnet publish "$hello/hello.csproj" -c Release -r linux-x64 -o "$hello/bin" --nologo >&2

hyperfine -N --warmup 20 --runs "$runs" --style basic --export-json "$out/startup.json" \
  -n hello "$hello/bin/hello" -n "onboard --help" "$onboard --help" -n "onboard --version" "$onboard --version" >&2

/usr/bin/python3 - "$out/startup.json" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = results["hello"]
# Wall time moves with the machine's load; the CPU time a process uses moves far less, so both are shown.
def cpu(r):
    return (r["user"] + r["system"]) * 1000
print(f"start-up, {len(base['times'])} runs each, load average (1, 5, 15 min) after: {sys.argv[2]}\n")
print("| program | wall median (ms) | minus hello world | CPU user+sys mean (ms) | minus hello world |")
print("|---|---:|---:|---:|---:|")
for name, r in results.items():
    median = statistics.median(r["times"]) * 1000
    print(f"| `{name}` | {median:.1f} | {median - statistics.median(base['times']) * 1000:+.1f} | {cpu(r):.1f} | {cpu(r) - cpu(base):+.1f} |")
PY
