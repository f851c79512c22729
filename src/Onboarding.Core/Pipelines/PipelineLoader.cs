namespace Onboarding.Core.Pipelines;

/// <summary>
/// Reads one <c>pipelines/&lt;name&gt;.yaml</c> and checks every rule that needs only this file, the
/// platform's policy and the repository's files. Reads go on after a problem so one run reports all.
/// </summary>
public static partial class PipelineLoader
{
    public const string Folder = "pipelines";
    private const string NameRule = "use 3-63 characters: lowercase ASCII letters, digits and '_', starting with a letter";
    private const string StepIdRule = "use lowercase ASCII letters and digits separated by single '_', starting with a letter, at most 63 characters";
    private static readonly string[] StepKinds = ["sql", "checks", "bash", "pod"];

    public static async Task<Pipeline?> LoadAsync(PlatformSource files, string file, TeamPlatform? platform, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var errors = diagnostics.ErrorCount;
        var bytes = await PipelineCompiler.ReadAsync(files, file, diagnostics, cancellationToken).ConfigureAwait(false);
        if (diagnostics.ErrorCount > errors)
        {
            return null;
        }

        // A file listed a moment ago and gone now reads as empty, which the reader reports.
        var root = SafeYamlReader.Read(bytes ?? [], file, diagnostics);
        var reader = root is null ? null : MappingReader.Open(root, "", diagnostics, PipelineShapes.Pipeline.Keys);
        if (reader is null || !SchemaVersion.Check(reader))
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var name = reader.Name("pipeline", PipelinePatterns.PipelineNameRegex(), NameRule, required: true);
        if (name is { } n && file != $"{Folder}/{n.Value}.yaml")
        {
            reader.Error(DiagnosticCodes.PipelineFileNameMismatch, n.At,
                $"pipeline {Display.Quote(n.Value)} is in {file}",
                $"rename the file to {Folder}/{n.Value}.yaml or change 'pipeline' to match the file name");
        }

        var description = reader.Text("description", maxLength: 2000);
        var owner = reader.Name("owner", NameRules.Email(), "use an e-mail address such as payments-oncall@example.com");
        var tier = ReadTier(reader, platform);
        var schedule = ReadSchedule(reader);
        var tags = reader.StringList("tags", check: (value, path) => reader.Matches(value, PipelinePatterns.TagRegex(), path,
            "use 1-100 ASCII letters, digits, '_', '.', ':', '/' or '-', starting with a letter or digit"));
        var deadline = PipelineSettingsReader.Duration(reader, "deadline");
        var alerts = ReadAlerts(reader, platform);
        var defaults = reader.Mapping("defaults", PipelineShapes.Settings.Keys);
        var overrides = defaults is null ? PipelineSettings.None : PipelineSettingsReader.Read(defaults);
        CheckLocked(reader, defaults, platform);
        var external = reader.StringList("external_assets", check: (value, path) => CheckAsset(reader, value, path));
        var steps = await ReadStepsAsync(reader, files, platform, cancellationToken).ConfigureAwait(false);

        if (owner is null && platform is { Contacts.Count: 0 } && reader.Entry("owner") is null)
        {
            reader.Error(DiagnosticCodes.PipelineNoOwner, name?.At ?? reader.At,
                "the pipeline has no 'owner' and the team has no contacts to default to", "add 'owner: someone@example.com'");
        }

        if (name is null || steps is null || schedule is null || diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new Pipeline(
            file,
            name.Value.Value,
            description?.Value,
            owner?.Value,
            tier,
            schedule.Value.Schedule,
            [.. (tags ?? []).Select(t => t.Value).Distinct(StringComparer.Ordinal)],
            alerts,
            overrides with { Deadline = deadline },
            [.. (external ?? []).Select(e => e.Value)],
            steps,
            new PipelineLocations(name.Value.At, schedule.Value.At, schedule.Value.Assets));
    }

    private static string? ReadTier(MappingReader reader, TeamPlatform? platform)
    {
        var tier = reader.Text("tier", maxLength: 64);
        if (tier is not { } t || platform is null)
        {
            return tier?.Value;
        }

        if (platform.Policy.Tiers.ContainsKey(t.Value))
        {
            return t.Value;
        }

        reader.Error(DiagnosticCodes.PipelineUnknownTier, t.At,
            $"'tier' value {Display.Quote(t.Value)} is not a tier of the platform",
            platform.Policy.Tiers.Count == 0 ? "the platform defines no tiers: remove 'tier'" : $"use one of: {string.Join(", ", platform.Policy.Tiers.Keys)}");
        return null;
    }

    private static (PipelineSchedule Schedule, SourceLocation At, IReadOnlyDictionary<string, SourceLocation> Assets)? ReadSchedule(MappingReader reader)
    {
        var entry = reader.Entry("schedule");
        var none = new Dictionary<string, SourceLocation>();
        if (entry is null || entry.Value is YamlScalar { IsNull: true })
        {
            return (PipelineSchedule.Manual, entry?.Value.Location ?? reader.At, none);
        }

        if (entry.Value is YamlMapping)
        {
            var assets = reader.Mapping("schedule", PipelineShapes.AssetSchedule.Keys);
            var list = assets?.StringList("assets", required: true, check: (value, path) => CheckAsset(assets, value, path));
            if (list is null)
            {
                return null;
            }

            if (list.Count == 0)
            {
                reader.Error(DiagnosticCodes.OutOfRange, assets!.ValueAt("assets"), "'schedule.assets' is empty", "name at least one asset URI, or write 'schedule: null' for manual runs");
                return null;
            }

            var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var item in list)
            {
                at.TryAdd(item.Value, item.At);
            }

            return (new PipelineSchedule(ScheduleKind.Assets, null, [.. at.Keys]), entry.Value.Location, at);
        }

        var text = reader.Text("schedule", maxLength: 200);
        if (text is not { } t)
        {
            return null;
        }

        if (t.Value.StartsWith('@'))
        {
            if (CronExpression.Presets.Contains(t.Value))
            {
                return (new PipelineSchedule(ScheduleKind.Preset, t.Value, []), t.At, none);
            }

            reader.Error(DiagnosticCodes.PipelineInvalidSchedule, t.At,
                $"'schedule' value {Display.Quote(t.Value)} is not a preset", $"use one of {string.Join(", ", CronExpression.Presets)}, a cron expression, or null for manual runs");
            return null;
        }

        var problem = CronExpression.Problem(t.Value);
        if (problem is null)
        {
            return (new PipelineSchedule(ScheduleKind.Cron, string.Join(' ', t.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)), []), t.At, none);
        }

