namespace Onboarding.Core.Onboarding;

/// <summary>
/// Serialises the requested team and validates it with the same rules as every team file: first on its own, then
/// together with onboarding.yaml and every existing team, as if teams/&lt;name&gt;.yaml were already written, without
/// writing anything. Each finding is shown under the form field its key path comes from
/// (<see cref="OnboardingFormFields.ForKeyPath"/>), in the loader's own words.
/// </summary>
public static class TeamRequestValidator
{
    /// <summary>A name no rule refuses, used to check the other answers when the requested name cannot be loaded.</summary>
    private const string StandInName = "requested-team";

    /// <param name="platform">The platform repository as it is, e.g. the working tree or the default branch on GitHub.</param>
    /// <param name="withPlatform">False checks the file on its own only (other answers already have problems).</param>
    public static async Task<TeamValidation> ValidateAsync(
        PlatformSource platform,
        PlatformConfig config,
        IssueFormTemplate template,
        IssueFormParseResult parsed,
        TeamDocument team,
        bool withPlatform,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(team);

        var bytes = Encoding.UTF8.GetBytes(TeamFileWriter.Write(team));
        var labels = new FieldLabels(template, parsed);

        // The file on its own first: a name that fails the allow-list never becomes a path, and nothing is read.
        var nameIsSafe = NameRules.TeamName().IsMatch(team.Name);
        var relative = nameIsSafe ? TeamFilePath(team.Name) : $"{PlatformLoader.TeamsDir}/(requested team).yaml";
        var own = new DiagnosticBag();
        if (TeamFileLoader.Load(bytes, relative, own) is { } loaded)
        {
            PlatformValidator.Validate(config, [loaded], own);
        }
        else if (!nameIsSafe)
        {
            // A refused name stops the file from loading; the other answers are checked under a stand-in name so the
            // author still sees every problem at once.
            var standIn = team with { Name = StandInName, Bundles = [.. team.Bundles.Select(b => b with { Name = StandInName })] };
            var others = new DiagnosticBag();
            if (TeamFileLoader.Load(Encoding.UTF8.GetBytes(TeamFileWriter.Write(standIn)), TeamFilePath(StandInName), others) is { } rest)
            {
                PlatformValidator.Validate(config, [rest], others);
            }

            own.AddRange(others.Sorted().Where(d => OnboardingFormFields.ForKeyPath(d.KeyPath) != OnboardingFormFields.TeamName));
        }

        if (own.HasErrors || !nameIsSafe || !withPlatform)
        {
            return new TeamValidation(relative, bytes, false, labels.Problems(own.Sorted()), [], null);
        }

        var alreadyCommitted = false;
        byte[]? existing;
        try
        {
            existing = await platform.ReadAsync(relative, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (UnusableFileException e)
        {
            return new TeamValidation(relative, bytes, false, [], [e.ToDiagnostic()], null);
        }

        if (existing is not null)
        {
            if (!existing.AsSpan().SequenceEqual(bytes))
            {
                return new TeamValidation(relative, bytes, false,
                    [labels.Problem(OnboardingFormFields.TeamName, DiagnosticCodes.DuplicateTeam,
                        $"'{team.Name}' is already onboarded: {relative} exists with other settings",
                        $"choose another team name, or ask the platform team to change {relative} with a pull request")],
                    [], null);
            }

            // The same request was carried out before: going on converges to the same files and commits nothing new.
            alreadyCommitted = true;
        }

        // The platform as it would be with the team file written: one compilation gives the verdict, the plan and the artifacts.
        var compilation = await PlatformCompilation.CompileAsync(
            new OverlaySource(platform, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [relative] = bytes }), hashSources: true, cancellationToken).ConfigureAwait(false);
        var errors = compilation.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
        var problems = labels.Problems(errors.Where(d => d.Location.File == relative));
        var platformErrors = new List<Diagnostic>();
        foreach (var diagnostic in errors.Where(d => d.Location.File != relative))
        {
            // An error in another file is the request's doing only when it names the new file (a clash is
            // reported at whichever of the two files is read second); anything else was there before.
            if (diagnostic.Related?.File != relative)
            {
                platformErrors.Add(diagnostic);
            }
            else if (diagnostic.Code == DiagnosticCodes.DuplicateBundle)
            {
                problems.Add(labels.Problem(OnboardingFormFields.TeamName, diagnostic.Code,
                    $"'{team.Bundles[0].Name}' is already the name of a bundle in {diagnostic.Location}",
                    "bundle names are unique across all teams (ignoring case): choose another team name"));
            }
            else
            {
                problems.Add(labels.Problem(OnboardingFormFields.TeamName, diagnostic.Code,
                    $"conflicts with {diagnostic.Location}: {diagnostic.Message}", diagnostic.Hint ?? "choose another team name"));
            }
        }

        return new TeamValidation(relative, bytes, alreadyCommitted, problems, platformErrors, compilation);
    }

    public static string TeamFilePath(string teamName) => $"{PlatformLoader.TeamsDir}/{teamName}.yaml";

    /// <summary>Form labels by field id.</summary>
    private sealed class FieldLabels(IssueFormTemplate template, IssueFormParseResult parsed)
    {
        /// <summary>One problem per field and code, each under the field its key path comes from.</summary>
        public List<IssueFormProblem> Problems(IEnumerable<Diagnostic> diagnostics)
        {
            var problems = new List<IssueFormProblem>();
            foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
            {
                var field = OnboardingFormFields.ForKeyPath(diagnostic.KeyPath);
                if (!problems.Exists(p => p.FieldId == field && p.Code == diagnostic.Code))
                {
                    problems.Add(Problem(field, diagnostic.Code, diagnostic.Phrase ?? diagnostic.Message, diagnostic.Hint ?? "edit the issue"));
                }
            }

            return problems;
        }

        public IssueFormProblem Problem(string field, string code, string message, string hint) =>
            new(code, Label(field), message, hint)
            {
                FieldId = field,
                Line = parsed.HeadingLines.GetValueOrDefault(field) is > 0 and var line ? line : null,
            };

        private string Label(string id) => template.Fields.FirstOrDefault(f => f.Id == id)?.Label.Trim() ?? id;
    }
}
