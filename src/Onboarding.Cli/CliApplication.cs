using System.CommandLine;
using Onboarding.Cli.Commands;

namespace Onboarding.Cli;

/// <summary>Builds the command line and maps its outcome (including usage errors and defects) to an exit code.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("onboard: keep Airflow's dag_bundle_config_list compiled from reviewed team files")
        {
            CommonOptions.Root,
            CommonOptions.Json,
            CommonOptions.Verbose,
        };
        root.Subcommands.Add(CompileCommands.Validate(context));
        root.Subcommands.Add(CompileCommands.Compile(context));
        root.Subcommands.Add(CompileCommands.Check(context));
        root.Subcommands.Add(RegenerateCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ParseIssueCommand.Create(context));
        root.Subcommands.Add(IssueCommand.Create(context));
        root.Subcommands.Add(BackfillCommand.Create(context));
        root.Subcommands.Add(PipelinesCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"onboard: {error.Message}");
            }

            context.Error.WriteLine("Run 'onboard --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"onboard: internal error: {ex.Message}");
            context.Error.WriteLine(parsed.GetValue(CommonOptions.Verbose)
                ? ex.ToString()
                : "This is a defect in onboard. Re-run with --verbose and report the output.");
            return ExitCodes.Internal;
        }
    }
}
