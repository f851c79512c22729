using CliWrap.Buffered;

namespace Onboarding.Cli.Commands;

/// <summary><c>pipelines render NAME</c> (one DAG on stdout) and <c>pipelines test NAME</c> (a local run through Airflow's CLI).</summary>
internal static class PipelineRunCommands
{
    public static Command Render(CliContext context) =>
        OnePipeline(context, "render", "Print the DAG file one pipeline compiles to", "it prints the DAG file itself", (_, reporter, file, _) =>
        {
            reporter.Raw(System.Text.Encoding.UTF8.GetString(file.File.Content));
            return Task.FromResult(ExitCodes.Ok);
        });

    public static Command Test(CliContext context) =>
        OnePipeline(context, "test", "Run one DAG locally with 'airflow dags test' (needs Airflow installed; otherwise prints the command and exits 2)",
            "it prints what Airflow prints", async (parsed, reporter, file, cancellationToken) =>
            {
                var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
                if (!await new DiskSource(root).HoldsAsync(file.File.Path, file.File.Content, cancellationToken))
                {
                    reporter.Diagnostics([new Diagnostic(Severity.Error, DiagnosticCodes.PipelineStaleDag, SourceLocation.StartOf(file.File.Path),
                        $"{file.File.Path} is not what {file.File.Source} compiles to", "run 'onboard pipelines compile' first, so the test runs the DAG you will commit")]);
                    return ExitCodes.Invalid;
                }

                string[] arguments = ["dags", "test", file.DagId, "--dagfile-path", file.File.Path];
                var airflow = FindOnPath(context, "airflow");
                if (airflow is null)
                {
                    reporter.ErrorLine("airflow is not installed (not on PATH); run this where it is, from the repository root:");
                    context.Out.WriteLine("airflow " + string.Join(' ', arguments));
                    return ExitCodes.Usage;
                }

                return await RunAirflowAsync(context, airflow, root, arguments, cancellationToken) == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
            });

    /// <summary>A <c>pipelines</c> subcommand about one pipeline NAME: it compiles the repository, finds that pipeline's DAG, then runs.</summary>
    private static Command OnePipeline(
        CliContext context,
        string verb,
        string description,
        string whyNoJson,
        Func<ParseResult, Reporter, (GeneratedFile File, string DagId), CancellationToken, Task<int>> run)
    {
        var name = new Argument<string>("NAME") { Description = "The pipeline (pipelines/NAME.yaml)" };
        var command = new Command(verb, description) { name };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (RejectsJson(context, parsed, verb, whyNoJson))
            {
                return ExitCodes.Usage;
            }

            var reporter = new Reporter(context);
            return await FindAsync(context, parsed, parsed.GetValue(name)!, reporter, cancellationToken) is { } file
                ? await run(parsed, reporter, file, cancellationToken)
                : ExitCodes.Invalid;
        });
        return command;
    }

    private static async Task<(GeneratedFile File, string DagId)?> FindAsync(CliContext context, ParseResult parsed, string name, Reporter reporter, CancellationToken cancellationToken)
    {
        var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
        if (!PipelinePatterns.PipelineNameRegex().IsMatch(name))
        {
            reporter.ErrorLine($"onboard: {Display.Quote(name)} is not a pipeline name (3-63 lowercase ASCII letters, digits and '_', starting with a letter)");
            return null;
        }

        var build = await PipelineCompiler.BuildAsync(new DiskSource(root), cancellationToken);
        reporter.Diagnostics(build.Diagnostics);
        if (build.HasErrors)
        {
            reporter.ErrorLine($"{build.Diagnostics.Count(d => d.Severity == Severity.Error)} errors");
            return null;
        }

        var pipeline = build.Pipelines.FirstOrDefault(p => p.Pipeline.Name == name);
        if (pipeline is not null)
        {
            return (build.Files.First(f => f.Path == pipeline.DagFile), pipeline.DagId);
        }

        reporter.Diagnostics([new Diagnostic(Severity.Error, DiagnosticCodes.PipelineUnknownPipeline, SourceLocation.StartOf($"{PipelineLoader.Folder}/{name}.yaml"),
                $"there is no pipeline {Display.Quote(name)}",
                build.Pipelines.Count == 0 ? "add pipelines/<name>.yaml first" : $"use one of: {string.Join(", ", build.Pipelines.Select(p => p.Pipeline.Name))}")]);
        return null;
    }

    private static string? FindOnPath(CliContext context, string program)
    {
        foreach (var dir in (context.Variable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Airflow's own CLI, its output passed through; cancelling (Ctrl-C) stops it and everything it started.</summary>
    private static async Task<int> RunAirflowAsync(CliContext context, string airflow, string root, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await CliWrap.Cli.Wrap(airflow)
            .WithArguments(arguments)
            .WithWorkingDirectory(root)
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        context.Out.Write(result.StandardOutput);
        context.Error.Write(result.StandardError);
        return result.ExitCode;
    }

    /// <summary>A command whose stdout is not a report cannot honour --json: it refuses the option instead of ignoring it.</summary>
    private static bool RejectsJson(CliContext context, ParseResult parsed, string command, string why)
    {
        if (!parsed.GetValue(CommonOptions.Json))
        {
            return false;
        }

        context.Error.WriteLine($"onboard pipelines {command}: --json is not available here: {why}; leave --json out");
        return true;
    }
}
