using System.Text.Json;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Pipelines;
using Onboarding.Core.Sources;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// Pipeline files are code review's input, and their text lands in Python: every string arrives in
/// the generated file as a literal with exactly the written value, and names and paths that could
/// leave the repository or break out of a literal are refused before anything is built.
/// </summary>
public class HostilePipelineSpecs
{
    private const string Head = "schema_version: 1\npipeline: orders_daily\n";

    public static TheoryData<string> HostileTexts() =>
    [
        "\"\"\"; import os; os.system('touch /tmp/pwned'); \"\"\"",
        "line one\nline two\\n\r\n\t",
        "back\\slash \\\" \\x41 \\u0041 \\N{BULLET}",
        "\u202Eevil\u200Bhidden \U0001F600 caf\u00E9",
        "{{ ds }} {% raw %} ${HOME} $(id) `id`",
        "'single' and \"double\" quotes",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Text_lands_in_python_as_a_literal_of_exactly_its_value(string text)
    {
        var quoted = JsonSerializer.Serialize(text);
        using var repo = new PipelineRepository().Pipeline("orders_daily",
            Head + $"description: {quoted}\nsteps:\n  - id: run\n    bash: {quoted}\n  - id: train\n    pod: {{ image: ghcr.io/a/b, arguments: [{quoted}], env: {{ X: {quoted} }} }}\n");

        var dag = repo.Dag("orders_daily");

        Assert.All(dag, c => Assert.InRange(c, '\n', '~'));
        if (!GeneratedPythonSpecs.PythonIsInstalled())
        {
            return;
        }

        using var dir = new TempDirectory();
        var file = dir.Write("dag.py", dag);
        var script = dir.Write("literals.py", """
            import ast, json, sys
            tree = ast.parse(open(sys.argv[1], encoding="ascii").read())
            found = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.keyword) and node.arg in ("description", "bash_command", "arguments", "env_vars"):
                    found[node.arg] = ast.literal_eval(node.value)
            print(json.dumps(found))
            """);
        var (code, output) = GeneratedPythonSpecs.Python([script, file]);

        Assert.True(code == 0, output);
        var found = JsonDocument.Parse(output).RootElement;
        Assert.Equal(text, found.GetProperty("description").GetString());
        Assert.Equal(text.Trim(), found.GetProperty("bash_command").GetString()!.TrimEnd());
        Assert.Equal(text, found.GetProperty("arguments")[0].GetString());
        Assert.Equal(text, found.GetProperty("env_vars").GetProperty("X").GetString());
    }

    [Theory]
    [InlineData("../../.github/workflows/evil")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("%2e%2e%2f")]
    [InlineData("/etc/passwd")]
    [InlineData("-rf")]
    [InlineData("a b")]
    [InlineData("p\u0430yments")]
    [InlineData("no")]
    [InlineData("Orders")]
    public void A_hostile_pipeline_name_is_refused_before_any_path_is_built(string name)
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head.Replace("orders_daily", JsonSerializer.Serialize(name), StringComparison.Ordinal) + "steps:\n  - id: a\n    bash: echo\n");

