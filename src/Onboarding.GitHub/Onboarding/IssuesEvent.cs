namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The fields of a GitHub <c>issues</c> webhook payload the flow reads. Everything in it is as the sender
/// wrote it: the body is compared with the current one, the labeler's permission is asked of the API.
/// </summary>
public sealed record IssuesEvent(
    string? Action,
    string? LabelName,
    string? SenderLogin,
    int IssueNumber,
    string IssueBody,
    bool IsPullRequest,
    string? DefaultBranch)
{
    /// <exception cref="FormatException">The file is not an issues event payload.</exception>
    public static IssuesEvent Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issue", out var issue) || issue.ValueKind != JsonValueKind.Object
                || !issue.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var issueNumber) || issueNumber <= 0)
            {
                throw new FormatException("the event has no issue with a number: the workflow must run on 'issues' events");
            }

            return new IssuesEvent(
                Text(root, "action"),
                root.TryGetProperty("label", out var label) ? Text(label, "name") : null,
                root.TryGetProperty("sender", out var sender) ? Text(sender, "login") : null,
                issueNumber,
                Text(issue, "body") ?? string.Empty,
                issue.TryGetProperty("pull_request", out var pull) && pull.ValueKind == JsonValueKind.Object,
                root.TryGetProperty("repository", out var repository) ? Text(repository, "default_branch") : null);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the event is not JSON ({e.Message})", e);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
