using System.Diagnostics;
using System.Text;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Settings;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Yaml;

namespace Onboarding.Core.Tests.Yaml;

/// <summary>The YAML rows of SECURITY.md: hostile documents are refused quickly with a clear message.</summary>
public class YamlSafetySpecs
{
    private static (YamlNode? Node, IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed) Read(string text)
    {
        var bag = new DiagnosticBag();
        var clock = Stopwatch.StartNew();
        var node = SafeYamlReader.Read(Encoding.UTF8.GetBytes(text), "teams/x.yaml", bag);
        return (node, bag.Sorted(), clock.Elapsed);
    }

    [Fact]
    public void Deeply_nested_brackets_are_refused_without_overflowing_the_stack()
    {
        var text = new string('[', 6500) + new string(']', 6500);

        var (node, diagnostics, elapsed) = Read(text);

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlTooDeep, error.Code);
        Assert.Contains("deeper than 32", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
    }

    [Fact]
    public void The_billion_laughs_alias_bomb_is_refused_at_its_first_anchor()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .AppendJoin(",", Enumerable.Repeat($"*{previous}", 9)).Append("]\n");
        }

        var (node, diagnostics, elapsed) = Read(text.ToString());

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlAnchorOrAlias, error.Code);
        Assert.Equal(new SourceLocation("teams/x.yaml", 1, 4), error.Location);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
    }

    [Fact]
    public void A_file_over_64_KiB_is_refused_before_parsing()
    {
        var text = "description: " + new string('x', 70 * 1024);

        var (node, diagnostics, _) = Read(text);

        Assert.Null(node);
        Assert.Equal(DiagnosticCodes.YamlTooLarge, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_scalar_over_4_KiB_is_refused_at_its_position()
    {
        var (node, diagnostics, _) = Read("name: ok\ndescription: " + new string('x', 5 * 1024) + "\n");

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlScalarTooLong, error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(14, error.Location.Column);
    }

    [Theory]
    [InlineData("owner: !System.Diagnostics.Process {}\n", "!System.Diagnostics.Process")]
    [InlineData("x: !!binary aGk=\n", "tag:yaml.org,2002:binary")]
    [InlineData("x: !!str 5\n", "tag:yaml.org,2002:str")]
    public void Explicit_tags_never_reach_a_type(string text, string tag)
    {
        var (node, diagnostics, _) = Read(text);

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlExplicitTag, error.Code);
        Assert.Contains(tag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_refused_at_the_second_one()
    {
        var (node, diagnostics, _) = Read("name: a\nname: b\n");

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlDuplicateKey, error.Code);
        Assert.Equal(new SourceLocation("teams/x.yaml", 2, 1), error.Location);
        Assert.Contains("first at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_document_is_refused()
    {
        var (node, diagnostics, _) = Read("name: a\n---\nname: b\n");

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlMultipleDocuments, error.Code);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_syntax_error_names_its_line()
    {
        var (node, diagnostics, _) = Read("name: a\nbundles: [\n  - x: y\n");

        Assert.Null(node);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.True(error.Location.Line >= 2);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var bag = new DiagnosticBag();

        var node = SafeYamlReader.Read(new byte[] { 0x6e, 0x3a, 0x20, 0xff, 0xfe }, "teams/x.yaml", bag);

        Assert.Null(node);
        Assert.Equal(DiagnosticCodes.YamlEncoding, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_byte_offset()
    {
        var bag = new DiagnosticBag();
        byte[] bytes = [.. "schema_version: 1\nname: payments\ndescription: caf"u8, 0xE9, .. " ok\n"u8];

        SafeYamlReader.Read(bytes, "teams/payments.yaml", bag);

        var error = Assert.Single(bag.Sorted());
        Assert.Equal((3, 17), (error.Location.Line, error.Location.Column));
        Assert.Contains("byte 0xE9 at byte offset 49 (line 3, byte 17 of the line)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema_version: 1\nname: payments\nowners:\n\tgithub_team: x\n", 4, 1)]
    [InlineData("a:\n  b: 1\n  c:\n    d: 1\n   \te: 2\n", 5, 4)]
    public void A_tab_used_for_indentation_is_reported_at_the_tab(string text, int line, int column)
    {
        var bag = new DiagnosticBag();

        SafeYamlReader.Read(Encoding.UTF8.GetBytes(text), "teams/x.yaml", bag);

        var error = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("on")]
    [InlineData("yes")]
    [InlineData("y")]
    [InlineData("true")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("1.10")]
    public void Text_fields_keep_the_literal_text_of_YAML_11_lookalikes(string value)
    {
        var bag = new DiagnosticBag();
        var yaml = $"schema_version: 1\nname: team-a\nowners: {{github_team: t}}\nbundles:\n  - name: team-a\n    repo: r\n    tracking_ref: {value}\n";

        var team = TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/team-a.yaml", bag);

        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        Assert.Equal(value, team!.Bundles[0].Settings.Text(GitBundleSettings.TrackingRef));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("0755")]
    [InlineData("1e3")]
    public void Names_that_read_as_booleans_nulls_or_numbers_are_refused(string value)
    {
        using var platform = new PlatformFixture().WriteTeam("named", $"schema_version: 1\nname: {value}\nowners: {{github_team: t}}\nbundles:\n  - name: team-a\n    repo: r\n");

        var result = platform.Validate();

        Assert.Contains(result.Errors(), e => e.Location == new SourceLocation("teams/named.yaml", 2, 7)
            && e.Code is DiagnosticCodes.PatternMismatch or DiagnosticCodes.WrongType or DiagnosticCodes.ReservedName);
    }

    [Fact]
    public void A_huge_team_file_on_disk_is_refused_without_reading_it_whole()
    {
        using var platform = new PlatformFixture();
        Directory.CreateDirectory(platform.PathOf("teams"));
        using (var stream = File.Create(platform.PathOf("teams/huge.yaml")))
        {
            stream.SetLength(512L * 1024 * 1024);
        }

        var result = platform.Validate();

        var error = result.SingleError(DiagnosticCodes.YamlTooLarge, "teams/huge.yaml", 1, 1);
        Assert.Contains("larger than the 65,536 bytes allowed", error.Message, StringComparison.Ordinal);
    }
}
