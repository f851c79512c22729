using System.Diagnostics;

namespace Onboarding.Cli.Commands;

/// <summary>
/// With ONBOARD_STAGE_TIMES=1, a compile prints how long each of its stages took on stderr: a profile of a
/// slow run where a native binary has no event counters to attach to. The process start comes from the kernel,
/// in 10 ms steps.
/// </summary>
internal static class StageTimes
{
    public const string Variable = "ONBOARD_STAGE_TIMES";

    public static Action<string>? From(CliContext context)
    {
        if (context.Variable(Variable) != "1")
        {
            return null;
        }

        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var clock = Stopwatch.StartNew();
        context.Error.WriteLine(Line("start-up", DateTime.UtcNow - started, DateTime.UtcNow - started));
        var last = TimeSpan.Zero;
        return stage =>
        {
            var now = clock.Elapsed;
            context.Error.WriteLine(Line(stage, now - last, DateTime.UtcNow - started));
            last = now;
        };
    }

    private static string Line(string stage, TimeSpan took, TimeSpan sinceStart) =>
        string.Create(CultureInfo.InvariantCulture, $"onboard: stage {stage} took {took.TotalMilliseconds:F1} ms; {sinceStart.TotalMilliseconds:F1} ms since the process started");
}
