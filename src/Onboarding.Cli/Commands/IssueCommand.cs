using Onboarding.Core.Loading;

namespace Onboarding.Cli.Commands;

/// <summary>
/// <c>issue (--event EVENT.json | --body BODY.md) [--local | --dry-run]</c>: the onboarding flow. With
/// <c>--event</c> (or <c>GITHUB_EVENT_PATH</c>) against GitHub, see <see cref="IssueEventAction"/>; with
/// <c>--body</c> the part that needs no GitHub: <c>--local</c> (real git in the checkout) or <c>--dry-run</c> (the plan only).
/// </summary>
internal static class IssueCommand
{
    public static Command Create(CliContext context)
    {
        var eventFile = new Option<string>("--event") { Description = "The GitHub issues event (JSON) that triggered the run" };
        var body = new Option<string>("--body") { Description = "A file holding the issue body as GitHub rendered it" };
        var local = new Option<bool>("--local") { Description = "Write the team file and artifacts and commit them on branch onboarding/<team> of the local checkout; no GitHub calls" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing" };
        var template = new Option<string>("--template")
        {
            Description = $"The issue form to read the body with (default: the platform's form as 'onboard compile' generates it from <root>/{OnboardingIssueForm.TemplatePath} and onboarding.yaml)",
        };
        var issue = new Option<int?>("--issue") { Description = "The issue number, closed by the pull request ('Closes #N')" };
        var tokenEnv = new Option<string>("--token-env") { Description = "With --event: the environment variable holding the GitHub token (default: GITHUB_TOKEN)" };
        var command = new Command("issue", "Onboard a team from an approved onboarding issue: team file, artifacts, branch, pull request");
        foreach (var option in new Option[] { eventFile, body, local, dryRun, template, issue, tokenEnv })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => RunAsync(context, new IssueArguments(
            result.GetValue(CommonOptions.Root)!,
            result.GetValue(eventFile),
            result.GetValue(body),
            result.GetValue(local),
            result.GetValue(dryRun),
            result.GetValue(template),
            result.GetValue(issue),
            result.GetValue(tokenEnv)), result, cancellationToken));
        return command;
    }

