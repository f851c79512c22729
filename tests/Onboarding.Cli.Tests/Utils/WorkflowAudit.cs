using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// The project's own audit of GitHub workflow files and composite actions, one rule per requirement of the
/// workflow security policy: least-privilege permissions, every <c>uses:</c> pinned to a commit with its
/// version, no dangerous triggers, no persisted checkout credentials, no expressions of caller or event data
/// inside <c>run:</c>, concurrency on workflows that can write, a timeout on every job, scoped App tokens.
/// A finding reads <c>file: [rule] where: what</c>.
/// </summary>
internal static partial class WorkflowAudit
{
    public static IReadOnlyList<string> File(string path, string? displayName = null) =>
        Text(System.IO.File.ReadAllText(path), displayName ?? path);

    public static IReadOnlyList<string> Text(string text, string name)
    {
        var findings = new List<string>();
        void Add(string rule, string where, string message) => findings.Add($"{name}: [{rule}] {where}: {message}");

        AuditUsesLines(text, Add);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            Add("yaml", "parse", ex.Message);
            return findings;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Add("yaml", "parse", "not one YAML mapping");
            return findings;
        }

        if (Child(root, "runs") is YamlMappingNode runs)
        {
            foreach (var (step, where) in Steps(runs, "runs"))
            {
                AuditStep(step, where, isAction: true, Add);
                if (Child(step, "run") is not null && Scalar(step, "shell") is null)
                {
                    Add("shell", where, "a composite action's run: step needs an explicit shell:");
                }
            }

            return findings;
        }

        var triggers = Triggers(Child(root, "on"));
        foreach (var trigger in triggers.Where(t => t is "pull_request_target" or "workflow_run"))
        {
            Add("dangerous-triggers", "on", $"'{trigger}' runs with a write token on code or data others control; use pull_request");
        }

        var workflowPermissions = Child(root, "permissions");
        if (workflowPermissions is null)
        {
            Add("excessive-permissions", "permissions", "no top-level permissions: every job would get the default token scope; add 'permissions: {}' (or read scopes)");
        }
        else if (Writes(workflowPermissions).Any())
        {
            Add("excessive-permissions", "permissions", $"top-level {string.Join(", ", Writes(workflowPermissions))}: grant write scopes on the job that needs them");
        }

        var workflowConcurrency = Child(root, "concurrency") is not null;
        if (Child(root, "jobs") is not YamlMappingNode jobs)
        {
            Add("yaml", "jobs", "no jobs");
            return findings;
        }

        foreach (var (key, value) in jobs.Children)
        {
            var id = ((YamlScalarNode)key).Value!;
            var job = (YamlMappingNode)value;
            var where = $"jobs.{id}";
            if (Child(job, "timeout-minutes") is null && Child(job, "uses") is null)
            {
                Add("timeout", where, "no timeout-minutes: a hung step would hold the runner (and its token) for 6 hours");
            }

            if (Scalar(job, "permissions") is "write-all")
            {
                Add("excessive-permissions", $"{where}.permissions", "write-all; name the scopes the job needs");
            }

            if (Scalar(job, "secrets") is "inherit")
            {
                Add("secrets-inherit", where, "secrets: inherit hands every secret to the called workflow");
            }

            var steps = Child(job, "steps") is YamlSequenceNode ? Steps(job, where).ToList() : [];
            var writes = (Child(job, "permissions") is { } p && Writes(p).Any())
                || steps.Any(s => s.Step is var step && IsAppToken(step) && AppTokenPermissions(step).Any(v => v == "write"));
            if (writes && !workflowConcurrency && Child(job, "concurrency") is null)
            {
                Add("concurrency", where, "a job that can write has no concurrency group: two runs could undo each other");
            }

            if (writes && triggers.Contains("issues") && !ConcurrencyText(root, job).Contains("github.event.issue.number", StringComparison.Ordinal))
            {
                Add("concurrency", where, "an issue-triggered job that can write needs a concurrency group per issue (github.event.issue.number)");
            }

            foreach (var (step, stepWhere) in steps)
            {
                AuditStep(step, stepWhere, isAction: false, Add);
            }
        }

