namespace Onboarding.GitHub;

/// <summary>One try ran longer than <see cref="GitHubClientOptions.AttemptTimeout"/>; the caller did not cancel.</summary>
public sealed class AttemptTimeoutException() : Exception("The request timed out.");
