using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>--json</c> as a script reads it: every command that accepts it prints exactly one JSON document on stdout,
/// when it succeeds and when it fails, on a terminal and on a GitHub Actions runner. Real processes.
/// </summary>
public sealed class JsonOutputSpecs(JsonRunWorld world) : IClassFixture<JsonRunWorld>
{
    private static readonly string ValidBody = RepositoryLayout.PathOf("examples/issues/valid.md");
    private static readonly string InvalidBody = RepositoryLayout.PathOf("examples/issues/invalid-values.md");
    private static readonly string Form = RepositoryLayout.PathOf("templates/issue-forms/onboard-team.yml");

    [Theory]
    [InlineData("validate", 0)]
    [InlineData("validate on a broken platform", 1)]
    [InlineData("compile --check", 0)]
    [InlineData("check on a broken platform", 1)]
    [InlineData("parse-issue", 0)]
    [InlineData("parse-issue with an invalid body", 1)]
    [InlineData("parse-issue with a missing body", 2)]
    [InlineData("issue --dry-run", 0)]
    [InlineData("issue --dry-run with an invalid body", 1)]
    [InlineData("issue --local", 0)]
    [InlineData("issue --local with an invalid body", 1)]
    [InlineData("issue without a body", 2)]
    [InlineData("issue --event --dry-run", 0)]
    [InlineData("issue --event not approved", 0)]
    [InlineData("issue --event with an invalid body", 1)]
    [InlineData("issue --event with a malformed event", 1)]
    [InlineData("backfill --dry-run", 0)]
    [InlineData("backfill", 0)]
    [InlineData("backfill --report", 0)]
    [InlineData("backfill without a token", 2)]
    [InlineData("import", 0)]
    [InlineData("import of a missing file", 1)]
    [InlineData("init", 0)]
    [InlineData("init over an existing platform", 1)]
    [InlineData("init with a malformed --action", 2)]
    [InlineData("regenerate", 0)]
    [InlineData("regenerate outside a git repository", 1)]
    public void Every_json_run_prints_exactly_one_JSON_document_on_a_terminal_and_under_actions(string run, int exitCode)
    {
        foreach (var actions in new[] { false, true })
        {
            var (directory, variables, args) = Arrange(run);
            variables["GITHUB_ACTIONS"] = actions ? "true" : "false";

            var outcome = CliRun.Process(directory, variables, [.. args, "--json"]);

            var where = $"{run} (GITHUB_ACTIONS={actions})\n{outcome}";
            Assert.True(outcome.ExitCode == exitCode, where);
            using var report = Parse(outcome.Out, where);
            var root = report.RootElement;
            Assert.True(root.GetProperty("ok").GetBoolean() == (exitCode == 0), where);
            Assert.True(root.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.Array, where);
            if (root.TryGetProperty("problems", out var problems))
            {
                foreach (var problem in problems.EnumerateArray())
                {
                    foreach (var key in new[] { "file", "line", "column", "code", "message", "hint", "field" })
                    {
                        Assert.True(problem.TryGetProperty(key, out _), $"problem without '{key}': {where}");
                    }
                }
            }
        }
    }

