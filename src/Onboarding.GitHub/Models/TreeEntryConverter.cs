namespace Onboarding.GitHub.Models;

/// <summary>
/// GitHub deletes a file from the base tree only when the entry says <c>"sha": null</c>, while an entry
/// with content must not carry <c>sha</c> at all: the one place where a null must be written.
/// </summary>
public sealed class TreeEntryConverter : JsonConverter<TreeEntry>
{
    public override TreeEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Tree entries are only sent.");

    public override void Write(Utf8JsonWriter writer, TreeEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("path", value.Path);
        writer.WriteString("mode", value.Mode);
        writer.WriteString("type", "blob");
        if (value.Content is { } content)
        {
            writer.WriteString("content", content);
        }
        else
        {
            writer.WriteNull("sha");
        }

        writer.WriteEndObject();
    }
}
