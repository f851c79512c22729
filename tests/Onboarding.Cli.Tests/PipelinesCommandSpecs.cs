using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary><c>onboard pipelines ...</c> on a copy of the team-repository template, as a data team runs it.</summary>
public sealed class PipelinesCommandSpecs : IDisposable
{
    private readonly TempDirectory _repo = new("onboard-team");

    public PipelinesCommandSpecs()
    {
        var template = RepositoryLayout.PathOf("templates/team-repo");
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = _repo.File(Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Validate_and_check_pass_on_the_template()
    {
        var validate = CliRun.InProcess(_repo.Path, "pipelines", "validate");
        var check = CliRun.InProcess(_repo.Path, "pipelines", "check");

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal("2 pipelines, valid\n", validate.Out);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("generated files are up to date", check.Out, StringComparison.Ordinal);
        Assert.Equal("", check.Error);
    }

    [Fact]
    public void Root_points_at_the_team_repository()
    {
        using var elsewhere = new TempDirectory();

        var result = CliRun.InProcess(elsewhere.Path, "pipelines", "check", "--root", _repo.Path);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_changed_pipeline_fails_the_check_until_compiled_then_passes()
    {
        File.WriteAllText(_repo.File("pipelines/orders_daily.yaml"), File.ReadAllText(_repo.File("pipelines/orders_daily.yaml")).Replace("deadline: 45m", "deadline: 1h", StringComparison.Ordinal));

        var stale = CliRun.InProcess(_repo.Path, "pipelines", "check");
        var compile = CliRun.InProcess(_repo.Path, "pipelines", "compile");
        var again = CliRun.InProcess(_repo.Path, "pipelines", "compile");
        var check = CliRun.InProcess(_repo.Path, "pipelines", "check");

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("dags/orders_daily.py:1:1: error PIPE016: dags/orders_daily.py is out of date: pipelines/orders_daily.yaml changed", stale.Error, StringComparison.Ordinal);
        Assert.Equal(0, compile.ExitCode);
        Assert.Contains("2 pipelines: wrote 2 files, removed 0, 2 unchanged", compile.Out, StringComparison.Ordinal);
        Assert.Contains("2 pipelines: wrote 0 files, removed 0, 4 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Contains("timedelta(hours=1)", File.ReadAllText(_repo.File("dags/orders_daily.py")), StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Under_github_actions_a_hand_edit_is_an_annotation_a_summary_and_an_output()
    {
        File.AppendAllText(_repo.File("dags/orders_report.py"), "print('hi')\n");
        var summary = _repo.File("summary.md");
        var output = _repo.File("output.txt");
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = output };

        var result = CliRun.InProcess(_repo.Path, variables, "pipelines", "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error file=dags/orders_report.py,line=1,col=1,title=PIPE017::dags/orders_report.py was edited by hand", result.Out, StringComparison.Ordinal);
        Assert.Contains("## ❌ onboard pipelines check", File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.Contains("changed=true", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_reports_every_problem_with_its_place()
    {
        File.WriteAllText(_repo.File("pipelines/orders_report.yaml"), "schema_version: 1\npipeline: orders_report\ntier: gold\nsteps:\n  - id: a\n    bash: echo\n");

        var result = CliRun.InProcess(_repo.Path, "pipelines", "validate", "--json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.False(report.GetProperty("ok").GetBoolean());
        var diagnostic = report.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal("PIPE012", diagnostic.GetProperty("code").GetString());
        Assert.Equal("pipelines/orders_report.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(3, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(7, diagnostic.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Render_prints_the_dag_a_pipeline_compiles_to()
    {
        var result = CliRun.InProcess(_repo.Path, "pipelines", "render", "orders_daily");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(_repo.File("dags/orders_daily.py")), result.Out);
    }

    [Theory]
    [InlineData("nope", 1, "there is no pipeline 'nope'")]
    [InlineData("../../etc/passwd", 1, "is not a pipeline name")]
    public void Render_refuses_what_is_not_a_pipeline(string name, int exit, string message)
    {
        var result = CliRun.InProcess(_repo.Path, "pipelines", "render", name);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Test_without_airflow_prints_the_command_and_exits_2()
    {
        var result = CliRun.InProcess(_repo.Path, new Dictionary<string, string> { ["PATH"] = _repo.File("no-such-dir") }, "pipelines", "test", "orders_daily");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("airflow dags test analytics__orders_daily --dagfile-path dags/orders_daily.py\n", result.Out);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Test_runs_airflow_dags_test_from_the_repository_root()
    {
        using var bin = new TempDirectory();
        var airflow = bin.Write("airflow", "#!/bin/sh\necho \"cwd=$(pwd)\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n");
        File.SetUnixFileMode(airflow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = CliRun.InProcess(_repo.Path, new Dictionary<string, string> { ["PATH"] = bin.Path }, "pipelines", "test", "orders_report");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"cwd={_repo.Path}\narg=dags\narg=test\narg=analytics__orders_report\narg=--dagfile-path\narg=dags/orders_report.py\n", result.Out);
    }

    [Fact]
    public void Test_refuses_a_stale_dag_file()
    {
        File.AppendAllText(_repo.File("dags/orders_report.py"), "\n");

        var result = CliRun.InProcess(_repo.Path, new Dictionary<string, string> { ["PATH"] = _repo.File("no-such-dir") }, "pipelines", "test", "orders_report");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error PIPE016", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_process_compiles_and_checks()
    {
        File.Delete(_repo.File("dags/orders_daily.py"));

        var check = CliRun.Process(_repo.Path, null, "pipelines", "check");
        var compile = CliRun.Process(_repo.Path, null, "pipelines", "compile");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("dags/orders_daily.py is missing", check.Error, StringComparison.Ordinal);
        Assert.Equal(0, compile.ExitCode);
        Assert.Equal(File.ReadAllText(RepositoryLayout.PathOf("templates/team-repo/dags/orders_daily.py")), File.ReadAllText(_repo.File("dags/orders_daily.py")));
    }
}
