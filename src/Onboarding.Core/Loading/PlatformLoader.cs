namespace Onboarding.Core.Loading;

/// <summary>
/// Reads onboarding.yaml and every teams/*.yaml of a platform repository through a <see cref="PlatformSource"/>.
/// Team files are read and bound in parallel; each file is read once, and its bytes give both the tree and the hash.
/// </summary>
public static partial class PlatformLoader
{
    public const string TeamsDir = "teams";

    /// <summary>Below this many team files, threads cost more to start than they save: loading, compiling and rendering run on one core.</summary>
    internal const int ParallelThreshold = 64;

    /// <param name="hashSources">Whether to compute the SHA-256 of every source for the manifest; validation needs none.</param>
    public static async Task<PlatformSources> LoadAsync(PlatformSource source, DiagnosticBag diagnostics, bool hashSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = new List<SourceFile>();
        PlatformConfig? config = null;
        var configBytes = await ReadConfigAsync(source, diagnostics, cancellationToken).ConfigureAwait(false);
        if (configBytes is not null)
        {
            files.Add(new SourceFile(PlatformConfigLoader.FileName, hashSources ? Hash(configBytes) : ""));
            config = PlatformConfigLoader.Load(configBytes, PlatformConfigLoader.FileName, diagnostics);
        }

        var issueForm = await OnboardingIssueForm.ReadTemplateAsync(source, config?.GitHub.ApprovalLabel, diagnostics, cancellationToken).ConfigureAwait(false);
        var teamPaths = await ListTeamFilesAsync(source, diagnostics, cancellationToken).ConfigureAwait(false);
        var teams = new TeamFile?[teamPaths.Count];
        var hashes = new string[teamPaths.Count];
        async ValueTask LoadTeam(int i, CancellationToken token)
        {
            byte[] bytes;
            try
            {
                bytes = await source.ReadAsync(teamPaths[i], YamlLimits.Default.MaxBytes, token).ConfigureAwait(false) ?? [];
            }
            catch (UnusableFileException e)
            {
                diagnostics.Add(e.ToDiagnostic());
                hashes[i] = "";
                return;
            }

            hashes[i] = hashSources ? Hash(bytes) : "";
            teams[i] = TeamFileLoader.Load(bytes, teamPaths[i], diagnostics);
        }

        if (teamPaths.Count < ParallelThreshold)
        {
            for (var i = 0; i < teamPaths.Count; i++)
            {
                await LoadTeam(i, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForAsync(0, teamPaths.Count, cancellationToken, LoadTeam).ConfigureAwait(false);
        }

        for (var i = 0; i < teamPaths.Count; i++)
        {
            files.Add(new SourceFile(teamPaths[i], hashes[i]));
        }

        if (issueForm is not null)
        {
            files.Add(new SourceFile(OnboardingIssueForm.TemplatePath, hashSources ? Hash(issueForm) : ""));
        }

        return new PlatformSources(source, config, [.. teams.OfType<TeamFile>()], files) { IssueFormTemplate = issueForm };
    }

    /// <summary>onboarding.yaml alone, for commands that need the settings but not the teams.</summary>
    public static async Task<PlatformConfig?> LoadConfigAsync(PlatformSource source, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = await ReadConfigAsync(source, diagnostics, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : PlatformConfigLoader.Load(bytes, PlatformConfigLoader.FileName, diagnostics);
    }

    /// <summary>The bytes of onboarding.yaml; null, with the reason reported, when there is none to read. The one place it is read.</summary>
    public static async Task<byte[]?> ReadConfigAsync(PlatformSource source, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            var bytes = await source.ReadAsync(PlatformConfigLoader.FileName, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                diagnostics.Error(DiagnosticCodes.MissingPlatformFile, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                    $"{PlatformConfigLoader.FileName} not found in {source.Description}",
                    "run the command from the platform repository's root, pass --root DIR, or create one with 'onboard init'");
            }

            return bytes;
        }
        catch (UnusableFileException e)
        {
            diagnostics.Add(e.ToDiagnostic());
            return null;
        }
    }

    /// <summary>
    /// The platform as it would be with <paramref name="teamFiles"/> (path → bytes) written: only those files are
    /// read; every other file keeps its loaded form, and its reading findings stay with the first load.
    /// </summary>
    public static PlatformSources WithTeamFiles(PlatformSources sources, IReadOnlyDictionary<string, byte[]> teamFiles, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(teamFiles);
        var teams = sources.Teams.Where(t => !teamFiles.ContainsKey(t.Path)).ToList();
        var files = sources.Files.Where(f => !teamFiles.ContainsKey(f.Path)).ToList();
        foreach (var (path, bytes) in teamFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (TeamFileLoader.Load(bytes, path, diagnostics) is { } team)
            {
                teams.Add(team);
            }

            files.Add(new SourceFile(path, Hash(bytes)));
        }

        teams.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        files.Sort((a, b) => a.Path == PlatformConfigLoader.FileName ? -1 : b.Path == PlatformConfigLoader.FileName ? 1 : string.CompareOrdinal(a.Path, b.Path));
        return new PlatformSources(new OverlaySource(sources.Source, teamFiles), sources.Config, teams, files) { IssueFormTemplate = sources.IssueFormTemplate };
    }

    /// <summary>
    /// The team files directly in teams/. A missing teams/ folder is an error, not an empty platform: every
    /// environment would silently lose every bundle. Sub-folders and misnamed files are reported, never skipped.
    /// </summary>
    private static async Task<List<string>> ListTeamFilesAsync(PlatformSource source, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        SourceFolder? folder;
        try
        {
            folder = await source.ListAsync(TeamsDir, cancellationToken).ConfigureAwait(false);
        }
        catch (UnusableFileException e)
        {
            diagnostics.Add(e.ToDiagnostic());
            return [];
        }

        if (folder is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingTeamsFolder, SourceLocation.StartOf(TeamsDir + "/"),
                $"the folder {TeamsDir}/ was not found in {source.Description}, so no team could be read",
                $"run the command in the platform repository's root (or pass --root DIR); a platform without teams still has {TeamsDir}/, e.g. with a README.md");
            return [];
        }

        foreach (var sub in folder.Folders)
        {
            diagnostics.Error(DiagnosticCodes.TeamFileName, SourceLocation.StartOf($"{TeamsDir}/{sub}/"),
                $"{Display.Quote($"{TeamsDir}/{sub}/", 200)} is a folder: team files are read only directly in {TeamsDir}/, so the files in it are not used",
                $"move its team files up into {TeamsDir}/ (named <team>.yaml) and remove the folder");
        }

        var paths = new List<string>();
        foreach (var name in folder.Files)
        {
            if (TeamFileNamePattern().IsMatch(name))
            {
                paths.Add($"{TeamsDir}/{name}");
            }
            else if (Path.GetFileNameWithoutExtension(name) + ".yaml" is var renamed && TeamFileNamePattern().IsMatch(renamed)
                && Path.GetExtension(name) is ".yml" or ".YML" or ".YAML" or ".Yaml")
            {
                diagnostics.Error(DiagnosticCodes.FileNameMismatch, SourceLocation.StartOf($"{TeamsDir}/{name}"),
                    "team files must end in '.yaml'", $"rename it to {TeamsDir}/{renamed}");
            }
            else if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || name.Any(c => char.IsControl(c) || c > '~'))
            {
                diagnostics.Error(DiagnosticCodes.TeamFileName, SourceLocation.StartOf($"{TeamsDir}/{EscapedName(name)}"),
                    $"{Display.Quote($"{TeamsDir}/{name}", 200)} is not a team file name: team files are named <team>.yaml with lowercase ASCII letters, digits, '-' and '_'",
                    $"rename it to {TeamsDir}/<team>.yaml, where <team> is the team's name");
            }
        }

        return paths;
    }

    /// <summary>A file name as it may appear in a location: control and non-ASCII characters escaped, so it stays on one line.</summary>
    private static string EscapedName(string name)
    {
        var quoted = Display.Quote(name, 200);
        return quoted[1..^1];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*\\.yaml$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamFileNamePattern();

    /// <summary>SHA-256 of the content with CRLF read as LF: a Windows checkout of a source hashes like any other.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Sha256.ToHex(CrLfNormalizer.ToLf(bytes));
}
