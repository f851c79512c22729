using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Loading;

namespace Onboarding.Core.Onboarding;

/// <summary>
/// The part of the onboarding flow that needs no GitHub: read the issue body with the form, build the team,
/// validate it with the platform, and plan the change. The GitHub flow calls <see cref="Prepare"/> and
/// <see cref="OnboardingPlan.Create"/> the same way, then performs the plan through the API.
/// </summary>
internal static class IssueOnboarding
{
    public static OnboardingRequest Prepare(string root, IssueFormTemplate template, string body)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(body);
        root = Path.GetFullPath(root);
        var parsed = IssueFormParser.Parse(template, body);

        var diagnostics = new DiagnosticBag();
        var configPath = Path.Combine(root, PlatformConfigLoader.FileName);
        var config = File.Exists(configPath) ? PlatformConfigLoader.Load(File.ReadAllBytes(configPath), PlatformConfigLoader.FileName, diagnostics) : null;
        if (config is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.MissingPlatformFile, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                    $"{PlatformConfigLoader.FileName} not found in {root}", "pass --root with the platform repository's folder");
            }

            return new OnboardingRequest(null, null, null, parsed.Problems, diagnostics.Sorted());
        }

        var mapping = IssueTeamMapper.Map(template, parsed, config);
        if (!mapping.Succeeded)
        {
            return new OnboardingRequest(config, null, null, mapping.Problems, []);
        }

        var validation = TeamRequestValidator.Validate(root, template, parsed, mapping.Team!);
        return new OnboardingRequest(config, mapping.Team, validation, validation.Problems, validation.PlatformDiagnostics);
    }

    /// <summary>The flow without GitHub: prepare and plan.</summary>
    public static IssueOnboardingOutcome Run(string root, IssueFormTemplate template, string body, int? issueNumber)
    {
        var request = Prepare(root, template, body);
        if (!request.IsValid)
        {
            return new IssueOnboardingOutcome(request, null);
        }

        var plan = OnboardingPlan.Create(request.Team!, request.Config!, PlannedChanges(root, request.Validation!), issueNumber);
        return new IssueOnboardingOutcome(request, plan);
    }

    /// <summary>What the pull request would change per environment, compared with the checkout as it is.</summary>
    public static IReadOnlyList<EnvironmentSummary> PlannedChanges(string root, TeamValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var overrides = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [validation.TeamFilePath] = validation.TeamFileBytes };
        return PlatformCompilation.Run(root, CompileMode.Check, overrides).Environments;
    }
}
