using System.Globalization;
using System.Text;

namespace Onboarding.Core.Tests.Yaml;

/// <summary>
/// Team files as people and tools write them, in every style the block scanner takes (indent widths, indentless
/// lists, flow lists and mappings, the three scalar styles with escapes, comments, blank lines, CRLF, a BOM,
/// Unicode), valid or not as team files; and hostile edits of them.
/// </summary>
internal static class TeamFileTexts
{
    private static readonly string[] Names =
    [
        "team-00042", "analytics", "ml-platform", "payments_eu", "ab", "Analytics", "no", "yes", "on", "null", "~", "true",
        "0755", "1e3", "1.10", "-rf", "a b", "p\u0430yments", "\u00c5str\u00f6m", "example_dags", "admin", "x.git",
        new string('a', 51), "", "team #7", "a: b", "https://x",
    ];

    private static readonly string[] Texts =
    [
        "Pipelines owned by team 7", "Marketing analytics pipelines", "caf\u00e9 cr\u00e8me \u2014 \u00fcber", "\U0001F600 smile",
        "alpha\nadmins: [mallory]", "alpha # x", "a: b", "&a", "*a", "!tag", "- x", "no", "~", "null", "0755", "1.10",
        "a\"; touch /tmp/pwned; echo \"", "$(touch /tmp/pwned2)", "`id`", "::add-mask::Onboarding", "{a: 1}", "'quoted'",
        " leading space", "trailing space ", "tab\there", "p\u0430yments \u202e \u200b", "back\\slash \\\" \\x41",
        "line\u2028separator", "nel\u0085", "bom\ufeffinside", "nul\0byte", "bell\a", "it's", "say \"hi\"",
        "<img src=https://evil/x> @org/everyone", "{{ ds }} {% raw %} ${HOME}", "[not, a, list]", "a, b", "x" + new string('y', 300),
    ];

    private static readonly string[] Refs = ["main", "develop", "feature/settlement-v2", "v2.4.1", "release", "refs/heads/x", "no", "1.10"];

    private static readonly string[] Repos =
    [
        "airflow-analytics", "https://github.com/acme-shared/ml-feature-dags.git", "https://github.com/acme-data/r",
        "http://github.com/acme-data/r", "https://github.com@evil.com/acme-data/r", "https://github.com/acme-data/r?x=1",
        "--upload-pack=x", "ext::sh -c x", "../../x", "x.",
    ];

    private static readonly string[] Environments = ["dev", "qa", "staging", "prod", "dr", "Prod", "dev-eu", "e2e.test"];

    private static readonly string[] Numbers = ["60", "300", "10", "9", "0", "-5", "007", "1e3", "60.5", "99999999999", "+30", "0x10"];

    private static readonly string[] Booleans = ["true", "false", "True", "FALSE", "yes", "no", "on", "1"];

    private static readonly string[] Hostile =
    [
        "\t", "\r", "\n", "\0", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\u00e9", "\U0001F600", "\u00a0", " ", "  ",
        "#", " #", ":", ": ", "-", "- ", "?", "? ", ",", "[", "]", "{", "}", "&a ", "*a", "!", "!!str ", "|", ">", "'", "\"",
        "''", "\\", "\\u", "\\uD800", "\\x4", "\\q", "%", "@", "`", "~", "---", "...", "\n---\n", "\n...\n", "%YAML 1.2\n---\n",
        "\nname: dup\n", "\n  - x\n", "\n- x\n", "[a, [b]]", "{a: {b: c}}", "[a,]", "{a}", "{a:}", "{a: }", "[a: b]",
        "\"multi\n line\"", "'multi\n line'", "plain\n  continued", "| \n  block\n", ">-\n  folded\n", "key: value: x", "- - x",
        "&anchor {}", "*alias", "<<: {}", "\u0000", "\u001b", "x\u0308", "\ud83d", "\udc00", "a:b", ": x", "- x: y\n  z: w",
    ];

    /// <summary>A whole team file; with <paramref name="subsetOnly"/>, only in the styles the block scanner takes.</summary>
    public static string TeamFile(Random random, bool subsetOnly = true)
    {
        var style = new Style(random, subsetOnly);
        var lines = new List<string>();
        if (random.Next(3) > 0)
        {
            lines.Add("# yaml-language-server: $schema=../schemas/team.schema.json");
        }

        var top = new List<List<string>>
        {
            Entry(style, 0, "schema_version", random.Next(8) > 0 ? "1" : Pick(random, Numbers)),
            Entry(style, 0, "name", style.Scalar(Pick(random, Names))),
        };
        if (random.Next(2) == 0)
        {
            top.Add(Entry(style, 0, "description", style.Scalar(Pick(random, Texts))));
        }

        top.Add(Owners(style, random));
        top.Add(Bundles(style, random));
        if (random.Next(10) == 0)
        {
            top.Add(Entry(style, 0, Pick(random, ["nmae", "team", "bundle", "owner"]), style.Scalar(Pick(random, Names))));
        }

        if (random.Next(10) == 0)
        {
            top.RemoveAt(random.Next(top.Count));
        }

        if (random.Next(5) == 0)
        {
            Shuffle(random, top);
        }

        foreach (var entry in top)
        {
            lines.AddRange(entry);
            style.MaybeNoise(lines);
        }

        return style.Join(lines);
    }

