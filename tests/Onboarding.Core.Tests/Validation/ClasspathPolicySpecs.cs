using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Validation;

/// <summary>The bundle class is the platform's decision: Airflow imports it at start-up in every component.</summary>
public sealed class ClasspathPolicySpecs
{
    private static string Config(string classpath, string allowed) => $$"""
        schema_version: 1
        github:
          org: acme-data
        airflow:
          version: "3.2"
          classpath: {{classpath}}
          defaults: {tracking_ref: main}
        environments:
          prod: {}
        policy:
          allowed_classpaths: [{{allowed}}]
        """;

    [Theory]
    [InlineData("os.system")]
    [InlineData("my_plugins.bundles.LocalBundle")]
    [InlineData("airflow.dag_processing.bundles.git.GitDagBundle")]
    public void A_classpath_the_policy_does_not_list_is_refused_at_its_line(string classpath)
    {
        using var platform = new PlatformFixture(Config(classpath, "acme.bundles.S3Bundle"));
        platform.WriteSimpleTeam("alpha");

        var error = platform.Compile().SingleError(DiagnosticCodes.ClasspathNotAllowed, "onboarding.yaml", 6, 14);

        Assert.Equal("airflow.classpath", error.KeyPath);
        Assert.Contains("policy.allowed_classpaths", error.Hint, StringComparison.Ordinal);
        Assert.False(platform.Exists("generated/prod/dag_bundle_config.json"));
    }

    [Fact]
    public void A_classpath_the_policy_lists_is_compiled_into_the_list()
    {
        using var platform = new PlatformFixture(Config("acme.bundles.S3Bundle", "acme.bundles.S3Bundle"));
        platform.WriteSimpleTeam("alpha");

        Assert.Empty(platform.Compile().Errors());
        Assert.Contains("\"classpath\": \"acme.bundles.S3Bundle\"", platform.Read("generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
    }
}
