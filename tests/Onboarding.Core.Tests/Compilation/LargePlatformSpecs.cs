using System.Text.Json;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// A platform large enough to be validated, compiled and rendered on every core gives exactly the lists, catalog and
/// findings the precedence and the file order define: no bundle lost, doubled, misplaced or given another
/// environment's settings, and the first file to use a bundle name keeps it.
/// </summary>
public sealed class LargePlatformSpecs : IDisposable
{
    /// <summary>Well above the size from which loading, validation, compiling and rendering use more than one core.</summary>
    private const int Teams = 150;

    private const string Config = """
        schema_version: 1
        github:
          org: acme-data
        airflow:
          version: "3.2"
          git_conn_id: github_default
          defaults: {tracking_ref: main, subdir: dags, refresh_interval: 300}
        environments:
          dev: {tracking_ref: develop}
          staging: {}
          prod: {}
        policy:
          repo_owners: [acme-data, acme-shared]
        """;

    private static readonly string[] Environments = ["dev", "staging", "prod"];

    private readonly PlatformFixture _platform = new(Config);

    [Fact]
    public void Every_environment_gets_each_of_its_bundles_once_in_name_order_with_its_own_settings()
    {
        var expected = Environments.ToDictionary(e => e, _ => new List<(string Name, string Ref, string Subdir, string Url)>());
        for (var i = 0; i < Teams; i++)
        {
            var team = $"team{i:D3}";
            var subdir = i % 5 == 0 ? $"own/{i}" : "dags";
            var yaml = new List<string>
            {
                "schema_version: 1", $"name: {team}", "owners:", $"  github_team: {team}-eng", "bundles:",
                $"  - name: {team}", $"    repo: airflow-{team}",
            };
            if (i % 5 == 0)
            {
                yaml.Add($"    subdir: {subdir}");
            }

            expected["dev"].Add((team, "develop", subdir, $"https://github.com/acme-data/airflow-{team}.git"));
            expected["staging"].Add((team, "main", subdir, $"https://github.com/acme-data/airflow-{team}.git"));
            expected["prod"].Add((team, "main", subdir, $"https://github.com/acme-data/airflow-{team}.git"));

            // Only in prod, on a ref of its own, from another owner's repository.
            if (i % 3 == 0)
            {
                yaml.AddRange([$"  - name: {team}-b", $"    repo: https://github.com/acme-shared/{team}-b.git", "    environments:", $"      prod: {{tracking_ref: v{i}}}"]);
                expected["prod"].Add(($"{team}-b", $"v{i}", "dags", $"https://github.com/acme-shared/{team}-b.git"));
            }

            // In dev and staging only, with a name that sorts before every team's, so each list interleaves files.
            if (i % 4 == 0)
            {
                yaml.AddRange([$"  - name: a{i:D3}", $"    repo: airflow-a{i:D3}", "    environments: {dev: {}, staging: {}}"]);
                expected["dev"].Add(($"a{i:D3}", "develop", "dags", $"https://github.com/acme-data/airflow-a{i:D3}.git"));
                expected["staging"].Add(($"a{i:D3}", "main", "dags", $"https://github.com/acme-data/airflow-a{i:D3}.git"));
            }

            _platform.WriteTeam(team, string.Join("\n", yaml) + "\n");
        }

        var compile = _platform.Compile();

        Assert.False(compile.HasErrors, string.Join("\n", compile.Diagnostics));
        var catalog = _platform.Read("generated/README.md");
        foreach (var environment in Environments)
        {
            var want = expected[environment].OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
            using var list = JsonDocument.Parse(_platform.Read($"generated/{environment}/dag_bundle_config.json"));
            var got = list.RootElement.EnumerateArray().Select(b => (
                b.GetProperty("name").GetString()!,
                b.GetProperty("kwargs").GetProperty("tracking_ref").GetString()!,
                b.GetProperty("kwargs").GetProperty("subdir").GetString()!,
                b.GetProperty("kwargs").GetProperty("repo_url").GetString()!)).ToList();
            Assert.Equal(want, got);

            // The catalog's table for the environment holds the same bundles in the same order.
            var section = catalog.Split("\n## ").Single(s => s.StartsWith(environment + "\n", StringComparison.Ordinal));
            var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).Select(l => l.Split(" | ")[0][2..]).ToList();
            Assert.Equal(want.Select(b => b.Name), rows);
        }

        // The manifest's hashes, computed on several cores, describe what was written.
        Assert.False(_platform.Check().HasErrors);
    }

    [Fact]
    public void The_first_file_to_use_a_bundle_name_keeps_it_and_every_later_use_is_reported_against_it()
    {
        for (var i = 0; i < Teams; i++)
        {
            var team = $"team{i:D3}";
            var shared = i is 10 or 120 or 140 ? "\n  - name: shared-name\n    repo: airflow-shared" : "";
            _platform.WriteTeam(team, $"""
                schema_version: 1
                name: {team}
                owners:
                  github_team: {team}-eng
                bundles:
                  - name: {team}
                    repo: airflow-{team}{shared}
                """);
        }

        var duplicates = _platform.Validate().Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateBundle).ToList();

        Assert.Equal(["teams/team120.yaml", "teams/team140.yaml"], duplicates.Select(d => d.Location.File));
        Assert.All(duplicates, d => Assert.Equal("teams/team010.yaml", d.Related?.File));
    }

    public void Dispose() => _platform.Dispose();
}
