using System.Reflection;

namespace Onboarding.Cli;

/// <summary>
/// What the build recorded about this binary: its version, and the GitHub repository and commit it was
/// built from (empty when it was built outside a clone of the toolkit's repository).
/// </summary>
internal sealed record BuildProvenance(string Version, string Repository, string Commit)
{
    public static BuildProvenance OfThisBinary { get; } = Read(typeof(BuildProvenance).Assembly);

    public string Describe() =>
        $"onboard {Version} (commit {(Commit.Length > 0 ? Commit : "unknown")}, repository {(Repository.Length > 0 ? Repository : "unknown")})";

    private static BuildProvenance Read(Assembly assembly)
    {
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value ?? string.Empty, StringComparer.Ordinal);
        // The informational version may carry "+<commit>"; the version is what comes before it.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var version = informational.Split('+')[0];
        return new BuildProvenance(version, metadata.GetValueOrDefault("OnboardRepository", string.Empty), metadata.GetValueOrDefault("OnboardCommit", string.Empty));
    }
}
