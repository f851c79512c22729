using System.Diagnostics;

namespace Onboarding.Testing;

/// <summary>Named pipes for tests of hostile files: opening one for reading blocks until a writer comes.</summary>
public static class Fifo
{
    public static string Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path } })!;
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? path : throw new InvalidOperationException($"mkfifo {path} exited with {mkfifo.ExitCode}");
    }
}
