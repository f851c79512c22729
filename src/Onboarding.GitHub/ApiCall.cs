namespace Onboarding.GitHub;

/// <summary>
/// One REST call: the path template names it in errors and logs (it holds no user data), the path is
/// what is sent. Values are escaped per segment, so a name can never add a path segment.
/// </summary>
public sealed partial record ApiCall(HttpMethod Method, string Template, string Path)
{
    public string Query { get; init; } = string.Empty;

    public byte[]? Body { get; init; }

    public string Accept { get; init; } = "application/vnd.github+json";

    /// <summary>An absolute URL from a <c>Link</c> header; replaces <see cref="Path"/> and <see cref="Query"/>.</summary>
    public Uri? NextPage { get; init; }

    /// <summary>GitHub processes a rejected or failed POST at most once only if it is not sent again.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post;

    public bool IsMutating => Method != HttpMethod.Get;

    public string Name => $"{Method.Method} {Template}";

    public static ApiCall Get(string template, params string[] values) => new(HttpMethod.Get, template, Fill(template, values));

    public static ApiCall Post(string template, params string[] values) => new(HttpMethod.Post, template, Fill(template, values));

    public static ApiCall Put(string template, params string[] values) => new(HttpMethod.Put, template, Fill(template, values));

    public static ApiCall Patch(string template, params string[] values) => new(HttpMethod.Patch, template, Fill(template, values));

    public static ApiCall Delete(string template, params string[] values) => new(HttpMethod.Delete, template, Fill(template, values));

    public ApiCall WithQuery(params (string Name, string Value)[] parameters) =>
        this with { Query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}")) };

    private static string Fill(string template, string[] values)
    {
        var index = 0;
        var path = Placeholder().Replace(template, match =>
        {
            if (index >= values.Length)
            {
                throw new ArgumentException($"No value for {match.Value} in {template}.", nameof(values));
            }

            var value = values[index++];
            return match.Groups[1].Value == "ref" ? EscapeRef(value) : EscapeSegment(value);
        });
        return index == values.Length ? path : throw new ArgumentException($"{values.Length} values for {index} placeholders in {template}.", nameof(values));
    }

    private static string EscapeSegment(string value) =>
        value.Length == 0 || value is "." or ".."
            ? throw new ArgumentException($"'{value}' is not a valid path segment.", nameof(value))
            : Uri.EscapeDataString(value);

    // A ref such as heads/onboarding/analytics keeps its slashes; each part is escaped on its own.
    private static string EscapeRef(string value) => string.Join('/', value.Split('/').Select(EscapeSegment));

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
