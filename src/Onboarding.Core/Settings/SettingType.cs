namespace Onboarding.Core.Settings;

/// <summary>The JSON type a bundle setting has in the compiled list (and its YAML form in the files).</summary>
public enum SettingType
{
    Text,
    WholeNumber,
    Boolean,
    TextList,
}
