namespace Onboarding.Core.Tests.Utils;

/// <summary>Issue bodies arrive with LF (API) or CRLF (edited in the web UI); every body rule holds for both.</summary>
internal static class LineEndings
{
    public static TheoryData<string> Both => new() { "\n", "\r\n" };

    public static string Join(string lineEnding, params string[] lines) => string.Join(lineEnding, lines);

    public static string Convert(string text, string lineEnding) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", lineEnding, StringComparison.Ordinal);
}
