using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;

namespace Onboarding.Core.Tests.Import;

/// <summary>The list is found in an airflow.cfg, an env file or a JSON file exactly as Airflow would read it.</summary>
public class ImportSourceSpecs
{
    private static (BundleListText? Text, IReadOnlyList<Diagnostic> Diagnostics) Cfg(string cfg)
    {
        var bag = new DiagnosticBag();
        return (AirflowCfgReader.Read(cfg, "airflow.cfg", bag), bag.Sorted());
    }

    private static (BundleListText? Text, IReadOnlyList<Diagnostic> Diagnostics) Env(string env)
    {
        var bag = new DiagnosticBag();
        return (EnvFileReader.Read(env, "airflow.env", bag), bag.Sorted());
    }

    [Fact]
    public void A_cfg_value_continues_on_deeper_indented_lines_and_skips_comment_lines()
    {
        var (text, diagnostics) = Cfg("""
            [dag_processor]
            dag_bundle_config_list =
                [
            ; skipped, as configparser does
                  {"name": "a"},

                  {"name": "b"}
                ]


            refresh_interval = 5
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("\n[\n{\"name\": \"a\"},\n\n{\"name\": \"b\"}\n]", text!.Json);
        Assert.Equal(new SourceLocation("airflow.cfg", 5, 7), text.At(2, 0));
    }

    [Fact]
    public void The_key_in_another_section_is_not_the_list()
    {
        var (text, diagnostics) = Cfg("""
            [core]
            dag_bundle_config_list = [{"name": "wrong"}]
            [dag_processor]
            refresh_interval = 5
            """);

        Assert.Null(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ImportListNotFound, error.Code);
        Assert.Contains("[dag_processor] has no 'dag_bundle_config_list'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cfg_without_the_section_says_so()
    {
        var error = Assert.Single(Cfg("[core]\nload_examples = False\n").Diagnostics);

        Assert.Equal(DiagnosticCodes.ImportListNotFound, error.Code);
        Assert.Contains("no [dag_processor] section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doubled_percent_is_one_percent_as_Airflow_interpolates_it()
    {
        var (text, diagnostics) = Cfg("[dag_processor]\ndag_bundle_config_list = [\"100%%\"]\n");

        Assert.Empty(diagnostics);
        Assert.Equal("[\"100%\"]", text!.Json);
    }

    [Theory]
    [InlineData("[dag_processor]\ndag_bundle_config_list = [\"50%\"]\n", "'%'", 2, 30)]
    [InlineData("[dag_processor]\ndag_bundle_config_list = [\"$HOME\"]\n", "'$'", 2, 28)]
    [InlineData("[dag_processor]\ndag_bundle_config_list = []\nDAG_BUNDLE_CONFIG_LIST = []\n", "set twice", 3, 1)]
    [InlineData("[dag_processor]\ndag_bundle_config_list = []\n[dag_processor]\nx = 1\n", "appears twice", 3, 1)]
    [InlineData("[dag_processor]\ndag_bundle_config_list = []\nnot an option\n", "neither 'key = value'", 3, 1)]
    public void Cfg_text_Airflow_would_read_differently_or_refuse_is_an_error_at_its_line(string cfg, string message, int line, int column)
    {
        var (text, diagnostics) = Cfg(cfg);

        Assert.Null(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ImportSourceSyntax, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("airflow.cfg", line, column), error.Location);
    }

    [Theory]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=[{\"name\": \"a\"}]", "[{\"name\": \"a\"}]")]
    [InlineData("export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='[{\"name\": \"a\"}]'", "[{\"name\": \"a\"}]")]
    [InlineData("export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=\"[{\\\"name\\\": \\\"a\\\\b\\\"}]\"", "[{\"name\": \"a\\b\"}]")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='[\n  {\"name\": \"a\"}\n]' # multi-line", "[\n  {\"name\": \"a\"}\n]")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=[]   ", "[]")]
    public void An_env_value_is_read_unquoted_single_quoted_or_double_quoted(string line, string json)
    {
        var (text, diagnostics) = Env($"# platform settings\nAIRFLOW__CORE__LOAD_EXAMPLES=False\n{line}\nAIRFLOW__CORE__PARALLELISM=32\n");

        Assert.Empty(diagnostics);
        Assert.Equal(json, text!.Json);
    }

    [Theory]
    [InlineData("AIRFLOW__CORE__LOAD_EXAMPLES=False\n", DiagnosticCodes.ImportListNotFound, "does not set AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='[\n", DiagnosticCodes.ImportSourceSyntax, "never closed")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=[]\nexport AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=[]\n", DiagnosticCodes.ImportSourceSyntax, "set twice")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=\"[$BUNDLES]\"\n", DiagnosticCodes.ImportSourceSyntax, "unescaped '$'")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='[]'x\n", DiagnosticCodes.ImportSourceSyntax, "follows the closing quote")]
    public void An_env_file_without_a_usable_value_is_an_error(string env, string code, string message)
    {
        var (text, diagnostics) = Env(env);

        Assert.Null(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("airflow.cfg", "anything", "Cfg")]
    [InlineData("settings.ini", "anything", "Cfg")]
    [InlineData("bundles.json", "anything", "Json")]
    [InlineData("prod.env", "anything", "Env")]
    [InlineData(".env", "anything", "Env")]
    [InlineData("start.sh", "anything", "Env")]
    [InlineData("settings", "export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=[]", "Env")]
    [InlineData("settings", "[core]\nx = 1\n[dag_processor]\n", "Cfg")]
    [InlineData("settings", "  [\n  {}\n]", "Json")]
    public void The_format_follows_the_extension_else_the_content(string name, string content, string format)
    {
        Assert.Equal(format, ImportSourceReader.Detect(name, content)?.ToString());
    }

    [Fact]
    public void A_file_of_no_recognisable_format_asks_for_format()
    {
        using var dir = new global::Onboarding.Testing.TempDirectory();
        var path = dir.Write("settings", "hello\n");
        var bag = new DiagnosticBag();

        Assert.Null(ImportSourceReader.Read(path, "settings", null, bag));

        var error = Assert.Single(bag.Sorted());
        Assert.Contains("--format", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_its_first_bad_byte()
    {
        using var dir = new global::Onboarding.Testing.TempDirectory();
        var path = Path.Combine(dir.Path, "airflow.cfg");
        File.WriteAllBytes(path, [.. "[dag_processor]\ndag_bundle_config_list = [\"caf"u8, 0xE9, .. "\"]\n"u8]);
        var bag = new DiagnosticBag();

        Assert.Null(ImportSourceReader.Read(path, "airflow.cfg", null, bag));

        var error = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.ImportSourceUnreadable, error.Code);
        Assert.Equal(new SourceLocation("airflow.cfg", 2, 31), error.Location);
        Assert.Contains("byte 0xE9 at byte offset 46", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var bag = new DiagnosticBag();

        Assert.Null(ImportSourceReader.Read("/nonexistent/airflow.cfg", "airflow.cfg", null, bag));

        var error = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.ImportSourceUnreadable, error.Code);
        Assert.Equal("file not found", error.Message);
    }
}
