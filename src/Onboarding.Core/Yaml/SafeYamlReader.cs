using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Onboarding.Core.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree while enforcing the safety rules:
/// size, nesting depth, scalar length, no anchors or aliases, no explicit tags, one document,
/// no duplicate keys. It works on the parser's event stream and never uses YamlDotNet's
/// recursive composer or its object deserializer, so no input can overflow the stack, expand an
/// alias bomb or instantiate a .NET type.
/// </summary>
public static class SafeYamlReader
{

    public static YamlNode? Read(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (bytes.Length > limits.MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.YamlTooLarge, SourceLocation.StartOf(file),
                $"file is larger than the {limits.MaxBytes:N0} bytes allowed",
                "split it or remove content; team files are small by design");
            return null;
        }

        var text = Utf8Text.Decode(bytes, file, DiagnosticCodes.YamlEncoding, diagnostics);
        if (text is null)
        {
            return null;
        }

        return Read(text, file, diagnostics, limits, checkedSize: true);
    }

    public static YamlNode? Read(string text, string file, DiagnosticBag diagnostics, YamlLimits? limits = null) =>
        Read(text, file, diagnostics, limits ?? YamlLimits.Default, checkedSize: false);

    private static YamlNode? Read(string text, string file, DiagnosticBag diagnostics, YamlLimits limits, bool checkedSize)
    {
        if (!checkedSize && Encoding.UTF8.GetByteCount(text) > limits.MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.YamlTooLarge, SourceLocation.StartOf(file),
                $"text is more than the {limits.MaxBytes:N0} bytes allowed", "shorten it");
            return null;
        }

        var builder = new TreeBuilder(file, diagnostics, limits);
        var readTo = Mark.Empty;
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            while (parser.MoveNext())
            {
                readTo = parser.Current!.End;
                if (!builder.Accept(parser.Current!))
                {
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            // The scanner reports a tab used for indentation at the start of the mapping; the tab's own place is what to fix.
            var at = ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is { } tab
                ? new SourceLocation(file, tab.Line, tab.Column)
                : At(file, ex.Start);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, at,
                $"YAML syntax error: {CleanMessage(ex.Message)}", "fix the indentation, quoting or brackets at this position");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 fails this way, without a position, on some broken flow collections
            // (a flow list continued on a less indented line): report where reading stopped.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(file, readTo),
                "YAML syntax error: the text after this position cannot be read", "fix the indentation, quoting or brackets after this position");
            return null;
        }

        if (builder.Failed)
        {
            return null;
        }

        if (builder.Root is null)
        {
            diagnostics.Error(DiagnosticCodes.YamlEmpty, SourceLocation.StartOf(file), "file has no content", "add the required keys");
        }

        return builder.Root;
    }

    /// <summary>The first tab in a line's indentation, 1-based.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (line, column, indenting) = (line + 1, 1, true);
                continue;
            }

            if (indenting && c == '\t')
            {
                return (line, column);
            }

            indenting &= c == ' ';
            column++;
        }

        return null;
    }

    /// <summary>Where the first byte that is not part of a UTF-8 character sits: its offset, line and byte column (1-based).</summary>
    internal static SourceLocation At(string file, Mark mark) =>
        new(file, Math.Max(1, (int)Math.Min(mark.Line, int.MaxValue)), Math.Max(1, (int)Math.Min(mark.Column, int.MaxValue)));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes its messages with the mark, which we already report in front.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private sealed class TreeBuilder(string file, DiagnosticBag diagnostics, YamlLimits limits)
    {
        private readonly Stack<Frame> _stack = new();
        private int _documents;

        public YamlNode? Root { get; private set; }

        public bool Failed { get; private set; }

        /// <summary>Takes one event; false means stop reading (a safety rule was broken).</summary>
        public bool Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart start:
                    if (++_documents > 1)
                    {
                        return Refuse(DiagnosticCodes.YamlMultipleDocuments, start.Start,
                            "file holds more than one YAML document", "remove the second '---' and everything after it, or move it to its own file");
                    }

                    return true;
                case AnchorAlias alias:
                    return Refuse(DiagnosticCodes.YamlAnchorOrAlias, alias.Start,
                        $"alias '*{alias.Value}' is not allowed", "write the value out in full; anchors and aliases are not supported");
                case Scalar scalar:
                    if (!CheckProperties(scalar, scalar.Anchor, scalar.Tag))
                    {
                        return false;
                    }

                    if (scalar.Value.Length > limits.MaxScalarLength)
                    {
                        return Refuse(DiagnosticCodes.YamlScalarTooLong, scalar.Start,
                            $"value is {scalar.Value.Length:N0} characters, more than the {limits.MaxScalarLength:N0} allowed", "shorten it");
                    }

                    var kind = scalar.Style switch
                    {
                        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => ScalarKind.Quoted,
                        ScalarStyle.Literal or ScalarStyle.Folded => ScalarKind.Block,
                        _ => ScalarKind.Plain,
                    };
                    return Add(new YamlScalar(At(file, scalar.Start), scalar.Value, kind));
                case MappingStart mapping:
                    return CheckProperties(mapping, mapping.Anchor, mapping.Tag) && Open(new Frame(At(file, mapping.Start), isMapping: true));
                case SequenceStart sequence:
                    return CheckProperties(sequence, sequence.Anchor, sequence.Tag) && Open(new Frame(At(file, sequence.Start), isMapping: false));
                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    return Add(frame.IsMapping
                        ? new YamlMapping(frame.Location, frame.Entries)
                        : new YamlSequence(frame.Location, frame.Items));
                default:
                    return true;
            }
        }

        private bool CheckProperties(ParsingEvent e, AnchorName anchor, TagName tag)
        {
            if (!anchor.IsEmpty)
            {
                return Refuse(DiagnosticCodes.YamlAnchorOrAlias, e.Start,
                    $"anchor '&{anchor.Value}' is not allowed", "write the value out in full; anchors and aliases are not supported");
            }

            if (!tag.IsEmpty && !tag.IsNonSpecific)
            {
                return Refuse(DiagnosticCodes.YamlExplicitTag, e.Start,
                    $"explicit tag '{tag.Value}' is not allowed", "remove the tag; quote the value if it must stay text");
            }

            return true;
        }

        private bool Open(Frame frame)
        {
            if (_stack.Count >= limits.MaxDepth)
            {
                diagnostics.Error(DiagnosticCodes.YamlTooDeep, frame.Location,
                    $"nesting is deeper than {limits.MaxDepth} levels", "flatten the structure; no setting needs this depth");
                Failed = true;
                return false;
            }

            _stack.Push(frame);
            return true;
        }

        private bool Add(YamlNode node)
        {
            if (_stack.Count == 0)
            {
                Root = node;
                return true;
            }

            var parent = _stack.Peek();
            if (!parent.IsMapping)
            {
                parent.Items.Add(node);
                return true;
            }

            if (parent.PendingKey is null)
            {
                if (node is not YamlScalar key)
                {
                    diagnostics.Error(DiagnosticCodes.YamlComplexKey, node.Location,
                        "a mapping key must be plain text", "use a simple 'name: value' key");
                    Failed = true;
                    return false;
                }

                var first = parent.Entries.Find(entry => entry.Key.Value == key.Value);
                if (first is not null)
                {
                    diagnostics.Error(DiagnosticCodes.YamlDuplicateKey, key.Location,
                        $"key '{key.Value}' is given twice (first at line {first.Key.Location.Line})", "keep one of them");
                    Failed = true;
                }

                parent.PendingKey = key;
                return true;
            }

            parent.Entries.Add(new YamlEntry(parent.PendingKey, node));
            parent.PendingKey = null;
            return true;
        }

        private bool Refuse(string code, Mark mark, string message, string hint)
        {
            diagnostics.Error(code, At(file, mark), message, hint);
            Failed = true;
            return false;
        }

        /// <summary>An open mapping or sequence. Mappings here hold a handful of keys, so a linear duplicate search beats a hash set.</summary>
        private sealed class Frame(SourceLocation location, bool isMapping)
        {
            private List<YamlNode>? _items;
            private List<YamlEntry>? _entries;

            public SourceLocation Location { get; } = location;

            public bool IsMapping { get; } = isMapping;

            public List<YamlNode> Items => _items ??= [];

            public List<YamlEntry> Entries => _entries ??= [];

            public YamlScalar? PendingKey { get; set; }
        }
    }
}
