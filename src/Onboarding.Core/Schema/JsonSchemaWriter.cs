namespace Onboarding.Core.Schema;

/// <summary>
/// Writes a <see cref="SchemaDocument"/> as the draft-07 JSON Schema editors read (the
/// yaml-language-server comment at the top of each file points at it): 2-space indent, LF, one
/// trailing newline, so the committed files in schemas/ compare byte for byte.
/// </summary>
public static class JsonSchemaWriter
{
    public const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private static readonly string[] ObjectOrNull = ["object", "null"];

    public static string Write(SchemaDocument document) => Encoding.UTF8.GetString(WriteUtf8(document));

    public static byte[] WriteUtf8(SchemaDocument document)
    {
        var definitions = new List<SchemaNode>();
        Collect(document.Root, definitions, top: true);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Draft07);
            writer.WriteString("title", document.Title);
            writer.WriteString("description", document.Description);
            WriteBody(writer, document.Root);
            if (definitions.Count > 0)
            {
                writer.WriteStartObject("definitions");
                foreach (var definition in definitions)
                {
                    writer.WritePropertyName(definition.Definition!);
                    writer.WriteStartObject();
                    WriteBody(writer, definition);
                    WriteDescription(writer, definition);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The named nodes, each once, in the order they are first met.</summary>
    private static void Collect(SchemaNode node, List<SchemaNode> definitions, bool top = false)
    {
        if (!top && node.Definition is not null)
        {
            if (definitions.Exists(d => d.Definition == node.Definition))
            {
                return;
            }

            definitions.Add(node);
        }

        foreach (var property in node.Properties)
        {
            Collect(property.Node, definitions);
        }

        if (node.Items is not null)
        {
            Collect(node.Items, definitions);
        }

        foreach (var alternative in node.Alternatives)
        {
            Collect(alternative, definitions);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, SchemaNode node)
    {
        writer.WriteStartObject();
        if (node.Definition is not null)
        {
            writer.WriteString("$ref", $"#/definitions/{node.Definition}");
        }
        else
        {
            WriteBody(writer, node);
            WriteDescription(writer, node);
        }

        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, SchemaNode node)
    {
        switch (node.Kind)
        {
            case SchemaKind.Text:
                writer.WriteString("type", "string");
                WriteOptional(writer, "pattern", node.Pattern);
                WriteOptional(writer, "minLength", node.MinLength);
                WriteOptional(writer, "maxLength", node.MaxLength);
                break;
            case SchemaKind.WholeNumber:
                writer.WriteString("type", "integer");
                WriteOptional(writer, "minimum", node.Minimum);
                WriteOptional(writer, "maximum", node.Maximum);
                break;
            case SchemaKind.Number:
                writer.WriteString("type", "number");
                break;
            case SchemaKind.Null:
                writer.WriteString("type", "null");
                break;
            case SchemaKind.AnyOf:
                writer.WriteStartArray("anyOf");
                foreach (var alternative in node.Alternatives)
                {
                    WriteNode(writer, alternative);
                }

                writer.WriteEndArray();
                break;
            case SchemaKind.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case SchemaKind.Choice:
                writer.WritePropertyName("enum");
                WriteValue(writer, node.Choices);
                break;
            case SchemaKind.List:
                writer.WriteString("type", "array");
                WriteOptional(writer, "minItems", node.MinItems);
                if (node.UniqueItems)
                {
                    writer.WriteBoolean("uniqueItems", true);
                }

                writer.WritePropertyName("items");
                WriteNode(writer, node.Items!);
                break;
            case SchemaKind.Mapping:
                WriteObjectType(writer, node);
                writer.WriteBoolean("additionalProperties", false);
                WriteOptional(writer, "minProperties", node.MinProperties);
                WriteOptional(writer, "maxProperties", node.MaxProperties);
                var required = node.Properties.Where(p => p.Required).Select(p => p.Key).ToArray();
                if (required.Length > 0)
                {
                    writer.WritePropertyName("required");
                    WriteValue(writer, required);
                }

                writer.WriteStartObject("properties");
                foreach (var property in node.Properties)
                {
                    writer.WritePropertyName(property.Key);
                    WriteNode(writer, property.Node);
                }

                writer.WriteEndObject();
                break;
            case SchemaKind.Map:
                WriteObjectType(writer, node);
                WriteOptional(writer, "minProperties", node.MinProperties);
                writer.WriteStartObject("patternProperties");
                writer.WritePropertyName(node.KeyPattern!);
                WriteNode(writer, node.Items!);
                writer.WriteEndObject();
                writer.WriteBoolean("additionalProperties", false);
                break;
        }

        if (node.Default is not null)
        {
            writer.WritePropertyName("default");
            WriteValue(writer, node.Default);
        }

        if (node.Example is not null)
        {
            writer.WritePropertyName("examples");
            WriteValue(writer, new[] { node.Example });
        }

        if (node.MustContain is not null)
        {
            // draft-07's "contains" is not read by every editor; "not every item is another choice" is.
            writer.WriteStartObject("not");
            writer.WriteStartObject("items");
            writer.WritePropertyName("enum");
            WriteValue(writer, node.Items!.Choices.Where(c => !Equals(c, node.MustContain)).ToArray());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    private static void WriteObjectType(Utf8JsonWriter writer, SchemaNode node)
    {
        if (node.Nullable)
        {
            writer.WritePropertyName("type");
            WriteValue(writer, ObjectOrNull);
        }
        else
        {
            writer.WriteString("type", "object");
        }
    }

    private static void WriteDescription(Utf8JsonWriter writer, SchemaNode node) => WriteOptional(writer, "description", node.Description);

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"a schema value cannot be {value.GetType().Name}", nameof(value));
        }
    }
}
