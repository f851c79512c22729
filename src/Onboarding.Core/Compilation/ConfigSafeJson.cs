namespace Onboarding.Core.Compilation;

/// <summary>
/// JSON for text that passes through more than <c>json.loads</c>: airflow.cfg, where configparser interpolates
/// <c>%</c> and Airflow expands <c>$VARIABLES</c>, and the Helm chart's <c>tpl</c>, which runs <c>{{ }}</c>.
/// Inside strings those characters, quotes and everything outside ASCII are written as <c>\uXXXX</c> escapes, which
/// <c>json.loads</c> turns back into the same text: the list Airflow reads is exactly the compiled one.
/// </summary>
internal static class ConfigSafeJson
{
    private static readonly JavaScriptEncoder Encoder = Create();

    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = Encoder,
    };

    public static readonly JsonWriterOptions Minified = new() { Indented = false, Encoder = Encoder };

    private static JavaScriptEncoder Create()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.BasicLatin);
        settings.ForbidCharacters('%', '$', '{', '}', '\'');
        return JavaScriptEncoder.Create(settings);
    }
}
