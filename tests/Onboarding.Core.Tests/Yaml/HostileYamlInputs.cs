using System.Text;
using System.Text.Json;
using Onboarding.Core.Model;
using Onboarding.Core.Tests.Pipelines;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Tests.Validation;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Tests.Yaml;

/// <summary>
/// The hostile YAML of the suite as team files: the documents of SECURITY.md and <see cref="YamlSafetySpecs"/>, the
/// hostile values of the other specs written into every place and every style a team file may hold them, and the
/// encodings, line ends, limits and nestings at the edges of what YAML readers agree on.
/// </summary>
internal static class HostileYamlInputs
{
    private const string Head = "schema_version: 1\nname: team\nowners: {github_team: t}\n";

    /// <summary>Values from SECURITY.md and the specs that test them.</summary>
    public static IEnumerable<string> Values()
    {
        string[] security =
        [
            "alpha\nadmins: [mallory]", "alpha # x", "a: b", "&a", "*a", "!tag", "- x", "no", "NO", "on", "yes", "y", "null",
            "~", "true", "0755", "1e3", "1.10", "a\"; touch /tmp/pwned; echo \"", "$(touch /tmp/pwned2)", "`id`",
            "::add-mask::Onboarding", "::error file=action.yml,line=1::fake", "::stop-commands::x", "@org/everyone please look",
            "<img src=https://evil/x>", "<img src=x>", "<img src=https://evil/x> @acme-data/everyone [click](https://evil) | injected | **bold** `code` # x\n| row | two |", "{a: 1}", "'quoted'", " leading space", "trailing space ", "tab\there",
            "p\u0430yments \u202e \u200b", "[click](https://evil) | injected | **bold** `code` # x\n| row | two |",
            "&a [\"lol\"]", "*a, *a", "!!binary aGk=", "!System.Diagnostics.Process {}", "? x", "| x", "> x", "%TAG ! x",
            "--- x", "... x", "a\r\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "\ufeffa", "a\u007fb", "a\u001bb",
            "\U0001F600", "\ud83d", "a\\", "\\u0041", "x:", "x: ", "x #", "x#y", "\"", "'", "''", "[", "]", "{", "}", ",",
        ];
        return security
            .Concat(FirstColumn(UntrustedNameSpecs.HostileNames()))
            .Concat(FirstColumn(RepoUrlSpecs.HostileUrls()))
            .Concat(FirstColumn(HostilePipelineSpecs.HostileTexts()))
            .Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> FirstColumn(IEnumerable<object?[]> rows) => rows.Select(row => (string)row[0]!);

    /// <summary>Every hostile input, named for the failure message.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        foreach (var (name, text) in Documents())
        {
            yield return (name, Encoding.UTF8.GetBytes(text));
        }

        foreach (var (name, bytes) in Encodings())
        {
            yield return (name, bytes);
        }

        var i = 0;
        foreach (var value in Values())
        {
            i++;
            foreach (var (style, written) in Written(value))
            {
                yield return ($"value {i} {style} in description", Bytes($"{Head}description: {written}\nbundles:\n  - name: team\n    repo: r\n"));
                yield return ($"value {i} {style} as name", Bytes($"schema_version: 1\nname: {written}\nowners: {{github_team: t}}\nbundles:\n  - name: {written}\n    repo: r\n"));
                yield return ($"value {i} {style} in a block list", Bytes($"{Head}bundles:\n  - name: team\n    repo: r\n    sparse_dirs:\n      - {written}\n      - b\n"));
                yield return ($"value {i} {style} in a flow list", Bytes($"{Head}bundles:\n  - name: team\n    repo: r\n    sparse_dirs: [{written}, b]\n"));
                yield return ($"value {i} {style} in a flow mapping", Bytes($"{Head}bundles:\n  - name: team\n    repo: {written}\n    environments: {{dev: {{tracking_ref: {written}}}}}\n"));
                yield return ($"value {i} {style} in an environment", Bytes($"{Head}bundles:\n  - name: team\n    repo: r\n    environments:\n      dev: {{ tracking_ref: {written} }}\n      prod:\n        subdir: {written}\n"));
                yield return ($"value {i} {style} as a key", Bytes($"{Head}bundles:\n  - name: team\n    {written}: r\n"));
            }
        }

        foreach (var text in WrittenTeamFiles())
        {
            yield return ($"written {text.GetHashCode(StringComparison.Ordinal)}", Bytes(text));
        }
    }

