using Onboarding.Core.Diagnostics;
using Onboarding.Core.Model;
using Onboarding.Core.Validation;

namespace Onboarding.Core.Loading;

/// <summary>Reads the cascading settings (tracking_ref, subdir, refresh_interval) wherever they appear.</summary>
internal static class SettingsReader
{
    public const int MinimumRefreshInterval = 10;

    public static BundleSettings Read(MappingReader reader)
    {
        var trackingRef = reader.String("tracking_ref", maxLength: 255);
        if (trackingRef is { } r && !NameRules.IsGitRef(r.Value))
        {
            reader.ErrorAt(reader.KeyPath("tracking_ref"), DiagnosticCodes.InvalidRef, r.At,
                $"value {Display.Quote(r.Value)} is not a usable git branch, tag or commit",
                "use a name like 'main' or 'release/2025-01': ASCII, no spaces, no leading '-', no '..', '~', '^', ':', '?', '*', '[' or '\\'");
            trackingRef = null;
        }

        var subdir = Folder(reader, "subdir");
        var refresh = reader.Integer("refresh_interval", MinimumRefreshInterval);
        return new BundleSettings(trackingRef?.Value, subdir?.Value, refresh?.Value);
    }

    public static Located<string>? Folder(MappingReader reader, string key)
    {
        var value = reader.String(key, maxLength: 255);
        if (value is { } v && !CheckFolder(reader, v, reader.KeyPath(key)))
        {
            return null;
        }

        return value;
    }

    public static bool CheckFolder(MappingReader reader, Located<string> value, string keyPath)
    {
        if (NameRules.IsRelativeFolder(value.Value))
        {
            return true;
        }

        reader.ErrorAt(keyPath, DiagnosticCodes.InvalidPath, value.At,
            $"value {Display.Quote(value.Value)} is not a folder inside the repository",
            "use a relative path with '/' such as 'dags' or 'src/dags': no leading '/' or '-', no '..', ASCII only");
        return false;
    }
}
