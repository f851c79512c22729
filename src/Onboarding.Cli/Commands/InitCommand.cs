using System.CommandLine;
using Onboarding.Cli.Output;
using Onboarding.Core.Scaffolding;

namespace Onboarding.Cli.Commands;

/// <summary><c>init [DIR]</c>: scaffold a platform repository.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string?>("DIR") { Description = "Folder to scaffold; default: --root", Arity = ArgumentArity.ZeroOrOne };
        var org = new Option<string?>("--org") { Description = $"GitHub organisation of the team repositories; default: the placeholder '{PlatformScaffold.PlaceholderOrg}'" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist" };
        var command = new Command("init", """
            Scaffold a platform repository: onboarding.yaml (commented; environments dev, staging, prod),
            teams/, the onboarding issue form in .github/ISSUE_TEMPLATE/, the workflows in .github/workflows/,
            schemas/, templates/, and generated/ compiled from them. Existing files are listed and left alone
            unless --force is given.
            """)
        { dir, org, force };
        command.SetAction(parsed =>
        {
            var root = context.ResolvePath(parsed.GetValue(dir) ?? parsed.GetValue(CommonOptions.Root)!);
            return Run(context, root, parsed.GetValue(org), parsed.GetValue(force), parsed.GetValue(CommonOptions.Json));
        });
        return command;
    }

    private static int Run(CliContext context, string root, string? org, bool force, bool json)
    {
        var reporter = new Reporter(context) { Json = json };
        var result = PlatformInitializer.Run(root, org, force);
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
            {(org is null ? $"  - set github.org and policy.repo_owners in onboarding.yaml (now '{PlatformScaffold.PlaceholderOrg}')\n" : "")}  - the workflows call the action as 'uses: ./'; point them at the toolkit ('<owner>/<toolkit>@<commit SHA>') or vendor action.yml
              - add teams (the issue form, 'onboard import --from airflow.cfg', or teams/<team>.yaml by hand), run 'onboard compile'
              - remove 'allow_empty: true' from each environment once it has bundles
            """);
        return ExitCodes.Ok;
    }
}
