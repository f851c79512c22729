using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>On GitHub Enterprise Server the compiled catalog links teams and repositories on the first of policy.repo_hosts, never github.com.</summary>
public sealed class EnterpriseCatalogSpecs : IDisposable
{
    private readonly PlatformFixture _platform = new(PlatformFixture.DefaultConfig.Replace(
        "policy:\n  repo_owners: [acme-data, acme-shared]",
        "policy:\n  repo_hosts: [github.example.com, github.com]\n  repo_owners: [acme-data, acme-shared]",
        StringComparison.Ordinal));

    public void Dispose() => _platform.Dispose();

    [Fact]
    public void Owners_and_repositories_link_to_the_configured_host()
    {
        _platform.WriteSimpleTeam("billing").WriteSimpleTeam("ingest", "https://github.example.com/acme-shared/raw-dags.git");

        var result = _platform.Compile();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var catalog = _platform.Read("generated/README.md");
        Assert.Contains("(https://github.example.com/orgs/acme-data/teams/billing-eng)", catalog, StringComparison.Ordinal);
        Assert.Contains("[acme-data/airflow-billing](https://github.example.com/acme-data/airflow-billing)", catalog, StringComparison.Ordinal);
        Assert.Contains("[acme-shared/raw-dags](https://github.example.com/acme-shared/raw-dags)", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain("https://github.com", catalog, StringComparison.Ordinal);
        Assert.Contains("\"repo_url\": \"https://github.example.com/acme-data/airflow-billing.git\"", _platform.Read("generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_on_another_allowed_host_links_to_that_host()
    {
        _platform.WriteSimpleTeam("ingest", "https://github.com/acme-shared/raw-dags.git");

        Assert.False(_platform.Compile().HasErrors);

        Assert.Contains("[acme-shared/raw-dags](https://github.com/acme-shared/raw-dags)", _platform.Read("generated/README.md"), StringComparison.Ordinal);
    }
}