        var build = repo.Build();

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.PatternMismatch && d.Location.Line == 2);
        Assert.Empty(build.Files);
    }

    [Theory]
    [InlineData("sql: ../../etc/passwd.sql")]
    [InlineData("sql: /etc/passwd.sql")]
    [InlineData("sql: sql\\..\\..\\x.sql")]
    [InlineData("sql: \"sql/a\\u0000b.sql\"")]
    [InlineData("sql: sql/%2e%2e/x.sql")]
    [InlineData("bash: /bin/../../etc/x.sh")]
    public void A_path_that_could_leave_the_repository_is_refused(string step)
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + $"steps:\n  - id: a\n    {step}\n    conn: warehouse\n".Replace("    conn: warehouse\n", step.StartsWith("sql", StringComparison.Ordinal) ? "    conn: warehouse\n" : "", StringComparison.Ordinal));

        var build = repo.Build();

        Assert.Contains(build.Diagnostics, d => d.Code is DiagnosticCodes.PipelinePathOutsideRepository or DiagnosticCodes.PipelineMissingFile && d.Location.Line == 5);
        Assert.Empty(build.Files);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_reached_through_a_symbolic_link_is_refused()
    {
        using var outside = new TempDirectory();
        var secret = outside.Write("secret.sql", "SELECT 'secret';\n");
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + "steps:\n  - id: a\n    sql: linked/secret.sql\n    conn: warehouse\n  - id: b\n    sql: sql/direct.sql\n    conn: warehouse\n");
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "linked"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "sql/direct.sql"), secret);

        var build = repo.Build();

        Assert.Equal(2, build.Diagnostics.Count(d => d.Code == DiagnosticCodes.PipelinePathOutsideRepository && d.Message.Contains("symbolic link", StringComparison.Ordinal)));
        Assert.Empty(build.Files);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_pipeline_file_that_is_a_symbolic_link_is_refused()
    {
        using var outside = new TempDirectory();
        var target = outside.Write("orders_daily.yaml", Head + "steps:\n  - id: a\n    bash: echo\n");
        using var repo = new PipelineRepository();
        Directory.CreateDirectory(Path.Combine(repo.Root, "pipelines"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "pipelines/orders_daily.yaml"), target);

        repo.Build().Diagnostics.SingleError(DiagnosticCodes.LinkLeavesRepository, "pipelines/orders_daily.yaml", 1, 1);
    }

    [Fact]
    public void A_fifo_as_a_pipeline_file_or_a_step_file_is_refused_without_being_opened()
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + "steps:\n  - id: a\n    sql: sql/orders.sql\n    conn: warehouse\n");
        Directory.CreateDirectory(Path.Combine(repo.Root, "sql"));
        Fifo.Create(Path.Combine(repo.Root, "sql/orders.sql"));
        Fifo.Create(Path.Combine(repo.Root, "pipelines/blocking.yaml"));

        // Opening a FIFO for reading blocks until a writer comes: the build finishing at all is the point.
        var build = repo.Build();

        build.Diagnostics.SingleError(DiagnosticCodes.NotARegularFile, "pipelines/blocking.yaml", 1, 1);
        var step = Assert.Single(build.Diagnostics, d => d.Code == DiagnosticCodes.PipelineMissingFile);
        Assert.Contains("not a regular file", step.Message, StringComparison.Ordinal);
        Assert.Empty(build.Files);
    }

    [Theory]
    [InlineData("description: &a x\n")]
    [InlineData("description: !!binary aGk=\n")]
    [InlineData("description: a\ndescription: b\n")]
    public void Unsafe_yaml_is_refused_as_in_team_files(string line)
    {
        using var repo = new PipelineRepository().Pipeline("orders_daily", Head + line + "steps:\n  - id: a\n    bash: echo\n");

        var build = repo.Build();

        Assert.Contains(build.Diagnostics, d => d.Code.StartsWith("YAML", StringComparison.Ordinal));
        Assert.Empty(build.Files);
    }

    [Fact]
    public async Task A_hostile_platform_file_value_cannot_add_keys_when_written()
    {
        var written = TeamPlatformFile.Render("analytics", ["a@example.com"], new Core.Model.AirflowVersion(3, 2),
            new Core.Pipelines.Model.PipelinePolicy(Core.Pipelines.Model.PipelineSettings.None, new Dictionary<string, Core.Pipelines.Model.PipelineSettings>(), [],
                ["warehouse\nlocked: [retries]", "x # comment", "&a"], "smtp\"\nteam: mallory", null, ["- x"]));
        using var repo = new PipelineRepository(written);
        var diagnostics = new DiagnosticBag();

        var platform = await TeamPlatformLoader.LoadAsync(new DiskSource(repo.Root), diagnostics, CancellationToken.None);

        // Each value is refused by its pattern, as one value: no key, list item or document was added.
        Assert.All(diagnostics.Sorted(), d => Assert.Equal(DiagnosticCodes.PatternMismatch, d.Code));
        Assert.Equal(5, diagnostics.ErrorCount);
        Assert.Equal("analytics", platform!.Team);
        Assert.Empty(platform.Policy.Locked);
    }
}
