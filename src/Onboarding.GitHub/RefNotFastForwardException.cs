namespace Onboarding.GitHub;

/// <summary>The branch moved since it was read: re-read it, rebuild the commit on the new head, try again.</summary>
public sealed class RefNotFastForwardException(string method, string pathTemplate, int statusCode, string? gitHubMessage)
    : GitHubApiException(method, pathTemplate, statusCode, gitHubMessage, 1, GitHubErrorReason.NotFastForward);
