using System.Text.Json.Nodes;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>
/// Real issue forms and the bodies GitHub rendered from them (Fixtures/issue-forms): every body gives exactly
/// its expected JSON, or fails with problems that mention every expected text. New folders are picked up.
/// </summary>
public class IssueFormFixtureSpecs
{
    private static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "issue-forms");

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var body in BodyFiles())
        {
            foreach (var lineEnding in new[] { "LF", "CRLF" })
            {
                data.Add(Path.GetRelativePath(FixturesRoot, body), lineEnding);
            }
        }

        return data;
    }

    [Fact]
    public void The_fixture_folder_holds_every_fixture_with_an_expectation()
    {
        var bodies = BodyFiles().ToList();

        Assert.True(bodies.Count >= 8, $"expected the shipped fixtures, found {bodies.Count} bodies under {FixturesRoot}");
        Assert.All(bodies, body => Assert.NotNull(ExpectationFor(body)));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Each_fixture_body_parses_to_its_expected_result(string relativeBody, string lineEnding)
    {
        var bodyPath = Path.Combine(FixturesRoot, relativeBody);
        var templatePath = TemplateFor(bodyPath);
        var body = LineEndings.Convert(File.ReadAllText(bodyPath), lineEnding == "CRLF" ? "\r\n" : "\n");
        var expectation = ExpectationFor(bodyPath) ?? throw new InvalidOperationException($"{relativeBody} has no expected.onboard file");

        var outcome = ParseIssue.Run(File.ReadAllText(templatePath), templatePath, body, bodyPath);

        if (expectation.EndsWith(".errors.json", StringComparison.Ordinal))
        {
            var expected = JsonNode.Parse(File.ReadAllText(expectation))!;
            Assert.False(outcome.Succeeded, $"expected problems, got {outcome.Json}");
            Assert.Equal(1, expected["exit"]!.GetValue<int>());
            var errors = string.Join("\n", outcome.Diagnostics);
            Assert.All(expected["errors_mention"]!.AsArray(), text => Assert.Contains(text!.GetValue<string>(), errors, StringComparison.Ordinal));
        }
        else
        {
            Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
            var expected = JsonNode.Parse(File.ReadAllText(expectation));
            var actual = JsonNode.Parse(outcome.Json!);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected}\nactual:\n{actual}");
        }
    }

    private static IEnumerable<string> BodyFiles() =>
        Directory.EnumerateDirectories(FixturesRoot)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.md"))
            .Order(StringComparer.Ordinal);

    private static string TemplateFor(string bodyPath)
    {
        var folder = Path.GetDirectoryName(bodyPath)!;
        return Assert.Single(Directory.EnumerateFiles(folder), file => file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal));
    }

    // A folder with one body names its expectation "expected.onboard[.errors].json"; with several, "<body>.expected.onboard[.errors].json".
    private static string? ExpectationFor(string bodyPath)
    {
        var folder = Path.GetDirectoryName(bodyPath)!;
        var stem = Path.GetFileNameWithoutExtension(bodyPath);
        var onlyBody = Directory.EnumerateFiles(folder, "*.md").Count() == 1;
        string[] candidates = onlyBody
            ? [$"{stem}.expected.onboard.json", $"{stem}.expected.onboard.errors.json", "expected.onboard.json", "expected.onboard.errors.json"]
            : [$"{stem}.expected.onboard.json", $"{stem}.expected.onboard.errors.json"];
        return candidates.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}
