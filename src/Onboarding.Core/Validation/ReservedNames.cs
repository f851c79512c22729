namespace Onboarding.Core.Validation;

/// <summary>Names Airflow uses itself, plus the platform's own list; compared case-insensitively.</summary>
public static class ReservedNames
{
    public static readonly string[] BuiltIn = ["example_dags", "dags-folder"];

    /// <summary>Words a YAML 1.1 reader (PyYAML, many tools) turns into a boolean or null.</summary>
    public static readonly string[] YamlWords = ["yes", "off", "true", "false", "null"];

    public static string? Reason(string name, IReadOnlyList<string> policyNames)
    {
        if (BuiltIn.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return "Airflow uses it for its own bundle";
        }

        if (YamlWords.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return "YAML readers turn it into a boolean or null";
        }

        if (name.EndsWith("-example-dags", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-testing-dags", StringComparison.OrdinalIgnoreCase))
        {
            return "Airflow adds bundles of this shape when example DAGs are enabled";
        }

        return policyNames.Contains(name, StringComparer.OrdinalIgnoreCase) ? "policy.reserved_names lists it" : null;
    }
}
