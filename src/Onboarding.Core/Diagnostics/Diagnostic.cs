namespace Onboarding.Core.Diagnostics;

/// <summary>
/// One finding about the user's files. <see cref="Message"/> says what is wrong, naming the key;
/// <see cref="Hint"/> says how to fix it.
/// </summary>
internal sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message, string? Hint = null)
{
    /// <summary>The other place a cross-file finding is about, e.g. where a duplicated name was first defined.</summary>
    public SourceLocation? Related { get; init; }

    public string SeverityText => Severity == Severity.Error ? "error" : "warning";

    /// <summary>The message and hint as one sentence pair, for places that show no location.</summary>
    public string Text => Hint is null ? Message : $"{Message}; {Hint}";

    public override string ToString() => $"{Location}: {SeverityText} {Code}: {Text}";
}
