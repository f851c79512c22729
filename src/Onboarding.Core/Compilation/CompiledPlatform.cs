namespace Onboarding.Core.Compilation;

public sealed record CompiledEnvironment(EnvironmentSettings Environment, IReadOnlyList<CompiledBundle> Bundles)
{
    public string Name => Environment.Name;
}

/// <summary>The result of a successful compile: per environment the bundles, sorted by name.</summary>
public sealed record CompiledPlatform(
    PlatformConfig Config,
    IReadOnlyList<CompiledEnvironment> Environments,
    IReadOnlyList<TeamFile> Teams,
    IReadOnlyList<SourceFile> Sources)
{
    /// <summary>The onboarding issue form's template, from which the platform's form is generated; null when the platform has none.</summary>
    public byte[]? IssueFormTemplate { get; init; }
}
