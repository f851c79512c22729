namespace Onboarding.GitHub;

/// <summary>
/// Removes the token, and anything shaped like a GitHub token or an Authorization value, from text
/// that leaves the client: exception messages, logs. Server text counts too: a proxy or a broken
/// server may echo the request headers back.
/// </summary>
public sealed partial class SecretRedactor(string token)
{
    public const string Mask = "***";

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var redacted = token.Length > 0 ? text.Replace(token, Mask, StringComparison.Ordinal) : text;
        redacted = AuthorizationValue().Replace(redacted, "$1" + Mask);
        return TokenShape().Replace(redacted, Mask);
    }

    // A credential after an auth scheme is long and has no spaces; "the token is invalid" stays readable.
    [GeneratedRegex(@"\b((?:Bearer|token|Basic)\s+)[A-Za-z0-9_\-.=+/]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})")]
    private static partial Regex TokenShape();
}