        reader.Error(DiagnosticCodes.PipelineInvalidSchedule, t.At, $"'schedule' value {Display.Quote(t.Value)} {problem}", "e.g. \"0 3 * * *\" runs at 03:00 UTC every day");
        return null;
    }

    private static PipelineAlerts? ReadAlerts(MappingReader reader, TeamPlatform? platform)
    {
        var alerts = reader.Mapping("alerts", PipelineShapes.Alerts.Keys);
        if (alerts is null)
        {
            return null;
        }

        var email = alerts.StringList("email", check: (value, path) => alerts.Matches(value, NameRules.Email(), path, "use an e-mail address such as payments-oncall@example.com"));
        var slack = alerts.Name("slack", PipelinePatterns.SlackChannelRegex(), "write the channel with its '#' in quotes, e.g. \"#payments-alerts\"");
        if (email is not null && platform is { Policy.SmtpConnId: null })
        {
            alerts.Error(DiagnosticCodes.PipelineAlertNotConfigured, alerts.ValueAt("email"),
                "'alerts.email' needs the platform's mail connection, and the platform configures none", "use 'slack' instead, or ask the platform team to set pipelines.alerts.smtp_conn_id");
        }

        if (slack is { } s && platform is { Policy.SlackWebhookConnId: null })
        {
            alerts.Error(DiagnosticCodes.PipelineAlertNotConfigured, s.At,
                "'alerts.slack' needs the platform's Slack webhook connection, and the platform configures none", "use 'email' instead, or ask the platform team to set pipelines.alerts.slack_webhook_conn_id");
        }

        if (email is null && slack is null && alerts.Node.Entries.Count == 0)
        {
            alerts.Error(DiagnosticCodes.MissingKey, alerts.At, "'alerts' names no channel", "add 'email: [...]' or 'slack: \"#channel\"', or remove 'alerts' to alert the owner by e-mail");
        }

        return new PipelineAlerts([.. (email ?? []).Select(e => e.Value).Distinct(StringComparer.Ordinal)], slack?.Value);
    }

    private static void CheckLocked(MappingReader reader, MappingReader? defaults, TeamPlatform? platform)
    {
        if (platform is null)
        {
            return;
        }

        foreach (var key in platform.Policy.Locked)
        {
            var entry = key == "deadline" ? reader.Entry(key) : defaults?.Entry(key);
            if (entry is not null)
            {
                reader.Error(DiagnosticCodes.PipelineLockedKey, entry.Key.Location,
                    $"'{(key == "deadline" ? key : $"defaults.{key}")}' is locked by the platform",
                    "remove it: the platform's value applies to every pipeline (pipelines.locked in onboarding.yaml)");
            }
        }
    }

    internal static bool CheckAsset(MappingReader reader, Located<string> value, string path)
    {
        if (PipelinePatterns.AssetUriRegex().IsMatch(value.Value) && value.Value.Length <= 1000
            && !value.Value.StartsWith("airflow://", StringComparison.Ordinal))
        {
            return true;
        }

        reader.Error(DiagnosticCodes.PipelineInvalidAsset, value.At,
            value.Value.StartsWith("airflow://", StringComparison.Ordinal)
                ? $"'{path}' value {Display.Quote(value.Value)} uses the scheme 'airflow', which Airflow reserves"
                : $"'{path}' value {Display.Quote(value.Value)} is not an asset URI",
            "write scheme://location with a lowercase scheme and no spaces, e.g. warehouse://payments/orders_daily or s3://bucket/key");
        return false;
    }

    private static async Task<List<PipelineStep>?> ReadStepsAsync(MappingReader reader, PlatformSource files, TeamPlatform? platform, CancellationToken cancellationToken)
    {
        var sequence = reader.Sequence("steps", required: true);
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            reader.Error(DiagnosticCodes.OutOfRange, sequence.Location, "'steps' is empty", "add at least one step");
            return null;
        }

        var steps = new List<PipelineStep>();
        var afters = new List<(PipelineStep Step, IReadOnlyList<Located<string>> After)>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var step = MappingReader.Open(sequence.Items[i], $"steps[{i}]", reader.Diagnostics, PipelineShapes.Step.Keys);
            if (step is null)
            {
                continue;
            }

            var id = step.Name("id", PipelinePatterns.StepIdRegex(), StepIdRule, required: true);
            if (id is { Value.Length: > 63 } longId)
            {
                step.Error(DiagnosticCodes.OutOfRange, longId.At, $"'steps[{i}].id' is longer than 63 characters", "shorten it");
                id = null;
            }

            if (id is { } d && !seen.TryAdd(d.Value, d.At))
            {
                step.Error(DiagnosticCodes.PipelineDuplicateStep, d.At,
                    $"step id {Display.Quote(d.Value)} is already used at line {seen[d.Value].Line}", "give every step its own id");
                id = null;
            }

            var after = step.StringList("after", check: (value, path) => step.Matches(value, PipelinePatterns.StepIdRegex(), path, StepIdRule)) ?? [];
            var produces = step.StringList("produces", check: (value, path) => CheckAsset(step, value, path)) ?? [];
            var action = await ReadActionAsync(step, files, platform, cancellationToken).ConfigureAwait(false);
            if (id is { } ok && action is not null)
            {
                var built = new PipelineStep(ok.Value, [.. after.Select(a => a.Value).Distinct(StringComparer.Ordinal)], [.. produces.Select(p => p.Value).Distinct(StringComparer.Ordinal)], action, ok.At);
                steps.Add(built);
                afters.Add((built, after));
            }
        }

        CheckOrder(reader, afters, seen);
        return steps;
    }

    private static async Task<StepAction?> ReadActionAsync(MappingReader step, PlatformSource files, TeamPlatform? platform, CancellationToken cancellationToken)
    {
        var kinds = StepKinds.Where(k => step.Entry(k) is not null).ToList();
        if (kinds.Count != 1)
        {
            step.Error(DiagnosticCodes.PipelineStepKind, kinds.Count == 0 ? step.At : step.Entry(kinds[1])!.Key.Location,
                kinds.Count == 0 ? $"'{step.Path}' has no kind" : $"'{step.Path}' has {kinds.Count} kinds ({string.Join(", ", kinds)})",
                "give each step exactly one of sql, checks, bash or pod; split it into several steps linked with 'after'");
            return null;
        }

        if (kinds[0] != "sql" && step.Entry("conn") is { } stray)
        {
            step.Error(DiagnosticCodes.UnknownKey, stray.Key.Location, $"'{step.KeyPath("conn")}' applies to sql steps only",
                kinds[0] == "checks" ? "move it into 'checks:' as 'conn:'" : "remove it");
        }

        return kinds[0] switch
        {
            "sql" => await ReadSqlAsync(step, files, platform, cancellationToken).ConfigureAwait(false),
            "checks" => ReadChecks(step, platform),
            "bash" => await ReadBashAsync(step, files, cancellationToken).ConfigureAwait(false),
            _ => ReadPod(step),
        };
    }

    private static async Task<SqlAction?> ReadSqlAsync(MappingReader step, PlatformSource files, TeamPlatform? platform, CancellationToken cancellationToken)
    {
        var file = step.Text("sql", maxLength: 255);
        var conn = Connection(step, "conn", platform, required: true);
        if (file is { } f && !f.Value.EndsWith(".sql", StringComparison.Ordinal))
        {
            step.Error(DiagnosticCodes.PatternMismatch, f.At, $"'{step.KeyPath("sql")}' value {Display.Quote(f.Value)} is not a .sql file",
                "name a file of the repository ending in .sql, relative to the repository root, e.g. sql/orders_daily.sql");
            return null;
        }

        return file is { } path && await CheckFileAsync(step, path, step.KeyPath("sql"), files, cancellationToken).ConfigureAwait(false) && conn is not null
            ? new SqlAction(path.Value, conn)
            : null;
    }

    private static ChecksAction? ReadChecks(MappingReader step, TeamPlatform? platform)
    {
        var checks = step.Mapping("checks", PipelineShapes.Checks.Keys);
        if (checks is null)
        {
            return null;
        }

        var conn = Connection(checks, "conn", platform, required: true);
        var table = checks.Name("table", PipelinePatterns.TableRegex(), "use a table name, optionally schema-qualified: ASCII letters, digits, '_' and '$', parts separated by '.'", required: true);
        long? min = null, max = null;
        var rowCount = checks.Mapping("row_count", PipelineShapes.RowCount.Keys);
        if (rowCount is not null)
        {
            min = rowCount.WholeNumber("min", 0)?.Value;
            max = rowCount.WholeNumber("max", 0)?.Value;
            if (min > max)
            {
                rowCount.Error(DiagnosticCodes.PipelineInvalidCheck, rowCount.ValueAt("max"), $"'{rowCount.KeyPath("max")}' is below 'min'", "make max at least min");
            }
            else if (rowCount.Node.Entries.Count == 0)
            {
                rowCount.Error(DiagnosticCodes.MissingKey, rowCount.At, $"'{rowCount.Path}' has no bound", "add 'min:' and/or 'max:'");
            }
        }

        var columns = new List<ColumnCheck>();
        var columnMap = checks.Mapping("columns", PipelinePolicyReader.KeysOf(checks.Entry("columns")));
        foreach (var column in columnMap?.Node.Entries ?? [])
        {
            var name = new Located<string>(column.Key.Value, column.Key.Location);
            var spec = columnMap!.Mapping(column.Key.Value, PipelineShapes.ColumnChecks.Keys);
            if (!columnMap.Matches(name, PipelinePatterns.ColumnRegex(), $"{columnMap.Path}.{column.Key.Value}", "use a column name: ASCII letters, digits and '_', starting with a letter or '_'") || spec is null)
            {
                continue;
            }

            var check = new ColumnCheck(column.Key.Value, spec.Boolean("not_null")?.Value ?? false, spec.Boolean("unique")?.Value ?? false, Number(spec, "min"), Number(spec, "max"));
            if (!check.NotNull && !check.Unique && check.Min is null && check.Max is null)
            {
                spec.Error(DiagnosticCodes.PipelineInvalidCheck, spec.At, $"'{spec.Path}' checks nothing", "set not_null: true, unique: true, min or max");
                continue;
            }

            if (check.Min is not null && check.Max is not null && decimal.Parse(check.Min, System.Globalization.CultureInfo.InvariantCulture) > decimal.Parse(check.Max, System.Globalization.CultureInfo.InvariantCulture))
            {
                spec.Error(DiagnosticCodes.PipelineInvalidCheck, spec.ValueAt("max"), $"'{spec.KeyPath("max")}' is below 'min'", "make max at least min");
                continue;
            }

            columns.Add(check);
        }

        if (rowCount is null && columns.Count == 0 && columnMap is null)
        {
            checks.Error(DiagnosticCodes.PipelineInvalidCheck, checks.At, $"'{checks.Path}' checks nothing", "add 'row_count:' and/or 'columns:'");
        }

        return conn is null || table is null ? null : new ChecksAction(conn, table.Value.Value, min, max, columns);
    }

    private static async Task<BashAction?> ReadBashAsync(MappingReader step, PlatformSource files, CancellationToken cancellationToken)
    {
        var command = step.Text("bash", maxLength: 4000);
        if (command is not { } c)
        {
            return null;
        }

        var text = c.Value.Trim();
        if (text.Length == 0)
        {
            step.Error(DiagnosticCodes.WrongType, c.At, $"'{step.KeyPath("bash")}' is empty", "write the command to run");
            return null;
        }

        var end = text.IndexOfAny([' ', '\t', '\n']);
        var first = end < 0 ? text : text[..end];
        if (!first.EndsWith(".sh", StringComparison.Ordinal))
        {
            return new BashAction(null, text);
        }

        var script = new Located<string>(first, c.At);
        return await CheckFileAsync(step, script, step.KeyPath("bash"), files, cancellationToken).ConfigureAwait(false)
            ? new BashAction(first, end < 0 ? "" : text[end..].TrimStart())
            : null;
    }

    private static PodAction? ReadPod(MappingReader step)
    {
        var pod = step.Mapping("pod", PipelineShapes.Pod.Keys);
        if (pod is null)
        {
            return null;
        }

        var image = pod.Name("image", PipelinePatterns.ImageRegex(), "give an image reference such as ghcr.io/acme/train:1.4 (ASCII, no spaces)", required: true);
        var cmds = pod.StringList("cmds") ?? [];
        var arguments = pod.StringList("arguments") ?? [];
        var ns = pod.Name("namespace", PipelinePatterns.NamespaceRegex(), "use a Kubernetes namespace: lowercase letters, digits and '-', at most 63 characters");
        var env = new List<KeyValuePair<string, string>>();
        var envMap = pod.Mapping("env", PipelinePolicyReader.KeysOf(pod.Entry("env")));
        foreach (var variable in envMap?.Node.Entries ?? [])
        {
            var name = new Located<string>(variable.Key.Value, variable.Key.Location);
            var value = envMap!.Text(variable.Key.Value);
            if (envMap.Matches(name, PipelinePatterns.EnvironmentVariableRegex(), $"{envMap.Path}.{variable.Key.Value}", "use ASCII letters, digits and '_', starting with a letter or '_'") && value is { } v)
            {
                env.Add(new(variable.Key.Value, v.Value));
            }
        }

        return image is null ? null : new PodAction(image.Value.Value, [.. cmds.Select(x => x.Value)], [.. arguments.Select(x => x.Value)], ns?.Value, [.. env.OrderBy(e => e.Key, StringComparer.Ordinal)]);
    }

    private static string? Connection(MappingReader reader, string key, TeamPlatform? platform, bool required)
    {
        var conn = reader.Name(key, NameRules.ConnId(), "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'", required);
        if (conn is not { } c || platform is null || platform.Policy.Connections.Contains(c.Value))
        {
            return conn?.Value;
        }

        reader.Error(DiagnosticCodes.PipelineUnknownConnection, c.At,
            $"'{reader.KeyPath(key)}' value {Display.Quote(c.Value)} is not a connection the platform allows",
            platform.Policy.Connections.Count == 0
                ? "the platform allows no connections yet: ask the platform team to add it to pipelines.connections"
                : $"use one of: {string.Join(", ", platform.Policy.Connections)}; or ask the platform team to add it to pipelines.connections");
        return null;
    }

    /// <summary>A file a step names: relative, inside the repository (a link may not leave it), a regular file, and present.</summary>
    private static async Task<bool> CheckFileAsync(MappingReader reader, Located<string> path, string keyPath, PlatformSource files, CancellationToken cancellationToken)
    {
        var value = path.Value;
        if (!PipelinePatterns.RepositoryPathRegex().IsMatch(value) || value.Length > 255)
        {
            reader.Error(DiagnosticCodes.PipelinePathOutsideRepository, path.At,
                $"'{keyPath}' names {Display.Quote(value)}, which is not a path inside the repository",
                "use a path relative to the repository root with '/', e.g. sql/orders_daily.sql: no leading '/', no '..', no hidden folders, ASCII letters, digits, '_', '.' and '-' only");
            return false;
        }

        try
        {
            if (await files.ExistsAsync(value, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (UnusableFileException e)
        {
            reader.Error(e.Code == DiagnosticCodes.LinkLeavesRepository ? DiagnosticCodes.PipelinePathOutsideRepository : DiagnosticCodes.PipelineMissingFile, path.At,
                $"'{keyPath}' names {Display.Quote(value)}, which {e.Problem}", e.Hint);
            return false;
        }

        reader.Error(DiagnosticCodes.PipelineMissingFile, path.At,
            $"'{keyPath}' names {Display.Quote(value)}, which does not exist", "commit the file, or fix the path (relative to the repository root)");
        return false;
    }

    private static void CheckOrder(MappingReader reader, List<(PipelineStep Step, IReadOnlyList<Located<string>> After)> steps, Dictionary<string, SourceLocation> ids)
    {
        var edges = new Dictionary<string, List<Located<string>>>(StringComparer.Ordinal);
        foreach (var (step, after) in steps)
        {
            var known = new List<Located<string>>();
            foreach (var a in after)
            {
                if (!ids.ContainsKey(a.Value))
                {
                    reader.Error(DiagnosticCodes.PipelineUnknownStep, a.At,
                        $"step {Display.Quote(step.Id)} runs after {Display.Quote(a.Value)}, which is not a step of this pipeline",
                        ids.Count == 0 ? "remove it" : $"use one of: {string.Join(", ", ids.Keys)}");
                }
                else if (a.Value == step.Id)
                {
                    reader.Error(DiagnosticCodes.PipelineCycle, a.At, $"step {Display.Quote(step.Id)} runs after itself", "remove it from its own 'after'");
                }
                else
                {
                    known.Add(a);
                }
            }

            edges[step.Id] = known;
        }

        // Depth-first search in file order: the first back edge found names the cycle, reported at the 'after' item that closes it.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var (step, _) in steps)
        {
            if (Visit(step.Id))
            {
                return;
            }
        }

        bool Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in edges.GetValueOrDefault(id) ?? [])
            {
                var s = state.GetValueOrDefault(next.Value);
                if (s == 1)
                {
                    var cycle = path[path.IndexOf(next.Value)..];
                    reader.Error(DiagnosticCodes.PipelineCycle, next.At,
                        $"steps form a cycle: {string.Join(" -> ", cycle.Append(next.Value))} (each runs after the next)",
                        "remove one of these 'after' entries so the steps can run in order");
                    return true;
                }

                if (s == 0 && edges.ContainsKey(next.Value) && Visit(next.Value))
                {
                    return true;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return false;
        }
    }

    private static string? Number(MappingReader reader, string key)
    {
        var entry = reader.Entry(key);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is YamlScalar { Kind: ScalarKind.Plain } s && DecimalNumber().IsMatch(s.Value))
        {
            return s.Value;
        }

        reader.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"'{reader.KeyPath(key)}' must be a number, not {MappingReader.KindOf(entry.Value)}",
            "write digits without quotes, e.g. 0 or 9.99");
        return null;
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]{0,17})(?:\\.[0-9]{1,12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
