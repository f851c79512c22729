using System.Text;
using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Loading;
using Onboarding.Core.Sources;
using Onboarding.Core.Validation;
using Onboarding.Core.Writing;
using Onboarding.Core.Yaml;

namespace Onboarding.Core.Onboarding;

/// <summary>
/// Serialises the requested team and validates it together with onboarding.yaml and every existing team, as if
/// teams/&lt;name&gt;.yaml were already written, without writing anything. Diagnostics about the new file are
/// turned back into problems under the form label of the answer that produced the offending line.
/// </summary>
internal static class TeamRequestValidator
{
    /// <param name="platform">The platform repository as it is, e.g. the working tree or the default branch on GitHub.</param>
    public static async Task<TeamValidation> ValidateAsync(
        PlatformSource platform, IssueFormTemplate template, IssueFormParseResult parsed, TeamDocument team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(team);

        // The name becomes a path: it must pass the allow-list before any path is built from it.
        if (!NameRules.TeamName().IsMatch(team.Name))
        {
            throw new ArgumentException($"team name {Display.Quote(team.Name)} was not checked before validation", nameof(team));
        }

        var relative = TeamFilePath(team.Name);
        var yaml = TeamFileWriter.Write(team);
        var bytes = Encoding.UTF8.GetBytes(yaml);
        var labels = new FieldLabels(template, parsed);
        var alreadyCommitted = false;
        if (await platform.ReadAsync(relative, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false) is { } existing)
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
        var lines = FieldLines(yaml, relative);
        var problems = new List<IssueFormProblem>();
        var platformErrors = new List<Diagnostic>();
        foreach (var diagnostic in errors)
        {
            if (diagnostic.Location.File == relative)
            {
                var field = lines.GetValueOrDefault(diagnostic.Location.Line, OnboardingFormFields.TeamName);
                problems.Add(labels.Problem(field, diagnostic.Code, labels.Rewrite(diagnostic.Message, field), labels.Rewrite(diagnostic.Hint ?? "edit the issue", field)));
            }
            else if (diagnostic.Related?.File != relative)
            {
                // An error in another file is the request's doing only when it names the new file (a clash is
                // reported at whichever of the two files is read second); anything else was there before.
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

    /// <summary>Which form field each line of the serialised team file came from.</summary>
    private static Dictionary<int, string> FieldLines(string yaml, string file)
    {
        var lines = new Dictionary<int, string>();
        if (SafeYamlReader.Read(yaml, file, new DiagnosticBag()) is not YamlMapping root)
        {
            return lines;
        }

        Mark(lines, root.Find("name"), OnboardingFormFields.TeamName);
        Mark(lines, root.Find("description"), OnboardingFormFields.Description);
        if (root.Find("owners")?.Value is YamlMapping owners)
        {
            Mark(lines, owners.Find("github_team"), OnboardingFormFields.GitHubTeam);
            Mark(lines, owners.Find("contacts"), OnboardingFormFields.Contacts);
        }

        if (root.Find("bundles")?.Value is YamlSequence { Items: [YamlMapping bundle, ..] })
        {
            Mark(lines, bundle.Find("name"), OnboardingFormFields.TeamName);
            Mark(lines, bundle.Find("repo"), OnboardingFormFields.Repository);
            Mark(lines, bundle.Find("tracking_ref"), OnboardingFormFields.TrackingRef);
            Mark(lines, bundle.Find("subdir"), OnboardingFormFields.DagFolder);
            Mark(lines, bundle.Find("refresh_interval"), OnboardingFormFields.RefreshInterval);
            Mark(lines, bundle.Find("environments"), OnboardingFormFields.Environments);
        }

        return lines;
    }

    private static void Mark(Dictionary<int, string> lines, YamlEntry? entry, string field)
    {
        if (entry is null)
        {
            return;
        }

        lines[entry.Key.Location.Line] = field;
        Visit(entry.Value, node => lines[node.Location.Line] = field);
    }

    private static void Visit(YamlNode node, Action<YamlNode> action)
    {
        action(node);
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    action(entry.Key);
                    Visit(entry.Value, action);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Visit(item, action);
                }

                break;
        }
    }

    /// <summary>Form labels by field id, and the key paths of the team file that stand for each field in messages.</summary>
    private sealed class FieldLabels(IssueFormTemplate template, IssueFormParseResult parsed)
    {
        private static readonly (string Path, string Field)[] KeyPaths =
        [
            ("bundles[0].refresh_interval", OnboardingFormFields.RefreshInterval),
            ("bundles[0].tracking_ref", OnboardingFormFields.TrackingRef),
            ("bundles[0].environments", OnboardingFormFields.Environments),
            ("bundles[0].subdir", OnboardingFormFields.DagFolder),
            ("bundles[0].name", OnboardingFormFields.TeamName),
            ("bundles[0].repo", OnboardingFormFields.Repository),
            ("owners.github_team", OnboardingFormFields.GitHubTeam),
            ("owners.contacts", OnboardingFormFields.Contacts),
            ("description", OnboardingFormFields.Description),
            ("name", OnboardingFormFields.TeamName),
        ];

        public IssueFormProblem Problem(string field, string code, string message, string hint) =>
            new(code, Label(field), message, hint)
            {
                FieldId = field,
                Line = parsed.HeadingLines.GetValueOrDefault(field) is > 0 and var line ? line : null,
            };

        /// <summary>Speaks of the form field the author filled in instead of the YAML key it became.</summary>
        public string Rewrite(string text, string field)
        {
            foreach (var (path, id) in KeyPaths)
            {
                var quoted = $"'{path}'";
                if (text.StartsWith(quoted + " ", StringComparison.Ordinal) && id == field)
                {
                    text = text[(quoted.Length + 1)..];
                }

                text = text.Replace(quoted, $"the field '{Label(id)}'", StringComparison.Ordinal);
            }

            return text;
        }

        private string Label(string id) => template.Fields.FirstOrDefault(f => f.Id == id)?.Label.Trim() ?? id;
    }
}
