using System.Diagnostics;

namespace Onboarding.Cli.Commands;

/// <summary>
/// With ONBOARD_STAGE_TIMES=1, a compile prints how long each of its stages took on stderr: a profile of a
/// slow run where a native binary has no event counters to attach to. The process start comes from the kernel,
/// in 10 ms steps. Each line also gives what the stage allocated and the garbage collections it caused.
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
        var (allocated, collections) = (GC.GetTotalAllocatedBytes(), Collections());
        return stage =>
        {
            var now = clock.Elapsed;
            var (allocatedNow, collectionsNow) = (GC.GetTotalAllocatedBytes(), Collections());
            context.Error.WriteLine(Line(stage, now - last, DateTime.UtcNow - started) + string.Create(CultureInfo.InvariantCulture,
                $"; allocated {(allocatedNow - allocated) / 1048576.0:F1} MB; collections gen0/1/2 {collectionsNow.Gen0 - collections.Gen0}/{collectionsNow.Gen1 - collections.Gen1}/{collectionsNow.Gen2 - collections.Gen2}"));
            (last, allocated, collections) = (now, allocatedNow, collectionsNow);
        };
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static string Line(string stage, TimeSpan took, TimeSpan sinceStart) =>
        string.Create(CultureInfo.InvariantCulture, $"onboard: stage {stage} took {took.TotalMilliseconds:F1} ms; {sinceStart.TotalMilliseconds:F1} ms since the process started");
}
