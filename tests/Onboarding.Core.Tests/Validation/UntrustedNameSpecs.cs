using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Validation;

/// <summary>The name rows of SECURITY.md: traversal, argument injection, look-alikes and reserved names.</summary>
public class UntrustedNameSpecs
{
    public static TheoryData<string> HostileNames() =>
    [
        "../../.github/workflows/evil", "..", "a/b", "a\\b", "%2e%2e%2f", "/etc/passwd", "a\u0000b",
        "-rf", "--upload-pack=touch /tmp/p", ";id", "|id", "$(id)", "a b", "a\nb",
        "p\u0430yments", "\uff50\uff41\uff59", "\ufb01nance", "pay\u200bments", "pay\u202Ements", "\u00c5str\u00f6m",
        "example_dags", "dags-folder", ".github", "x.git", "x.wiki", "admin", new string('a', 51),
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_team_name_is_refused_with_a_clear_message(string name)
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig + "\n  reserved_names: [admin]\n");
        var quoted = "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u0000", "\\0", StringComparison.Ordinal) + "\"";
        platform.WriteTeam("team", $"schema_version: 1\nname: {quoted}\nowners: {{github_team: t}}\nbundles:\n  - name: {quoted}\n    repo: r\n");

        var result = platform.Validate();

        var errors = result.Errors();
        Assert.Contains(errors, e => e.Location is { File: "teams/team.yaml", Line: 2, Column: 7 } && e.Code is DiagnosticCodes.PatternMismatch or DiagnosticCodes.ReservedName);
        Assert.Contains(errors, e => e.Location is { File: "teams/team.yaml", Line: 5, Column: 11 } && e.Code is DiagnosticCodes.PatternMismatch or DiagnosticCodes.ReservedName);
        Assert.All(errors, e => Assert.DoesNotContain(e.ToString(), c => c is < ' ' or '\u200b' or '\u202e'));
        Assert.False(Directory.Exists(platform.PathOf("generated")));
    }

    [Fact]
    public void A_look_alike_letter_is_named_by_its_code_point()
    {
        using var platform = new PlatformFixture().WriteTeam("team", "schema_version: 1\nname: p\u0430yments\nowners: {github_team: t}\nbundles:\n  - name: team\n    repo: r\n");

        var error = platform.Validate().Errors().First(e => e.Location.Line == 2);

        Assert.Contains("U+0430", error.Message, StringComparison.Ordinal);
        Assert.Contains("look-alike", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_reserved_names_are_compared_ignoring_case()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig + "\n  reserved_names: [Platform]\n").WriteSimpleTeam("platform");

        var error = platform.Validate().Errors().First(e => e.Code == DiagnosticCodes.ReservedName);

        Assert.Contains("policy.reserved_names", error.Message, StringComparison.Ordinal);
    }
}
