using System.ComponentModel;
using System.Diagnostics;

namespace Onboarding.Git.Processes;

/// <summary>
/// Runs git in one working folder. Arguments go to the process as a list, never through a shell, so no
/// value can be read as shell syntax; callers put <c>--</c> before paths so no value can be read as an option.
/// git never waits for a password or an editor: prompts are off and stdin is closed.
/// </summary>
internal sealed class GitRunner(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public string WorkingDirectory { get; } = workingDirectory;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Runs git and returns its output; a non-zero exit becomes a <see cref="GitCommandException"/>.</summary>
    public string Run(params string[] arguments)
    {
        var result = TryRun(arguments);
        return result.Succeeded ? result.StandardOutput : throw new GitCommandException(arguments, result.ExitCode, result.StandardError);
    }

    /// <summary>Runs git where a non-zero exit is an answer (e.g. "no such config key"), not a failure.</summary>
    public GitResult TryRun(params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_EDITOR"] = "true";
        info.Environment["GIT_PAGER"] = "cat";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GitCommandException(arguments, -1, $"git could not be started ({e.Message}); install git and put it on PATH");
        }

        process.StandardInput.Close();

        // Both pipes are drained at once: a child that fills one while we wait on the other would never exit.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new GitCommandException(arguments, -1, $"git did not finish within {Timeout.TotalSeconds:0} seconds and was stopped");
        }

        process.WaitForExit();
        return new GitResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>
    /// '-c user.name=… -c user.email=…' for a commit, only for what the repository and user have not
    /// configured (a CI runner), so a configured identity always wins.
    /// </summary>
    public IReadOnlyList<string> FallbackIdentityOptions()
    {
        var options = new List<string>();
        if (!TryRun("config", "--get", "user.name").Succeeded)
        {
            options.AddRange(["-c", $"user.name={FallbackAuthorName}"]);
        }

        if (!TryRun("config", "--get", "user.email").Succeeded)
        {
            options.AddRange(["-c", $"user.email={FallbackAuthorEmail}"]);
        }

        return options;
    }

    public const string FallbackAuthorName = "onboard";

    public const string FallbackAuthorEmail = "onboard@localhost";
}
