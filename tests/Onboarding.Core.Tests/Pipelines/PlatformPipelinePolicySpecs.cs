using System.Text;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Pipelines;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>The <c>pipelines:</c> section of onboarding.yaml is read, and checked at its line and column, like the rest of the file.</summary>
public class PlatformPipelinePolicySpecs
{
    private static readonly string Example = File.ReadAllText(RepositoryLayout.PathOf("onboarding.yaml"));

    [Fact]
    public void The_example_platform_has_a_pipeline_policy()
    {
        var diagnostics = new DiagnosticBag();

        var config = PlatformConfigLoader.Load(Encoding.UTF8.GetBytes(Example), "onboarding.yaml", diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        var policy = config!.Pipelines!;
        Assert.Equal(["critical", "standard"], policy.Tiers.Keys);
        Assert.Equal(["execution_timeout"], policy.Locked);
        Assert.Equal(["warehouse", "lake"], policy.Connections);
        Assert.Equal("smtp_default", policy.SmtpConnId);
        Assert.Equal(3, policy.Tiers["critical"].Retries);
    }

    [Theory]
    [InlineData("  locked: [colour]\n", "SCHEMA007", 2, 12)]
    [InlineData("  defaults: { retry_delay: soon }\n", DiagnosticCodes.PipelineInvalidDuration, 2, 28)]
    [InlineData("  tiers: { Gold: {} }\n", "SCHEMA004", 2, 12)]
    [InlineData("  connections: [\"a b\"]\n", "SCHEMA004", 2, 17)]
    [InlineData("  tier: {}\n", "SCHEMA001", 2, 3)]
    public void A_broken_policy_is_reported_in_onboarding_yaml(string section, string code, int line, int column)
    {
        var text = Example[..Example.IndexOf("pipelines:\n", StringComparison.Ordinal)];
        var offset = text.Count(c => c == '\n');
        var diagnostics = new DiagnosticBag();

        PlatformConfigLoader.Load(Encoding.UTF8.GetBytes(text + "pipelines:\n" + section), "onboarding.yaml", diagnostics);

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation("onboarding.yaml", offset + line, column), error.Location);
    }
}
