namespace Onboarding.Core.Diagnostics;

/// <summary>Collects every finding of a run so that users see all problems at once, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    public int ErrorCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Count(d => d.Severity == Severity.Error);
            }
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            _items.AddRange(diagnostics);
        }
    }

    public void Error(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, at, message, hint));

    /// <summary>An error about the key at <paramref name="keyPath"/>; <paramref name="phrase"/> follows the key's name.</summary>
    public void ErrorAt(string keyPath, string code, SourceLocation at, string phrase, string? hint = null) =>
        Add(Diagnostic.AboutKey(Severity.Error, code, at, keyPath, phrase, hint));

    /// <summary>An error that names <paramref name="keyPath"/> as data but is worded as a sentence of its own.</summary>
    public void ErrorIn(string keyPath, string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, at, message, hint) { KeyPath = keyPath });

    public void Warning(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, at, message, hint));

    /// <summary>Findings in a stable order: by file, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return [.. _items
                .OrderBy(d => d.Location.File, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
