namespace Onboarding.Core.Settings;

/// <summary>
/// What a text value (or each item of a text list) must look like. <see cref="Pattern"/> is published in
/// the JSON Schemas when the rule can be written as one; <see cref="IsValid"/> is what the tool checks.
/// </summary>
public sealed record TextRule(Func<string, bool> IsValid, string Problem, string Hint)
{
    public string Code { get; init; } = DiagnosticCodes.PatternMismatch;

    public string? Pattern { get; init; }

    public int MaxLength { get; init; } = 255;
}
