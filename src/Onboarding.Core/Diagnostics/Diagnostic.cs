namespace Onboarding.Core.Diagnostics;

/// <summary>
/// One finding about the user's files. <see cref="Message"/> says what is wrong, naming the key;
/// <see cref="Hint"/> says how to fix it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message, string? Hint = null)
{
    /// <summary>The key path of the offending node (<c>bundles[0].repo</c>), as data beside the location; null when the finding is about a whole file.</summary>
    public string? KeyPath { get; init; }

    /// <summary>
    /// The message as a phrase that follows the name of the key (<c>is 5, outside the allowed range</c>), when the
    /// message is about the key at <see cref="KeyPath"/>; an issue form shows it after the field's label instead.
    /// </summary>
    public string? Phrase { get; init; }

    /// <summary>The other place a cross-file finding is about, e.g. where a duplicated name was first defined.</summary>
    public SourceLocation? Related { get; init; }

    public string SeverityText => Severity == Severity.Error ? "error" : "warning";

    /// <summary>The message and hint as one sentence pair, for places that show no location.</summary>
    public string Text => Hint is null ? Message : $"{Message}; {Hint}";

    /// <summary>A finding about the key at <paramref name="keyPath"/>: the message is the quoted key path followed by <paramref name="phrase"/>.</summary>
    public static Diagnostic AboutKey(Severity severity, string code, SourceLocation location, string keyPath, string phrase, string? hint = null) =>
        new(severity, code, location, $"'{keyPath}' {phrase}", hint) { KeyPath = keyPath, Phrase = phrase };

    public override string ToString() => $"{Location}: {SeverityText} {Code}: {Text}";
}
