namespace Onboarding.Core.Onboarding;

/// <summary>
/// The part of the onboarding flow that needs no GitHub: read the issue body with the form, build the team,
/// validate it with the platform, and plan the change. The GitHub flow calls <see cref="PrepareAsync"/> and
/// <see cref="PlannedChangesAsync"/> the same way over the default branch, then performs the plan through the API.
/// </summary>
public static class IssueOnboarding
{
    public static async Task<OnboardingRequest> PrepareAsync(PlatformSource platform, IssueFormTemplate template, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(body);
        var parsed = IssueFormParser.Parse(template, body);

        var diagnostics = new DiagnosticBag();
        var configBytes = await PlatformLoader.ReadConfigAsync(platform, diagnostics, cancellationToken).ConfigureAwait(false);
        var config = configBytes is null ? null : PlatformConfigLoader.Load(configBytes, PlatformConfigLoader.FileName, diagnostics);
        if (config is null)
        {
            return new OnboardingRequest(null, null, null, parsed.Problems, diagnostics.Sorted());
        }

        var mapping = IssueTeamMapper.Map(template, parsed, config);
        if (mapping.Team is null)
        {
            return new OnboardingRequest(config, null, null, mapping.Problems, []);
        }

        // onboarding.yaml was read above: the compilation takes those bytes rather than reading the file again.
        var withConfig = new OverlaySource(platform, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [PlatformConfigLoader.FileName] = configBytes! });
        var validation = await TeamRequestValidator.ValidateAsync(withConfig, config, template, parsed, mapping.Team, withPlatform: mapping.Succeeded, cancellationToken).ConfigureAwait(false);
        // A field the form reading already refused is not reported a second time for the value it left empty.
        var problems = mapping.Problems.Concat(validation.Problems.Where(p => !mapping.Problems.Any(m => m.FieldId == p.FieldId))).ToList();
        return new OnboardingRequest(config, mapping.Team, validation, problems, validation.PlatformDiagnostics);
    }

    /// <summary>The flow without GitHub on the working tree <paramref name="platform"/> reads: prepare and plan.</summary>
    /// <param name="server">The GitHub web address links in the plan point at (<c>GITHUB_SERVER_URL</c>); null: the first of policy.repo_hosts.</param>
    public static async Task<IssueOnboardingOutcome> RunAsync(PlatformSource platform, IssueFormTemplate template, string body, int? issueNumber, string? server, CancellationToken cancellationToken)
    {
        var request = await PrepareAsync(platform, template, body, cancellationToken).ConfigureAwait(false);
        if (!request.IsValid)
        {
            return new IssueOnboardingOutcome(request, null);
        }

        var plan = OnboardingPlan.Create(request.Team!, request.Config!, await PlannedChangesAsync(request.Validation!, cancellationToken).ConfigureAwait(false), issueNumber, server);
        return new IssueOnboardingOutcome(request, plan);
    }

    /// <summary>What the pull request would change per environment, compared with the platform as it is.</summary>
    public static async Task<IReadOnlyList<EnvironmentSummary>> PlannedChangesAsync(TeamValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var compilation = validation.Compilation ?? throw new ArgumentException("the request was refused before it was compiled", nameof(validation));
        var result = await compilation.ApplyAsync(CompileMode.Check, writeRoot: null, cancellationToken).ConfigureAwait(false);
        return result.Environments;
    }
}