    /// <summary>Team files written by <see cref="TeamFileWriter"/> with each hostile value in each text field.</summary>
    public static IEnumerable<string> WrittenTeamFiles() =>
        Values().Where(IsWellFormed).Select(value => TeamFileWriter.Write(new TeamDocument(
            "payments",
            value,
            "payments-eng",
            [value],
            [new BundleSpec("payments", "airflow-payments", Cascading.Of(value, "dags", 300),
                Environments: [new("dev", Cascading.Of(value, null, null)), new("prod", BundleSettings.None)])])));

    /// <summary>Text without a lone surrogate: the writer takes only what can be written as UTF-8.</summary>
    private static bool IsWellFormed(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)) == value;

    /// <summary>The ways a person or a tool might write <paramref name="value"/>: raw, quoted with and without escaping.</summary>
    private static IEnumerable<(string Style, string Text)> Written(string value)
    {
        yield return ("plain", value);
        yield return ("single-quoted raw", $"'{value}'");
        yield return ("single-quoted", $"'{value.Replace("'", "''", StringComparison.Ordinal)}'");
        yield return ("double-quoted raw", $"\"{value}\"");
        yield return ("json", JsonSerializer.Serialize(value));
        yield return ("yaml-escaped", "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u0000", "\\0", StringComparison.Ordinal) + "\"");
    }

    private static IEnumerable<(string Name, string Text)> Documents()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            bomb.Append(level).Append(": &").Append(level).Append(" [").AppendJoin(",", Enumerable.Repeat($"*{(char)(level - 1)}", 9)).Append("]\n");
        }

        const string Team = "schema_version: 1\nname: team\nowners:\n  github_team: t\nbundles:\n  - name: team\n    repo: r\n";
        yield return ("6,500 nested brackets", new string('[', 6500) + new string(']', 6500));
        yield return ("6,500 nested braces", "a: " + string.Concat(Enumerable.Repeat("{a: ", 6500)) + "b" + new string('}', 6500));
        yield return ("the lol alias bomb", bomb.ToString());
        yield return ("a 70 KB body", "description: " + new string('x', 70 * 1024));
        yield return ("a 5 KB scalar", "name: ok\ndescription: " + new string('x', 5 * 1024) + "\n");
        yield return ("a type tag", "owner: !System.Diagnostics.Process {}\n");
        yield return ("a binary tag", "x: !!binary aGk=\n");
        yield return ("a str tag", "x: !!str 5\n");
        yield return ("a non-specific tag", Team + "description: ! x\n");
        yield return ("workflow commands in a quoted key", "schema_version: 1\nname: evil\nowners: {github_team: e}\nbundles:\n  - name: evil\n    repo: r\n    \"::add-mask::Onboarding\\n::error file=action.yml,line=1::fake\\n::stop-commands::x\": 1\n");
        yield return ("a duplicate key", "name: a\nname: b\n");
        yield return ("a duplicate key in a bundle", Team + "    repo: s\n");
        yield return ("a duplicate key in a flow mapping", Team + "    environments: {dev: {}, dev: {}}\n");
        yield return ("a second document", "name: a\n---\nname: b\n");
        yield return ("a document end", Team + "...\n");
        yield return ("a document start", "---\n" + Team);
        yield return ("a directive", "%YAML 1.1\n---\n" + Team);
        yield return ("an unclosed flow list", "name: a\nbundles: [\n  - x: y\n");
        yield return ("a flow list over lines", Team + "    sparse_dirs: [a,\n      b]\n");
        yield return ("a flow list over lines, dedented", Team + "    sparse_dirs: [a,\nb]\n");
        yield return ("a flow mapping over lines", "schema_version: 1\nowners: {\n  github_team: t\n}\n");
        yield return ("an empty file", "");
        yield return ("only comments", "# nothing\n  # here\n");
        yield return ("only spaces", "   \n  ");
        yield return ("a scalar document", "team\n");
        yield return ("a null document", "~\n");
        yield return ("a list document", "- name: team\n");
        yield return ("an indented document", "  schema_version: 1\n  name: team\n");
        yield return ("a flow document", "{schema_version: 1, name: team}\n");
        yield return ("a complex key", "? name\n: team\n");
        yield return ("a flow key", "[a]: b\n");
        yield return ("a quoted key", Team + "\"description\": x\n");
        yield return ("a key with a space before its colon", Team + "description : x\n");
        yield return ("a block literal", Team + "description: |\n  line one\n  line two\n");
        yield return ("a block folded", Team + "description: >-\n  folded\n  text\n");
        yield return ("a multi-line plain scalar", Team + "description: one\n  two\n");
        yield return ("a multi-line plain scalar in a list", Team + "    sparse_dirs:\n      - one\n        two\n");
        yield return ("a multi-line double-quoted scalar", Team + "description: \"one\n  two\"\n");
        yield return ("a multi-line single-quoted scalar", Team + "description: 'one\n\n  two'\n");
        yield return ("an escaped line break", Team + "description: \"one \\\n  two\"\n");
        yield return ("a surrogate pair escape", Team + "description: \"\\uD83D\\uDE00\"\n");
        yield return ("a lone surrogate escape", Team + "description: \"\\uD800\"\n");
        yield return ("an escape past Unicode", Team + "description: \"\\U00110000\"\n");
        yield return ("an unknown escape", Team + "description: \"\\q\"\n");
        yield return ("a short hex escape", Team + "description: \"\\x4\"\n");
        yield return ("every simple escape", Team + "description: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\\\\\/\\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"\n");
        yield return ("a tab in the indentation", Team.Replace("    repo", "\trepo", StringComparison.Ordinal));
        yield return ("a tab after a key", Team + "description:\tx\n");
        yield return ("a tab inside a value", Team + "description: a\tb\n");
        yield return ("a tab inside a quoted value", Team + "description: \"a\tb\"\n");
        yield return ("a tab before a comment", Team + "description: x\t# c\n");
        yield return ("a comment without a space", Team + "description: \"x\"# c\n");
        yield return ("a comment right after a key", Team + "description:# c\n");
        yield return ("a comment after a flow list", Team + "    sparse_dirs: [a]# c\n");
        yield return ("a comment after a comma", Team + "    sparse_dirs: [a,# c\n      b]\n");
        yield return ("a trailing comma", Team + "    sparse_dirs: [a, ]\n");
        yield return ("an empty flow entry", Team + "    sparse_dirs: [a, , b]\n");
        yield return ("a flow pair in a list", Team + "    sparse_dirs: [a: b]\n");
        yield return ("a key without a value in a flow mapping", Team + "    environments: {dev}\n");
        yield return ("an empty value in a flow mapping", Team + "    environments: {dev: , prod: {}}\n");
        yield return ("a colon value in a flow mapping", Team + "    environments: {dev:prod}\n");
        yield return ("nested flow lists", Team + "    sparse_dirs: [[a], [b]]\n");
        yield return ("a plain value with colons", Team + "description: a:b:c https://x\n");
        yield return ("a plain value ending in a colon", Team + "description: ab:\n");
        yield return ("a mapping on a value's line", Team + "description: a: b\n");
        yield return ("a list entry on a value's line", Team + "description: - a\n");
        yield return ("a list of lists", Team + "    sparse_dirs:\n      - - a\n");
        yield return ("an empty list entry", Team + "    sparse_dirs:\n      -\n      - b\n      - # c\n");
        yield return ("an empty list entry before a dedent", Team + "    sparse_dirs:\n      -\nschema_version: 1\n");
        yield return ("a list entry with its mapping on the next line", "schema_version: 1\nname: team\nowners:\n  github_team: t\nbundles:\n  -\n    name: team\n    repo: r\n");
        yield return ("an indentless list", "schema_version: 1\nname: team\nowners:\n  github_team: t\n  contacts:\n  - a@example.com\nbundles:\n- name: team\n  repo: r\n- name: other\n  repo: s\n");
        yield return ("an indentless list after the mapping's keys", "schema_version: 1\nname: team\nbundles:\n- name: team\n  repo: r\nowners: {github_team: t}\n");
        yield return ("a list at a key's indentation in a list", Team + "  - name: b\n    environments:\n    - dev\n");
        yield return ("a list in the middle of a mapping", "bundles:\n  - a\n  name: x\n");
        yield return ("a list after a mapping at its indentation", "owners:\n  github_team: t\n- x\n");
        yield return ("a key between two indentations", Team + "   subdir: x\n");
        yield return ("a key below a list entry's mapping", Team + "   subdir: x\n  - name: b\n");
        yield return ("a deeper line after a value", Team + "      subdir: x\n");
        yield return ("a deeper comment after a value", Team + "      # note\n    subdir: x\n");
        yield return ("a shallower comment inside a mapping", Team + "# note\n    subdir: x\n");
        yield return ("many blank lines and spaces", "\n\n   \n" + Team.Replace("\n", "   \n\n", StringComparison.Ordinal));
        yield return ("no final line end", Team.TrimEnd('\n'));
        yield return ("a final comment without a line end", Team + "# end");
        yield return ("an empty last value without a line end", Team + "    subdir:");
        yield return ("an empty value with spaces", Team + "    subdir:    \n");
        yield return ("an empty value with a comment", Team + "    subdir:  # none\n");
        yield return ("a long key", Team + "    " + new string('k', 200) + ": x\n");
        yield return ("a key of 1,025 characters", Team + "    " + new string('k', 1025) + ": x\n");
        yield return ("odd key characters", Team + "    a/b: x\n    a+b: y\n    a$: z\n");
        yield return ("an anchor on a mapping", Team + "    environments: &e\n      dev: {}\n");
        yield return ("an alias as a value", Team + "    subdir: *x\n");
        yield return ("a merge key", Team + "    <<: {subdir: x}\n");
        yield return ("a value starting with an indicator", Team + "    subdir: @x\n");
        yield return ("a value starting with a backquote", Team + "    subdir: `x`\n");
        yield return ("a value starting with a percent", Team + "    subdir: %x\n");
        yield return ("a negative number", Team + "    refresh_interval: -60\n");
        yield return ("a dash value", Team + "    subdir: -\n");
        yield return ("a dash before a bracket", Team + "    sparse_dirs: [-, -[, -a]\n");
        yield return ("a question mark value", Team + "    subdir: ?x\n");
        yield return ("a colon value", Team + "    subdir: :x\n");
        yield return ("CRLF line ends", Team.Replace("\n", "\r\n", StringComparison.Ordinal) + "# c\r\n");
        yield return ("mixed line ends", Team.Replace("name: team\n", "name: team\r\n", StringComparison.Ordinal));
        yield return ("a lone CR", Team.Replace("name: team\n", "name: team\r", StringComparison.Ordinal));
        yield return ("a NEL line end", Team.Replace("name: team\n", "name: team\u0085", StringComparison.Ordinal));
        yield return ("an LS line end", Team.Replace("name: team\n", "name: team\u2028", StringComparison.Ordinal));
        yield return ("an LS in a comment", Team + "# a\u2028description: x\n");
        yield return ("a PS line end", Team.Replace("name: team\n", "name: team\u2029", StringComparison.Ordinal));
        yield return ("a BOM", "\ufeff" + Team);
        yield return ("two BOMs", "\ufeff\ufeff" + Team);
        yield return ("a BOM inside", Team + "description: a\ufeffb\n");
        yield return ("a NUL", Team + "description: a\0b\n");
        yield return ("a NUL in a comment", Team + "# a\0b\n");
        yield return ("a DEL", Team + "description: a\u007fb\n");
        yield return ("a C1 control", Team + "description: a\u0090b\n");
        yield return ("a non-character", Team + "description: a\uffffb\n");
        yield return ("columns after wide characters", Team + "    sparse_dirs: [\U0001F600, caf\u00e9, \u4e2d\u6587, x]\n    environments: {dev: {tracking_ref: \u00e9}, prod: {}}\n");
        yield return ("a value of exactly 4,096 characters", Team + "description: " + new string('x', 4096) + "\n");
        yield return ("a value of 4,097 characters", Team + "description: " + new string('x', 4097) + "\n");
        yield return ("a value of 4,096 two-byte characters", Team + "description: " + new string('\u00e9', 4096) + "\n");
        yield return ("a value of 4,097 three-byte characters", Team + "description: \"" + new string('\u4e2d', 4097) + "\"\n");
        yield return ("a value of 2,048 surrogate pairs", Team + "description: " + string.Concat(Enumerable.Repeat("\U0001F600", 2048)) + "\n");
        yield return ("a value of 2,049 surrogate pairs", Team + "description: '" + string.Concat(Enumerable.Repeat("\U0001F600", 2049)) + "'\n");
        yield return ("a value of 4,097 escaped characters", Team + "description: \"" + string.Concat(Enumerable.Repeat("\\t", 4097)) + "\"\n");
        yield return ("a file of exactly 64 KiB", Padded(Team, 64 * 1024));
        yield return ("a file of 64 KiB and a byte", Padded(Team, (64 * 1024) + 1));
        yield return ("a file of 64 KiB with a BOM", "\ufeff" + Padded(Team, (64 * 1024) - 3));
        foreach (var depth in new[] { 15, 16, 17, 31, 32, 33, 40 })
        {
            yield return ($"{depth} nested mappings", NestedMappings(depth));
            yield return ($"{depth} nested lists", "a:\n" + string.Concat(Enumerable.Range(1, depth).Select(d => new string(' ', 2 * d) + "-\n")) + new string(' ', (2 * depth) + 2) + "x\n");
            yield return ($"{depth} nested list entries", "a:\n" + string.Concat(Enumerable.Range(1, depth).Select(d => new string(' ', 2 * d) + "- k:\n")));
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Encodings()
    {
        yield return ("invalid UTF-8", [0x6e, 0x3a, 0x20, 0xff, 0xfe]);
        yield return ("a truncated UTF-8 sequence", Bytes(Head + "description: a", [0xc3]));
        yield return ("an overlong UTF-8 slash", Bytes(Head + "description: a", [0xc0, 0xaf]));
        yield return ("a UTF-8 encoded surrogate", Bytes(Head + "description: a", [0xed, 0xa0, 0x80], "\n"u8));
        yield return ("a code point past Unicode", Bytes(Head + "description: a", [0xf4, 0x90, 0x80, 0x80], "\n"u8));
        yield return ("UTF-16 with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Head)]);
        yield return ("a Latin-1 byte", Bytes(Head + "description: caf", [0xe9], "\n"u8));
        yield return ("a UTF-8 BOM and invalid bytes", Bytes("\ufeff" + Head, [0xff]));
    }

    private static string NestedMappings(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(d => new string(' ', 2 * d) + "k:\n")) + new string(' ', 2 * depth) + "v: 1\n";

    /// <summary><paramref name="text"/> and comment lines up to <paramref name="length"/> bytes.</summary>
    private static string Padded(string text, int length)
    {
        var padded = new StringBuilder(text);
        while (padded.Length + 100 < length)
        {
            padded.Append('#').Append('x', 98).Append('\n');
        }

        return padded.Append('#').Append('x', length - padded.Length - 2).Append('\n').ToString();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(string text, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> end = default) =>
        [.. Encoding.UTF8.GetBytes(text), .. tail, .. end];
}
