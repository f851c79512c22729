using Onboarding.Core.Diagnostics;
using Onboarding.Core.Pipelines;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>Every rule of a pipeline file is reported with its code at the exact line and column, with a hint.</summary>
public class PipelineRuleSpecs
{
    private const string File = "pipelines/orders_daily.yaml";
    private const string Head = "schema_version: 1\npipeline: orders_daily\n";
    private const string Sql = "  - id: transform\n    sql: sql/orders_daily.sql\n    conn: warehouse\n";

    public static TheoryData<string, string, int, int> Violations() => new()
    {
        // A typo in a top-level key (suggestion checked below).
        { Head + "schedul: \"@daily\"\nsteps:\n" + Sql, DiagnosticCodes.UnknownKey, 3, 1 },
        // A typo inside a step.
        { Head + "steps:\n" + Sql + "    produce: [warehouse://a/b]\n", DiagnosticCodes.UnknownKey, 7, 5 },
        // Two steps with one id: reported at the second.
        { Head + "steps:\n" + Sql + Sql, DiagnosticCodes.PipelineDuplicateStep, 7, 9 },
        // 'after' names a step that does not exist.
        { Head + "steps:\n" + Sql + "  - id: export\n    after: [nope]\n    bash: echo hi\n", DiagnosticCodes.PipelineUnknownStep, 8, 13 },
        // Invalid cron: hour 25.
        { Head + "schedule: \"0 25 * * *\"\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidSchedule, 3, 11 },
        // Four fields.
        { Head + "schedule: \"0 3 * *\"\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidSchedule, 3, 11 },
        // Unknown preset.
        { Head + "schedule: \"@fortnightly\"\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidSchedule, 3, 11 },
        // A connection the platform does not allow, on a sql step and in checks.
        { Head + "steps:\n  - id: transform\n    sql: sql/orders_daily.sql\n    conn: prod_db\n", DiagnosticCodes.PipelineUnknownConnection, 6, 11 },
        { Head + "steps:\n  - id: quality\n    checks:\n      conn: prod_db\n      table: t\n      row_count: { min: 1 }\n", DiagnosticCodes.PipelineUnknownConnection, 6, 13 },
        // A file that is missing, or outside the repository.
        { Head + "steps:\n  - id: transform\n    sql: sql/missing.sql\n    conn: warehouse\n", DiagnosticCodes.PipelineMissingFile, 5, 10 },
        { Head + "steps:\n  - id: transform\n    sql: ../outside.sql\n    conn: warehouse\n", DiagnosticCodes.PipelinePathOutsideRepository, 5, 10 },
        { Head + "steps:\n  - id: transform\n    sql: /etc/passwd.sql\n    conn: warehouse\n", DiagnosticCodes.PipelinePathOutsideRepository, 5, 10 },
        { Head + "steps:\n  - id: transform\n    sql: sql/../../x.sql\n    conn: warehouse\n", DiagnosticCodes.PipelinePathOutsideRepository, 5, 10 },
        { Head + "steps:\n  - id: export\n    bash: ../scripts/export.sh {{ ds }}\n", DiagnosticCodes.PipelinePathOutsideRepository, 5, 11 },
        { Head + "steps:\n  - id: export\n    bash: scripts/missing.sh\n", DiagnosticCodes.PipelineMissingFile, 5, 11 },
        // Asset URIs.
        { Head + "steps:\n" + Sql + "    produces: [not a uri]\n", DiagnosticCodes.PipelineInvalidAsset, 7, 16 },
        { Head + "steps:\n" + Sql + "    produces: [airflow://reserved]\n", DiagnosticCodes.PipelineInvalidAsset, 7, 16 },
        // A consumed asset nothing produces.
        { Head + "schedule:\n  assets: [s3://lake/raw]\nsteps:\n" + Sql, DiagnosticCodes.PipelineUnproducedAsset, 4, 12 },
        // A locked key overridden, in defaults and as the deadline when locked.
        { Head + "defaults: { retries: 1, execution_timeout: 3h }\nsteps:\n" + Sql, DiagnosticCodes.PipelineLockedKey, 3, 25 },
        // Unknown tier.
        { Head + "tier: platinum\nsteps:\n" + Sql, DiagnosticCodes.PipelineUnknownTier, 3, 7 },
        // A step of two kinds, and of none.
        { Head + "steps:\n" + Sql + "    bash: echo hi\n", DiagnosticCodes.PipelineStepKind, 7, 5 },
        { Head + "steps:\n  - id: nothing\n    after: []\n", DiagnosticCodes.PipelineStepKind, 4, 5 },
        // Durations.
        { Head + "deadline: 45 minutes\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDuration, 3, 11 },
        { Head + "defaults: { retry_delay: 0m }\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDuration, 3, 26 },
        { Head + "defaults: { retry_delay: 300 }\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDuration, 3, 26 },
        { Head + "defaults: { retry_delay: 1w }\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDuration, 3, 26 },
        { Head + "deadline: 400d\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDuration, 3, 11 },
        // Dates, checks, pods, step ids.
        { Head + "defaults: { start_date: 2026-02-30 }\nsteps:\n" + Sql, DiagnosticCodes.PipelineInvalidDate, 3, 25 },
        { Head + "steps:\n  - id: quality\n    checks:\n      conn: warehouse\n      table: t\n      row_count: { min: 5, max: 1 }\n", DiagnosticCodes.PipelineInvalidCheck, 8, 33 },
        { Head + "steps:\n  - id: quality\n    checks:\n      conn: warehouse\n      table: \"t; DROP TABLE x\"\n      row_count: { min: 1 }\n", DiagnosticCodes.PatternMismatch, 7, 14 },
        { Head + "steps:\n  - id: Transform\n    bash: echo\n", DiagnosticCodes.PatternMismatch, 4, 9 },
        { Head + "steps:\n  - id: a__b\n    bash: echo\n", DiagnosticCodes.PatternMismatch, 4, 9 },
        { Head + "steps:\n  - id: train\n    pod: { image: \"ghcr.io/x y\" }\n", DiagnosticCodes.PatternMismatch, 5, 19 },
        // Alerts through a channel the platform lacks, and a slack channel without '#'.
        { Head + "alerts: { slack: payments }\nsteps:\n" + Sql, DiagnosticCodes.PatternMismatch, 3, 18 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_broken_rule_is_reported_at_its_line_and_column(string yaml, string code, int line, int column)
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", yaml);

        var build = repo.Build();

        build.Diagnostics.SingleError(code, File, line, column);
        Assert.Empty(build.Files);
    }

    [Fact]
    public void A_typo_in_a_key_suggests_the_right_one()
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + "schedul: \"@daily\"\nsteps:\n" + Sql);

        var error = repo.Build().Diagnostics.SingleError(DiagnosticCodes.UnknownKey, File, 3, 1);

        Assert.Contains("did you mean 'schedule'", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_named_step_by_step()
    {
        var yaml = Head + "steps:\n  - id: a\n    after: [c]\n    bash: echo a\n  - id: b\n    after: [a]\n    bash: echo b\n  - id: c\n    after: [b]\n    bash: echo c\n";
        using var repo = new PipelineRepository().Pipeline("orders_daily", yaml);

        var error = repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineCycle, File, 8, 13);

        Assert.Contains("a -> c -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_must_be_the_pipeline_name()
    {
        using var repo = new PipelineRepository().Pipeline("orders", Head + "steps:\n" + Sql);

        var error = repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineFileNameMismatch, "pipelines/orders.yaml", 2, 11);

        Assert.Contains("pipelines/orders_daily.yaml", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_deadline_is_refused()
    {
        using var repo = new PipelineRepository(PipelineRepository.Platform.Replace("locked: [execution_timeout]", "locked: [execution_timeout, deadline]", StringComparison.Ordinal))
            .Pipeline("orders_daily", Head + "deadline: 45m\nsteps:\n" + Sql);

        repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineLockedKey, File, 3, 1);
    }

    [Fact]
    public void An_external_asset_may_be_consumed_without_a_producer()
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + "external_assets: [s3://lake/raw]\nschedule:\n  assets: [s3://lake/raw]\nsteps:\n" + Sql);

        var build = repo.Build();

        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
    }

    [Fact]
    public void An_asset_another_pipeline_of_the_repository_produces_may_be_consumed()
    {
        using var repo = new PipelineRepository()
            .Pipeline("orders_daily", Head + "steps:\n" + Sql + "    produces: [warehouse://payments/orders]\n")
            .Pipeline("orders_report", "schema_version: 1\npipeline: orders_report\nschedule: { assets: [warehouse://payments/orders] }\nsteps:\n  - id: report\n    bash: echo\n");

        var build = repo.Build();

        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
    }

    [Theory]
    [InlineData("30s", "seconds=30")]
    [InlineData("5m", "minutes=5")]
    [InlineData("2h", "hours=2")]
    [InlineData("1d", "days=1")]
    public void Durations_are_written_with_their_unit(string duration, string timedelta)
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + $"defaults: {{ retry_delay: {duration} }}\nsteps:\n" + Sql);

        Assert.Contains($"\"retry_delay\": timedelta({timedelta}),", repo.Dag("orders_daily"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_without_the_platform_file_says_who_writes_it()
    {
        using var repo = new PipelineRepository(platform: null).Pipeline("orders_daily", Head + "steps:\n" + Sql);

        var error = repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineMissingPlatform, ".onboard/platform.yaml", 1, 1);

        Assert.Contains("platform", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_without_owner_needs_a_team_contact()
    {
        using var repo = new PipelineRepository(PipelineRepository.Platform.Replace("contacts: [analytics@example.com]", "contacts: []", StringComparison.Ordinal))
            .Pipeline("orders_daily", Head + "steps:\n" + Sql);

        repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineNoOwner, File, 2, 11);
    }

    [Fact]
    public void Alerts_through_a_channel_the_platform_lacks_are_refused()
    {
        using var repo = new PipelineRepository(PipelineRepository.Platform.Replace(", slack_webhook_conn_id: slack_alerts", "", StringComparison.Ordinal))
            .Pipeline("orders_daily", Head + "alerts: { slack: \"#payments\" }\nsteps:\n" + Sql);

        repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineAlertNotConfigured, File, 3, 18);
    }

    [Fact]
    public void A_deadline_needs_airflow_3_2()
    {
        using var repo = new PipelineRepository(PipelineRepository.Platform.Replace("airflow_version: \"3.2\"", "airflow_version: \"3.1\"", StringComparison.Ordinal))
            .Pipeline("orders_daily", Head + "deadline: 45m\nsteps:\n" + Sql);

        repo.Build().Diagnostics.SingleError(DiagnosticCodes.PipelineDeadlineUnsupported, File, 2, 11);
    }

    [Fact]
    public void Every_problem_of_a_run_is_reported_at_once()
    {
        using var repo = new PipelineRepository()
            .Pipeline("orders_daily", Head + "tier: platinum\nschedule: \"99 * * * *\"\nsteps:\n" + Sql + Sql)
            .Pipeline("other", "schema_version: 1\npipeline: other\nsteps:\n  - id: x\n    sql: sql/nope.sql\n    conn: nope\n");

        var codes = repo.Build().Diagnostics.Select(d => d.Code).ToHashSet();

        Assert.Superset(new HashSet<string> { DiagnosticCodes.PipelineUnknownTier, DiagnosticCodes.PipelineInvalidSchedule, DiagnosticCodes.PipelineDuplicateStep, DiagnosticCodes.PipelineMissingFile, DiagnosticCodes.PipelineUnknownConnection }, codes);
    }
}
