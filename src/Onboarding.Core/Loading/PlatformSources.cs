namespace Onboarding.Core.Loading;

/// <summary>Everything read from a platform repository: settings, teams and the files they came from.</summary>
public sealed record PlatformSources(PlatformSource Source, PlatformConfig? Config, IReadOnlyList<TeamFile> Teams, IReadOnlyList<SourceFile> Files)
{
    /// <summary>The onboarding issue form's template (<see cref="IssueForms.OnboardingIssueForm.TemplatePath"/>); null when the platform has none.</summary>
    public byte[]? IssueFormTemplate { get; init; }
}
