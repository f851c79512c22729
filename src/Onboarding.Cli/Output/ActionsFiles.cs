namespace Onboarding.Cli.Output;

/// <summary>Step outputs ($GITHUB_OUTPUT) and the job summary ($GITHUB_STEP_SUMMARY), when the runner provides them.</summary>
internal static class ActionsFiles
{
    public static void SetOutputs(CliContext context, IEnumerable<KeyValuePair<string, string>> outputs)
    {
        var path = context.Variable("GITHUB_OUTPUT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                // The heredoc delimiter is random so that no value can close it early.
                var delimiter = $"ONBOARD_{Guid.NewGuid():N}";
                builder.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
            }
            else
            {
                builder.Append(name).Append('=').Append(value).Append('\n');
            }
        }

        Append(path, "GITHUB_OUTPUT", builder.ToString());
    }

    public static void AppendSummary(CliContext context, string markdown)
    {
        var path = context.Variable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(path))
        {
            Append(path, "GITHUB_STEP_SUMMARY", markdown);
        }
    }

    private static void Append(string path, string variable, string text)
    {
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (cause, fix) = FileSystemError.Describe(e);
            throw new CommandFailure($"{path}: error {DiagnosticCodes.UnwritableArtifact}: ${variable} cannot be written: {cause}; {fix}");
        }
    }
}
