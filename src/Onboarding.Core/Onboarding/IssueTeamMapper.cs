namespace Onboarding.Core.Onboarding;

/// <summary>
/// Turns the answers of the onboarding issue form into a <see cref="TeamDocument"/>: one bundle named like the
/// team. It only reads the answers (required fields, lists, numbers); every rule about the values (names, slugs,
/// reserved names, repositories, refs, folders) is checked once, by <see cref="TeamRequestValidator"/> with the
/// team file's own rules, and shown under the field the value came from.
/// </summary>
public static class IssueTeamMapper
{
    public static TeamMapping Map(IssueFormTemplate template, IssueFormParseResult parsed, PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(config);

        // A body the form cannot read at all (no headings, too long, too deep) is one problem, not one per field.
        if (parsed.Problems.Any(problem => problem.FieldId is null))
        {
            return new TeamMapping(null, parsed.Problems);
        }

        var fields = new FieldReader(template, parsed);

        var name = TeamName(fields);
        var description = Description(fields);
        var githubTeam = GitHubTeam(fields);
        var contacts = Contacts(fields);
        var repo = Repository(fields, config);
        var environmentsUsable = Environments(fields, config, out var environments);
        var trackingRef = TrackingRef(fields);
        var subdir = DagFolder(fields);
        var refresh = RefreshInterval(fields);

        // With the values a team file needs, the team is built even when other answers have problems, so the
        // validator's rules run too and the author sees every problem in one comment.
        // With a name, the team is built even when other answers have problems (an unusable answer stays empty), so
        // the validator's rules run on the rest too and the author sees every problem in one comment.
        var problems = fields.Problems;
        if (name is null)
        {
            return new TeamMapping(null, problems);
        }

        var settings = BundleSettings.Of((GitBundleSettings.TrackingRef, trackingRef), (GitBundleSettings.Subdir, subdir), (GitBundleSettings.RefreshInterval, refresh));
        var bundle = new BundleSpec(name, repo ?? string.Empty, settings, environmentsUsable ? environments : null);
        return new TeamMapping(new TeamDocument(name, description, githubTeam ?? string.Empty, contacts, [bundle]), problems);
    }

    private static string? TeamName(FieldReader fields) => fields.Text(OnboardingFormFields.TeamName);

    // A description keeps the author's own line breaks and spacing.
    private static string? Description(FieldReader fields) => fields.Text(OnboardingFormFields.Description, required: false, trim: false);

    private static string? GitHubTeam(FieldReader fields) => fields.Text(OnboardingFormFields.GitHubTeam);

    private static List<string> Contacts(FieldReader fields)
    {
        var text = fields.Text(OnboardingFormFields.Contacts, required: false);
        var contacts = new List<string>();
        if (text is null)
        {
            return contacts;
        }

        foreach (var line in text.Split('\n'))
        {
            var address = line.Trim();
            if (address.Length > 0 && !contacts.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                contacts.Add(address);
            }
        }

        return contacts;
    }

    private static string? Repository(FieldReader fields, PlatformConfig config)
    {
        var raw = fields.Text(OnboardingFormFields.Repository);
        if (raw is null)
        {
            return null;
        }

        // A URL is kept, normalised, because it names an existing repository; a plain name is one to create in the org.
        // A value the policy refuses is kept as written: the validator reports it under this field.
        var repo = RepoReference.Resolve(raw, config, out _, out _);
        return repo is null ? raw : repo.IsPlainName ? repo.Name : repo.Url;
    }

    /// <returns>False when the field is unusable.</returns>
    /// <param name="selected">The bundle's environments, or null for "every environment".</param>
    private static bool Environments(FieldReader fields, PlatformConfig config, out IReadOnlyList<BundleEnvironment>? selected)
    {
        selected = null;
        var chosen = fields.Items(OnboardingFormFields.Environments);
        if (chosen is null)
        {
            return false;
        }

        var unknown = chosen.Where(name => config.FindEnvironment(name) is null).ToList();
        if (unknown.Count > 0)
        {
            fields.Problem(OnboardingFormFields.Environments, DiagnosticCodes.UnknownEnvironment,
                $"names {(unknown.Count == 1 ? "an environment" : "environments")} the platform does not have: {string.Join(", ", unknown.Select(u => Display.Quote(u)))}",
                $"choose from {string.Join(", ", config.Environments.Select(e => e.Name))}");
            return false;
        }

        // Every environment chosen means "everywhere": listing none lets environments added later include the team.
        if (!config.Environments.All(e => chosen.Contains(e.Name, StringComparer.Ordinal)))
        {
            selected = [.. config.Environments
                .Where(e => chosen.Contains(e.Name, StringComparer.Ordinal))
                .Select(e => new BundleEnvironment(e.Name, BundleSettings.None))];
        }

        return true;
    }

    private static string? TrackingRef(FieldReader fields) => fields.Text(OnboardingFormFields.TrackingRef, required: false);

    private static string? DagFolder(FieldReader fields) => fields.Text(OnboardingFormFields.DagFolder, required: false);

    private static int? RefreshInterval(FieldReader fields)
    {
        var text = fields.Text(OnboardingFormFields.RefreshInterval, required: false);
        if (text is null)
        {
            return null;
        }

        // Only the conversion from text is the form's business; the range is checked with the team file's own rule.
        if (text.Length > 9 || !text.All(char.IsAsciiDigit))
        {
            fields.Problem(OnboardingFormFields.RefreshInterval, DiagnosticCodes.WrongType, $"value {Display.Quote(text)} is not a whole number",
                $"write a whole number of seconds, at least {SettingsReader.MinimumRefreshInterval}, such as 300; or leave it empty for the platform default");
            return null;
        }

        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads answers by field id and collects problems under the field's label, after the parser's own.</summary>
    private sealed class FieldReader(IssueFormTemplate template, IssueFormParseResult parsed)
    {
        private readonly List<IssueFormProblem> _problems = [.. parsed.Problems];

        public List<IssueFormProblem> Problems => _problems;

        public string? Text(string id, bool required = true, bool trim = true)
        {
            var value = trim ? parsed.GetText(id)?.Trim() : parsed.GetText(id);
            if (string.IsNullOrWhiteSpace(value))
            {
                Missing(id, required);
                return null;
            }

            return value;
        }

        public IReadOnlyList<string>? Items(string id)
        {
            var items = parsed.GetItems(id);
            if (items.Count == 0)
            {
                Missing(id, required: true);
                return null;
            }

            return items;
        }

        public void Problem(string id, string code, string message, string hint) =>
            _problems.Add(new IssueFormProblem(code, Label(id), message, hint) { FieldId = id, Line = parsed.HeadingLines.GetValueOrDefault(id) is > 0 and var line ? line : null });

        private void Missing(string id, bool required)
        {
            // The parser has already said why a field it saw has no value; only a field the form does not require is new.
            if (!required || _problems.Exists(problem => problem.FieldId == id))
            {
                return;
            }

            var found = template.Fields.Any(field => field.Id == id);
            Problem(id, IssueFormProblemCodes.FieldEmpty,
                found ? "is required to onboard a team but empty" : "is not in the issue form, but the onboarding flow needs it",
                found ? "edit the issue and write a value under its heading" : $"add a field with id '{id}' to {OnboardingFormFields.TemplatePath}");
        }

        private string Label(string id) => template.Fields.FirstOrDefault(field => field.Id == id)?.Label.Trim() ?? id;
    }
}
