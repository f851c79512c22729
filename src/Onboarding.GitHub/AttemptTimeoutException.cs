namespace Onboarding.GitHub;

/// <summary>One try ran longer than <see cref="GitHubClientOptions.AttemptTimeout"/>; the caller did not cancel.</summary>
internal sealed class AttemptTimeoutException : Exception
{
    public AttemptTimeoutException()
        : base("The request timed out.")
    {
    }

    public AttemptTimeoutException(string message)
        : base(message)
    {
    }

    public AttemptTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
