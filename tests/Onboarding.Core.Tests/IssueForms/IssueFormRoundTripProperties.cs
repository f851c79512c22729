using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>
/// Whatever a person types into the form, GitHub's rendering of it parses back to exactly what was typed:
/// random values, including headings inside code fences, headings that name no field, blank lines inside a
/// textarea, options containing ", ", and CRLF line endings.
/// </summary>
public class IssueFormRoundTripProperties
{
    private static readonly IssueFormTemplate Form = IssueFormTemplate.Parse(
        """
        name: Round trip
        body:
          - type: markdown
            attributes: { value: "### Title" }
          - type: input
            id: title
            attributes: { label: Title }
          - type: textarea
            id: story
            attributes: { label: Story }
          - type: textarea
            id: script
            attributes: { label: Script, render: sh }
          - type: dropdown
            id: region
            attributes: { label: Region, options: ["eu-west, Ireland", "us-east", "#1 choice", "ap, south, Mumbai"] }
          - type: dropdown
            id: colours
            attributes:
              label: Colours
              multiple: true
              options: ["red, green", "blue", "cyan, magenta, yellow", "- black", "None of, these"]
          - type: checkboxes
            id: checks
            attributes:
              label: Checks
              options:
                - label: I agree
                - label: Send [news], please
                - label: "@team may ping me"
        """,
        "round-trip.yml");

    private static readonly string[] Labels = ["Title", "Story", "Script", "Region", "Colours", "Checks"];

    private static readonly Gen<string> Word = Gen.Elements(
        "alpha", "beta", "café", "日本語", "🚀", "#", "##", "#tag", "@team", "<img src=x>", "`code`", "\"quoted\"",
        "a,", "b, c", "*emph*", "[link](https://example.com)", "::warning::", "$(id)", "\\", "---", "|", "~~", "None");

    private static readonly Gen<string> Words =
        Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(Word, count)).Select(words => string.Join(" ", words));

    private static readonly Gen<string> HeadingInsideFence =
        Gen.Elements(Labels).Select(label => "### " + label);

    private static readonly Gen<string> Block = Gen.OneOf(
        Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Words, count)).Select(lines => string.Join("\n", lines)),
        Words.Select(words => "## " + words),
        Words.Select(words => "### " + words),
        Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Words, count)).Select(items => string.Join("\n", items.Select(item => "- " + item))),
        Words.Select(words => "> " + words),
        HeadingInsideFence.Select(heading => "    " + heading),
        from fence in Gen.Elements("```", "~~~", "````")
        from info in Gen.Elements(string.Empty, "md", "sh")
        from inner in Gen.ListOf(Gen.OneOf(HeadingInsideFence, Words, Gen.Constant(string.Empty)))
        select $"{fence}{info}\n{string.Join("\n", inner)}\n{fence}");

    private static readonly Gen<string?> Story = Gen.OneOf(
        Gen.Constant<string?>(null),
        from count in Gen.Choose(1, 5)
        from blocks in Gen.ArrayOf(Block, count)
        from separators in Gen.ArrayOf(Gen.Elements("\n\n", "\n\n\n"), count)
        select (string?)string.Concat(blocks.Select((block, i) => i == 0 ? block : separators[i] + block)));

    private static readonly Gen<string?> Script = Gen.OneOf(
        Gen.Constant<string?>(null),
        Gen.NonEmptyListOf(Gen.Elements("echo hi", "### Title", "# comment", "  indented", "~~~", "x=$(date)", string.Empty))
            .Select(lines => string.Join("\n", lines).Trim('\n'))
            .Select(text => text.Trim().Length == 0 ? null : text));

    private static readonly Gen<FormCase> Cases =
        from title in Gen.OneOf(Gen.Constant<string?>(null), Words.Select(words => (string?)words))
        from story in Story
        from script in Script
        from region in Gen.Elements<string?>(null, "eu-west, Ireland", "us-east", "#1 choice", "ap, south, Mumbai")
        from colours in Gen.SubListOf("red, green", "blue", "cyan, magenta, yellow", "- black", "None of, these")
        from checks in Gen.SubListOf("I agree", "Send [news], please", "@team may ping me")
        from lineEnding in Gen.Elements("\n", "\r\n")
        select new FormCase(title, story, script, region, [.. colours], [.. checks], lineEnding);

    [Fact]
    public void Any_rendered_form_parses_back_to_the_values_typed()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), formCase =>
        {
            var expected = formCase.Values();
            var body = IssueBodyRenderer.Render(Form, expected, formCase.LineEnding);

            var result = IssueFormParser.Parse(Form, body);

            Assert.True(result.IsValid, string.Join("\n", result.Problems) + "\n--- body ---\n" + body);
            Assert.Equal(expected.Keys, result.Values.Keys);
            Assert.All(expected, pair => Assert.Equal(pair.Value, result.Values[pair.Key]));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void The_renderer_used_here_writes_a_body_the_way_GitHub_did()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "issue-forms", "06-edumserrano-release-nuget");
        var template = IssueFormTemplate.Load(Path.Combine(folder, "Template.yml"));
        var githubBody = File.ReadAllText(Path.Combine(folder, "IssueBody.md"));
        var values = IssueFormParser.Parse(template, githubBody).Values;

        var rendered = IssueBodyRenderer.Render(template, values);

        // GitHub has written checked boxes as both [x] and [X] over time.
        Assert.Equal(githubBody.Replace("- [x]", "- [X]", StringComparison.Ordinal).TrimEnd('\n'), rendered);
    }

    /// <summary>One submission of the form; null or empty values are fields left empty.</summary>
    internal sealed record FormCase(
        string? Title,
        string? Story,
        string? Script,
        string? Region,
        IReadOnlyList<string> Colours,
        IReadOnlyList<string> Checks,
        string LineEnding)
    {
        public Dictionary<string, IssueFormValue> Values()
        {
            var values = new Dictionary<string, IssueFormValue>();
            AddText("title", Title);
            AddText("story", Story);
            AddText("script", Script);
            AddText("region", Region);
            AddItems("colours", Colours);
            AddItems("checks", Checks);
            return values;

            void AddText(string id, string? text)
            {
                if (!string.IsNullOrEmpty(text))
                {
                    values[id] = IssueFormValue.FromText(text);
                }
            }

            void AddItems(string id, IReadOnlyList<string> items)
            {
                if (items.Count > 0)
                {
                    values[id] = IssueFormValue.FromItems(items);
                }
            }
        }

        public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this);
    }
}