        return findings;
    }

    private static void AuditStep(YamlMappingNode step, string where, bool isAction, Action<string, string, string> add)
    {
        if (Scalar(step, "uses") is { } uses)
        {
            if (uses.StartsWith("actions/checkout@", StringComparison.Ordinal)
                && !(Child(step, "with") is YamlMappingNode checkout && Scalar(checkout, "persist-credentials") == "false"))
            {
                add("artipacked", where, "actions/checkout without 'persist-credentials: false' leaves the token in .git/config");
            }

            if (IsAppToken(step))
            {
                var with = Child(step, "with") as YamlMappingNode;
                if (!AppTokenPermissions(step).Any())
                {
                    add("app-token-scope", where, "GitHub App token without permission-* inputs gets every permission of the installation");
                }

                if (with is null || (Child(with, "repositories") is null && Child(with, "owner") is null))
                {
                    add("app-token-scope", where, "GitHub App token without 'repositories:' (or an explicit 'owner:' where it must reach repositories that do not exist yet)");
                }
            }
        }

        if (Scalar(step, "run") is { } run)
        {
            foreach (Match match in Expression().Matches(run))
            {
                var expression = match.Groups[1].Value.Trim();
                if (UntrustedInRun().IsMatch(expression) || (isAction && expression.StartsWith("inputs.", StringComparison.Ordinal)))
                {
                    add("template-injection", where, $"'${{{{ {expression} }}}}' expanded inside run: becomes shell code; pass it through env:");
                }
            }
        }

        if (Child(step, "env") is YamlMappingNode env)
        {
            foreach (var (key, value) in env.Children)
            {
                if (((YamlScalarNode)key).Value == "ACTIONS_ALLOW_UNSECURE_COMMANDS")
                {
                    add("insecure-commands", where, "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path");
                }

                if (value is YamlScalarNode { Value: { } v } && v.Contains("toJSON(secrets)", StringComparison.OrdinalIgnoreCase))
                {
                    add("overprovisioned-secrets", where, "toJSON(secrets) hands every secret to the step");
                }
            }
        }
    }

    /// <summary>Pinning is checked on the text: the version comment is not part of the YAML value.</summary>
    private static void AuditUsesLines(string text, Action<string, string, string> add)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = UsesLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var target = match.Groups[1].Value.Trim('"', '\'');
            var where = $"line {i + 1}";
            if (target.StartsWith("./", StringComparison.Ordinal) || target.StartsWith("docker://", StringComparison.Ordinal))
            {
                continue;
            }

            var at = target.LastIndexOf('@');
            if (at < 0 || !Sha().IsMatch(target[(at + 1)..]))
            {
                add("unpinned-uses", where, $"{target} is not pinned to a full 40-hex commit SHA: whoever moves a tag or branch runs code here");
            }
            else if (!VersionComment().IsMatch(match.Groups[2].Value))
            {
                add("unpinned-uses", where, $"{target} has no '# vX.Y.Z' comment naming the release of that commit");
            }
        }
    }

    private static IEnumerable<(YamlMappingNode Step, string Where)> Steps(YamlMappingNode owner, string where) =>
        Child(owner, "steps") is YamlSequenceNode steps
            ? steps.Children.OfType<YamlMappingNode>().Select((s, i) => (s, $"{where}.steps[{i}]"))
            : [];

    private static bool IsAppToken(YamlMappingNode step) =>
        Scalar(step, "uses")?.StartsWith("actions/create-github-app-token@", StringComparison.Ordinal) == true;

    private static IEnumerable<string> AppTokenPermissions(YamlMappingNode step) =>
        Child(step, "with") is YamlMappingNode with
            ? with.Children.Where(c => ((YamlScalarNode)c.Key).Value!.StartsWith("permission-", StringComparison.Ordinal)).Select(c => ((YamlScalarNode)c.Value).Value ?? string.Empty)
            : [];

    private static IEnumerable<string> Writes(YamlNode permissions) => permissions switch
    {
        YamlScalarNode { Value: "write-all" } => ["write-all"],
        YamlMappingNode map => map.Children.Where(c => ((YamlScalarNode)c.Value).Value == "write").Select(c => $"{((YamlScalarNode)c.Key).Value}: write"),
        _ => [],
    };

    private static HashSet<string> Triggers(YamlNode? on) => on switch
    {
        YamlScalarNode scalar => [scalar.Value!],
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!)],
        YamlMappingNode mapping => [.. mapping.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value!)],
        _ => [],
    };

    private static string ConcurrencyText(YamlMappingNode root, YamlMappingNode job) =>
        string.Join('\n', new[] { Child(root, "concurrency"), Child(job, "concurrency") }.SelectMany(Scalars));

    private static IEnumerable<string> Scalars(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        _ => [],
    };

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")]
    private static partial Regex UsesLine();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();

    [GeneratedRegex(@"^\s+#\s+v[0-9]+\.[0-9]+\.[0-9]+\s*$")]
    private static partial Regex VersionComment();

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex(@"^(inputs\.|github\.event\.|github\.head_ref|secrets\.)")]
    private static partial Regex UntrustedInRun();
}
