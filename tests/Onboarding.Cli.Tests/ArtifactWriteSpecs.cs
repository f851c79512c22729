using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Writing artifacts as a real process: a compile killed at any moment leaves every output whole (old or new) and a
/// re-run repairs it; a compile that cannot write (permission denied, an unwritable job summary) is exit 1 with GEN003
/// naming the file, the cause and the fix, and replaces nothing; a folder where an artifact belongs is refused before.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ArtifactWriteSpecs : IDisposable
{
    private const int Teams = 120;

    private readonly TempDirectory _platform = new("onboard-writes");

    public ArtifactWriteSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Fact]
    public void A_compile_killed_at_random_moments_never_leaves_a_half_written_output_and_a_rerun_repairs_it()
    {
        WriteTeams(refreshInterval: 60);
        Assert.Equal(0, CliRun.InProcess(_platform.Path, "compile").ExitCode);
        var before = Outputs();
        WriteTeams(refreshInterval: 120);
        Assert.Equal(0, CliRun.InProcess(_platform.Path, "compile").ExitCode);
        var after = Outputs();
        Restore(before);

        // Start-up takes most of a run; the delays spread the kills over loading, staging and renaming.
        var random = new Random(20_26);
        foreach (var delay in Enumerable.Range(0, 3).Select(_ => TimeSpan.FromMilliseconds(random.Next(150, 1200))))
        {
            KillCompileAfter(delay);

            foreach (var (path, content) in Outputs())
            {
                var whole = (before.TryGetValue(path, out var old) && old.SequenceEqual(content)) || (after.TryGetValue(path, out var fresh) && fresh.SequenceEqual(content));
                Assert.True(whole, $"{path} is neither its old nor its new content after a kill at {delay.TotalMilliseconds:0} ms");
            }
        }

        var repair = CliRun.InProcess(_platform.Path, "compile");

        Assert.Equal(0, repair.ExitCode);
        Assert.Equal(after.Keys.Order(), Outputs().Keys.Order());
        Assert.All(after, pair => Assert.Equal(pair.Value, File.ReadAllBytes(_platform.File(pair.Key))));
        Assert.Empty(Directory.EnumerateFiles(_platform.File("generated"), "*.onboard-tmp", SearchOption.AllDirectories));
        Assert.Equal(0, CliRun.InProcess(_platform.Path, "check").ExitCode);
    }

    [Fact]
    public void A_folder_where_an_artifact_belongs_is_named_and_no_environment_is_half_updated()
    {
        var before = Outputs();
        ChangeDefaults();
        Directory.Delete(_platform.File("generated/prod"), recursive: true);
        Directory.CreateDirectory(_platform.File("generated/prod/airflow.env"));

        var result = Compile();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'generated/prod/airflow.env' is a folder, not a regular file", result.Error, StringComparison.Ordinal);
        Assert.Equal(before["generated/staging/dag_bundle_config.json"], File.ReadAllBytes(_platform.File("generated/staging/dag_bundle_config.json")));
        Assert.Equal(before["generated/manifest.json"], File.ReadAllBytes(_platform.File("generated/manifest.json")));
        Assert.Empty(Directory.EnumerateFiles(_platform.File("generated"), "*.onboard-tmp", SearchOption.AllDirectories));

        Directory.Delete(_platform.File("generated/prod/airflow.env"));
        Assert.Equal(0, Compile().ExitCode);
        Assert.Equal(0, CliRun.Process(_platform.Path, null, "check").ExitCode);
    }

    /// <summary>The tests run as root here, which no permission stops: the CLI then runs as 'nobody' through setpriv.</summary>
    [Fact]
    public void An_output_folder_without_write_permission_is_gen003_and_an_unreadable_team_file_is_named()
    {
        var before = Outputs();
        ChangeDefaults();
        MakeWritableForEveryone(_platform.Path);
        Chmod(_platform.File("generated/prod"), "0555");

        var write = AsUnprivilegedUser("compile");

        Assert.True(write.ExitCode == 1, write.ToString());
        Assert.Contains("generated/prod/dag_bundle_config.json' cannot be written: permission denied; nothing was replaced", write.Error, StringComparison.Ordinal);
        Assert.Equal(before["generated/staging/dag_bundle_config.json"], File.ReadAllBytes(_platform.File("generated/staging/dag_bundle_config.json")));

        Chmod(_platform.File("teams/payments.yaml"), "0000");
        var read = AsUnprivilegedUser("validate");

        Assert.True(read.ExitCode == 1, read.ToString());
        Assert.Contains("teams/payments.yaml' cannot be read: permission denied; give the user running onboard read access to it", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_summary_that_is_a_folder_is_exit_1_naming_it()
    {
        var summary = _platform.File("summary");
        Directory.CreateDirectory(summary);

        var result = CliRun.Process(_platform.Path, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{summary}: error GEN003: $GITHUB_STEP_SUMMARY cannot be written", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    private CliOutcome Compile() => CliRun.Process(_platform.Path, null, "compile");

    private void KillCompileAfter(TimeSpan delay)
    {
        using var kill = new CancellationTokenSource(delay);
        try
        {
            CliRun.Command(_platform.Path, null, "compile").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(System.Text.Encoding.UTF8, System.Text.Encoding.UTF8, CancellationToken.None, kill.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Killed (SIGKILL) before it finished: what the test is about.
        }
    }

    private CliOutcome AsUnprivilegedUser(params string[] args)
    {
        var command = CliRun.Command(_platform.Path, new Dictionary<string, string> { ["HOME"] = _platform.Path, ["DOTNET_CLI_HOME"] = _platform.Path }, args);
        if (Environment.UserName == "root")
        {
            command = command.WithTargetFile("setpriv")
                .WithArguments(["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "onboard.dll"), .. args]);
        }

        var result = ChildProcess.Run(command, TimeSpan.FromSeconds(60));
        return new CliOutcome(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private void WriteTeams(int refreshInterval)
    {
        for (var i = 0; i < Teams; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"team{i:D4}");
            _platform.Write($"teams/{name}.yaml",
                $"schema_version: 1\nname: {name}\nowners: {{github_team: {name}-eng}}\nbundles:\n  - name: {name}\n    repo: airflow-{name}\n    refresh_interval: {refreshInterval}\n");
        }
    }

    private void ChangeDefaults() =>
        File.WriteAllText(_platform.File("onboarding.yaml"), File.ReadAllText(_platform.File("onboarding.yaml")).Replace("refresh_interval: 300", "refresh_interval: 301", StringComparison.Ordinal));

    private Dictionary<string, byte[]> Outputs() =>
        Directory.EnumerateFiles(_platform.File("generated"), "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".onboard-tmp", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(_platform.Path, path).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private void Restore(Dictionary<string, byte[]> outputs)
    {
        Directory.Delete(_platform.File("generated"), recursive: true);
        foreach (var (path, content) in outputs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_platform.File(path))!);
            File.WriteAllBytes(_platform.File(path), content);
        }
    }

    private static void MakeWritableForEveryone(string root)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Prepend(root))
        {
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite
                | (Directory.Exists(entry) ? UnixFileMode.OtherExecute : UnixFileMode.None));
        }
    }

    private static void Chmod(string path, string mode) => File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));

    public void Dispose()
    {
        MakeWritableForEveryone(_platform.Path);
        _platform.Dispose();
    }
}
