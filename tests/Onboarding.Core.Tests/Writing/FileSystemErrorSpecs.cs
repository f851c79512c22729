using Onboarding.Core.Writing;

namespace Onboarding.Core.Tests.Writing;

/// <summary>Failed file operations are described in the tool's own words, from what the operating system reported.</summary>
public sealed class FileSystemErrorSpecs
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_full_device_is_named_as_such()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        var failure = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.Equal(("no space left on the device", "free space on the device, then run the command again"), FileSystemError.Describe(failure));
    }

    [Fact]
    public void A_missing_folder_on_the_path_is_named_as_such()
    {
        var failure = Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x", "y.json"), "{}"));

        Assert.Equal("a folder on its path does not exist or is not a folder", FileSystemError.Describe(failure).Cause);
    }

    [Theory]
    [InlineData(30, "the file system is read-only")]
    [InlineData(122, "the disk quota is exceeded")]
    [InlineData(13, "permission denied")]
    [InlineData(21, "a folder is in its place")]
    [InlineData(99999, "the file system reported an error")]
    public void Each_errno_the_runtime_passes_through_has_its_own_words(int errno, string cause)
    {
        Assert.Equal(cause, FileSystemError.Describe(new IOException("IO_Resource_Key", errno)).Cause);
    }
}
