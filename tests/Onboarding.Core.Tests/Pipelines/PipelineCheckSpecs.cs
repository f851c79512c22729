using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Pipelines;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// compile writes the DAG files once and then nothing; check passes right after a compile and fails
/// on a hand edit, on a changed pipeline, and on a file in dags/ that claims to be generated but that
/// no pipeline generates.
/// </summary>
public sealed class PipelineCheckSpecs : IDisposable
{
    private readonly PipelineRepository _repo = new PipelineRepository()
        .Pipeline("sql_on_cron", DagGenerationSpecs.Cases["sql_on_cron"])
        .Pipeline("bash_manual", DagGenerationSpecs.Cases["bash_manual"]);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Check_passes_right_after_a_compile()
    {
        var compile = _repo.Run(CompileMode.Write);

        var check = _repo.Run(CompileMode.Check);

        Assert.False(compile.HasErrors, string.Join("\n", compile.Diagnostics));
        Assert.Equal(
            [".onboard/pipeline.schema.json", "dags/bash_manual.py", "dags/manifest.json", "dags/sql_on_cron.py"],
            compile.Changes.Where(c => c.Status == ArtifactStatus.Created).Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
        Assert.False(check.Changed);
    }

    [Fact]
    public void A_second_compile_is_byte_identical_and_touches_no_file()
    {
        _repo.Run(CompileMode.Write);
        var files = Directory.EnumerateFiles(Path.Combine(_repo.Root, "dags")).ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

        var second = _repo.Run(CompileMode.Write);

        Assert.All(second.Changes, c => Assert.Equal(ArtifactStatus.Unchanged, c.Status));
        foreach (var (file, (bytes, mtime)) in files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(mtime, File.GetLastWriteTimeUtc(file));
        }
    }

    [Fact]
    public void A_hand_edit_fails_the_check_as_a_hand_edit()
    {
        _repo.Run(CompileMode.Write);
        File.AppendAllText(Path.Combine(_repo.Root, "dags/sql_on_cron.py"), "# tweak\n");

        var check = _repo.Run(CompileMode.Check);

        var error = check.Diagnostics.SingleError(DiagnosticCodes.PipelineHandEditedDag, "dags/sql_on_cron.py", 1, 1);
        Assert.Contains("pipelines/sql_on_cron.yaml", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_pipeline_fails_the_check_as_stale()
    {
        _repo.Run(CompileMode.Write);
        _repo.Pipeline("sql_on_cron", DagGenerationSpecs.Cases["sql_on_cron"].Replace("0 3 * * 1-5", "0 4 * * 1-5", StringComparison.Ordinal));

        var check = _repo.Run(CompileMode.Check);

        var error = check.Diagnostics.Where(d => d.Location.File != "dags/manifest.json").ToList().SingleError(DiagnosticCodes.PipelineStaleDag, "dags/sql_on_cron.py", 1, 1);
        Assert.Contains("pipelines/sql_on_cron.yaml changed", error.Message, StringComparison.Ordinal);
        Assert.Contains(check.Changes, c => c.Path == "dags/manifest.json" && c.Status == ArtifactStatus.Updated);
    }

    [Fact]
    public void A_file_that_claims_to_be_generated_but_no_pipeline_generates_fails_the_check_and_compile_removes_it()
    {
        _repo.Run(CompileMode.Write);
        File.Copy(Path.Combine(_repo.Root, "dags/sql_on_cron.py"), Path.Combine(_repo.Root, "dags/renamed.py"));
        _repo.Write("dags/hand_written.py", "from airflow.sdk import dag\n");

        var check = _repo.Run(CompileMode.Check);
        var compile = _repo.Run(CompileMode.Write);

        check.Diagnostics.SingleError(DiagnosticCodes.PipelineOrphanDag, "dags/renamed.py", 1, 1);
        Assert.Contains(compile.Changes, c => c.Path == "dags/renamed.py" && c.Status == ArtifactStatus.Deleted);
        Assert.False(File.Exists(Path.Combine(_repo.Root, "dags/renamed.py")));
        Assert.True(File.Exists(Path.Combine(_repo.Root, "dags/hand_written.py")));
    }

    [Fact]
    public void A_deleted_pipeline_takes_its_dag_with_it()
    {
        _repo.Run(CompileMode.Write);
        File.Delete(Path.Combine(_repo.Root, "pipelines/bash_manual.yaml"));

        var check = _repo.Run(CompileMode.Check);
        _repo.Run(CompileMode.Write);

        check.Diagnostics.SingleError(DiagnosticCodes.PipelineOrphanDag, "dags/bash_manual.py", 1, 1);
        Assert.False(File.Exists(Path.Combine(_repo.Root, "dags/bash_manual.py")));
        Assert.DoesNotContain("bash_manual", _repo.Read("dags/manifest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dag_fails_the_check()
    {
        _repo.Run(CompileMode.Write);
        File.Delete(Path.Combine(_repo.Root, "dags/bash_manual.py"));

        var check = _repo.Run(CompileMode.Check);

        check.Diagnostics.SingleError(DiagnosticCodes.PipelineStaleDag, "dags/bash_manual.py", 1, 1);
    }

    [Fact]
    public void A_crlf_checkout_passes_the_check()
    {
        _repo.Run(CompileMode.Write);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_repo.Root, "dags")).Concat(Directory.EnumerateFiles(Path.Combine(_repo.Root, "pipelines"))))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        var check = _repo.Run(CompileMode.Check);

        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
    }

    [Fact]
    public void An_invalid_pipeline_writes_nothing()
    {
        _repo.Pipeline("broken", "schema_version: 1\npipeline: broken\nsteps: []\n");

        var compile = _repo.Run(CompileMode.Write);

        Assert.True(compile.HasErrors);
        Assert.False(Directory.Exists(Path.Combine(_repo.Root, "dags")));
    }

    [Fact]
    public void The_manifest_lists_each_dag_with_its_file_hash()
    {
        _repo.Run(CompileMode.Write);

        var manifest = System.Text.Json.JsonDocument.Parse(_repo.Read("dags/manifest.json")).RootElement;
        var dag = manifest.GetProperty("dags").EnumerateArray().Single(d => d.GetProperty("dag_id").GetString() == "analytics__sql_on_cron");

        Assert.Equal("dags/sql_on_cron.py", dag.GetProperty("file").GetString());
        Assert.Equal("pipelines/sql_on_cron.yaml", dag.GetProperty("source").GetString());
        Assert.Equal("0 3 * * 1-5", dag.GetProperty("schedule").GetString());
        Assert.Equal(["warehouse://payments/orders_daily"], dag.GetProperty("produces").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_repo.Root, "dags/sql_on_cron.py")))),
            dag.GetProperty("sha256").GetString());
    }
}
