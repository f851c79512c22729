namespace Onboarding.Git.Processes;

/// <summary>What one git invocation printed and how it ended.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
