namespace Onboarding.Core.Settings;

/// <summary>
/// One GitDagBundle argument as a team file and onboarding.yaml spell it. The loader, the team-file
/// writer, the compiler, import and the published JSON Schemas all work from this description, so a
/// new argument is one entry in <see cref="GitBundleSettings"/>.
/// </summary>
/// <param name="Key">The YAML key.</param>
/// <param name="Type">The JSON type emitted (Python reads the text "false" as true: types are never loosened).</param>
/// <param name="Description">One sentence for the schemas and editors.</param>
public sealed record BundleSetting(string Key, SettingType Type, string Description)
{
    /// <summary>The GitDagBundle keyword argument it compiles to.</summary>
    public string Kwarg { get; init; } = Key;

    public SettingPlaces Places { get; init; } = SettingPlaces.Bundle;

    /// <summary>The oldest Airflow whose GitDagBundle accepts it; older versions refuse the whole bundle.</summary>
    public AirflowVersion Since { get; init; } = AirflowVersion.V30;

    /// <summary>GitDagBundle fails without it, so every bundle must get a value in every environment.</summary>
    public bool Required { get; init; }

    /// <summary>What Airflow uses when the argument is absent, as a person reads it.</summary>
    public string AirflowDefault { get; init; } = "none";

    /// <summary>The id of the onboarding issue form field that sets it, if any.</summary>
    public string? FormField { get; init; }

    /// <summary>For text and text lists: what each text must look like.</summary>
    public TextRule? Rule { get; init; }

    /// <summary>A typical valid value, typed as JSON holds it: shown by editors, and what the tests try every setting with.</summary>
    public required object Example { get; init; }

    /// <summary>For whole numbers: the smallest value allowed.</summary>
    public int Minimum { get; init; }

    public bool Cascades => Places.HasFlag(SettingPlaces.BundleEnvironment);

    public bool AllowedAt(SettingPlaces place) => (Places & place) == place;

    /// <summary>
    /// Settings key the dictionaries of every bundle in every environment: the generated hash would run over
    /// every member, descriptions and rules included, on each lookup. Equal settings have equal keys.
    /// </summary>
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
