using Onboarding.Cli.Output;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Onboarding;
using Onboarding.GitHub;
using Onboarding.GitHub.Onboarding;

namespace Onboarding.Cli.Commands;

/// <summary>
/// <c>onboard issue --event EVENT.json</c>: reads the token, the API address and the platform repository from
/// the environment (as GitHub Actions sets them), runs <see cref="IssueOnboardingFlow"/> and maps its outcome
/// to output, step outputs, the job summary and an exit code.
/// </summary>
internal static class IssueEventAction
{
    public const string DefaultTokenVariable = "GITHUB_TOKEN";
    public static readonly Uri DefaultApi = new("https://api.github.com/");

    public static int Run(CliContext context, Reporter reporter, IssueEventArguments args)
    {
        var tokenVariable = args.TokenEnv ?? DefaultTokenVariable;
        var token = context.Variable(tokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            reporter.ErrorLine($"onboard issue: the environment variable {tokenVariable} holds no token; set it to a GitHub App installation token (or a PAT) that may create repositories in the organization");
            return ExitCodes.Usage;
        }

        // Masked before anything else is printed, in case any later line could carry it.
        if (context.InGitHubActions)
        {
            context.Out.WriteLine($"::add-mask::{token.Trim()}");
        }

        if (Environment(context) is not ({ } api, { } owner, { } repo))
        {
            reporter.ErrorLine("onboard issue: GITHUB_REPOSITORY must name the platform repository as owner/name, and GITHUB_API_URL (when set) must be an https URL (the token is sent to it)");
            return ExitCodes.Usage;
        }

        if (InputFile.Missing(context, reporter, "--event", args.EventPath))
        {
            return ExitCodes.Usage;
        }

        IssuesEvent issuesEvent;
        try
        {
            issuesEvent = IssuesEvent.Parse(File.ReadAllText(context.ResolvePath(args.EventPath)));
        }
        catch (FormatException e)
        {
            reporter.ErrorLine($"onboard issue: {args.EventPath}: {e.Message}");
            return ExitCodes.Invalid;
        }

        var templatePath = args.Template ?? Path.Combine(args.Root, OnboardingFormFields.TemplatePath);
        IssueFormTemplate form;
        try
        {
            form = IssueFormTemplate.Load(context.ResolvePath(templatePath)) with { Path = templatePath };
        }
        catch (IssueFormTemplateException e)
        {
            reporter.ErrorLine(e.Message);
            return ExitCodes.Invalid;
        }
        catch (IOException e)
        {
            reporter.ErrorLine($"onboard issue: cannot read the issue form {templatePath}: {e.Message}");
            return ExitCodes.Usage;
        }

        var input = new IssueFlowInput(context.ResolvePath(args.Root), form, issuesEvent, owner, repo, args.DryRun);
        OnboardingOutcome outcome;
        using (var http = context.GitHubClientFactory is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null)
        using (var client = context.GitHubClientFactory?.Invoke(api, token.Trim())
            ?? new GitHubClient(http!, new GitHubClientOptions { BaseAddress = api, Token = token.Trim(), Log = args.Verbose ? reporter.ErrorLine : null }))
        {
            outcome = new IssueOnboardingFlow(client, input).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        IssueEventReport.Print(reporter, outcome, args.DryRun, issuesEvent.IssueNumber);
        ActionsFiles.AppendSummary(context, IssueEventReport.Summary(outcome, issuesEvent.IssueNumber, args.DryRun));
        if (outcome.Status == OnboardingStatus.Done && !args.DryRun)
        {
            ActionsFiles.SetOutputs(context,
            [
                new("team", outcome.Team ?? string.Empty),
                new("repo-url", outcome.RepositoryUrl ?? string.Empty),
                new("pr-url", outcome.PullRequestUrl ?? string.Empty),
                new("pr-number", outcome.PullRequestNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            ]);
        }

        return outcome.Status switch
        {
            OnboardingStatus.NotApplicable or OnboardingStatus.Done => ExitCodes.Ok,
            OnboardingStatus.Failed => ExitCodes.External,
            _ => ExitCodes.Invalid,
        };
    }

    internal static (Uri Api, string Owner, string Repo)? Environment(CliContext context)
    {
        var repository = context.Variable("GITHUB_REPOSITORY")?.Trim() ?? string.Empty;
        var parts = repository.Split('/');
        if (parts.Length != 2 || parts.Any(part => part.Length == 0 || part is "." or ".."))
        {
            return null;
        }

        var apiText = context.Variable("GITHUB_API_URL");
        var api = string.IsNullOrWhiteSpace(apiText) ? DefaultApi
            : Uri.TryCreate(apiText.Trim(), UriKind.Absolute, out var given) && (given.Scheme == "https" || (given.Scheme == "http" && given.IsLoopback)) ? given
            : null;
        return api is null ? null : (api, parts[0], parts[1]);
    }
}
