using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Onboarding.Testing;
using YamlDotNet.RepresentationModel;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// Runs the repository's action.yml the way a GitHub runner runs a composite action, reading the steps from
/// the file itself: each <c>run:</c> step goes to <c>bash --noprofile --norc -eo pipefail</c> with exactly the
/// step's <c>env:</c> (expressions resolved) plus what a runner provides, its own $GITHUB_OUTPUT and
/// $GITHUB_STEP_SUMMARY files, in the workspace. <c>uses:</c> steps are not run: the SDK is already installed,
/// and the cache restore answers <c>cache-hit</c> from whether the published CLI is already at its path
/// (a restored cache puts it exactly there). Expressions the table below does not know fail the run.
/// </summary>
internal sealed partial class CompositeActionRunner(string actionPath, string workspace, string runnerTemp)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Runner variables besides the ones every run gets (GITHUB_REPOSITORY, GITHUB_API_URL, ...).</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string EventPath { get; set; } = string.Empty;

    /// <summary>
    /// The github context of a remote action (<c>action_repository</c>, <c>action_ref</c>, <c>token</c>); empty as
    /// for <c>uses: ./</c> unless a test sets them.
    /// </summary>
    public Dictionary<string, string> Github { get; } = new(StringComparer.Ordinal)
    {
        ["action_repository"] = string.Empty,
        ["action_ref"] = string.Empty,
        ["token"] = string.Empty,
    };

    public async Task<ActionRunOutcome> RunAsync(IReadOnlyDictionary<string, string> with)
    {
        var action = LoadAction();
        var github = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["action_path"] = actionPath,
            ["event_path"] = EventPath,
            ["workspace"] = workspace,
        };
        foreach (var (key, value) in Github)
        {
            github[key] = value;
        }

        var steps = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var inputs = Inputs(action, with, github);
        string Resolve(string text) => Substitute(text, inputs, steps, github);

        var outcomes = new List<ActionStepOutcome>();
        var failed = false;
        var index = 0;
        foreach (var step in ((YamlSequenceNode)Mapping(action, "runs").Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>())
        {
            index++;
            var name = Scalar(step, "name") ?? Scalar(step, "uses") ?? $"step {index}";
            var id = Scalar(step, "id");
            if (failed || (Scalar(step, "if") is { } condition && !Evaluate(condition, steps)))
            {
                outcomes.Add(new ActionStepOutcome(name, id, false, 0, string.Empty, new Dictionary<string, string>(), string.Empty, TimeSpan.Zero));
                continue;
            }

            ActionStepOutcome outcome;
            if (Scalar(step, "uses") is { } uses)
            {
                var stepWith = step.Children.TryGetValue(new YamlScalarNode("with"), out var w) ? (YamlMappingNode)w : new YamlMappingNode();
                outcome = Uses(name, id, uses, stepWith, Resolve);
            }
            else
            {
                outcome = await RunStepAsync(step, name, id, index, Resolve);
            }

            outcomes.Add(outcome);
            if (id is not null)
            {
                steps[id] = outcome.Outputs;
            }

            failed = outcome.ExitCode != 0;
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(action, "outputs").Children)
        {
            outputs[((YamlScalarNode)key).Value!] = Resolve(Scalar((YamlMappingNode)value, "value")!);
        }

        return new ActionRunOutcome(outcomes, outputs);
    }

    private static YamlMappingNode LoadAction()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Onboarding.Testing.RepositoryLayout.PathOf("action.yml")));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static Dictionary<string, string> Inputs(YamlMappingNode action, IReadOnlyDictionary<string, string> with, Dictionary<string, string> github)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(action, "inputs").Children)
        {
            var input = (YamlMappingNode)value;
            var name = ((YamlScalarNode)key).Value!;
            inputs[name] = Substitute(Scalar(input, "default") ?? string.Empty, inputs, new Dictionary<string, IReadOnlyDictionary<string, string>>(), github);
        }

        foreach (var (name, value) in with)
        {
            if (!inputs.ContainsKey(name))
            {
                throw new InvalidOperationException($"action.yml declares no input '{name}'");
            }

            inputs[name] = value;
        }

        return inputs;
    }

    private ActionStepOutcome Uses(string name, string? id, string uses, YamlMappingNode with, Func<string, string> resolve)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (uses.StartsWith("actions/cache/restore@", StringComparison.Ordinal))
        {
            var path = resolve(Scalar(with, "path")!);
            outputs["cache-hit"] = File.Exists(Path.Combine(path, "onboard")) ? "true" : "false";
        }

        return new ActionStepOutcome(name, id, false, 0, string.Empty, outputs, string.Empty, TimeSpan.Zero);
    }

    private async Task<ActionStepOutcome> RunStepAsync(YamlMappingNode step, string name, string? id, int index, Func<string, string> resolve)
    {
        if (Scalar(step, "shell") != "bash")
        {
            throw new InvalidOperationException($"step '{name}' has no 'shell: bash'");
        }

        var run = Scalar(step, "run") ?? throw new InvalidOperationException($"step '{name}' has neither run nor uses");
        if (run.Contains("${{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"step '{name}' puts an expression inside run:; pass it through env: instead");
        }

        var files = Path.Combine(runnerTemp, "_runner_file_commands");
        Directory.CreateDirectory(files);
        var script = Path.Combine(runnerTemp, $"step_{index}_{Guid.NewGuid():N}.sh");
        var outputFile = Path.Combine(files, $"set_output_{Guid.NewGuid():N}");
        var summaryFile = Path.Combine(files, $"step_summary_{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(script, run);
        await File.WriteAllTextAsync(outputFile, string.Empty);
        await File.WriteAllTextAsync(summaryFile, string.Empty);

        // The step sees only the runner's variables: every other one of this process is removed.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(key => key, string? (_) => null, StringComparer.Ordinal);
        foreach (var (key, value) in RunnerEnvironment(outputFile, summaryFile))
        {
            environment[key] = value;
        }

        if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                environment[((YamlScalarNode)key).Value!] = resolve(((YamlScalarNode)value).Value ?? string.Empty);
            }
        }

        var clock = Stopwatch.StartNew();
        BufferedCommandResult result;
        try
        {
            result = await ChildProcess.RunAsync(CliWrap.Cli.Wrap("bash").WithArguments(["--noprofile", "--norc", "-eo", "pipefail", script])
                .WithWorkingDirectory(workspace).WithEnvironmentVariables(environment), StepTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"step '{name}' did not finish in {StepTimeout}");
        }

        clock.Stop();
        return new ActionStepOutcome(name, id, true, result.ExitCode, result.StandardOutput + result.StandardError,
            ReadOutputs(await File.ReadAllTextAsync(outputFile)), await File.ReadAllTextAsync(summaryFile), clock.Elapsed);
    }

    private Dictionary<string, string> RunnerEnvironment(string outputFile, string summaryFile)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "PATH", "HOME", "LANG", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(key) is { } value)
            {
                env[key] = value;
            }
        }

        // The machine's SDK and package feed settings, as setup-dotnet leaves them for the job; not the
        // test host's own (DOTNET_HOST_PATH and friends point at this test run).
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            var key = (string)entry.Key;
            if ((key.StartsWith("NUGET_", StringComparison.Ordinal) || key.StartsWith("DOTNET_CLI_", StringComparison.Ordinal) || key is "DOTNET_NOLOGO" or "DOTNET_ROOT") && entry.Value is string value)
            {
                env[key] = value;
            }
        }

        env["CI"] = "true";
        env["GITHUB_ACTIONS"] = "true";
        env["RUNNER_OS"] = "Linux";
        env["RUNNER_ARCH"] = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "ARM64" : "X64";
        env["RUNNER_TEMP"] = runnerTemp;
        env["GITHUB_WORKSPACE"] = workspace;
        env["GITHUB_ACTION_PATH"] = actionPath;
        env["GITHUB_EVENT_PATH"] = EventPath;
        env["GITHUB_OUTPUT"] = outputFile;
        env["GITHUB_STEP_SUMMARY"] = summaryFile;
        foreach (var (key, value) in Variables)
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>The runner's reading of $GITHUB_OUTPUT: <c>name=value</c> lines and <c>name&lt;&lt;DELIMITER</c> blocks.</summary>
    private static Dictionary<string, string> ReadOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                if (end < 0)
                {
                    throw new InvalidOperationException($"$GITHUB_OUTPUT: no closing '{delimiter}'");
                }

                outputs[line[..heredoc]] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
            else if (line.Length > 0)
            {
                throw new InvalidOperationException($"$GITHUB_OUTPUT: the runner would reject the line '{line}'");
            }
        }

        return outputs;
    }

    private static string Substitute(string text, Dictionary<string, string> inputs, Dictionary<string, IReadOnlyDictionary<string, string>> steps, Dictionary<string, string> github) =>
        ExpressionPattern().Replace(text, match =>
        {
            var path = match.Groups[1].Value.Split('.');
            return path switch
            {
                ["inputs", var name] => inputs.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"unknown input '{name}'"),
                ["steps", var step, "outputs", var name] => steps.TryGetValue(step, out var outputs) ? outputs.GetValueOrDefault(name, string.Empty) : string.Empty,
                ["github", var name] => github.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"no value for github.{name}"),
                _ => throw new InvalidOperationException($"expression '{match.Value}' is not one this runner knows"),
            };
        });

    private static bool Evaluate(string condition, Dictionary<string, IReadOnlyDictionary<string, string>> steps) =>
        condition.Split("&&").All(part => EvaluateComparison(part, steps));

    private static bool EvaluateComparison(string condition, Dictionary<string, IReadOnlyDictionary<string, string>> steps)
    {
        var match = ConditionPattern().Match(condition.Trim());
        if (!match.Success)
        {
            throw new InvalidOperationException($"condition '{condition}' is not one this runner knows");
        }

        var actual = steps.TryGetValue(match.Groups[1].Value, out var outputs) ? outputs.GetValueOrDefault(match.Groups[2].Value, string.Empty) : string.Empty;
        var equal = string.Equals(actual, match.Groups[4].Value, StringComparison.OrdinalIgnoreCase);
        return match.Groups[3].Value == "==" ? equal : !equal;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}")]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*(==|!=)\s*'([^']*)'$")]
    private static partial Regex ConditionPattern();
}
