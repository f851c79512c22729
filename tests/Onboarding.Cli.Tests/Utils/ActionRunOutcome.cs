namespace Onboarding.Cli.Tests.Utils;

/// <summary>A whole run of the composite action: every step, the action's outputs, the log and the job summary.</summary>
internal sealed record ActionRunOutcome(IReadOnlyList<ActionStepOutcome> Steps, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>The exit code of the step that failed the action, or 0.</summary>
    public int ExitCode => Steps.FirstOrDefault(step => step.Ran && step.ExitCode != 0)?.ExitCode ?? 0;

    /// <summary>What the job log shows: every step's stdout and stderr, in order.</summary>
    public string Log => string.Concat(Steps.Select(step => step.Log));

    /// <summary>The job summary: every step's $GITHUB_STEP_SUMMARY, in order.</summary>
    public string Summary => string.Concat(Steps.Select(step => step.Summary));

    public ActionStepOutcome Step(string name) => Steps.Single(step => step.Name == name);

    public override string ToString() =>
        string.Join('\n', Steps.Select(step => $"--- {step.Name}: {(step.Ran ? $"exit {step.ExitCode} in {step.Elapsed.TotalSeconds:0.0} s" : "skipped")}\n{step.Log}"))
        + "\n--- outputs\n" + string.Join('\n', Outputs.Select(pair => $"{pair.Key}={pair.Value}"));
}
