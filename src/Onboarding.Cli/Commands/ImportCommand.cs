using Onboarding.Core.Import;

namespace Onboarding.Cli.Commands;

/// <summary><c>import</c>: turn an existing dag_bundle_config_list into teams/*.yaml.</summary>
internal static class ImportCommand
{
    public const string Description = """
        Turn an existing [dag_processor] dag_bundle_config_list into teams/<team>.yaml files that compile back to the same list.

        --from reads an airflow.cfg (the [dag_processor] section), an env file or shell line setting
        AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST, or a JSON file holding the list. Bundles are grouped
        into teams by team_name, else each bundle becomes a team of its own. Only GitDagBundle bundles with
        kwargs a team file can express are imported; anything else is an error naming the bundle and the
        JSON path, and nothing is written while any error remains. The planned files are compiled together
        with the platform before anything is written, so the round trip is checked, not assumed. Values
        onboarding.yaml would give anyway are left out of the team files; a bundle lacking a kwarg that
        onboarding.yaml sets for every bundle (e.g. airflow.defaults.subdir) is an error, as a team file
        cannot unset it.

        One list per environment: a list is one environment's setting. Without --environment the bundles
        are enabled in every environment of onboarding.yaml (use this when all environments share a list).
        When environments have different lists, import each with its own --environment, e.g.
          onboard import --from dev/airflow.cfg --environment dev
          onboard import --from prod/airflow.cfg --environment prod
        Each run adds that environment to the bundles (bundles already in team files gain it; per-environment
        tracking_ref, subdir and refresh_interval become 'environments:' overrides). Repository, connection,
        submodules and sparse_dirs must agree across environments.
        """;

    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from")
        {
            Description = "The airflow.cfg, env file or JSON file holding the list",
            Required = true,
        };
        var format = new Option<string?>("--format")
        {
            Description = "How to read --from; default: from the file's extension, else its content",
        };
        format.AcceptOnlyFromAmong("cfg", "env", "json");
        var environment = new Option<string?>("--environment")
        {
            Description = "The environment the list belongs to; default: every environment in onboarding.yaml",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the team files that would be written; write nothing" };
        var force = new Option<bool>("--force")
        {
            Description = "Replace existing team files (keeping owners and description), or replace an environment's settings already imported",
        };

        var command = new Command("import", Description) { from, format, environment, dryRun, force };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
            var fromText = parsed.GetValue(from)!;
            var options = new ImportOptions(
                root,
                context.ResolvePath(fromText),
                fromText,
                parsed.GetValue(format) switch
                {
                    "cfg" => ImportFormat.Cfg,
                    "env" => ImportFormat.Env,
                    "json" => ImportFormat.Json,
                    _ => null,
                },
                parsed.GetValue(environment),
                parsed.GetValue(force));
            return await RunAsync(context, options, parsed.GetValue(dryRun), parsed.GetValue(CommonOptions.Json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ImportOptions options, bool dryRun, bool json, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(context) { Json = json };
        var result = await TeamImporter.PlanAsync(options, cancellationToken);
        if (!result.HasErrors && !dryRun)
        {
            TeamImporter.Apply(options.Root, result);
        }

        reporter.Diagnostics(result.Diagnostics);
        if (json)
        {
            reporter.Raw(FileReportJson.Render("import", !result.HasErrors, dryRun,
                result.Files.Select(f => (f.Path, f.Status.ToString().ToLowerInvariant())), result.Diagnostics));
        }

        if (result.HasErrors)
        {
            reporter.ErrorLine($"{result.Diagnostics.Count(d => d.Severity == Severity.Error)} errors; nothing was written");
            return ExitCodes.Invalid;
        }

        foreach (var file in result.Files)
        {
            var verb = file.Status switch
            {
                ImportFileStatus.Created => dryRun ? "would create" : "created",
                ImportFileStatus.Updated => dryRun ? "would update" : "updated",
                _ => dryRun ? "would replace" : "replaced",
            };
            reporter.Line($"{verb} {file.Path}");
            if (dryRun)
            {
                reporter.Line(file.Content.TrimEnd('\n'));
                reporter.Line();
            }
        }

        var target = options.Environment is null
            ? $"every environment ({string.Join(", ", result.Environments)})"
            : $"environment '{options.Environment}'";
        var bundles = Count(result.Bundles, "bundle");
        reporter.Line(result.Files.Count == 0
            ? $"{bundles} already imported for {target}; nothing to change"
            : $"{bundles} for {target} in {Count(result.Files.Count, "team file")}{(dryRun ? " (dry run: nothing written)" : "; next: check owners.github_team, then run 'onboard compile'")}");
        return ExitCodes.Ok;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
