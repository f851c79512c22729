namespace Onboarding.Cli.Tests.Utils;

/// <summary>One step of the composite action as the runner would have run (or skipped) it.</summary>
internal sealed record ActionStepOutcome(string Name, string? Id, bool Ran, int ExitCode, string Log, IReadOnlyDictionary<string, string> Outputs, string Summary, TimeSpan Elapsed);
