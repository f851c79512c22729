using System.CommandLine;
using Onboarding.Cli.Commands;
using Onboarding.Cli.Output;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Sources;
using Onboarding.Core.Writing;
using Onboarding.Git.Processes;
using Onboarding.GitHub;

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
            return ExitCodes.Usage;
        }

        var reporter = new Reporter(context);
        try
        {
            // Signals are the host's to handle (Program): the command sees them as this token only.
            var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reporter.ErrorLine("onboard: cancelled; nothing more was started. Run the same command again to finish: every step looks before it acts");
            return ExitCodes.Cancelled;
        }
        catch (CommandFailure failure)
        {
            reporter.ErrorLine(failure.Message);
            return failure.ExitCode;
        }
        catch (UnusableFileException e)
        {
            reporter.ErrorLine(e.ToDiagnostic().ToString());
            return ExitCodes.Invalid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The environment, not a defect: a full disk, a read-only checkout, a folder where a file belongs.
            var (cause, fix) = FileSystemError.Describe(e);
            reporter.ErrorLine($"onboard: error {DiagnosticCodes.UnwritableArtifact}: a file cannot be written or read: {cause}; {fix}");
            return ExitCodes.Invalid;
        }
        catch (GitCommandException e)
        {
            reporter.ErrorLine($"onboard: {e.Message}");
            return ExitCodes.External;
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException or AttemptTimeoutException)
        {
            reporter.ErrorLine($"onboard: {e.Message}");
            return ExitCodes.External;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"onboard: internal error: {ex.Message}");
            context.Error.WriteLine(parsed.GetValue(CommonOptions.Verbose)
                ? ex.ToString()
                : "This is a defect in onboard. Re-run with --verbose and report the output.");
            return ExitCodes.Internal;
        }
    }
}
