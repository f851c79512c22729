using System.Text.Json.Nodes;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Text that did not come from the tool (file names, arguments, values, GitHub's messages) is neutralised line by
/// line wherever it is printed: no workflow command, no terminal escape, no bidirectional or invisible character
/// reaches stdout or stderr, and JSON stays the same document.
/// </summary>
public sealed class ConsoleOutputSpecs : IDisposable
{
    /// <summary>Workflow commands on lines of their own (after LF, CR and CRLF), the legacy form, an ANSI screen clear and an RTL override.</summary>
    private const string Hostile = "a\n::add-mask::Onboarding\n::error file=action.yml,line=1::fake\r::stop-commands::x\r\n  ::warning::y ##[add-mask]z \u001B[2J\u001B]8;;https://evil\u0007\u202Eb\u200B\u2066\u0085c";

    private static readonly Dictionary<string, string> UnderActions = new() { ["GITHUB_ACTIONS"] = "true" };

    private readonly TempDirectory _platform = new("onboard-console");

    public ConsoleOutputSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Fact]
    public void A_file_name_full_of_commands_and_escapes_is_printed_neutralised_by_the_real_process()
    {
        var result = CliRun.Process(_platform.Path, UnderActions, "parse-issue", "--template", "form" + Hostile + ".yml", "--body", "body.md");

        Assert.Equal(2, result.ExitCode);
        AssertNeutralised(result);
        Assert.Contains("\\u001B[2J\\u001B]8;;https://evil\\u0007\\u202Eb\\u200B\\u2066\\u0085c", result.Error, StringComparison.Ordinal);
        Assert.Contains(":\u200B:add-mask:\u200B:Onboarding", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_actions_escapes_and_invisible_characters_are_shown_escaped_too()
    {
        var result = CliRun.Process(_platform.Path, null, "import", "--dry-run", "--from", "cfg" + Hostile);

        Assert.Equal(1, result.ExitCode);
        AssertNoInvisibleCharacters(result.Out + result.Error);
        Assert.Contains("\\u001B[2J", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Error);
    }

    [Fact]
    public void An_unknown_command_full_of_commands_is_named_neutralised()
    {
        var result = CliRun.Process(_platform.Path, UnderActions, "frob" + Hostile);

        Assert.Equal(2, result.ExitCode);
        AssertNeutralised(result);
        Assert.Contains("frob", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_github_error_message_echoing_hostile_text_is_printed_neutralised()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.InActions = true;
        world.Server.InjectFault(FaultRule.Always("GET /repos/{owner}/{repo}/collaborators/{username}/permission", FaultKind.Forbidden) with { Message = "denied " + Hostile });
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("denied a", result.Error, StringComparison.Ordinal);
        AssertNoInvisibleCharacters(result.Out + result.Error);
        Assert.Equal([$"::add-mask::{world.Token}"], CommandLines(result).Where(line => !line.StartsWith("::error file=", StringComparison.Ordinal)));
        Assert.DoesNotContain("##[", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_on_stdout_keeps_the_exact_value_while_its_text_is_neutralised()
    {
        File.Copy(RepositoryLayout.PathOf("templates/issue-forms/onboard-team.yml"), _platform.File("form.yml"));
        var description = "x ##[add-mask]Onboarding \u001B[31mred\u001B[0m \u202Eevil\u200Bhidden";
        _platform.Write("body.md", File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md"))
            .Replace("Settlement and reconciliation pipelines for the payments domain.", description, StringComparison.Ordinal));

        var result = CliRun.Process(_platform.Path, UnderActions, "parse-issue", "--template", "form.yml", "--body", "body.md");

        Assert.Equal(0, result.ExitCode);
        AssertNeutralised(result);
        Assert.Equal(description, JsonNode.Parse(result.Out)!["description"]!.GetValue<string>());
    }

    private static void AssertNeutralised(CliOutcome result)
    {
        Assert.Empty(CommandLines(result));
        Assert.DoesNotContain("##[", result.Out + result.Error, StringComparison.Ordinal);
        AssertNoInvisibleCharacters(result.Out + result.Error);
    }

    /// <summary>Lines as a runner splits them (at LF and at CR) that it would read as workflow commands.</summary>
    private static List<string> CommandLines(CliOutcome result) =>
        (result.Out + "\n" + result.Error).Split('\n', '\r').Where(line => line.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();

    /// <summary>No C0/C1 control but tab and line feed, no bidirectional control, no zero-width character (the neutralising ZWSP excepted: it sits between two colons).</summary>
    private static void AssertNoInvisibleCharacters(string text)
    {
        var withoutNeutraliser = text.Replace(":\u200B:", "::", StringComparison.Ordinal);
        Assert.DoesNotContain(withoutNeutraliser, c => (char.IsControl(c) && c is not '\n' and not '\t') || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200D') or '\uFEFF');
    }

    public void Dispose() => _platform.Dispose();
}
