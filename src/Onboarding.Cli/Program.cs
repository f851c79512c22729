using System.Runtime.InteropServices;
using Onboarding.Cli;

// SIGINT (Ctrl+C) and SIGTERM (a cancelled workflow run) stop the command between two steps instead of
// killing it: it prints what finished and exits 130. A second signal finds the handlers gone and ends the process.
using var cancellation = new CancellationTokenSource();
PosixSignalRegistration? interrupt = null;
PosixSignalRegistration? terminate = null;
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancellation.Cancel();
    interrupt?.Dispose();
    terminate?.Dispose();
}

interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    return await CliApplication.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
}
finally
{
    interrupt.Dispose();
    terminate.Dispose();
}
