using System.Text;
using Onboarding.Core.Compilation;
using Onboarding.Core.Pipelines;
using Onboarding.Core.Sources;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>A team repository in a temp folder: the platform's file, pipelines and the files they name.</summary>
internal sealed class PipelineRepository : IDisposable
{
    public const string Platform = """
        schema_version: 1
        team: analytics
        contacts: [analytics@example.com]
        airflow_version: "3.2"
        pipelines:
          defaults: { retries: 2, retry_delay: 5m, execution_timeout: 2h, start_date: 2026-01-01 }
          tiers:
            critical: { retries: 3, deadline: 30m }
            standard: {}
          locked: [execution_timeout]
          connections: [warehouse, lake]
          alerts: { smtp_conn_id: smtp_default, slack_webhook_conn_id: slack_alerts }
          tags: [platform]

        """;

    private readonly TempDirectory _dir = new("onboard-pipelines");

    public PipelineRepository(string? platform = Platform)
    {
        if (platform is not null)
        {
            Write(".onboard/platform.yaml", platform);
        }

        Write("sql/orders_daily.sql", "SELECT 1;\n");
        Write("scripts/export.sh", "#!/bin/sh\necho \"$1\"\n");
    }

    public string Root => _dir.Path;

    public PipelineRepository Write(string path, string content)
    {
        _dir.Write(path, content);
        return this;
    }

    public PipelineRepository Pipeline(string name, string body) => Write($"pipelines/{name}.yaml", body);

    public string Read(string path) => _dir.Read(path);

    public PipelineBuild Build() => Bounded.Pipelines(new DiskSource(Root));

    public PipelineCompileResult Run(CompileMode mode) => Bounded.Pipelines(Root, mode);

    public string Dag(string name) => Encoding.UTF8.GetString(Build().Files.Single(f => f.Path == $"dags/{name}.py").Content);

    public void Dispose() => _dir.Dispose();
}
