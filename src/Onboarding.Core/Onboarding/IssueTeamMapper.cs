using System.Globalization;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Settings;
using Onboarding.Core.Validation;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Onboarding;

/// <summary>
/// Turns the answers of the onboarding issue form into a <see cref="TeamDocument"/>: one bundle named like the
/// team. Every answer is checked on its own against the same rules the team file must pass, so the author sees
/// every problem at once, each under the label of the field to edit. Cross-file rules (a bundle name another
/// team already uses) are left to <see cref="TeamRequestValidator"/>, which sees the whole platform.
/// </summary>
internal static class IssueTeamMapper
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

        var name = TeamName(fields, config);
        var description = Description(fields);
        var githubTeam = GitHubTeam(fields);
        var contacts = Contacts(fields);
        var repo = Repository(fields, config);
        var environmentsUsable = Environments(fields, config, out var environments);
        var trackingRef = TrackingRef(fields);
        var subdir = DagFolder(fields);
        var refresh = RefreshInterval(fields);

        var problems = fields.Problems;
        if (problems.Count > 0 || name is null || githubTeam is null || repo is null || !environmentsUsable)
        {
            return new TeamMapping(null, problems);
        }

        var settings = BundleSettings.Of((GitBundleSettings.TrackingRef, trackingRef), (GitBundleSettings.Subdir, subdir), (GitBundleSettings.RefreshInterval, refresh));
        var bundle = new BundleSpec(name, repo, settings, environments);
        return new TeamMapping(new TeamDocument(name, description, githubTeam, contacts, [bundle]), problems);
    }

    private static string? TeamName(FieldReader fields, PlatformConfig config)
    {
        var name = fields.Text(OnboardingFormFields.TeamName);
        if (name is null)
        {
            return null;
        }

        if (!NameRules.TeamName().IsMatch(name))
        {
            var nonAscii = Display.FirstNonAscii(name);
            fields.Problem(OnboardingFormFields.TeamName, DiagnosticCodes.PatternMismatch,
                nonAscii is null
                    ? $"value {Display.Quote(name)} is not a valid team name"
                    : $"value {Display.Quote(name)} contains a non-ASCII character ({nonAscii}); look-alike letters are refused",
                TeamFileLoader.NameRule);
            return null;
        }

        if (ReservedNames.Reason(name, config.Policy.ReservedNames) is { } reason)
        {
            fields.Problem(OnboardingFormFields.TeamName, DiagnosticCodes.ReservedName,
                $"value '{name}' is reserved: {reason}", "choose another team name");
            return null;
        }

        return name;
    }

    private static string? Description(FieldReader fields)
    {
        // A description keeps the author's own line breaks and spacing.
        var description = fields.Text(OnboardingFormFields.Description, required: false, trim: false);
        if (description is { Length: > TeamFileLoader.MaxDescriptionLength })
        {
            fields.Problem(OnboardingFormFields.Description, DiagnosticCodes.OutOfRange,
                $"is {description.Length} characters long, more than the {TeamFileLoader.MaxDescriptionLength} allowed", "shorten it");
            return null;
        }

        return description;
    }

    private static string? GitHubTeam(FieldReader fields)
    {
        var slug = fields.Text(OnboardingFormFields.GitHubTeam);
        if (slug is not null && !NameRules.GitHubTeamSlug().IsMatch(slug))
        {
            fields.Problem(OnboardingFormFields.GitHubTeam, DiagnosticCodes.PatternMismatch,
                $"value {Display.Quote(slug)} is not a GitHub team slug",
                "write the slug as GitHub shows it in the team's URL (https://github.com/orgs/<org>/teams/<slug>): lowercase ASCII letters, digits, '-' or '_'");
            return null;
        }

        return slug;
    }

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
            if (address.Length == 0 || contacts.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!NameRules.Email().IsMatch(address))
            {
                fields.Problem(OnboardingFormFields.Contacts, DiagnosticCodes.PatternMismatch,
                    $"line {Display.Quote(address)} is not an e-mail address", "write one address such as data-team@example.com per line");
                continue;
            }

            contacts.Add(address);
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

        var repo = RepoReference.Resolve(raw, config, out var problem, out var code);
        if (repo is null)
        {
            fields.Problem(OnboardingFormFields.Repository, code!, $"value {Display.Quote(raw)} {problem}",
                $"write the name of a new repository in {config.GitHub.Org} (e.g. airflow-<team>) or the https://github.com/<owner>/<repo> URL of an existing one");
            return null;
        }

        // A URL is kept, normalised, because it names an existing repository; a plain name is one to create in the org.
        return repo.IsPlainName ? repo.Name : repo.Url;
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

    private static string? TrackingRef(FieldReader fields)
    {
        var value = fields.Text(OnboardingFormFields.TrackingRef, required: false);
        if (value is not null && !NameRules.IsGitRef(value))
        {
            fields.Problem(OnboardingFormFields.TrackingRef, DiagnosticCodes.InvalidRef,
                $"value {Display.Quote(value)} is not a usable git branch, tag or commit",
                "use a name like 'main' or 'release/2025-01': ASCII, no spaces, no leading '-', no '..', '~', '^', ':', '?', '*', '[' or '\\'; or leave it empty for the platform default");
            return null;
        }

        return value;
    }

    private static string? DagFolder(FieldReader fields)
    {
        var value = fields.Text(OnboardingFormFields.DagFolder, required: false);
        if (value is not null && !NameRules.IsRelativeFolder(value))
        {
            fields.Problem(OnboardingFormFields.DagFolder, DiagnosticCodes.InvalidPath,
                $"value {Display.Quote(value)} is not a folder inside the repository",
                "use a relative path with '/' such as 'dags' or 'src/dags': no leading '/' or '-', no '..', ASCII only; or leave it empty for the platform default");
            return null;
        }

        return value;
    }

    private static int? RefreshInterval(FieldReader fields)
    {
        var text = fields.Text(OnboardingFormFields.RefreshInterval, required: false);
        if (text is null)
        {
            return null;
        }

        var hint = $"write a whole number of seconds, at least {SettingsReader.MinimumRefreshInterval}, such as 300; or leave it empty for the platform default";
        if (text.Length > 9 || !text.All(char.IsAsciiDigit))
        {
            fields.Problem(OnboardingFormFields.RefreshInterval, DiagnosticCodes.WrongType, $"value {Display.Quote(text)} is not a whole number", hint);
            return null;
        }

        var seconds = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (seconds < SettingsReader.MinimumRefreshInterval)
        {
            fields.Problem(OnboardingFormFields.RefreshInterval, DiagnosticCodes.OutOfRange,
                $"value {seconds} is less than {SettingsReader.MinimumRefreshInterval} seconds", hint);
            return null;
        }

        return seconds;
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
