using Onboarding.Core.Model;
using Onboarding.Core.Sources;

namespace Onboarding.Core.Loading;

/// <summary>Everything read from a platform repository: settings, teams and the files they came from.</summary>
public sealed record PlatformSources(PlatformSource Source, PlatformConfig? Config, IReadOnlyList<TeamFile> Teams, IReadOnlyList<SourceFile> Files);
