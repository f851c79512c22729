namespace Onboarding.GitHub;

/// <summary>
/// The one error of the client. Carries the path template (never the concrete URL or a header), so it
/// holds no token and no user data beyond GitHub's own message, which is redacted as well.
/// </summary>
public class GitHubApiException : Exception
{
    public GitHubApiException(
        string method,
        string pathTemplate,
        int? statusCode,
        string? gitHubMessage,
        int attempts,
        GitHubErrorReason reason,
        bool outcomeUnknown = false,
        Exception? innerException = null)
        : base(Describe(method, pathTemplate, statusCode, gitHubMessage, attempts, outcomeUnknown), innerException)
    {
        Method = method;
        PathTemplate = pathTemplate;
        StatusCode = statusCode;
        GitHubMessage = gitHubMessage;
        Attempts = attempts;
        Reason = reason;
        OutcomeUnknown = outcomeUnknown;
    }

    public string Method { get; }

    /// <summary>For example <c>POST /repos/{owner}/{repo}/git/trees</c> without the method.</summary>
    public string PathTemplate { get; }

    /// <summary>Null when no response came back (timeout, connection reset).</summary>
    public int? StatusCode { get; }

    public string? GitHubMessage { get; }

    public int Attempts { get; }

    public GitHubErrorReason Reason { get; }

    /// <summary>
    /// True when a POST failed in a way that does not tell whether GitHub applied it (5xx, timeout,
    /// connection lost). POSTs are not re-sent blindly: look whether it took effect, then act.
    /// </summary>
    public bool OutcomeUnknown { get; }

    private static string Describe(string method, string pathTemplate, int? statusCode, string? gitHubMessage, int attempts, bool outcomeUnknown)
    {
        var status = statusCode is { } code ? $"HTTP {code}" : "no response";
        var tries = attempts == 1 ? "1 try" : $"{attempts} tries";
        var message = string.IsNullOrWhiteSpace(gitHubMessage) ? string.Empty : $": {gitHubMessage}";
        var unknown = outcomeUnknown ? " (not re-sent: check whether it took effect before trying again)" : string.Empty;
        return $"GitHub API {method} {pathTemplate} failed with {status} after {tries}{message}{unknown}";
    }
}
