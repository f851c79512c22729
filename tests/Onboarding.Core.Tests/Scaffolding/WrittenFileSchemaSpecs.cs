using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Scaffolding;
using Onboarding.Core.Tests.Import;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Scaffolding;

/// <summary>Files init and import write are valid against the published schemas, so editors show no squiggles.</summary>
public class WrittenFileSchemaSpecs
{

    [Theory]
    [InlineData(null)]
    [InlineData("acme-data")]
    public void The_scaffolded_onboarding_yaml_matches_the_schema(string? org)
    {
        using var dir = new TempDirectory("onboard-init");
        Assert.True(Bounded.Init(dir.Path, org, false).Succeeded);

        Assert.Empty(PublishedSchemas.Validate(PublishedSchemas.Platform, dir.Read("onboarding.yaml")));
    }

    [Fact]
    public void Imported_team_files_match_the_schema()
    {
        using var platform = new PlatformFixture();
        const string Git = "airflow.providers.git.bundles.git.GitDagBundle";
        platform.Import("dev.json", $$"""
            [{"name": "ml-features", "classpath": "{{Git}}", "kwargs": {"repo_url": "https://github.com/acme-shared/ml.git", "tracking_ref": "no", "subdir": "dags",
              "git_conn_id": "github_ml", "refresh_interval": 45, "submodules": true, "sparse_dirs": ["dags", "1.10"]} }]
            """, environment: "dev").AssertNoErrors();
        platform.Import("prod.json", $$"""
            [{"name": "ml-features", "classpath": "{{Git}}", "kwargs": {"repo_url": "https://github.com/acme-shared/ml.git", "tracking_ref": "main", "subdir": "dags",
              "git_conn_id": "github_ml", "refresh_interval": 300, "submodules": true, "sparse_dirs": ["dags", "1.10"]} }]
            """, environment: "prod").AssertNoErrors();

        var yaml = platform.Read("teams/ml-features.yaml");

        Assert.Empty(PublishedSchemas.Validate(PublishedSchemas.Team, yaml));
        Assert.Contains("tracking_ref: \"no\"", yaml, StringComparison.Ordinal);
        Assert.Contains("prod: {}", yaml, StringComparison.Ordinal);
    }
}
