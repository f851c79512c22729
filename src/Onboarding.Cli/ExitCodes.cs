namespace Onboarding.Cli;

/// <summary>The process exit codes, mapped in one place (SPEC section 3).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Invalid input, stale artifacts or a policy refusal: the user can fix it.</summary>
    public const int Invalid = 1;

    public const int Usage = 2;

    /// <summary>GitHub, git or the network failed after retries.</summary>
    public const int External = 3;

    /// <summary>Stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report Ctrl+C); a re-run resumes.</summary>
    public const int Cancelled = 130;

    /// <summary>A defect in onboard itself; the message asks for a bug report.</summary>
    public const int Internal = 70;
}
