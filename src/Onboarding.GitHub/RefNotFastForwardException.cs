namespace Onboarding.GitHub;

/// <summary>The branch moved since it was read: re-read it, rebuild the commit on the new head, try again.</summary>
internal sealed class RefNotFastForwardException : GitHubApiException
{
    public RefNotFastForwardException(string method, string pathTemplate, int statusCode, string? gitHubMessage)
        : base(method, pathTemplate, statusCode, gitHubMessage, 1, GitHubErrorReason.NotFastForward)
    {
    }

    public RefNotFastForwardException()
    {
    }

    public RefNotFastForwardException(string message)
        : base(message)
    {
    }

    public RefNotFastForwardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
