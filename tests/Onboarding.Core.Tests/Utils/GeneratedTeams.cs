using System.Globalization;
using System.Text;

namespace Onboarding.Core.Tests.Utils;

/// <summary>
/// A platform of N generated teams shaped like the benchmark's (1 to 3 bundles per team, some repository URLs,
/// some per-environment overrides, three environments), deterministic for a seed; written here so the tests need
/// nothing outside the repository.
/// </summary>
internal static class GeneratedTeams
{
    public static string Config(string? formats = null) => $$"""
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
        {{(formats is null ? "" : $"outputs: {{formats: [{formats}]}}")}}
        """;

    public static PlatformFixture Write(int teams, string? formats = null, int seed = 7)
    {
        var platform = new PlatformFixture(Config(formats));
        var random = new Random(seed);
        int[] bundleCounts = [1, 1, 1, 2, 3];
        string[] folders = ["dags", "src/dags", "airflow/dags"];
        int[] intervals = [60, 120, 300, 600];
        for (var i = 0; i < teams; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"team-{i:00000}");
            var yaml = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"schema_version: 1\nname: {name}\ndescription: Pipelines owned by team {i}\n")
                .Append(CultureInfo.InvariantCulture, $"owners:\n  github_team: {name}-eng\n  contacts: [{name}@example.com]\nbundles:\n");
            var count = bundleCounts[random.Next(bundleCounts.Length)];
            for (var b = 0; b < count; b++)
            {
                var bundle = b == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-b{b}");
                yaml.Append(CultureInfo.InvariantCulture, $"  - name: {bundle}\n");
                yaml.Append(random.NextDouble() < 0.2 ? $"    repo: https://github.com/acme-shared/{bundle}-dags\n" : $"    repo: airflow-{bundle}\n");
                if (random.NextDouble() < 0.5)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"    subdir: {folders[random.Next(folders.Length)]}\n");
                }

                if (random.NextDouble() < 0.5)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"    refresh_interval: {intervals[random.Next(intervals.Length)]}\n");
                }

                if (random.NextDouble() < 0.3)
                {
                    yaml.Append("    environments:\n      dev: {tracking_ref: feature-x}\n      prod: {}\n");
                }
            }

            platform.WriteTeam(name, yaml.ToString());
        }

        return platform;
    }
}
