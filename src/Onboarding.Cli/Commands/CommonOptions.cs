namespace Onboarding.Cli.Commands;

/// <summary>Options every command takes.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Root = new("--root")
    {
        Description = "The platform repository's folder (holds onboarding.yaml and teams/)",
        DefaultValueFactory = _ => ".",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print a machine-readable JSON report on stdout instead of text",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces of unexpected errors",
        Recursive = true,
    };
}
