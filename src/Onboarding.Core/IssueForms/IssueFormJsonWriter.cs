namespace Onboarding.Core.IssueForms;

/// <summary>
/// The <c>parse-issue</c> output: one JSON object <c>{field_id: value}</c> in template order, strings for text
/// values and arrays of strings for lists, 2-space indent, LF line endings and a trailing newline.
/// </summary>
public static class IssueFormJsonWriter
{
    public static string Write(IssueFormTemplate template, IReadOnlyDictionary<string, IssueFormValue> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            foreach (var field in template.Fields)
            {
                if (!values.TryGetValue(field.Id, out var value))
                {
                    continue;
                }

                writer.WritePropertyName(WellFormed(field.Id));
                if (value.Items is { } items)
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        writer.WriteStringValue(WellFormed(item));
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteStringValue(WellFormed(value.Text ?? string.Empty));
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    // The JSON writer rejects unpaired surrogates; they cannot come from a UTF-8 file, but a caller's string may hold one.
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;
    }
}
