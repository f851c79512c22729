using System.Diagnostics;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// Every generated DAG file is valid Python (py_compile), imports only what facts/AIRFLOW-SDK.md lists,
/// and runs against stand-ins of those Airflow classes that accept exactly the keyword arguments
/// Airflow 3.2's source defines: an unknown keyword, a missing import or a broken dependency line fails.
/// </summary>
public class GeneratedPythonSpecs
{
    /// <summary>Stand-ins with the constructor keywords read from Airflow's source (facts/AIRFLOW-SDK.md).</summary>
    private const string Checker = """
        import ast, sys, types

        BASE = {"task_id", "owner", "retries", "retry_delay", "execution_timeout", "pool", "pool_slots", "queue",
                "on_failure_callback", "on_success_callback", "on_retry_callback", "outlets", "inlets", "trigger_rule",
                "doc_md", "depends_on_past"}
        CLASSES = {
            "airflow.sdk": {
                "DAG": {"dag_id", "description", "schedule", "start_date", "end_date", "catchup", "tags", "default_args", "doc_md",
                        "owner_links", "max_active_runs", "max_active_tasks", "dagrun_timeout", "deadline", "params",
                        "on_failure_callback", "on_success_callback", "template_searchpath"},
                "Asset": {"name", "uri", "group", "extra", "watchers"},
                "DeadlineAlert": {"reference", "interval", "callback"},
                "AsyncCallback": {"kwargs"},
                "CronTriggerTimetable": {"timezone"},
            },
            "airflow.providers.standard.operators.bash": {"BashOperator": BASE | {"bash_command", "env", "append_env", "cwd", "skip_on_exit_code"}},
            "airflow.providers.common.sql.operators.sql": {
                "SQLExecuteQueryOperator": BASE | {"sql", "conn_id", "database", "autocommit", "parameters"},
                "SQLColumnCheckOperator": BASE | {"table", "column_mapping", "partition_clause", "conn_id", "accept_none"},
                "SQLTableCheckOperator": BASE | {"table", "checks", "partition_clause", "conn_id"},
            },
            "airflow.providers.cncf.kubernetes.operators.pod": {"KubernetesPodOperator": BASE | {"image", "name", "namespace", "cmds", "arguments", "env_vars",
                                                                                                "kubernetes_conn_id", "get_logs", "on_finish_action"}},
            "airflow.providers.smtp.notifications.smtp": {"SmtpNotifier": {"to", "from_email", "subject", "html_content", "files", "cc", "bcc", "smtp_conn_id"}},
            "airflow.providers.slack.notifications.slack_webhook": {"SlackWebhookNotifier": {"text", "slack_webhook_conn_id"}},
        }
        REQUIRED = {"DeadlineAlert": {"reference", "interval", "callback"}, "SlackWebhookNotifier": {"text", "slack_webhook_conn_id"},
                    "BashOperator": {"task_id", "bash_command"}, "SQLExecuteQueryOperator": {"task_id", "sql"},
                    "SQLColumnCheckOperator": {"task_id", "table", "column_mapping"}, "SQLTableCheckOperator": {"task_id", "table", "checks"},
                    "KubernetesPodOperator": {"task_id"}}
        STDLIB = {"datetime": {"datetime", "timedelta", "timezone"}, "pathlib": {"Path"}}
        dags = []

        class Node:
            def __rshift__(self, other):
                for o in (other if isinstance(other, list) else [other]):
                    assert isinstance(o, Node), f"cannot set {o!r} downstream"
                    self.downstream.append(o.task_id)
                return other
            def __rrshift__(self, other):
                for o in other:
                    o >> self
                return self

        def stand_in(name, allowed):
            def __init__(self, *args, **kwargs):
                unknown = set(kwargs) - allowed
                if unknown:
                    raise TypeError(f"{name}() got unexpected keyword arguments {sorted(unknown)}")
                missing = REQUIRED.get(name, set()) - set(kwargs)
                if missing:
                    raise TypeError(f"{name}() missing {sorted(missing)}")
                if name == "DAG":
                    for key in kwargs.get("default_args", {}):
                        if key not in BASE:
                            raise TypeError(f"default_args key {key} is no BaseOperator argument")
                    for tag in kwargs.get("tags", []):
                        assert len(tag) <= 100, tag
                    dags.append(self)
                self.__dict__.update(kwargs, args=args, downstream=[])
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                return False
            return type(name, (Node,), {"__init__": __init__, "__enter__": __enter__, "__exit__": __exit__})

        for module, classes in CLASSES.items():
            parts = module.split(".")
            for i in range(1, len(parts) + 1):
                sys.modules.setdefault(".".join(parts[:i]), types.ModuleType(".".join(parts[:i])))
            for name, allowed in classes.items():
                setattr(sys.modules[module], name, stand_in(name, allowed))
        sys.modules["airflow.sdk"].DeadlineReference = types.SimpleNamespace(DAGRUN_QUEUED_AT="DAGRUN_QUEUED_AT")

        for path in sys.argv[1:]:
            source = open(path, encoding="ascii").read()
            for node in ast.walk(ast.parse(source, path)):
                if isinstance(node, ast.Import):
                    raise SystemExit(f"{path}: plain import {ast.unparse(node)}")
                if isinstance(node, ast.ImportFrom):
                    allowed = {**CLASSES, **STDLIB, "airflow.sdk": {*CLASSES["airflow.sdk"], "DeadlineReference"}}.get(node.module)
                    names = {a.name for a in node.names}
                    if allowed is None or not names <= set(allowed):
                        raise SystemExit(f"{path}: import not in the facts: {ast.unparse(node)}")
            dags.clear()
            exec(compile(source, path, "exec"), {"__file__": path, "__name__": "dag_module"})
            assert len(dags) == 1, f"{path}: {len(dags)} DAGs"
            print(f"{path}: {dags[0].dag_id}")
        """;

