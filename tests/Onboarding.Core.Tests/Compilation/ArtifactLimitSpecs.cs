using System.Globalization;
using System.Text;
using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// The limits of the forms that reach Airflow through Linux or Kubernetes, checked at compile time: an environment
/// string at most 131,072 bytes, a ConfigMap's data (and the chart's ConfigMap) at most 1 MiB. Over a limit is an
/// error naming the environment, the size, the limit and the forms that still fit, and nothing is written; from 80 %
/// it is a warning.
/// </summary>
public class ArtifactLimitSpecs
{
    private const string AllForms = "json, env, configmap, cfg, helm";

    private static readonly string[] Environments = ["dev", "staging", "prod"];

    [Fact]
    public void A_2000_team_platform_is_refused_naming_each_environment_limit_size_and_the_forms_that_still_fit()
    {
        using var platform = GeneratedTeams.Write(2000, AllForms);

        var result = platform.Compile();

        var errors = result.Errors();
        Assert.Equal(Environments.Length, errors.Count(e => e.Code == DiagnosticCodes.EnvStringTooLarge));
        Assert.Equal(Environments.Length, errors.Count(e => e.Code == DiagnosticCodes.ConfigMapTooLarge));
        Assert.All(errors, e => Assert.Contains(e.Code, new[] { DiagnosticCodes.EnvStringTooLarge, DiagnosticCodes.ConfigMapTooLarge }));
        foreach (var environment in Environments)
        {
            var env = errors.Single(e => e.Code == DiagnosticCodes.EnvStringTooLarge && e.Message.Contains($"'{environment}'", StringComparison.Ordinal));
            Assert.Matches(@"is [0-9]{3},[0-9]{3} bytes, over Linux's limit for one environment string .* of 131,072 bytes", env.Message);
            Assert.Contains("the forms that still fit this list are json, configmap (without env), cfg, helm", env.Hint, StringComparison.Ordinal);
            Assert.Contains($"'formats: [json, cfg, helm]' under environments.{environment}", env.Hint, StringComparison.Ordinal);
            var configMap = errors.Single(e => e.Code == DiagnosticCodes.ConfigMapTooLarge && e.Message.Contains($"'{environment}'", StringComparison.Ordinal));
            Assert.Matches(@"is 1,[0-9]{3},[0-9]{3} bytes, over Kubernetes' limit for a ConfigMap's data of 1,048,576 bytes", configMap.Message);
            Assert.Equal("onboarding.yaml", env.Location.File);
        }

        Assert.False(Directory.Exists(platform.PathOf("generated")));
    }

    [Fact]
    public void A_2000_team_platform_compiles_within_every_limit_in_the_forms_that_fit()
    {
        using var platform = GeneratedTeams.Write(2000, "json, cfg, helm");

        var result = platform.Compile();

        Assert.Empty(result.Errors());
        foreach (var environment in Environments)
        {
            Assert.True(platform.Exists($"generated/{environment}/airflow.cfg"));
            var helm = new FileInfo(platform.PathOf($"generated/{environment}/helm-values.yaml"));
            Assert.True(helm.Length is > 500_000 and < ArtifactLimits.ConfigMapLimit * 2L, $"{helm.Length} bytes");
        }

        Assert.All(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.HelmConfigMapTooLarge), d => Assert.Contains(" % of ", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_30_team_platform_writes_every_requested_form()
    {
        using var platform = GeneratedTeams.Write(30, AllForms);

        var result = platform.Compile();

        Assert.Empty(result.Diagnostics);
        foreach (var environment in Environments)
        {
            foreach (var file in new[] { "dag_bundle_config.json", "airflow.env", "configmap.yaml", "airflow.cfg", "helm-values.yaml" })
            {
                Assert.True(platform.Exists($"generated/{environment}/{file}"), $"{environment}/{file}");
            }
        }
    }

    /// <summary>Teams whose bundles all have the same size, so the environment string's size is known in advance.</summary>
    private static PlatformFixture UniformTeams(int teams)
    {
        var platform = new PlatformFixture(PlatformFixture.DefaultConfig + "\noutputs: {formats: [json, env]}\n");
        for (var i = 0; i < teams; i++)
        {
            platform.WriteSimpleTeam(string.Create(CultureInfo.InvariantCulture, $"team-{i:00000}"));
        }

        return platform;
    }

    private static int EnvStringBytes(PlatformFixture platform) =>
        Encoding.UTF8.GetByteCount(platform.Read("generated/prod/airflow.env").TrimEnd('\n')) + 1;

    /// <summary>How many uniform teams make an environment string of about <paramref name="share"/> of the limit.</summary>
    private static int TeamsFor(double share)
    {
        using var one = UniformTeams(1);
        Assert.Empty(one.Compile().Errors());
        var empty = ArtifactPaths.EnvVariable.Length + "=[]".Length + 1;
        var perBundle = EnvStringBytes(one) - empty + 1;
        return (int)(((share * ArtifactLimits.EnvStringLimit) - empty) / perBundle);
    }

    [Fact]
    public void From_80_percent_of_a_limit_compile_warns_and_still_writes()
    {
        using var platform = UniformTeams(TeamsFor(0.9));

        var result = platform.Compile();

        Assert.Empty(result.Errors());
        var size = EnvStringBytes(platform);
        Assert.InRange(size, ArtifactLimits.EnvStringLimit * 0.8, ArtifactLimits.EnvStringLimit);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.EnvStringTooLarge).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.Message.Contains($"is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes, 8", StringComparison.Ordinal)
            || w.Message.Contains($"is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes, 9", StringComparison.Ordinal));
    }

    [Fact]
    public void Just_over_the_limit_is_an_error_and_the_previous_artifacts_stay()
    {
        var teams = TeamsFor(1.0) + 1;
        using var platform = UniformTeams(teams - 10);
        Assert.Empty(platform.Compile().Errors());
        var before = platform.Read("generated/prod/airflow.env");
        for (var i = teams - 10; i < teams; i++)
        {
            platform.WriteSimpleTeam(string.Create(CultureInfo.InvariantCulture, $"team-{i:00000}"));
        }

        var result = platform.Compile();

        Assert.Contains(result.Errors(), e => e.Code == DiagnosticCodes.EnvStringTooLarge && e.Message.Contains("'prod'", StringComparison.Ordinal));
        Assert.Equal(before, platform.Read("generated/prod/airflow.env"));
    }
}
