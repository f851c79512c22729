using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Onboarding.Core.Pipelines.Schema;

/// <summary>Writes a <see cref="Shape"/> tree as a JSON Schema (draft-07, what editors read), byte for byte the same every run.</summary>
public static class ShapeJsonSchema
{
    public static byte[] Document(string title, Shape root)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Indented))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            w.WriteString("title", title);
            WriteBody(w, root);
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>One shape as a standalone JSON text (for embedding into another schema and comparing).</summary>
    public static string Fragment(Shape shape)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Indented))
        {
            Write(w, shape);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, Shape shape)
    {
        w.WriteStartObject();
        WriteBody(w, shape);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, Shape shape)
    {
        w.WriteString("description", shape.Description);
        switch (shape)
        {
            case TextShape text:
                w.WriteString("type", "string");
                if (text.Allowed is { } allowed)
                {
                    w.WriteStartArray("enum");
                    foreach (var value in allowed)
                    {
                        w.WriteStringValue(value);
                    }

                    w.WriteEndArray();
                }

                if (text.Pattern is { } pattern)
                {
                    w.WriteString("pattern", pattern);
                }

                w.WriteNumber("maxLength", text.MaxLength);
                break;
            case IntegerShape integer:
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", integer.Minimum);
                w.WriteNumber("maximum", integer.Maximum);
                break;
            case NumberShape:
                w.WriteString("type", "number");
                break;
            case BooleanShape:
                w.WriteString("type", "boolean");
                break;
            case NullShape:
                w.WriteString("type", "null");
                break;
            case ListShape list:
                w.WriteString("type", "array");
                if (list.Unique)
                {
                    w.WriteBoolean("uniqueItems", true);
                }

                w.WritePropertyName("items");
                Write(w, list.Items);
                break;
            case AnyOfShape any:
                w.WriteStartArray("anyOf");
                foreach (var choice in any.Choices)
                {
                    Write(w, choice);
                }

                w.WriteEndArray();
                break;
            case MapShape map:
                w.WriteString("type", "object");
                w.WriteStartObject("propertyNames");
                w.WriteString("pattern", map.KeyPattern);
                w.WriteEndObject();
                w.WritePropertyName("additionalProperties");
                Write(w, map.Values);
                break;
            case ObjectShape obj:
                w.WriteString("type", "object");
                w.WriteBoolean("additionalProperties", false);
                if (obj.MinProperties > 0)
                {
                    w.WriteNumber("minProperties", obj.MinProperties);
                }

                if (obj.MaxProperties != int.MaxValue)
                {
                    w.WriteNumber("maxProperties", obj.MaxProperties);
                }

                var required = obj.Properties.Where(p => p.Required).ToList();
                if (required.Count > 0)
                {
                    w.WriteStartArray("required");
                    foreach (var p in required)
                    {
                        w.WriteStringValue(p.Key);
                    }

                    w.WriteEndArray();
                }

                w.WriteStartObject("properties");
                foreach (var p in obj.Properties)
                {
                    w.WritePropertyName(p.Key);
                    Write(w, p.Shape);
                }

                w.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "unknown shape");
        }
    }
}
