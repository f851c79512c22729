using Onboarding.Cli.Output;

namespace Onboarding.Cli.Commands;

/// <summary>Files named on the command line: a path that names no file is a usage error, an unreadable file invalid input.</summary>
internal static class InputFile
{
    public static bool Missing(CliContext context, Reporter reporter, string option, string path)
    {
        if (File.Exists(context.ResolvePath(path)))
        {
            return false;
        }

        reporter.ErrorLine($"onboard: {option}: no such file: {path}");
        return true;
    }

    public static string? Read(CliContext context, Reporter reporter, string path)
    {
        try
        {
            return File.ReadAllText(context.ResolvePath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.ErrorLine($"onboard: cannot read {path}: {e.Message}");
            return null;
        }
    }
}
