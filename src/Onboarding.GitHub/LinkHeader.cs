namespace Onboarding.GitHub;

/// <summary>Reads the <c>rel="next"</c> URL of GitHub's pagination <c>Link</c> header.</summary>
public static partial class LinkHeader
{
    public static Uri? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (Match match in Entry().Matches(value))
            {
                if (match.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.Ordinal))
                {
                    return Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var next) ? next : null;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"<(?<url>[^>]+)>\s*;\s*rel=""(?<rel>[^""]+)""")]
    private static partial Regex Entry();
}
