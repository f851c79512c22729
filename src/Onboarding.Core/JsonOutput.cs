namespace Onboarding.Core;

/// <summary>
/// The one JSON style of every file and report the tool writes: 2-space indent, LF, and non-ASCII
/// kept as-is (output goes to files, terminals and scripts, never into HTML).
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions Minified = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
