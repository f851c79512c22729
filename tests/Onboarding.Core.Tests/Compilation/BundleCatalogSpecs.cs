using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// generated/README.md, the catalog a person reads on GitHub: every bundle per environment with its team,
/// owners, repository, ref and folder; deterministic; team-file text shown literally, never as markup.
/// </summary>
public sealed class BundleCatalogSpecs : IDisposable
{
    private const string Hostile = "<img src=https://evil/x> @acme-data/everyone [click](https://evil) | injected | **bold** `code` # x\n| row | two |";

    private readonly PlatformFixture _platform = new();

    [Fact]
    public void The_catalog_lists_every_bundle_per_environment_with_owners_repository_ref_and_folder()
    {
        _platform.WriteSimpleTeam("billing").WriteTeam("ingest", """
            schema_version: 1
            name: ingest
            description: Raw data landing
            owners:
              github_team: ingest-eng
              contacts: [ingest@example.com]
            bundles:
              - name: ingest-raw
                repo: https://github.com/acme-shared/raw-dags.git
                subdir: airflow/raw
                environments:
                  prod: {tracking_ref: v1.2.0}
            """);

        Assert.False(_platform.Compile().HasErrors);

        Golden.AssertMatches(Path.Combine(RepositoryRoot.Path, "tests/Onboarding.Core.Tests/Compilation/Golden/catalog.md"), _platform.Read("generated/README.md"));
    }

    /// <summary>
    /// The catalog is encoded a block of characters at a time: characters outside the Basic Multilingual Plane (a pair
    /// of UTF-16 units) that fall across a block's end still come out as one character, in every team's row.
    /// </summary>
    [Fact]
    public void Characters_of_two_utf16_units_come_out_whole_however_long_the_catalog()
    {
        // Descriptions of 1 to 80 letters x before 200 rockets: pairs fall across block ends at both parities.
        var teams = Enumerable.Range(1, 80).Select(i => $"team{i:D3}").ToArray();
        for (var i = 0; i < teams.Length; i++)
        {
            _platform.WriteTeam(teams[i], $"""
                schema_version: 1
                name: {teams[i]}
                description: "{new string('x', i + 1)}{string.Concat(Enumerable.Repeat("🚀", 200))}"
                owners:
                  github_team: {teams[i]}-eng
                bundles:
                  - name: {teams[i]}
                    repo: airflow-{teams[i]}
                """);
        }

        Assert.False(_platform.Compile().HasErrors);
        var catalog = File.ReadAllBytes(_platform.PathOf("generated/README.md"));
        var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(catalog);

        Assert.True(text.Length > 2 * 16 * 1024, $"the catalog holds {text.Length} characters, fewer than two blocks");
        Assert.DoesNotContain('\uFFFD', text);
        for (var i = 0; i < teams.Length; i++)
        {
            Assert.Contains($"| {new string('x', i + 1)}{string.Concat(Enumerable.Repeat("\U0001F680", 200))} |\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_catalog_is_recorded_in_the_manifest_and_a_hand_edit_fails_the_check()
    {
        _platform.WriteSimpleTeam("billing");
        _platform.Compile();
        File.AppendAllText(_platform.PathOf("generated/README.md"), "| extra | row |\n");

        var check = _platform.Check();

        Assert.Contains("\"generated/README.md\"", _platform.Read("generated/manifest.json"), StringComparison.Ordinal);
        Assert.Contains(check.Diagnostics, d => d.Code == "GEN002" && d.Location.File == "generated/README.md");
    }

    [Fact]
    public void Team_text_is_shown_literally_without_links_images_html_mentions_or_extra_columns()
    {
        _platform.WriteTeam("billing", $"""
            schema_version: 1
            name: billing
            description: {System.Text.Json.JsonSerializer.Serialize(Hostile)}
            owners:
              github_team: billing-eng
              contacts: ["a|b*c_@example.com"]
            bundles:
              - name: billing
                repo: airflow-billing
            """);

        Assert.False(_platform.Compile().HasErrors);
        var row = _platform.Read("generated/README.md").Split('\n').Single(l => l.StartsWith("| billing | [acme-data/billing-eng]", StringComparison.Ordinal));

        Assert.Equal(
            "| billing | [acme-data/billing-eng](https://github.com/orgs/acme-data/teams/billing-eng) | `a\\|b*c_@example.com` | " +
            "\\<img src=`https://evil/x`\\> `@\u200Bacme-data/everyone` \\[click\\](`https://evil`) \\| injected \\| \\*\\*bold\\*\\* \\`code\\` \\# x \\| row \\| two \\| |",
            row);
    }

    [Fact]
    public void References_links_mentions_and_invisible_characters_in_team_text_are_inert_and_contacts_copy_exactly()
    {
        _platform.WriteTeam("billing", $"""
            schema_version: 1
            name: billing
            description: {System.Text.Json.JsonSerializer.Serialize(InertMarkdown.LiveText)}
            owners:
              github_team: billing-eng
              contacts: [billing.oncall@example.com]
            bundles:
              - name: billing
                repo: airflow-billing
            """);

        Assert.False(_platform.Compile().HasErrors);
        var catalog = _platform.Read("generated/README.md");

        InertMarkdown.AssertInert(catalog, InertMarkdown.LiveTokens);
        Assert.Contains("<code>billing.oncall@example.com</code>", InertMarkdown.Html(catalog), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_compiles_of_the_same_teams_write_the_same_catalog()
    {
        _platform.WriteSimpleTeam("billing").WriteSimpleTeam("alpha");
        _platform.Compile();
        var first = _platform.Read("generated/README.md");
        File.Delete(_platform.PathOf("generated/README.md"));

        _platform.Compile();

        Assert.Equal(first, _platform.Read("generated/README.md"));
    }

    public void Dispose() => _platform.Dispose();
}
