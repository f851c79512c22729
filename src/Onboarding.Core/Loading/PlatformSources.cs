using Onboarding.Core.Model;

namespace Onboarding.Core.Loading;

/// <summary>Everything read from a platform repository: settings, teams and the files they came from.</summary>
internal sealed record PlatformSources(string Root, PlatformConfig? Config, IReadOnlyList<TeamFile> Teams, IReadOnlyList<SourceFile> Files);