    /// <summary>
    /// The issue form the body was written with: <paramref name="template"/> when given, else the platform's own form
    /// as the compile generates it (its template with the environments of onboarding.yaml), which is what GitHub offered.
    /// </summary>
    /// <returns>The form, and the working tree at <paramref name="root"/> with onboarding.yaml already read: the flow reads each file once.</returns>
    /// <exception cref="CommandFailure">The form cannot be read (usage) or is not a valid issue form (invalid).</exception>
    public static async Task<(IssueFormTemplate Form, PlatformSource Platform)> LoadFormAsync(CliContext context, string root, string? template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = new DiskSource(context.ResolvePath(root));
        if (template is not null)
        {
            InputFile.RequireExisting(context, "--template", template);
            return (LoadForm(context, template), source);
        }

        var shown = Path.Combine(root, OnboardingIssueForm.TemplatePath);
        byte[]? bytes;
        try
        {
            bytes = await source.ReadAsync(OnboardingIssueForm.TemplatePath, (4 * IssueFormTemplateReader.MaxTemplateChars) + 1, cancellationToken);
        }
        catch (UnusableFileException e)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"{shown}:1:1: error {IssueFormTemplateException.Code}: cannot read the issue form: it {e.Problem}; {e.Hint}");
        }

        if (bytes is null)
        {
            throw new CommandFailure(ExitCodes.Invalid,
                $"{shown}:1:1: error {IssueFormTemplateException.Code}: cannot read the issue form: it was not found; restore the platform's form template (see 'onboard init'), or pass --template FORM.yml");
        }

        // onboarding.yaml's own problems are reported by the flow, from the bytes read here.
        var configBytes = await PlatformLoader.ReadConfigAsync(source, new DiagnosticBag(), cancellationToken);
        var config = configBytes is null ? null : PlatformConfigLoader.Load(configBytes, PlatformConfigLoader.FileName, new DiagnosticBag());
        var read = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [OnboardingIssueForm.TemplatePath] = bytes };
        if (configBytes is not null)
        {
            read[PlatformConfigLoader.FileName] = configBytes;
        }

        var platform = new OverlaySource(source, read);
        try
        {
            return (OnboardingIssueForm.Generated(bytes, config), platform);
        }
        catch (IssueFormTemplateException e)
        {
            throw new CommandFailure(ExitCodes.Invalid, e.Message);
        }
    }

    private static IssueFormTemplate LoadForm(CliContext context, string templatePath)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return IssueFormTemplate.Load(context.ResolvePath(templatePath)) with { Path = templatePath };
        }
        catch (IssueFormTemplateException e)
        {
            throw new CommandFailure(ExitCodes.Invalid, e.Message);
        }
        catch (IOException e)
        {
            throw CommandFailure.Usage($"onboard issue: cannot read the issue form {templatePath}: {e.Message}");
        }
    }

    private static async Task<int> RunAsync(CliContext context, IssueArguments args, ParseResult parsed, CancellationToken cancellationToken)
    {
        // On GitHub Actions the runner names the event file; --body always means the local flow.
        var eventPath = args.Event ?? (args.Body is null ? context.Variable("GITHUB_EVENT_PATH") : null);
        if (UsageError(args, eventPath) is { } usage)
        {
            throw CommandFailure.Usage($"onboard issue: {usage}");
        }

        if (eventPath is not null)
        {
            return await IssueEventAction.RunAsync(context, new IssueEventArguments(args.Root, eventPath, args.Template, args.DryRun, args.TokenEnv), parsed, cancellationToken);
        }

        var json = parsed.GetValue(CommonOptions.Json);
        var reporter = new Reporter(context) { Json = json };
        var root = context.ResolvePath(args.Root);
        InputFile.RequireExisting(context, "--body", args.Body!);
        var (form, platform) = await LoadFormAsync(context, args.Root, args.Template, cancellationToken);
        var body = await InputFile.ReadAsync(context, args.Body!, IssueFormParser.MaxBodyChars, cancellationToken);
        var outcome = await IssueOnboarding.RunAsync(platform, form, body, args.Issue, PlatformRepositoryEnvironment.ServerUrl(context), cancellationToken);
        var request = outcome.Request;
        if (outcome.Plan is not { } plan)
        {
            var markdown = request.ProblemMarkdown();
            reporter.Line(markdown);
            if (json)
            {
                reporter.Raw(IssueReportJson.Render(request, null, null, args.DryRun, args.Body!));
            }

            foreach (var problem in request.Problems)
            {
                reporter.ErrorLine(problem.ToDiagnostic(args.Body!).ToString());
            }

            reporter.Diagnostics(request.PlatformDiagnostics);
            reporter.ErrorLine("the request has problems; nothing was written");
            ActionsFiles.AppendSummary(context, markdown);
            return ExitCodes.Invalid;
        }

        if (!args.Local)
        {
            reporter.Line(IssueReportText.DryRun(plan, request.Validation!));
            if (json)
            {
                reporter.Raw(IssueReportJson.Render(request, plan, null, dryRun: true, args.Body!));
            }

            ActionsFiles.SetOutputs(context, [new("team", plan.Team), new("branch", plan.Branch)]);
            return ExitCodes.Ok;
        }

        var local = await LocalOnboarding.RunAsync(root, request.Config!, request.Validation!, plan.Team, null, cancellationToken);

        if (local.Compile is { HasErrors: true } failed)
        {
            reporter.Diagnostics(failed.Diagnostics);
        }

        if (json)
        {
            reporter.Raw(IssueReportJson.Render(request, plan, local, dryRun: false, args.Body!));
        }

        if (local.Refusal is { } refusal)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"onboard issue: {refusal}");
        }

        reporter.Line(IssueReportText.Local(plan, local));
        ActionsFiles.SetOutputs(context, [new("team", plan.Team), new("branch", plan.Branch), new("commit", local.Commit ?? string.Empty)]);
        return ExitCodes.Ok;
    }

    private static string? UsageError(IssueArguments args, string? eventPath)
    {
        if (eventPath is not null)
        {
            return args.Body is not null ? "give either --event EVENT.json or --body BODY.md, not both"
                : args.Local ? "--local works with --body BODY.md; with --event the flow runs against GitHub (add --dry-run to change nothing)"
                : args.Issue is not null ? "--issue is read from the event; leave it out with --event"
                : null;
        }

        if (args.Body is null)
        {
            return "give the event with --event EVENT.json (or GITHUB_EVENT_PATH), or the issue body with --body BODY.md";
        }

        if (args.TokenEnv is not null)
        {
            return "--token-env works with --event only";
        }

        if (args.Local == args.DryRun)
        {
            return "with --body, choose --local (commit in the local checkout) or --dry-run (print the plan)";
        }

        return args.Issue is <= 0 ? "--issue takes a positive issue number" : null;
    }

    private sealed record IssueArguments(string Root, string? Event, string? Body, bool Local, bool DryRun, string? Template, int? Issue, string? TokenEnv);
}
