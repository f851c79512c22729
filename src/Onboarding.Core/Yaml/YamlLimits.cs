namespace Onboarding.Core.Yaml;

/// <summary>Limits that keep hostile YAML from exhausting memory, stack or time (see SECURITY.md).</summary>
public sealed record YamlLimits(int MaxBytes, int MaxDepth, int MaxScalarLength)
{
    public static YamlLimits Default { get; } = new(64 * 1024, 32, 4 * 1024);
}
