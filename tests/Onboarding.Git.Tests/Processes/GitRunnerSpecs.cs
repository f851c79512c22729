using System.Globalization;
using Onboarding.Git.Processes;
using Onboarding.Testing;

namespace Onboarding.Git.Tests.Processes;

/// <summary>How git is run: a failure says why, a cancelled git leaves no process behind.</summary>
public sealed class GitRunnerSpecs : IDisposable
{
    private readonly TempGitRepository _repo = new("onboard-git-runner");

    [Fact]
    public async Task Cancelling_stops_git_and_every_process_it_started()
    {
        var pidFile = _repo.Directory.File("hang.pid");
        var git = new GitRunner(_repo.Path, TempGitRepository.IsolatedEnvironment);
        using var cancellation = new CancellationTokenSource();

        // An alias runs through a shell that git starts: the shell is a grandchild of this process.
        var running = git.RunAsync(["-c", $"alias.hang=!echo $$ > '{pidFile}'; exec sleep 120", "hang"], cancellation.Token);
        var pid = await WaitForPidAsync(pidFile);
        Assert.True(IsAlive(pid));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(IsAlive(pid), $"process {pid} started by git still runs");
    }

    [Fact]
    public async Task A_failing_git_with_much_output_reports_its_own_exit_code_and_stderr()
    {
        _repo.Directory.Write("big.txt", string.Concat(Enumerable.Repeat("0123456789abcdef\n", 32 * 1024)));
        _repo.CommitAll("A file larger than a pipe buffer");
        var git = new GitRunner(_repo.Path, TempGitRepository.IsolatedEnvironment);

        // git prints the whole file, then fails on the second, missing path.
        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.RunAsync(["show", "HEAD:big.txt", "HEAD:missing.txt"], CancellationToken.None));

        Assert.Equal(128, error.ExitCode);
        Assert.Contains("missing.txt", error.StandardError, StringComparison.Ordinal);
    }

    private static async Task<int> WaitForPidAsync(string pidFile)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the alias never started");
    }

    /// <summary>Running or sleeping; a killed process waiting to be reaped (a zombie) counts as gone.</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return !text[(text.LastIndexOf(')') + 1)..].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => _repo.Dispose();
}
