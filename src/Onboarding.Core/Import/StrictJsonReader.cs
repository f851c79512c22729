namespace Onboarding.Core.Import;

/// <summary>
/// Parses an imported bundle list strictly: RFC 8259 only (no comments, trailing commas, NaN) and
/// no duplicate keys. Python's <c>json.loads</c> keeps the last of two equal keys without a word,
/// so a list with duplicates does not mean what it seems and is refused rather than guessed at.
/// </summary>
public static class StrictJsonReader
{
    private const int MaxDepth = 32;

    public static ListJsonNode? Read(BundleListText text, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Json);
        var lineStarts = LineStarts(bytes);
        SourceLocation At(long offset)
        {
            var index = Array.BinarySearch(lineStarts, (int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return text.At(line, (int)offset - lineStarts[line]);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new Stack<Frame>();
        ListJsonNode? root = null;
        try
        {
            while (reader.Read())
            {
                var at = At(reader.TokenStartIndex);
                ListJsonNode? completed = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        stack.Push(new Frame(at, isObject: true));
                        continue;
                    case JsonTokenType.StartArray:
                        stack.Push(new Frame(at, isObject: false));
                        continue;
                    case JsonTokenType.PropertyName:
                        var frame = stack.Peek();
                        var name = reader.GetString()!;
                        var first = frame.Properties.FirstOrDefault(p => p.Name == name);
                        if (first is not null)
                        {
                            diagnostics.Error(DiagnosticCodes.ImportJsonSyntax, at,
                                $"key {Display.Quote(name)} is given twice in one object (first at line {first.At.Line}); Airflow's json.loads would silently keep only the last one",
                                "keep the one you mean and delete the other");
                            return null;
                        }

                        frame.PendingName = (name, at);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        var done = stack.Pop();
                        completed = done.IsObject ? new ListJsonObject(done.At, done.Properties) : new ListJsonArray(done.At, done.Items);
                        break;
                    case JsonTokenType.String:
                        completed = new ListJsonString(at, reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        completed = new ListJsonNumber(at, Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        completed = new ListJsonBoolean(at, reader.TokenType == JsonTokenType.True);
                        break;
                    case JsonTokenType.Null:
                        completed = new ListJsonNull(at);
                        break;
                    default:
                        continue;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                }
                else
                {
                    stack.Peek().Add(completed);
                }
            }
        }
        catch (JsonException ex)
        {
            var location = text.At((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            diagnostics.Error(DiagnosticCodes.ImportJsonSyntax, location,
                $"the bundle list is not valid JSON: {JsonSyntaxText.Describe(ex.Message)}",
                "Airflow parses it with Python's json.loads: no comments, no trailing commas, double-quoted keys and strings");
            return null;
        }

        if (root is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportJsonSyntax, text.At(0, 0), "the bundle list is empty", "give the JSON list of bundles");
        }

        return root;
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private sealed class Frame(SourceLocation at, bool isObject)
    {
        public SourceLocation At { get; } = at;

        public bool IsObject { get; } = isObject;

        public List<ListJsonProperty> Properties { get; } = [];

        public List<ListJsonNode> Items { get; } = [];

        public (string Name, SourceLocation At)? PendingName { get; set; }

        public void Add(ListJsonNode node)
        {
            if (IsObject)
            {
                var (name, at) = PendingName!.Value;
                Properties.Add(new ListJsonProperty(name, at, node));
                PendingName = null;
            }
            else
            {
                Items.Add(node);
            }
        }
    }
}
