namespace Onboarding.Core.Pipelines;

/// <summary>Reads a team repository's <c>.onboard/platform.yaml</c>.</summary>
public static class TeamPlatformLoader
{
    public const string FileName = ".onboard/platform.yaml";

    public static async Task<TeamPlatform?> LoadAsync(PlatformSource files, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var errors = diagnostics.ErrorCount;
        var bytes = await PipelineCompiler.ReadAsync(files, FileName, diagnostics, cancellationToken).ConfigureAwait(false);
        if (bytes is null && diagnostics.ErrorCount == errors)
        {
            diagnostics.Error(DiagnosticCodes.PipelineMissingPlatform, SourceLocation.StartOf(FileName),
                $"{FileName} is missing",
                "the platform writes it when it creates or converges the team repository (onboard issue / backfill); ask the platform team, do not write it by hand");
            return null;
        }

        if (bytes is null)
        {
            return null;
        }

        var root = SafeYamlReader.Read(bytes, FileName, diagnostics);
        var reader = root is null ? null : MappingReader.Open(root, "", diagnostics, PipelineShapes.TeamPlatform.Keys);
        if (reader is null || !SchemaVersion.Check(reader))
        {
            return null;
        }

        var team = reader.Name("team", NameRules.TeamName(), TeamFileLoader.NameRule, required: true);
        var contacts = reader.StringList("contacts", check: (value, path) =>
            reader.Matches(value, NameRules.Email(), path, "use an e-mail address such as data-team@example.com"));
        var versionText = reader.Name("airflow_version", NameRules.AirflowVersion(), "write the Airflow 3 minor version in quotes, e.g. \"3.2\"", required: true);
        AirflowVersion version = default;
        if (versionText is { } v && !AirflowVersion.TryParse(v.Value, out version))
        {
            reader.Error(DiagnosticCodes.UnsupportedAirflowVersion, v.At, $"'airflow_version' value {Display.Quote(v.Value)} is not a version", "write it as \"3.2\"");
            versionText = null;
        }

        var policy = PipelinePolicyReader.Read(reader) ?? PipelinePolicy.Empty;
        return team is null || versionText is null
            ? null
            : new TeamPlatform(team.Value.Value, [.. (contacts ?? []).Select(c => c.Value)], version, policy);
    }
}
