namespace Onboarding.Core.Yaml;

/// <summary>
/// A fast reader for the plain block YAML team files are written in: block mappings with simple keys, block
/// sequences, one-line plain and quoted scalars, one-line flow lists and mappings of scalars, comments, LF or CRLF
/// line ends. It reads the UTF-8 bytes directly and builds exactly the tree <see cref="SafeYamlReader"/> builds for
/// the same text (values, styles, lines and columns). On anything else it gives up and returns null, and the caller
/// reads the file with <see cref="SafeYamlReader"/>, which reports every problem: this reader reports none, and
/// returns a tree only for text YamlDotNet reads without complaint. Where YamlDotNet's reading is surprising (tabs
/// outside quotes, multi-line scalars, surrogate escapes, keys with odd characters, deep nesting, duplicate keys,
/// anchors, tags, several documents, control characters, line separators) it gives up rather than imitate it.
/// </summary>
internal static class BlockYamlScanner
{
    /// <summary>Far above what a team file needs and well under <see cref="YamlLimits.MaxDepth"/>.</summary>
    private const int MaxDepth = 16;

    private const int MaxKeyLength = 128;

    /// <summary>Bytes that need no further look: printable ASCII, the two line-end bytes and tab (taken only inside quotes).</summary>
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        [(byte)'\n', (byte)'\r', (byte)'\t', .. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b)]);

    /// <summary>The bytes that end a plain scalar or change its meaning on a line of block context.</summary>
    private static readonly SearchValues<byte> BlockPlainStops = SearchValues.Create(" :\t\r\n"u8);

    /// <summary>Keys every team file repeats: reading them gives the same string instance instead of a new one per file.</summary>
    private static readonly string[] CommonKeys =
    [
        "schema_version", "name", "description", "owners", "github_team", "contacts", "bundles", "repo",
        "tracking_ref", "subdir", "refresh_interval", "git_conn_id", "submodules", "sparse_dirs", "environments",
        "prune_dotgit_folder", "dev", "qa", "staging", "prod", "dr",
    ];

    private static readonly byte[][] CommonKeyBytes = [.. CommonKeys.Select(Encoding.ASCII.GetBytes)];

    /// <summary>The tree of <paramref name="bytes"/>, or null when the text is outside the subset this reader takes.</summary>
    public static YamlNode? TryRead(ReadOnlySpan<byte> bytes, string file, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (bytes.Length > limits.MaxBytes)
        {
            return null;
        }

        // SafeYamlReader drops one leading byte-order mark before decoding; columns count from after it.
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!HasOnlyPlainCharacters(bytes))
        {
            return null;
        }

        var reader = new Reader(bytes, file, Math.Min(MaxDepth, limits.MaxDepth - 1), limits.MaxScalarLength);
        return reader.ReadDocument();
    }

    /// <summary>
    /// Valid UTF-8 of printable characters and tabs with LF or CRLF line ends: no control character, no lone CR, and
    /// none of the characters YamlDotNet reads as a line break (NEL, LS, PS) or that read differently elsewhere (BOM).
    /// </summary>
    private static bool HasOnlyPlainCharacters(ReadOnlySpan<byte> bytes)
    {
        var odd = bytes.IndexOfAnyExcept(PlainAscii);
        if (odd >= 0)
        {
            if (!Utf8.IsValid(bytes))
            {
                return false;
            }

            var rest = bytes[odd..];
            while (!rest.IsEmpty)
            {
                if (rest[0] < 0x80)
                {
                    return false;
                }

                Rune.DecodeFromUtf8(rest, out var rune, out var length);
                if (!IsPlainNonAscii(rune.Value))
                {
                    return false;
                }

                rest = rest[length..];
                var next = rest.IndexOfAnyExcept(PlainAscii);
                rest = next < 0 ? [] : rest[next..];
            }
        }

        for (var cr = bytes.IndexOf((byte)'\r'); cr >= 0; cr = bytes.IndexOf((byte)'\r'))
        {
            if (cr + 1 >= bytes.Length || bytes[cr + 1] != '\n')
            {
                return false;
            }

            bytes = bytes[(cr + 2)..];
        }

        return true;
    }

    private static bool IsPlainNonAscii(int value) =>
        value is (>= 0xA0 and <= 0xD7FF and not 0x2028 and not 0x2029) or (>= 0xE000 and <= 0xFFFD and not 0xFEFF) or >= 0x10000;

    /// <summary>Characters a plain scalar may not start with (YamlDotNet's list, without its exceptions).</summary>
    private static bool IsPlainStart(byte c) => c switch
    {
        (byte)'-' or (byte)'?' or (byte)':' or (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'#'
            or (byte)'&' or (byte)'*' or (byte)'!' or (byte)'|' or (byte)'>' or (byte)'\'' or (byte)'"' or (byte)'%'
            or (byte)'@' or (byte)'`' or (byte)' ' or (byte)'\r' or (byte)'\n' => false,
        _ => true,
    };

    private static bool IsKeyStart(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_';

    private static bool IsKeyPart(byte c) => IsKeyStart(c) || c is (byte)'-' or (byte)'.';

    private static string KeyText(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < CommonKeyBytes.Length; i++)
        {
            if (key.SequenceEqual(CommonKeyBytes[i]))
            {
                return CommonKeys[i];
            }
        }

        return Encoding.ASCII.GetString(key);
    }

    /// <summary>
    /// Reads line by line. Every method that reads a node leaves the reader on the first character of the next line
    /// that holds content (<see cref="_indent"/> is its indentation, -1 at the end), or returns null to give up.
    /// </summary>
    private ref struct Reader(ReadOnlySpan<byte> text, string file, int maxDepth, int maxScalarLength)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private int _indent;

        public YamlMapping? ReadDocument()
        {
            NextContentLine();
            if (_indent != 0 || !AtKey())
            {
                return null;
            }

            var root = BlockMapping(1);
            return root is not null && _indent < 0 ? root : null;
        }

        private YamlMapping? BlockMapping(int depth)
        {
            if (depth > maxDepth)
            {
                return null;
            }

            var indent = _pos - _lineStart;
            var location = Here();
            var entries = new List<YamlEntry>(6);
            while (true)
            {
                var key = Key();
                if (key is null || Contains(entries, key.Value))
                {
                    return null;
                }

                YamlNode? value;
                if (AtLineEnd(_pos))
                {
                    if (EmptyThenNextLine() is not { } empty)
                    {
                        return null;
                    }

                    value = _indent > indent ? NestedBlock(depth + 1)
                        : _indent == indent && AtSequenceEntry() ? BlockSequence(depth + 1, indentless: true)
                        : Empty(empty);
                }
                else
                {
                    SkipSpaces();
                    value = InlineValueToLineEnd(depth + 1);
                }

                if (value is null || _indent > indent)
                {
                    return null;
                }

                entries.Add(new YamlEntry(key, value));
                if (_indent < indent)
                {
                    return new YamlMapping(location, entries);
                }
            }
        }

        /// <summary>
        /// A key or dash alone on its line: where YamlDotNet puts the empty value (right after it), with the reader moved to
        /// the next line that holds content (a nested block, when it is indented further); null when the line goes on.
        /// Only the place is kept: most such keys open a nested block, and the empty scalar is built only when none follows.
        /// </summary>
        private SourceLocation? EmptyThenNextLine()
        {
            var empty = Here();
            if (!EndOfLine())
            {
                return null;
            }

            NextContentLine();
            return empty;
        }

        private static YamlScalar Empty(SourceLocation at) => new(at, "", ScalarKind.Plain);

        private YamlSequence? BlockSequence(int depth, bool indentless)
        {
            if (depth > maxDepth)
            {
                return null;
            }

            var indent = _pos - _lineStart;
            var location = Here();
            var items = new List<YamlNode>();
            while (true)
            {
                _pos++;
                YamlNode? item;
                if (AtLineEnd(_pos))
                {
                    if (EmptyThenNextLine() is not { } empty)
                    {
                        return null;
                    }

                    item = _indent > indent ? NestedBlock(depth + 1) : Empty(empty);
                }
                else
                {
                    SkipSpaces();
                    item = AtSequenceEntry() ? null
                        : AtKey() ? BlockMapping(depth + 1)
                        : InlineValueToLineEnd(depth + 1);
                }

                if (item is null || _indent > indent)
                {
                    return null;
                }

                items.Add(item);
                if (_indent < indent)
                {
                    return new YamlSequence(location, items);
                }

                if (!AtSequenceEntry())
                {
                    // A key at the indentation of an indentless list belongs to the mapping around it.
                    return indentless ? new YamlSequence(location, items) : null;
                }
            }
        }

        /// <summary>The block collection that starts on the current line, indented under its key or dash.</summary>
        private YamlNode? NestedBlock(int depth) =>
            AtSequenceEntry() ? BlockSequence(depth, indentless: false)
            : AtKey() ? BlockMapping(depth)
            : null;

        /// <summary>A scalar or flow collection that ends its line; nothing may continue it on the next lines.</summary>
        private YamlNode? InlineValueToLineEnd(int depth)
        {
            if (_pos >= _text.Length)
            {
                return null;
            }

            YamlNode? value = _text[_pos] switch
            {
                (byte)'"' => DoubleQuoted(),
                (byte)'\'' => SingleQuoted(),
                (byte)'[' => FlowCollection(depth, mapping: false),
                (byte)'{' => FlowCollection(depth, mapping: true),
                _ when AtPlainStart() => BlockPlain(),
                _ => null,
            };
            if (value is null || !EndOfLine())
            {
                return null;
            }

            NextContentLine();
            return value;
        }

        /// <summary>A plain scalar of block context, on one line; a ': ' in it would make it a key, so it gives up there.</summary>
        private YamlScalar? BlockPlain()
        {
            var location = Here();
            var start = _pos;
            var end = _pos;
            var i = _pos;
            while (true)
            {
                var stop = _text[i..].IndexOfAny(BlockPlainStops);
                i = stop < 0 ? _text.Length : i + stop;
                if (i >= _text.Length || _text[i] is (byte)'\r' or (byte)'\n')
                {
                    end = i;
                    break;
                }

                if (_text[i] == '\t')
                {
                    return null;
                }

                if (_text[i] == ':')
                {
                    if (i + 1 >= _text.Length || _text[i + 1] is (byte)' ' or (byte)'\r' or (byte)'\n')
                    {
                        return null;
                    }

                    i++;
                    continue;
                }

                // A space: the scalar goes on unless only spaces, or spaces and a comment, follow.
                end = i;
                while (i < _text.Length && _text[i] == ' ')
                {
                    i++;
                }

                if (i >= _text.Length || _text[i] is (byte)'#' or (byte)'\r' or (byte)'\n')
                {
                    break;
                }
            }

            _pos = end;
            return Scalar(location, _text[start..end], ScalarKind.Plain);
        }

        /// <summary>A plain scalar inside a one-line flow collection, ended by ',' ']' or '}'.</summary>
        private YamlScalar? FlowPlain()
        {
            var location = Here();
            var start = _pos;
            var end = _pos;
            for (var i = _pos; i < _text.Length; i++)
            {
                switch (_text[i])
                {
                    case (byte)',' or (byte)']' or (byte)'}':
                        _pos = i;
                        return Scalar(location, _text[start..end], ScalarKind.Plain);
                    case (byte)':' or (byte)'#' or (byte)'[' or (byte)'{' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                        return null;
                    case (byte)' ':
                        break;
                    default:
                        end = i + 1;
                        break;
                }
            }

            return null;
        }

        private YamlScalar? SingleQuoted()
        {
            var location = Here();
            var start = ++_pos;
            StringBuilder? unescaped = null;
            for (var i = start; i < _text.Length; i++)
            {
                switch (_text[i])
                {
                    case (byte)'\'' when i + 1 < _text.Length && _text[i + 1] == '\'':
                        unescaped ??= new StringBuilder();
                        unescaped.Append(Encoding.UTF8.GetString(_text[start..(i + 1)]));
                        start = i + 2;
                        i++;
                        break;
                    case (byte)'\'':
                        return Closed(location, start, i, unescaped);
                    case (byte)'\r' or (byte)'\n':
                        return null;
                }
            }

            return null;
        }

        /// <summary>The quoted scalar that ends at the closing quote at <paramref name="end"/>: its bytes as they are, unless an escape was met.</summary>
        private YamlScalar? Closed(SourceLocation location, int start, int end, StringBuilder? unescaped)
        {
            _pos = end + 1;
            if (unescaped is null)
            {
                return Scalar(location, _text[start..end], ScalarKind.Quoted);
            }

            unescaped.Append(Encoding.UTF8.GetString(_text[start..end]));
            return Scalar(location, unescaped.ToString(), ScalarKind.Quoted);
        }

        private YamlScalar? DoubleQuoted()
        {
            var location = Here();
            var start = ++_pos;
            StringBuilder? unescaped = null;
            var i = start;
            while (i < _text.Length)
            {
                switch (_text[i])
                {
                    case (byte)'"':
                        return Closed(location, start, i, unescaped);
                    case (byte)'\\':
                        unescaped ??= new StringBuilder();
                        unescaped.Append(Encoding.UTF8.GetString(_text[start..i]));
                        var length = Unescape(_text[(i + 1)..], unescaped);
                        if (length == 0)
                        {
                            return null;
                        }

                        i += 1 + length;
                        start = i;
                        break;
                    case (byte)'\r' or (byte)'\n':
                        return null;
                    default:
                        i++;
                        break;
                }
            }

            return null;
        }

        /// <summary>
        /// Appends the character of one escape (the text after its backslash) and returns how many bytes it took;
        /// 0 for an escape YamlDotNet refuses or reads in its own way (a line break, a surrogate).
        /// </summary>
        private static int Unescape(ReadOnlySpan<byte> escape, StringBuilder into)
        {
            if (escape.IsEmpty)
            {
                return 0;
            }

            char? simple = escape[0] switch
            {
                (byte)'0' => '\0',
                (byte)'a' => '\a',
                (byte)'b' => '\b',
                (byte)'t' => '\t',
                (byte)'n' => '\n',
                (byte)'v' => '\v',
                (byte)'f' => '\f',
                (byte)'r' => '\r',
                (byte)'e' => '\x1B',
                (byte)' ' => ' ',
                (byte)'"' => '"',
                (byte)'\\' => '\\',
                (byte)'/' => '/',
                (byte)'N' => '\x85',
                (byte)'_' => '\xA0',
                (byte)'L' => '\u2028',
                (byte)'P' => '\u2029',
                _ => null,
            };
            if (simple is { } c)
            {
                into.Append(c);
                return 1;
            }

            var digits = escape[0] switch
            {
                (byte)'x' => 2,
                (byte)'u' => 4,
                (byte)'U' => 8,
                _ => 0,
            };
            if (digits == 0 || escape.Length <= digits)
            {
                return 0;
            }

            var value = 0L;
            foreach (var digit in escape[1..(1 + digits)])
            {
                var nibble = digit switch
                {
                    >= (byte)'0' and <= (byte)'9' => digit - '0',
                    >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                    >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                    _ => -1,
                };
                if (nibble < 0)
                {
                    return 0;
                }

                value = (value << 4) + nibble;
            }

            if (value is >= 0xD800 and <= 0xDFFF or > 0x10FFFF)
            {
                return 0;
            }

            into.Append(char.ConvertFromUtf32((int)value));
            return 1 + digits;
        }

        /// <summary>A one-line flow list or mapping of scalars; null when it leaves the subset.</summary>
        private YamlNode? FlowCollection(int depth, bool mapping)
        {
            if (depth > maxDepth)
            {
                return null;
            }

            var location = Here();
            var close = mapping ? (byte)'}' : (byte)']';
            _pos++;
            SkipSpaces();
            var items = new List<YamlNode>();
            var entries = new List<YamlEntry>();
            while (!At(close))
            {
                if (!(mapping ? FlowEntry(entries) : FlowItem(items)))
                {
                    return null;
                }

                SkipSpaces();
                if (At(close))
                {
                    break;
                }

                if (!At((byte)','))
                {
                    return null;
                }

                _pos++;
                SkipSpaces();
            }

            _pos++;
            return mapping ? new YamlMapping(location, entries) : new YamlSequence(location, items);
        }

        /// <summary>Adds one flow list item; false when it leaves the subset.</summary>
        private bool FlowItem(List<YamlNode> items)
        {
            if (FlowScalar() is not { } item)
            {
                return false;
            }

            items.Add(item);
            return true;
        }

        /// <summary>Adds one flow mapping entry; false when it leaves the subset.</summary>
        private bool FlowEntry(List<YamlEntry> entries)
        {
            // In flow context only ': ' is taken: ':' before ',' or '}' means an empty value, which YamlDotNet reads its own way.
            var key = AtKey() ? Key() : null;
            if (key is null || !At((byte)' ') || Contains(entries, key.Value))
            {
                return false;
            }

            SkipSpaces();
            if (FlowScalar() is not { } value)
            {
                return false;
            }

            entries.Add(new YamlEntry(key, value));
            return true;
        }

        private YamlScalar? FlowScalar()
        {
            if (_pos >= _text.Length)
            {
                return null;
            }

            return _text[_pos] switch
            {
                (byte)'"' => DoubleQuoted(),
                (byte)'\'' => SingleQuoted(),
                _ when AtPlainStart() => FlowPlain(),
                _ => null,
            };
        }

        /// <summary>
        /// Whether a plain scalar starts here: not at an indicator, except a '-' before a letter, digit or '.'
        /// (<c>-5</c>, <c>-rf</c>), which YamlDotNet reads as text in both contexts.
        /// </summary>
        private readonly bool AtPlainStart() =>
            _pos < _text.Length && (IsPlainStart(_text[_pos])
                || (_text[_pos] == '-' && _pos + 1 < _text.Length && (IsKeyStart(_text[_pos + 1]) || _text[_pos + 1] == '.')));

        /// <summary>A simple key: a word of ASCII letters, digits, '_', '-' and '.', then ':' and a space or the line's end.</summary>
        private readonly bool AtKey()
        {
            if (_pos >= _text.Length || !IsKeyStart(_text[_pos]))
            {
                return false;
            }

            var i = _pos + 1;
            while (i < _text.Length && IsKeyPart(_text[i]))
            {
                i++;
            }

            return i - _pos <= MaxKeyLength && i < _text.Length && _text[i] == ':'
                && (i + 1 >= _text.Length || _text[i + 1] is (byte)' ' or (byte)'\r' or (byte)'\n');
        }

        /// <summary>Reads the key <see cref="AtKey"/> found and its colon.</summary>
        private YamlScalar? Key()
        {
            if (!AtKey())
            {
                return null;
            }

            var location = Here();
            var start = _pos;
            while (_text[_pos] != ':')
            {
                _pos++;
            }

            var key = new YamlScalar(location, KeyText(_text[start.._pos]), ScalarKind.Plain);
            _pos++;
            return key;
        }

        private readonly bool AtSequenceEntry() =>
            At((byte)'-') && (_pos + 1 >= _text.Length || _text[_pos + 1] is (byte)' ' or (byte)'\r' or (byte)'\n');

        /// <summary>Whether only spaces, and maybe a comment after them, are left on the line from <paramref name="from"/>.</summary>
        private readonly bool AtLineEnd(int from)
        {
            var i = from;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            return i >= _text.Length || _text[i] is (byte)'\r' or (byte)'\n' || (_text[i] == '#' && i > from);
        }

        /// <summary>Moves past the spaces, the comment and the line break that end a line; false when something else is there.</summary>
        private bool EndOfLine()
        {
            var from = _pos;
            SkipSpaces();
            // A '#' right after the value, with no space before it, is part of the value in YAML: not a comment.
            return _pos >= _text.Length || ((_pos > from || _text[_pos] != '#') && SkipLineEnd());
        }

        /// <summary>At a comment or a line break: moves to the start of the next line and counts it; false at anything else.</summary>
        private bool SkipLineEnd()
        {
            switch (_text[_pos])
            {
                case (byte)'#':
                    var newline = _text[_pos..].IndexOf((byte)'\n');
                    _pos = newline < 0 ? _text.Length : _pos + newline + 1;
                    break;
                case (byte)'\r':
                    _pos += 2;
                    break;
                case (byte)'\n':
                    _pos++;
                    break;
                default:
                    return false;
            }

            _line++;
            return true;
        }

        /// <summary>From the start of a line, skips blank and comment lines and stops on the first character of content.</summary>
        private void NextContentLine()
        {
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    _indent = -1;
                    return;
                }

                _lineStart = _pos;
                SkipSpaces();
                if (_pos >= _text.Length)
                {
                    _indent = -1;
                    return;
                }

                if (!SkipLineEnd())
                {
                    _indent = _pos - _lineStart;
                    return;
                }
            }
        }

        private void SkipSpaces()
        {
            while (_pos < _text.Length && _text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private readonly bool At(byte c) => _pos < _text.Length && _text[_pos] == c;

        /// <summary>The position of the reader as YamlDotNet marks it: the column counts UTF-16 code units from 1.</summary>
        private readonly SourceLocation Here()
        {
            var before = _text[_lineStart.._pos];
            var column = before.Length + 1;
            if (!Ascii.IsValid(before))
            {
                column = 1;
                foreach (var b in before)
                {
                    // Lead bytes start a character; a 4-byte one is a surrogate pair in UTF-16.
                    column += (b & 0xC0) == 0x80 ? 0 : 1;
                    column += b >= 0xF0 ? 1 : 0;
                }
            }

            return new SourceLocation(file, _line, column);
        }

        private readonly YamlScalar? Scalar(SourceLocation location, ReadOnlySpan<byte> value, ScalarKind kind) =>
            value.Length > maxScalarLength * 3 ? null : Scalar(location, Encoding.UTF8.GetString(value), kind);

        private readonly YamlScalar? Scalar(SourceLocation location, string value, ScalarKind kind) =>
            value.Length > maxScalarLength ? null : new YamlScalar(location, value, kind);

        private static bool Contains(List<YamlEntry> entries, string key)
        {
            foreach (var entry in entries)
            {
                if (entry.Key.Value == key)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
