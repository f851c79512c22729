using Onboarding.Cli.Commands;
using Onboarding.Git.Processes;

namespace Onboarding.Cli;

/// <summary>
/// Builds the command line, runs it, and is the one place where a run's failures become output and an
/// exit code: usage errors, <see cref="CommandFailure"/>, git and GitHub failures, cancellation and defects.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Everything printed passes the one neutralising path: file names, values, git and GitHub messages alike.
        var output = new NeutralisingWriter(context.Out, context.InGitHubActions);
        var error = new NeutralisingWriter(context.Error, context.InGitHubActions);
        try
        {
            return await RunNeutralisedAsync(args, context with { Out = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            output.Complete();
            error.Complete();
        }
    }

    private static async Task<int> RunNeutralisedAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = new RootCommand("onboard: keep Airflow's dag_bundle_config_list compiled from reviewed team files")
        {
            CommonOptions.Root,
            CommonOptions.Json,
            CommonOptions.Verbose,
        };
        root.Subcommands.Add(CompileCommands.Validate(context));
        root.Subcommands.Add(CompileCommands.Compile(context));
        root.Subcommands.Add(CompileCommands.Check(context));
        root.Subcommands.Add(RegenerateCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ParseIssueCommand.Create(context));
        root.Subcommands.Add(IssueCommand.Create(context));
        root.Subcommands.Add(BackfillCommand.Create(context));
        root.Subcommands.Add(PipelinesCommand.Create(context));
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(context);

        var parsed = root.Parse(args);
        var json = args.Contains(CommonOptions.Json.Name, StringComparer.Ordinal);
        if (parsed.Errors.Count > 0)
        {
            // A mistyped command is named, with the command it most likely meant, instead of "Required command was not provided".
            if (parsed.CommandResult.Command == root && parsed.UnmatchedTokens.FirstOrDefault(token => !token.StartsWith('-')) is { } unknown)
            {
                var commands = root.Subcommands.Select(command => command.Name).ToList();
                var nearest = NearestName.Find(unknown, commands);
                context.Error.WriteLine($"onboard: {Display.Quote(unknown)} is not an onboard command; {(nearest is null ? string.Empty : $"did you mean '{nearest}'? ")}the commands are {string.Join(", ", commands)}");
            }
            else
            {
                foreach (var error in parsed.Errors)
                {
                    context.Error.WriteLine($"onboard: {error.Message}");
                }
            }

            context.Error.WriteLine("Run 'onboard --help' for usage.");
            return FailureJson.Print(context, json, parsed, ExitCodes.Usage, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        var reporter = new Reporter(context) { Json = json };
        try
        {
            // Signals are the host's to handle (Program): the command sees them as this token only.
            var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string Cancelled = "onboard: cancelled; nothing more was started. Run the same command again to finish: every step looks before it acts";
            reporter.ErrorLine(Cancelled);
            return FailureJson.Print(context, json, parsed, ExitCodes.Cancelled, Cancelled);
        }
        catch (CommandFailure failure)
        {
            reporter.ErrorLine(failure.Message);
            return FailureJson.Print(context, json, parsed, failure.ExitCode, failure.Message);
        }
        catch (UnusableFileException e)
        {
            // A file met mid-command that cannot be used (a link leaving the repository, a FIFO): the user's to fix.
            var diagnostic = e.ToDiagnostic();
            reporter.Diagnostics([diagnostic]);
            return FailureJson.Print(context, json, parsed, ExitCodes.Invalid, diagnostic.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The environment, not a defect: a full disk, a read-only checkout, a folder where a file belongs.
            var (cause, fix) = FileSystemError.Describe(e);
            var message = $"onboard: error {DiagnosticCodes.UnwritableArtifact}: a file cannot be written or read: {cause}; {fix}";
            reporter.ErrorLine(message);
            return FailureJson.Print(context, json, parsed, ExitCodes.Invalid, message);
        }
        catch (GitCommandException e)
        {
            reporter.ErrorLine($"onboard: {e.Message}");
            return FailureJson.Print(context, json, parsed, ExitCodes.External, $"onboard: {e.Message}");
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException or AttemptTimeoutException)
        {
            reporter.ErrorLine($"onboard: {e.Message}");
            return FailureJson.Print(context, json, parsed, ExitCodes.External, $"onboard: {e.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"onboard: internal error: {ex.Message}");
            context.Error.WriteLine(parsed.GetValue(CommonOptions.Verbose)
                ? ex.ToString()
                : "This is a defect in onboard. Re-run with --verbose and report the output.");
            return FailureJson.Print(context, json, parsed, ExitCodes.Internal, $"onboard: internal error: {ex.Message}");
        }
    }
}
