using System.Text.RegularExpressions;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// One operation, named by the path template of GitHub's OpenAPI description (so counts, faults and
/// schema checks all use the same key). A <c>{ref}</c> value may contain slashes.
/// </summary>
public sealed class FakeRoute
{
    private readonly Regex pattern;

    public FakeRoute(string method, string template, Func<FakeRequest, FakeResponse> handle)
    {
        Method = method;
        Template = template;
        Handle = handle;
        var regex = Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), @"\{(\w+)}", match =>
            match.Groups[1].Value == "ref" ? $"(?<{match.Groups[1].Value}>.+)" : $"(?<{match.Groups[1].Value}>[^/]+)");
        pattern = new Regex($"^{regex}$", RegexOptions.CultureInvariant);
    }

    public string Method { get; }

    public string Template { get; }

    public string Key => $"{Method} {Template}";

    public Func<FakeRequest, FakeResponse> Handle { get; }

    public bool TryMatch(string method, string path, out Dictionary<string, string> values)
    {
        values = [];
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var match = pattern.Match(path);
        if (!match.Success)
        {
            return false;
        }

        foreach (var name in pattern.GetGroupNames().Where(name => !int.TryParse(name, out _)))
        {
            values[name] = Uri.UnescapeDataString(match.Groups[name].Value);
        }

        return true;
    }
}
