namespace Onboarding.Core.Model;

/// <summary>
/// The three settings that cascade: bundle environment override > bundle > platform environment >
/// platform defaults. Null means "not set at this level".
/// </summary>
internal sealed record BundleSettings(string? TrackingRef, string? Subdir, int? RefreshInterval)
{
    public static BundleSettings None { get; } = new(null, null, null);

    /// <summary>This level's values where set, else the fallback's.</summary>
    public BundleSettings Over(BundleSettings fallback) => new(
        TrackingRef ?? fallback.TrackingRef,
        Subdir ?? fallback.Subdir,
        RefreshInterval ?? fallback.RefreshInterval);
}
