using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Onboarding.Core.Tests.Sources;

/// <summary>
/// Runs a read on a thread of its own, bounded in time, where file permissions apply as they do to any user: the
/// thread gives up root's override of them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH; Linux capabilities belong to a
/// thread), so a file without read permission is unreadable even when the tests run as root.
/// </summary>
internal static partial class ReadThread
{
    private const uint CapabilityVersion3 = 0x20080522;
    private const uint PermissionOverrides = (1u << 1) | (1u << 2);

    /// <param name="read">The read; what it returns or throws is what this returns or throws.</param>
    /// <param name="unblock">Called when the read did not end in time, to end it (open a FIFO's other end).</param>
    public static T Run<T>(Func<T> read, Action? unblock = null)
    {
        var result = default(T);
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                DropPermissionOverrides();
                result = read();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(10)))
        {
            unblock?.Invoke();
            Assert.Fail("the read was still waiting after 10 s");
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return result!;
    }

    private static void DropPermissionOverrides()
    {
        uint[] header = [CapabilityVersion3, 0];
        var sets = new uint[6];
        if (CapabilityGet(header, sets) != 0)
        {
            throw new InvalidOperationException($"capget failed (errno {Marshal.GetLastPInvokeError()})");
        }

        sets[0] &= ~PermissionOverrides;
        if (CapabilitySet(header, sets) != 0)
        {
            throw new InvalidOperationException($"capset failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "capget", SetLastError = true)]
    private static partial int CapabilityGet([In, Out] uint[] header, [In, Out] uint[] sets);

    [LibraryImport("libc", EntryPoint = "capset", SetLastError = true)]
    private static partial int CapabilitySet([In, Out] uint[] header, [In] uint[] sets);
}
