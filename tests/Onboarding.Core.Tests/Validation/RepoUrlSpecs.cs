using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Validation;

/// <summary>The hostile-URL row of SECURITY.md: the raw text is vetted; only the normalised form is emitted.</summary>
public class RepoUrlSpecs
{
    public static TheoryData<string, string> HostileUrls() => new()
    {
        { "http://github.com/acme-data/r", DiagnosticCodes.InvalidRepo },
        { "https://github.com.evil.com/acme-data/r", DiagnosticCodes.RepoHostNotAllowed },
        { "https://github.com@evil.com/acme-data/r", DiagnosticCodes.InvalidRepo },
        { "https://user:tok@github.com/acme-data/r", DiagnosticCodes.InvalidRepo },
        { "https://gith\u057Db.com/acme-data/r", DiagnosticCodes.InvalidRepo },
        { "https://github.com:8443/acme-data/r", DiagnosticCodes.InvalidRepo },
        { "file:///etc/passwd", DiagnosticCodes.InvalidRepo },
        { "/srv/dags", DiagnosticCodes.InvalidRepo },
        { "ext::sh -c x", DiagnosticCodes.InvalidRepo },
        { "--upload-pack=x", DiagnosticCodes.InvalidRepo },
        { "ssh://evil.com/o/r", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/r/../../x", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/r?x=1", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/r#main", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/%2e%2e", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/r ", DiagnosticCodes.InvalidRepo },
        { "git@github.com:acme-data/r.git", DiagnosticCodes.InvalidRepo },
        { "https://github.com/mallory/r", DiagnosticCodes.RepoOwnerNotAllowed },
        { "https://github.com/acme-data", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/x.", DiagnosticCodes.InvalidRepo },
        { "https://github.com/acme-data/x..git", DiagnosticCodes.InvalidRepo },
        { "x.", DiagnosticCodes.InvalidRepo },
    };

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public void A_hostile_repo_url_is_refused_before_use(string url, string code)
    {
        var quoted = "\"" + url.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
        using var platform = new PlatformFixture().WriteTeam("data", $"schema_version: 1\nname: data\nowners: {{github_team: t}}\nbundles:\n  - name: data\n    repo: {quoted}\n");

        var result = platform.Compile();

        var error = result.SingleError(code, "teams/data.yaml", 6, 11);
        Assert.Contains("repo", error.Message, StringComparison.Ordinal);
        Assert.False(platform.Exists("generated/prod/dag_bundle_config.json"));
    }

    [Theory]
    [InlineData("https://GitHub.com/acme-shared/airflow.git", "https://github.com/acme-shared/airflow.git")]
    [InlineData("https://github.com/acme-shared/airflow", "https://github.com/acme-shared/airflow.git")]
    [InlineData("https://github.com/acme-shared/airflow/", "https://github.com/acme-shared/airflow.git")]
    [InlineData("airflow-data", "https://github.com/acme-data/airflow-data.git")]
    public void An_accepted_repo_is_emitted_in_normalised_form(string repo, string expected)
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data", repo);

        var result = platform.Compile();

        Assert.Empty(result.Errors());
        Assert.Contains($"\"repo_url\": \"{expected}\"", platform.Read("generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
    }
}
