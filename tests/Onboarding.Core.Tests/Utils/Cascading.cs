using Onboarding.Core.Model;
using Onboarding.Core.Settings;

namespace Onboarding.Core.Tests.Utils;

/// <summary>The three settings that cascade per environment, as tests write them.</summary>
internal static class Cascading
{
    public static BundleSettings Of(string? trackingRef, string? subdir, int? refreshInterval) => BundleSettings.Of(
        (GitBundleSettings.TrackingRef, trackingRef),
        (GitBundleSettings.Subdir, subdir),
        (GitBundleSettings.RefreshInterval, refreshInterval));
}
