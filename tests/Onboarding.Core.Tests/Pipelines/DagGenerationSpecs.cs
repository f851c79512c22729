using Onboarding.Core.Pipelines.Generation;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// Golden DAG files for every step kind (sql, checks, bash, pod) and every schedule form (cron,
/// preset, null, assets): what a team gets for what it writes.
/// </summary>
public class DagGenerationSpecs
{
    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["sql_on_cron"] = """
            schema_version: 1
            pipeline: sql_on_cron
            description: Loads orders every night.
            schedule: "0 3 * * 1-5"
            steps:
              - id: transform
                sql: sql/orders_daily.sql
                conn: warehouse
                produces: [warehouse://payments/orders_daily]

            """,
        ["checks_on_preset"] = """
            schema_version: 1
            pipeline: checks_on_preset
            schedule: "@daily"
            tier: critical
            tags: [quality]
            steps:
              - id: quality
                checks:
                  conn: lake
                  table: payments.orders_daily
                  row_count: { min: 1, max: 1000000 }
                  columns:
                    order_id: { not_null: true, unique: true }
                    amount: { min: 0, max: 99999.99 }
                    discount: { min: -5.5 }
              - id: row_count_only
                after: [quality]
                checks: { conn: lake, table: audit.runs, row_count: { min: 1 } }
                produces: [lake://audit/runs]

            """,
        ["bash_manual"] = """
            schema_version: 1
            pipeline: bash_manual
            description: Run by hand; see docs/export.md
            schedule: null
            owner: ops@example.com
            alerts: { email: [ops@example.com, oncall@example.com], slack: "#ops-alerts" }
            defaults: { retries: 0, retry_delay: 30s, start_date: 2025-06-01 }
            steps:
              - id: export
                bash: scripts/export.sh {{ ds }} --full
              - id: notify
                after: [export]
                bash: echo "exported {{ ds }}" > /tmp/done.sh

            """,
        ["pod_on_assets"] = """
            schema_version: 1
            pipeline: pod_on_assets
            schedule:
              assets: [warehouse://payments/orders_daily, s3://lake/features]
            external_assets: [warehouse://payments/orders_daily, s3://lake/features]
            deadline: 2h
            alerts: { slack: "#ml" }
            steps:
              - id: train
                pod:
                  image: ghcr.io/acme/train:1.4
                  namespace: ml
                  cmds: [python, train.py]
                  arguments: ["--date", "{{ ds }}"]
                  env: { MODEL: churn, LOG_LEVEL: info }
              - id: publish_model
                after: [train]
                pod: { image: ghcr.io/acme/publish@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef }

            """,
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    public static string GoldenPath(string name) => RepositoryLayout.PathOf($"tests/Onboarding.Core.Tests/Pipelines/Golden/{name}.py");

    [Theory]
    [MemberData(nameof(Names))]
    public void A_pipeline_compiles_to_its_golden_dag(string name)
    {
        using var repo = new PipelineRepository().Pipeline(name, Cases[name]);

        var build = repo.Build();

        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        Golden.AssertMatches(GoldenPath(name), repo.Dag(name));
    }

    [Fact]
    public void Every_dag_starts_with_the_generated_marker_naming_its_source()
    {
        using var repo = new PipelineRepository().Pipeline("sql_on_cron", Cases["sql_on_cron"]);

        Assert.StartsWith($"{DagFileWriter.Marker}pipelines/sql_on_cron.yaml; do not edit.\n", repo.Dag("sql_on_cron"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_files_hold_no_absolute_path()
    {
        foreach (var name in Cases.Keys)
        {
            using var repo = new PipelineRepository().Pipeline(name, Cases[name]);

            var dag = repo.Dag(name);

            Assert.DoesNotContain(repo.Root, dag, StringComparison.Ordinal);
            Assert.DoesNotContain("\"/", dag.Replace("/tmp/done.sh", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Settings_cascade_from_platform_defaults_through_the_tier_to_the_pipeline()
    {
        using var repo = new PipelineRepository().Pipeline("checks_on_preset", Cases["checks_on_preset"]);

        var dag = repo.Dag("checks_on_preset");

        Assert.Contains("\"retries\": 3,", dag, StringComparison.Ordinal);
        Assert.Contains("\"retry_delay\": timedelta(minutes=5),", dag, StringComparison.Ordinal);
        Assert.Contains("interval=timedelta(minutes=30),", dag, StringComparison.Ordinal);
        Assert.Contains("tags=[\"team:analytics\", \"platform\", \"quality\"],", dag, StringComparison.Ordinal);
    }
}
