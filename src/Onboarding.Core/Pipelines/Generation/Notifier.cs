namespace Onboarding.Core.Pipelines.Generation;

/// <summary>One alert channel: a notifier class and its keyword arguments as Python literals, in a fixed order.</summary>
public sealed record Notifier(string Class, IReadOnlyList<KeyValuePair<string, string>> Kwargs)
{
    public string Call => $"{Class}({string.Join(", ", Kwargs.Select(k => $"{k.Key}={k.Value}"))})";

    public string KwargsDict => "{" + string.Join(", ", Kwargs.Select(k => $"{PythonLiteral.Text(k.Key)}: {k.Value}")) + "}";
}
