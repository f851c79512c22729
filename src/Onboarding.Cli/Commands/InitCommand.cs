using Onboarding.Core.Scaffolding;

namespace Onboarding.Cli.Commands;

/// <summary><c>init [DIR]</c>: scaffold a platform repository.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string?>("DIR") { Description = "Folder to scaffold; default: --root", Arity = ArgumentArity.ZeroOrOne };
        var org = new Option<string?>("--org") { Description = $"GitHub organisation of the team repositories; default: the placeholder '{PlatformScaffold.PlaceholderOrg}'" };
        var action = new Option<string?>("--action")
        {
            Description = "The toolkit's action the workflows call, as OWNER/REPO@<40-hex commit SHA>; default: the repository and commit this onboard was built from",
        };
        var actionVersion = new Option<string?>("--action-version")
        {
            Description = "Release of that commit, written as the '# vX.Y.Z' comment after it; default: this onboard's version",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist" };
        var command = new Command("init", """
            Scaffold a platform repository: onboarding.yaml (commented; environments dev, staging, prod),
            teams/, the onboarding issue form in .github/ISSUE_TEMPLATE/, the workflows in .github/workflows/,
            schemas/, templates/, a .gitattributes keeping LF line endings, and generated/ compiled from them.
            The workflows call the toolkit's action as OWNER/REPO@<commit SHA> # vX.Y.Z (--action). Existing
            files are listed and left alone unless --force is given.
            """)
        { dir, org, action, actionVersion, force };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var root = context.ResolvePath(parsed.GetValue(dir) ?? parsed.GetValue(CommonOptions.Root)!);
            var reference = ResolveAction(context, parsed.GetValue(action), parsed.GetValue(actionVersion));
            return await RunAsync(context, root, parsed.GetValue(org), reference, parsed.GetValue(force), parsed.GetValue(CommonOptions.Json), cancellationToken);
        });
        return command;
    }

    /// <summary>The action reference the workflows get.</summary>
    /// <exception cref="CommandFailure">A usage error saying why there is none to give.</exception>
    private static ActionReference ResolveAction(CliContext context, string? action, string? actionVersion)
    {
        var version = actionVersion?.TrimStart('v') ?? context.Build.Version;
        if (!ActionReference.IsVersion(version))
        {
            throw CommandFailure.Usage($"onboard init: --action-version '{actionVersion}' is not a release version; write it as X.Y.Z (for example 1.2.0), the tag without its 'v'");
        }

        if (action is not null)
        {
            return ActionReference.Parse(action, version)
                ?? throw CommandFailure.Usage($"onboard init: --action '{action}' is not OWNER/REPO@<40-hex commit SHA>; name the toolkit's repository and a full commit SHA (a tag or branch can be moved by whoever controls it), for example --action acme/onboard-toolkit@{new string('0', 40)}");
        }

        return ActionReference.FromBuild(context.Build.Repository, context.Build.Commit, version)
            ?? throw CommandFailure.Usage("onboard init: this onboard was not built from a clone of the toolkit's GitHub repository, so it knows no repository and commit for the workflows to call (see 'onboard --version');\n"
                + "  pass --action OWNER/REPO@<40-hex commit SHA>: the toolkit's repository and the commit of the release to run");
    }

    private static async Task<int> RunAsync(CliContext context, string root, string? org, ActionReference action, bool force, bool json, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(context) { Json = json };
        var result = await PlatformInitializer.RunAsync(root, org, force, action, cancellationToken);
        var diagnostics = result.Problems.Concat(result.Compile?.Diagnostics ?? []).ToArray();
        reporter.Diagnostics(diagnostics);
        if (json)
        {
            reporter.Raw(FileReportJson.Render("init", result.Succeeded, dryRun: false,
                result.Conflicts.Select(c => (c, "exists")).Concat(result.Written.Select(w => (w, "written"))), diagnostics));
        }

        if (result.Conflicts.Count > 0)
        {
            reporter.ErrorLine($"{root} already holds {result.Conflicts.Count} of the files init writes; nothing was written:");
            foreach (var conflict in result.Conflicts)
            {
                reporter.ErrorLine($"  {conflict}");
            }

            reporter.ErrorLine("Move them away, or pass --force to overwrite them.");
            return ExitCodes.Invalid;
        }

        if (!result.Succeeded)
        {
            reporter.ErrorLine(result.Problems.Count > 0 ? "nothing was written" : "the scaffold was written but does not compile; this is a defect in onboard");
            return ExitCodes.Invalid;
        }

        foreach (var path in result.Written)
        {
            reporter.Line($"wrote {path}");
        }

        reporter.Line($"""

            Platform repository ready in {root}. Next:
            {(org is null ? $"  - set github.org and policy.repo_owners in onboarding.yaml (now '{PlatformScaffold.PlaceholderOrg}')\n" : "")}  - the workflows call the action as '{action.Uses}'; set the repository variables and secret they name (README: "Running on GitHub Actions")
              - add teams (the issue form, 'onboard import --from airflow.cfg', or teams/<team>.yaml by hand), run 'onboard compile'
              - remove 'allow_empty: true' from each environment once it has bundles
            """);
        return ExitCodes.Ok;
    }
}
