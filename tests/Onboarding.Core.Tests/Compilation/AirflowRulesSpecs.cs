using System.Text;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>The Airflow reading used by the example tests does reject what Airflow rejects.</summary>
public class AirflowRulesSpecs
{
    private const string Good = """[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main"},"name":"a"}]""";

    [Theory]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main"},"name":"a","team_name":"t"}]""", "3.1", "not accepted by Airflow 3.1")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main","submodules":"false"},"name":"a"}]""", "3.2", "JSON type String")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{},"name":"a"}]""", "3.2", "tracking_ref is required")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main"},"name":"example_dags"}]""", "3.2", "reserved")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main","name":"x"},"name":"a"}]""", "3.2", "passed by Airflow itself")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main","view_url_template":"https://github.com/o/r/tree/{version}"},"name":"a"}]""", "3.0", "not accepted by GitDagBundle of Airflow 3.0")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main","view_url_template":"file:///srv/dags"},"name":"a"}]""", "3.2", "not an http(s) URL")]
    [InlineData("""[{"classpath":"airflow.providers.git.bundles.git.GitDagBundle","kwargs":{"tracking_ref":"main","prune_dotgit_folder":"false"},"name":"a"}]""", "3.2", "JSON type String")]
    [InlineData("[]", "3.2", "empty list")]
    [InlineData("[1,]", "3.2", "not JSON")]
    public void Lists_Airflow_rejects_are_flagged(string json, string version, string expected)
    {
        var problems = AirflowRules.Violations(Encoding.UTF8.GetBytes(json), version, multiTeam: false);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_BOM_is_flagged_and_a_plain_list_is_not()
    {
        Assert.Empty(AirflowRules.Violations(Encoding.UTF8.GetBytes(Good), "3.0", multiTeam: false));
        Assert.Contains(
            AirflowRules.Violations([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Good)], "3.2", multiTeam: false),
            p => p.Contains("BOM", StringComparison.Ordinal));
    }
}