    /// <summary>A team file with one to four hostile edits: characters, tokens and lines inserted, removed, moved or re-indented.</summary>
    public static string Mutated(Random random)
    {
        var text = TeamFile(random, subsetOnly: random.Next(2) == 0);
        var edits = random.Next(1, 5);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0 or 1:
                    text = text.Insert(at, Pick(random, Hostile));
                    break;
                case 2 when text.Length > 0:
                    text = text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 4), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                default:
                    text = EditLine(random, text);
                    break;
            }
        }

        return text;
    }

    private static string EditLine(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var i = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                lines.Insert(random.Next(lines.Count + 1), lines[i]);
                break;
            case 1:
                lines[i] = new string(' ', random.Next(1, 4)) + lines[i];
                break;
            case 2:
                lines[i] = lines[i].TrimStart();
                break;
            default:
                var line = lines[i];
                lines.RemoveAt(i);
                lines.Insert(random.Next(lines.Count + 1), line);
                break;
        }

        return string.Join('\n', lines);
    }

    private static List<string> Owners(Style style, Random random)
    {
        var contacts = Enumerable.Range(0, random.Next(4)).Select(_ => style.Scalar(Pick(random, ["a@example.com", "team-7@example.com", "not an email", "x@y"]))).ToList();
        if (random.Next(6) == 0)
        {
            var flow = new StringBuilder("{").Append(style.FlowSpace).Append("github_team: ").Append(style.FlowScalar("team-eng"));
            return [$"owners: {flow}{style.FlowSpace}}}"];
        }

        var owners = new List<List<string>> { Entry(style, style.Step, "github_team", style.Scalar(Pick(random, ["analytics-eng", "ml-platform", "Team Eng", "no"]))) };
        if (contacts.Count > 0 || random.Next(4) == 0)
        {
            owners.Add(style.List(style.Step, "contacts", contacts));
        }

        return [style.Key(0, "owners"), .. owners.SelectMany(l => l)];
    }

    private static List<string> Bundles(Style style, Random random)
    {
        var lines = new List<string> { style.Key(0, "bundles") };
        var count = random.Next(8) == 0 ? 0 : random.Next(1, 4);
        if (count == 0)
        {
            lines[0] += random.Next(2) == 0 ? " []" : "";
            return lines;
        }

        var dash = style.IndentlessLists ? 0 : style.Step;
        for (var b = 0; b < count; b++)
        {
            var indent = dash + 2;
            var keys = new List<List<string>>
            {
                Entry(style, indent, "name", style.Scalar(Pick(random, Names))),
                Entry(style, indent, "repo", style.Scalar(Pick(random, Repos))),
            };
            if (random.Next(2) == 0)
            {
                keys.Add(Entry(style, indent, "tracking_ref", style.Scalar(Pick(random, Refs))));
            }

            if (random.Next(2) == 0)
            {
                keys.Add(Entry(style, indent, "subdir", style.Scalar(Pick(random, ["dags", "src/dags", "/abs", "../up", "a b"]))));
            }

            if (random.Next(2) == 0)
            {
                keys.Add(Entry(style, indent, "refresh_interval", random.Next(6) == 0 ? style.Scalar(Pick(random, Numbers)) : Pick(random, Numbers)));
            }

            if (random.Next(5) == 0)
            {
                keys.Add(Entry(style, indent, Pick(random, ["submodules", "prune_dotgit_folder"]), Pick(random, Booleans)));
            }

            if (random.Next(5) == 0)
            {
                keys.Add(Entry(style, indent, "git_conn_id", style.Scalar(Pick(random, ["github_default", "github payments"]))));
            }

            if (random.Next(4) == 0)
            {
                keys.Add(style.List(indent, "sparse_dirs", [.. Enumerable.Range(0, random.Next(3)).Select(_ => style.Scalar(Pick(random, ["dags", "common", "x/y"])))]));
            }

            if (random.Next(3) == 0)
            {
                keys.Add(BundleEnvironments(style, random, indent));
            }

            if (random.Next(12) == 0)
            {
                keys.Add(Entry(style, indent, Pick(random, ["trackingref", "sub_dir", "kwargs"]), "x"));
            }

            if (random.Next(4) == 0)
            {
                Shuffle(random, keys);
            }

            var first = keys.SelectMany(l => l).ToList();
            first[0] = new string(' ', dash) + "-" + new string(' ', 1) + first[0][indent..];
            lines.AddRange(first);
        }

        return lines;
    }

    private static List<string> BundleEnvironments(Style style, Random random, int indent)
    {
        var lines = new List<string> { style.Key(indent, "environments") };
        var names = Environments.OrderBy(_ => random.Next()).Take(random.Next(1, 4));
        foreach (var name in names)
        {
            switch (random.Next(4))
            {
                case 0:
                    lines.Add($"{new string(' ', indent + style.Step)}{name}: {{}}");
                    break;
                case 1:
                    lines.Add(style.Key(indent + style.Step, name));
                    break;
                case 2:
                    lines.Add($"{new string(' ', indent + style.Step)}{name}: {{{style.FlowSpace}tracking_ref: {style.FlowScalar(Pick(random, Refs))}{style.FlowSpace}}}");
                    break;
                default:
                    lines.Add(style.Key(indent + style.Step, name));
                    lines.AddRange(Entry(style, indent + (2 * style.Step), "tracking_ref", style.Scalar(Pick(random, Refs))));
                    if (random.Next(2) == 0)
                    {
                        lines.AddRange(Entry(style, indent + (2 * style.Step), "refresh_interval", Pick(random, Numbers)));
                    }

                    break;
            }
        }

        return lines;
    }

    private static List<string> Entry(Style style, int indent, string key, string value) => [$"{style.Key(indent, key)} {value}{style.Trailer()}"];

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The writing habits of one file: indent width, list style, quoting, comments, line ends.</summary>
    private sealed class Style(Random random, bool subsetOnly)
    {
        public int Step { get; } = random.Next(4) == 0 ? 4 : 2;

        public bool IndentlessLists { get; } = random.Next(5) == 0;

        public string FlowSpace { get; } = random.Next(2) == 0 ? " " : "";

        private readonly bool _crlf = random.Next(8) == 0;
        private readonly bool _bom = random.Next(12) == 0;
        private readonly bool _noFinalNewline = random.Next(8) == 0;

        public string Key(int indent, string key) => $"{new string(' ', indent)}{key}:";

        public string Trailer() => random.Next(10) switch
        {
            0 => "   ",
            1 => " # a comment: with [brackets], 'quotes' and \u00e9",
            _ => "",
        };

        public void MaybeNoise(List<string> lines)
        {
            switch (random.Next(12))
            {
                case 0:
                    lines.Add("");
                    break;
                case 1:
                    lines.Add(new string(' ', random.Next(6)) + "# note");
                    break;
                case 2:
                    lines.Add("   ");
                    break;
            }
        }

        public List<string> List(int indent, string key, List<string> items)
        {
            if (items.Count == 0 || random.Next(3) == 0)
            {
                return [$"{Key(indent, key)} [{FlowSpace}{string.Join(", ", items.Select(Unflow))}{FlowSpace}]"];
            }

            var dash = new string(' ', IndentlessLists ? indent : indent + Step);
            return [Key(indent, key), .. items.Select(item => $"{dash}- {item}{Trailer()}")];
        }

        /// <summary>A value written the way a person might: plain when it reads back as the same text, else quoted.</summary>
        public string Scalar(string value)
        {
            var plain = IsPlainInBlock(value);
            return random.Next(6) switch
            {
                0 when subsetOnly || random.Next(2) == 0 => DoubleQuoted(value),
                1 when CanSingleQuote(value) => SingleQuoted(value),
                2 when !subsetOnly => value,
                _ => plain ? value : DoubleQuoted(value),
            };
        }

        public string FlowScalar(string value) => IsPlainInFlow(value) && random.Next(3) > 0 ? value : DoubleQuoted(value);

        public string Join(List<string> lines)
        {
            var text = string.Join(_crlf ? "\r\n" : "\n", lines) + (_noFinalNewline ? "" : _crlf ? "\r\n" : "\n");
            return _bom ? "\ufeff" + text : text;
        }

        private string Unflow(string item) => item.StartsWith('"') || item.StartsWith('\'') || IsPlainInFlow(item) ? item : DoubleQuoted(item);

        private static bool IsPlainInBlock(string value) =>
            value.Length > 0 && !char.IsWhiteSpace(value[^1]) && !"-?:,[]{}#&*!|>'\"%@` ".Contains(value[0], StringComparison.Ordinal)
            && !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':') && !value.Contains(" #", StringComparison.Ordinal)
            && value.All(c => c >= ' ' && c != '\u007f' && c is < '\u0080' or >= '\u00a0' && c != '\u2028' && c != '\u2029' && c != '\ufeff');

        private static bool IsPlainInFlow(string value) =>
            IsPlainInBlock(value) && value.IndexOfAny([',', '[', ']', '{', '}', ':', '#']) < 0;

        private static bool CanSingleQuote(string value) => value.All(c => c >= ' ' && c != '\u007f' && c is < '\u0080' or >= '\u00a0' && c is not '\u2028' and not '\u2029' and not '\ufeff');

        private static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

        private string DoubleQuoted(string value)
        {
            var text = new StringBuilder("\"");
            foreach (var c in value)
            {
                text.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\t' => random.Next(2) == 0 ? "\\t" : "\\x09",
                    '\0' => "\\0",
                    '\u0085' => "\\N",
                    '\u2028' => "\\L",
                    '\u00a0' => "\\_",
                    '\u00e9' when random.Next(2) == 0 => "\\u00e9",
                    _ when c < ' ' || c == '\u007f' || c is >= '\u0080' and < '\u00a0' || c is '\u2029' or '\ufeff' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            return text.Append('"').ToString();
        }
    }
}
