using CliWrap;
using CliWrap.Buffered;

namespace Onboarding.Testing;

/// <summary>
/// Runs a process for a test through CliWrap: arguments as a list, both pipes read to the end, and a time
/// limit after which the whole process tree is killed and the test fails instead of hanging the suite.
/// </summary>
public static class ChildProcess
{
    public static BufferedCommandResult Run(Command command, TimeSpan limit) => RunAsync(command, limit).GetAwaiter().GetResult();

    public static async Task<BufferedCommandResult> RunAsync(Command command, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return await command.WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{command} did not finish in {limit.TotalSeconds:0} s and was killed");
        }
    }
}