    public static IEnumerable<string> GeneratedFiles() =>
        Directory.EnumerateFiles(RepositoryLayout.PathOf("tests/Onboarding.Core.Tests/Pipelines/Golden"), "*.py")
            .Concat(Directory.EnumerateFiles(RepositoryLayout.PathOf("templates/team-repo/dags"), "*.py")
                .Where(f => File.ReadAllText(f).StartsWith(Core.Pipelines.Generation.DagFileWriter.Marker, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_generated_file_compiles_with_python()
    {
        var files = GeneratedFiles().ToList();
        Assert.True(files.Count >= 6, $"expected the golden and template DAGs, found {files.Count}");
        if (!PythonIsInstalled())
        {
            return;
        }

        // py_compile writes __pycache__ beside the file: compile copies, not the repository's files.
        using var dir = new TempDirectory();
        foreach (var file in files)
        {
            var copy = Path.Combine(dir.Path, $"{Path.GetFileName(Path.GetDirectoryName(file))}_{Path.GetFileName(file)}");
            File.Copy(file, copy);
            var (code, output) = Python(["-m", "py_compile", copy]);
            Assert.True(code == 0, $"{file} does not compile:\n{output}");
        }
    }

    [Fact]
    public void Every_generated_file_uses_only_the_imports_classes_and_keywords_of_the_facts()
    {
        if (!PythonIsInstalled())
        {
            return;
        }

        using var dir = new TempDirectory();
        var checker = dir.Write("check_dags.py", Checker);

        var (code, output) = Python([checker, .. GeneratedFiles()]);

        Assert.True(code == 0, output);
        Assert.Contains("analytics__orders_daily", output, StringComparison.Ordinal);
        Assert.Contains("analytics__pod_on_assets", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_refuses_a_keyword_airflow_does_not_have()
    {
        if (!PythonIsInstalled())
        {
            return;
        }

        using var dir = new TempDirectory();
        var checker = dir.Write("check_dags.py", Checker);
        var bad = dir.Write("bad.py", File.ReadAllText(DagGenerationSpecs.GoldenPath("bash_manual")).Replace("append_env=True", "append_env=True, command=\"x\"", StringComparison.Ordinal));

        var (code, output) = Python([checker, bad]);

        Assert.NotEqual(0, code);
        Assert.Contains("unexpected keyword arguments ['command']", output, StringComparison.Ordinal);
    }

    internal static bool PythonIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "python3")));

    internal static (int Code, string Output) Python(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
