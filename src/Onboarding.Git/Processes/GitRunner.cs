using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Onboarding.Git.Processes;

/// <summary>
/// Runs git in one working folder. Arguments go to the process as a list, never through a shell, so no
/// value can be read as shell syntax; callers put <c>--</c> before paths so no value can be read as an option.
/// git never waits for a password or an editor: prompts are off and stdin is empty. Both output pipes are
/// buffered to the end, so a failing git's exit code and stderr are always what git itself reported.
/// Cancelling (or the time limit) kills git and every process it started.
/// </summary>
public sealed class GitRunner(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public string WorkingDirectory { get; } = workingDirectory;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Runs git and returns its output; a non-zero exit becomes a <see cref="GitCommandException"/>.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(arguments, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw new GitCommandException(arguments, result.ExitCode, result.StandardError);
    }

    /// <summary>Runs git where a non-zero exit is an answer (e.g. "no such config key"), not a failure.</summary>
    public async Task<GitResult> TryRunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var command = Cli.Wrap("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(WorkingDirectory)
            .WithStandardInputPipe(PipeSource.Null)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(variables =>
            {
                variables.Set("GIT_TERMINAL_PROMPT", "0").Set("GIT_EDITOR", "true").Set("GIT_PAGER", "cat");
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    variables.Set(name, value);
                }
            });

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            var result = await command.ExecuteBufferedAsync(limit.Token).ConfigureAwait(false);
            return new GitResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitCommandException(arguments, -1, $"git did not finish within {Timeout.TotalSeconds:0} seconds and was stopped");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new GitCommandException(arguments, -1, $"git could not be started ({e.Message}); install git and put it on PATH");
        }
    }

    /// <summary>
    /// '-c user.name=… -c user.email=…' for a commit, only for what the repository and user have not
    /// configured (a CI runner), so a configured identity always wins.
    /// </summary>
    public async Task<IReadOnlyList<string>> FallbackIdentityOptionsAsync(CancellationToken cancellationToken)
    {
        // One git for both keys: exit 1 and no output when neither is set.
        var configured = (await TryRunAsync(["config", "--get-regexp", @"^user\.(name|email)$"], cancellationToken).ConfigureAwait(false)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2)[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var options = new List<string>();
        if (!configured.Contains("user.name"))
        {
            options.AddRange(["-c", $"user.name={FallbackAuthorName}"]);
        }

        if (!configured.Contains("user.email"))
        {
            options.AddRange(["-c", $"user.email={FallbackAuthorEmail}"]);
        }

        return options;
    }

    public const string FallbackAuthorName = "onboard";

    public const string FallbackAuthorEmail = "onboard@localhost";
}