    [Fact]
    public void An_invalid_issue_body_reports_each_problem_as_an_object_under_its_form_field()
    {
        var outcome = CliRun.Process(world.Platform.Path, Terminal(), "issue", "--body", InvalidBody, "--dry-run", "--json");

        using var report = Parse(outcome.Out, outcome.ToString());
        var problems = report.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.NotEmpty(problems);
        var environments = Assert.Single(problems, p => p.GetProperty("field_id").GetString() == "environments");
        Assert.Equal("Environments", environments.GetProperty("field").GetString());
        Assert.Equal(InvalidBody, environments.GetProperty("file").GetString());
        Assert.StartsWith("ISSUEFORM", environments.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.True(environments.GetProperty("line").GetInt32() > 1);
        Assert.False(string.IsNullOrEmpty(environments.GetProperty("hint").GetString()));
    }

    [Fact]
    public void Parse_issue_json_holds_the_fields_of_the_body()
    {
        var outcome = CliRun.Process(world.Platform.Path, Terminal(), "parse-issue", "--template", Form, "--body", ValidBody, "--json");

        using var report = Parse(outcome.Out, outcome.ToString());
        Assert.Equal("payments", report.RootElement.GetProperty("fields").GetProperty("team_name").GetString());
        Assert.Equal(JsonValueKind.Array, report.RootElement.GetProperty("fields").GetProperty("environments").ValueKind);
    }

    [Fact]
    public void Under_actions_json_diagnostics_are_annotated_on_stderr_and_stdout_holds_only_the_report()
    {
        var outcome = CliRun.Process(world.Broken.Path, Actions(), "validate", "--json");

        Assert.Equal(1, outcome.ExitCode);
        using var report = Parse(outcome.Out, outcome.ToString());
        Assert.DoesNotContain("::", outcome.Out.Split('\n').Select(l => l.TrimStart()).Where(l => l.StartsWith("::", StringComparison.Ordinal)));
        Assert.Contains("::error file=onboarding.yaml", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_prints_a_file_refuses_json_instead_of_ignoring_it()
    {
        var outcome = CliRun.InProcess(RepositoryLayout.PathOf("templates/team-repo"), "pipelines", "render", "orders_daily", "--json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.Out);
        Assert.Contains("--json is not available", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_diff_gives_before_and_after_as_JSON_values()
    {
        using var platform = new TempDirectory("onboard-json-diff");
        RepositoryLayout.CopyExamplePlatform(platform.Path);
        var team = platform.File("teams/payments.yaml");
        File.WriteAllText(team, File.ReadAllText(team)
            .Replace("refresh_interval: 900", "refresh_interval: 45", StringComparison.Ordinal)
            .Replace("tracking_ref: v2.4.1", "tracking_ref: v2.5.0", StringComparison.Ordinal));

        var outcome = CliRun.InProcess(platform.Path, "compile", "--check", "--json");

        using var report = Parse(outcome.Out, outcome.ToString());
        var field = report.RootElement.GetProperty("environments").EnumerateArray()
            .SelectMany(e => e.GetProperty("changed").EnumerateArray())
            .SelectMany(b => b.GetProperty("fields").EnumerateArray())
            .First(f => f.GetProperty("field").GetString() == "kwargs.refresh_interval");
        Assert.Equal(900, field.GetProperty("before").GetInt32());
        Assert.Equal(45, field.GetProperty("after").GetInt32());
        var tracking = report.RootElement.GetProperty("environments").EnumerateArray()
            .SelectMany(e => e.GetProperty("changed").EnumerateArray())
            .SelectMany(b => b.GetProperty("fields").EnumerateArray())
            .First(f => f.GetProperty("field").GetString() == "kwargs.tracking_ref");
        Assert.Equal("v2.4.1", tracking.GetProperty("before").GetString());
        Assert.Equal("v2.5.0", tracking.GetProperty("after").GetString());
    }

    private (string Directory, Dictionary<string, string> Variables, string[] Args) Arrange(string run)
    {
        var platform = world.Platform.Path;
        return run switch
        {
            "validate" => (platform, Terminal(), ["validate"]),
            "validate on a broken platform" => (world.Broken.Path, Terminal(), ["validate"]),
            "compile --check" => (platform, Terminal(), ["compile", "--check"]),
            "check on a broken platform" => (world.Broken.Path, Terminal(), ["check"]),
            "parse-issue" => (platform, Terminal(), ["parse-issue", "--template", Form, "--body", ValidBody]),
            "parse-issue with an invalid body" => (platform, Terminal(), ["parse-issue", "--template", Form, "--body", InvalidBody]),
            "parse-issue with a missing body" => (platform, Terminal(), ["parse-issue", "--template", Form, "--body", "nowhere.md"]),
            "issue --dry-run" => (platform, Terminal(), ["issue", "--body", ValidBody, "--dry-run"]),
            "issue --dry-run with an invalid body" => (platform, Terminal(), ["issue", "--body", InvalidBody, "--dry-run"]),
            "issue --local" => (platform, Git(), ["issue", "--body", ValidBody, "--local"]),
            "issue --local with an invalid body" => (platform, Git(), ["issue", "--body", InvalidBody, "--local"]),
            "issue without a body" => (platform, Terminal(), ["issue", "--local"]),
            "issue --event --dry-run" => (world.Onboarding.Checkout.Path, world.OnboardingVariables(), ["issue", "--event", world.ValidEvent, "--dry-run"]),
            "issue --event not approved" => (world.Onboarding.Checkout.Path, world.OnboardingVariables(), ["issue", "--event", world.OtherLabelEvent]),
            "issue --event with an invalid body" => (world.Onboarding.Checkout.Path, world.OnboardingVariables(), ["issue", "--event", world.InvalidEvent]),
            "issue --event with a malformed event" => (world.Onboarding.Checkout.Path, world.OnboardingVariables(), ["issue", "--event", world.Files.File("not-json.json")]),
            "backfill --dry-run" => (world.Backfill.Checkout.Path, new(world.Backfill.Variables), ["backfill", "--dry-run"]),
            "backfill" => (world.Backfill.Checkout.Path, new(world.Backfill.Variables), ["backfill"]),
            "backfill --report" => (world.Backfill.Checkout.Path, new(world.Backfill.Variables), ["backfill", "--report"]),
            "backfill without a token" => (world.Backfill.Checkout.Path, Terminal(), ["backfill"]),
            "import" => (platform, Terminal(), ["import", "--from", "generated/prod/dag_bundle_config.json", "--environment", "prod", "--dry-run"]),
            "import of a missing file" => (platform, Terminal(), ["import", "--from", "nowhere.cfg"]),
            "init" => (world.Files.Path, Terminal(), ["init", $"platform-{Guid.NewGuid():N}", "--org", "acme-data", "--action", JsonRunWorld.Action]),
            "init over an existing platform" => (platform, Terminal(), ["init", "--action", JsonRunWorld.Action]),
            "init with a malformed --action" => (world.Files.Path, Terminal(), ["init", "elsewhere", "--action", "acme-data/onboard-toolkit@main"]),
            "regenerate" => (platform, Git(), ["regenerate"]),
            "regenerate outside a git repository" => (world.Broken.Path, Git(), ["regenerate"]),
            _ => throw new ArgumentException($"no such run: {run}", nameof(run)),
        };
    }

    private static Dictionary<string, string> Terminal() => [];

    private static Dictionary<string, string> Actions() => new() { ["GITHUB_ACTIONS"] = "true" };

    private static Dictionary<string, string> Git() => new(TempGitRepository.IsolatedEnvironment);

    /// <summary>The whole of stdout as one JSON document: anything before or after it fails the parse.</summary>
    private static JsonDocument Parse(string stdout, string where)
    {
        try
        {
            return JsonDocument.Parse(stdout);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not one JSON document ({e.Message}):\n{where}");
        }
    }
}
