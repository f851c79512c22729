using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Utils;

/// <summary>A platform repository in a temp folder: onboarding.yaml plus team files, compiled for real.</summary>
internal sealed class PlatformFixture : IDisposable
{
    public const string DefaultConfig = """
        schema_version: 1
        github:
          org: acme-data
        airflow:
          version: "3.2"
          git_conn_id: github_default
          defaults: {tracking_ref: main, subdir: dags, refresh_interval: 300}
        environments:
          dev: {tracking_ref: develop}
          prod: {}
        policy:
          repo_owners: [acme-data, acme-shared]
        """;

    private readonly TempDirectory _dir = new("onboard-platform");

    public PlatformFixture(string config = DefaultConfig)
    {
        WriteConfig(config);
    }

    public string Root => _dir.Path;

    public PlatformFixture WriteConfig(string yaml)
    {
        _dir.Write("onboarding.yaml", yaml.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    public PlatformFixture WriteTeam(string name, string yaml)
    {
        _dir.Write($"teams/{name}.yaml", yaml.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    /// <summary>A minimal valid team with one bundle named like the team.</summary>
    public PlatformFixture WriteSimpleTeam(string name, string repo = "") =>
        WriteTeam(name, $"""
            schema_version: 1
            name: {name}
            owners:
              github_team: {name}-eng
            bundles:
              - name: {name}
                repo: {(repo.Length == 0 ? "airflow-" + name : repo)}
            """);

    public string Read(string relative) => _dir.Read(relative);

    public bool Exists(string relative) => File.Exists(_dir.File(relative));

    public string PathOf(string relative) => _dir.File(relative);

    public CompileResult Validate() => Bounded.Compile(Root, CompileMode.Validate);

    public CompileResult Compile() => Bounded.Compile(Root, CompileMode.Write);

    public CompileResult Check() => Bounded.Compile(Root, CompileMode.Check);

    public void Dispose() => _dir.Dispose();
}

internal static class DiagnosticAssertions
{
    /// <summary>Asserts one error with this code at this file, line and column, and returns it.</summary>
    public static Diagnostic SingleError(this CompileResult result, string code, string file, int line, int column)
    {
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToArray();
        var match = errors.Where(d => d.Code == code).ToArray();
        Assert.True(match.Length == 1, $"expected one {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Equal(new SourceLocation(file, line, column), match[0].Location);
        return match[0];
    }

    public static IReadOnlyList<Diagnostic> Errors(this CompileResult result) =>
        [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];
}
