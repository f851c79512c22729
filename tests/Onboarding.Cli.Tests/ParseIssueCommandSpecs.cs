using System.Text.Json.Nodes;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary><c>onboard parse-issue</c> through the command line: JSON on stdout, problems on stderr, exit codes per SPEC.</summary>
public class ParseIssueCommandSpecs
{
    private static readonly string FixturesRoot = RepositoryLayout.PathOf("tests/Onboarding.Core.Tests/Fixtures/issue-forms");

    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var body in Directory.EnumerateDirectories(FixturesRoot).SelectMany(folder => Directory.EnumerateFiles(folder, "*.md")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(FixturesRoot, body));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_fixture_gives_its_expected_json_or_its_expected_problems(string relativeBody)
    {
        var body = Path.Combine(FixturesRoot, relativeBody);
        var folder = Path.GetDirectoryName(body)!;
        var template = Assert.Single(Directory.EnumerateFiles(folder), f => f.EndsWith(".yml", StringComparison.Ordinal));
        var expectation = Expectation(body);

        var run = Onboard.Run(folder, "parse-issue", "--template", Path.GetFileName(template), "--body", Path.GetFileName(body));

        var expected = JsonNode.Parse(File.ReadAllText(expectation))!;
        if (expectation.EndsWith(".errors.json", StringComparison.Ordinal))
        {
            Assert.Equal(expected["exit"]!.GetValue<int>(), run.ExitCode);
            Assert.Empty(run.Out);
            Assert.All(expected["errors_mention"]!.AsArray(), text => Assert.Contains(text!.GetValue<string>(), run.Error, StringComparison.Ordinal));
            Assert.Contains($"{Path.GetFileName(body)}:", run.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Empty(run.Error);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(run.Out)), run.ToString());
        }
    }

    [Fact]
    public void The_onboarding_example_prints_every_answer_keyed_by_field_id()
    {
        var run = Onboard.Run(RepositoryLayout.Root, "parse-issue", "--template", "templates/issue-forms/onboard-team.yml", "--body", "examples/issues/valid.md");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("payments", json["team_name"]!.GetValue<string>());
        Assert.Equal("payments@example.com\npayments-oncall@example.com", json["contacts"]!.GetValue<string>());
        Assert.Equal(["dev", "staging", "prod"], json["environments"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Null(json["tracking_ref"]);
    }

    [Theory]
    [InlineData("--template", "no-such-form.yml")]
    [InlineData("--body", "no-such-body.md")]
    public void A_missing_file_is_a_usage_error_naming_the_path(string option, string path)
    {
        var args = option == "--template"
            ? new[] { "parse-issue", "--template", path, "--body", "examples/issues/valid.md" }
            : ["parse-issue", "--template", "templates/issue-forms/onboard-team.yml", "--body", path];

        var run = Onboard.Run(RepositoryLayout.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_missing_option_is_a_usage_error()
    {
        var run = Onboard.Run(RepositoryLayout.Root, "parse-issue", "--body", "examples/issues/valid.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--template", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_template_is_invalid_input_with_its_location()
    {
        using var dir = new TempDirectory();
        dir.Write("form.yml", "name: x\nbody: not-a-list\n");
        dir.Write("body.md", "### A\n\nb\n");

        var run = Onboard.Run(dir.Path, "parse-issue", "--template", "form.yml", "--body", "body.md");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("form.yml:2:7: error ISSUEFORM001:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_actions_a_hostile_body_prints_no_workflow_command()
    {
        using var dir = new TempDirectory();
        File.Copy(RepositoryLayout.PathOf("templates/issue-forms/onboard-team.yml"), dir.File("form.yml"));
        var body = File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md"))
            .Replace("Settlement and reconciliation pipelines for the payments domain.", "::add-mask::Onboarding\n::error file=action.yml,line=1::fake\n::stop-commands::x", StringComparison.Ordinal);
        dir.Write("body.md", body);

        var run = Onboard.Run(dir.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "parse-issue", "--template", "form.yml", "--body", "body.md");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Out.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.Equal("::add-mask::Onboarding\n::error file=action.yml,line=1::fake\n::stop-commands::x", JsonNode.Parse(run.Out)!["description"]!.GetValue<string>());
    }

    private static string Expectation(string body)
    {
        var folder = Path.GetDirectoryName(body)!;
        var stem = Path.GetFileNameWithoutExtension(body);
        var single = Directory.EnumerateFiles(folder, "*.md").Count() == 1;
        string[] names = single
            ? [$"{stem}.expected.onboard.json", $"{stem}.expected.onboard.errors.json", "expected.onboard.json", "expected.onboard.errors.json"]
            : [$"{stem}.expected.onboard.json", $"{stem}.expected.onboard.errors.json"];
        return names.Select(name => Path.Combine(folder, name)).First(File.Exists);
    }
}
