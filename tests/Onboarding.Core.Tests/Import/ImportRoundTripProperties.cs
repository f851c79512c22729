using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Import;

/// <summary>
/// Any valid bundle list (names from the allowed pattern, repositories of allowed owners, any subset
/// of the kwargs a team file can hold, optional team_name groups), imported for every environment or
/// one list per environment, compiles back to an equivalent list for each environment.
/// </summary>
public class ImportRoundTripProperties
{
    private const string Git = "airflow.providers.git.bundles.git.GitDagBundle";

    private static readonly Gen<string> NameStem =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from length in Gen.Choose(1, 12)
        from middle in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_-".ToCharArray()), length)
        select first + new string(middle);

    private static readonly Gen<string?> Subdir = Optional(Gen.Elements("dags", "src/dags", "airflow/dags/", "pipelines_v2"));

    private static readonly Gen<int?> Refresh = Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(10, 86_400).Select(i => (int?)i));

    private static readonly Gen<EnvironmentValues> Values =
        from trackingRef in Gen.Elements("main", "develop", "release/2025-01", "v1.2.3", "feature/x_y")
        from subdir in Subdir
        from refresh in Refresh
        select new EnvironmentValues(trackingRef, subdir, refresh);

    private static Gen<BundleCase> Bundle(string name, bool multiTeam) =>
        from team in multiTeam ? Gen.Elements<string?>("sales", "finance", "ml_ops", "data-platform") : Gen.Constant<string?>(null)
        from owner in Gen.Elements("acme-data", "acme-shared")
        from repo in NameStem
        from connId in Optional(Gen.Elements("github_default", "git_default", "conn.a-b"))
        from submodules in Gen.Elements<bool?>(null, true, false)
        from sparse in Gen.OneOf(Gen.Constant<string[]?>(null), Gen.SubListOf("dags", "common", "lib/shared").Select(l => (string[]?)[.. l]))
        from dev in Values
        from prod in Values
        from presence in Gen.Elements((true, true), (true, false), (false, true))
        select new BundleCase(name, team, $"https://github.com/{owner}/{repo}.git", connId, submodules, sparse, dev, prod, presence.Item1, presence.Item2);

    private static readonly Gen<ListCase> Cases =
        from multiTeam in Gen.Elements(false, true)
        from perEnvironment in Gen.Elements(false, true)
        from count in Gen.Choose(1, 6)
        from stems in Gen.ArrayOf(NameStem, count)
        from bundles in Gen.CollectToArray(stems.Select((stem, i) => Bundle($"{stem}{i}", multiTeam)))
        select new ListCase(multiTeam, perEnvironment, bundles);

    [Fact]
    public void Any_valid_list_compiles_back_to_an_equivalent_list()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), listCase =>
        {
            using var platform = new PlatformFixture($$"""
                schema_version: 1
                github:
                  org: acme-data
                airflow:
                  version: "3.2"
                  multi_team: {{(listCase.MultiTeam ? "true" : "false")}}
                  defaults: {tracking_ref: main}
                environments:
                  dev: {tracking_ref: develop}
                  prod: {}
                policy:
                  repo_owners: [acme-data, acme-shared]
                """);

            var expected = new Dictionary<string, string>();
            if (listCase.PerEnvironment)
            {
                foreach (var environment in new[] { "dev", "prod" })
                {
                    expected[environment] = listCase.ListFor(environment);
                    if (listCase.Bundles.Any(b => b.In(environment)))
                    {
                        var result = platform.Import($"{environment}.json", expected[environment], environment);
                        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics) + "\n" + expected[environment]);
                    }
                }
            }
            else
            {
                var list = listCase.ListFor("dev", everywhere: true);
                var result = platform.Import("bundles.json", list);
                Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics) + "\n" + list);
                expected["dev"] = expected["prod"] = list;
            }

            var compiled = platform.Compile();
            Assert.True(!compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
            foreach (var (environment, list) in expected)
            {
                ImportHarness.AssertEquivalent(list, platform.CompiledList(environment));
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80), property);
    }

    private static Gen<string?> Optional(Gen<string> gen) => Gen.OneOf(Gen.Constant<string?>(null), gen.Select(s => (string?)s));

    private sealed record EnvironmentValues(string TrackingRef, string? Subdir, int? Refresh);

    private sealed record BundleCase(
        string Name, string? Team, string RepoUrl, string? ConnId, bool? Submodules, string[]? Sparse,
        EnvironmentValues Dev, EnvironmentValues Prod, bool InDev, bool InProd)
    {
        public bool In(string environment) => environment == "dev" ? InDev : InProd;
    }

    private sealed record ListCase(bool MultiTeam, bool PerEnvironment, BundleCase[] Bundles)
    {
        /// <summary>The list one environment's Airflow reads; <paramref name="everywhere"/>: every bundle, with dev's values.</summary>
        public string ListFor(string environment, bool everywhere = false)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartArray();
                foreach (var bundle in Bundles.Where(b => everywhere || b.In(environment)))
                {
                    var values = environment == "dev" ? bundle.Dev : bundle.Prod;
                    w.WriteStartObject();
                    w.WriteString("name", bundle.Name);
                    w.WriteString("classpath", Git);
                    if (bundle.Team is not null)
                    {
                        w.WriteString("team_name", bundle.Team);
                    }

                    w.WriteStartObject("kwargs");
                    w.WriteString("repo_url", bundle.RepoUrl);
                    w.WriteString("tracking_ref", values.TrackingRef);
                    if (values.Subdir is not null)
                    {
                        w.WriteString("subdir", values.Subdir);
                    }

                    if (values.Refresh is { } refresh)
                    {
                        w.WriteNumber("refresh_interval", refresh);
                    }

                    if (bundle.ConnId is not null)
                    {
                        w.WriteString("git_conn_id", bundle.ConnId);
                    }

                    if (bundle.Submodules is { } submodules)
                    {
                        w.WriteBoolean("submodules", submodules);
                    }

                    if (bundle.Sparse is not null)
                    {
                        w.WriteStartArray("sparse_dirs");
                        foreach (var dir in bundle.Sparse)
                        {
                            w.WriteStringValue(dir);
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
