namespace Onboarding.GitHub;

/// <summary>Formats request headers for a log line with the credentials masked.</summary>
public static class HttpLogFormatter
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie" };

    public static string Headers(HttpHeaders headers) =>
        "[" + string.Join(", ", headers.Select(header => $"{header.Key}: {(Secret.Contains(header.Key) ? SecretRedactor.Mask : string.Join(",", header.Value))}")) + "]";
}
