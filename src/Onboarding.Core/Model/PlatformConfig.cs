namespace Onboarding.Core.Model;

/// <summary>onboarding.yaml: the platform's settings.</summary>
public sealed record PlatformConfig(
    string Path,
    GitHubSettings GitHub,
    AirflowSettings Airflow,
    IReadOnlyList<EnvironmentSettings> Environments,
    OutputSettings Outputs,
    PolicySettings Policy,
    YamlMapping Source)
{
    /// <summary>The <c>pipelines:</c> policy team repositories compile their pipelines under; null when absent.</summary>
    public Pipelines.Model.PipelinePolicy? Pipelines { get; init; }

    public EnvironmentSettings? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => e.Name == name);
}

public sealed record GitHubSettings(
    string Org,
    string? TemplateRepo,
    string Visibility,
    string ApprovalLabel,
    string ApproverPermission)
{
    /// <summary><c>github.approval_label</c> when absent.</summary>
    public const string DefaultApprovalLabel = "onboarding-approved";
}

public sealed record AirflowSettings(
    AirflowVersion Version,
    bool MultiTeam,
    string Classpath,
    BundleSettings Defaults)
{
    public const string GitDagBundleClasspath = "airflow.providers.git.bundles.git.GitDagBundle";

    /// <summary>airflow.git_conn_id: the connection of every bundle that names none.</summary>
    public string? GitConnId => Defaults.Text(GitBundleSettings.GitConnId);
}

/// <summary>One deployment target; each gets its own compiled artifacts.</summary>
public sealed record EnvironmentSettings(string Name, BundleSettings Settings, bool AllowEmpty, SourceLocation At)
{
    /// <summary><c>environments.&lt;env&gt;.formats</c>: this environment's artifact forms; null means <c>outputs.formats</c>.</summary>
    public IReadOnlyList<string>? Formats { get; init; }
}

public sealed record OutputSettings(string Dir, IReadOnlyList<string> Formats)
{
    public const string Json = "json";
    public const string Env = "env";
    public const string ConfigMap = "configmap";
    public const string Cfg = "cfg";
    public const string Helm = "helm";

    /// <summary>Every form, in the order they are written and listed.</summary>
    public static IReadOnlyList<string> AllFormats { get; } = [.. OutputFormat.All.Select(f => f.Name)];

    /// <summary>What <c>outputs.formats</c> means when absent.</summary>
    public static IReadOnlyList<string> DefaultFormats { get; } = [Json, Env, ConfigMap];

    /// <summary>What <c>outputs.dir</c> means when absent.</summary>
    public const string DefaultDir = "generated";

    public bool Emits(string format) => Formats.Contains(format);

    /// <summary>The forms written for <paramref name="environment"/>: its own <c>formats</c>, else the platform's.</summary>
    public IReadOnlyList<string> For(EnvironmentSettings environment) => environment.Formats ?? Formats;
}

public sealed record PolicySettings(
    IReadOnlyList<string> RepoHosts,
    IReadOnlyList<string> RepoOwners,
    IReadOnlyList<string> ReservedNames)
{
    /// <summary>What <c>policy.repo_hosts</c> means when absent: the one host team repositories may live on.</summary>
    public const string DefaultHost = "github.com";

    /// <summary>Bundle classes <c>airflow.classpath</c> may name besides GitDagBundle: Airflow imports the class at start-up.</summary>
    public IReadOnlyList<string> AllowedClasspaths { get; init; } = [];
}
