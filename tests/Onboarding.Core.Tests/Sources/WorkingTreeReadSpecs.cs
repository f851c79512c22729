using System.Net.Sockets;
using System.Text;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Sources;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Sources;

/// <summary>
/// Reading and comparing files of a working tree: a FIFO put in a file's place at any moment, even after the folder
/// was listed, is refused at once instead of blocking; links are followed only inside the repository; folders,
/// missing and unreadable files say what they are. Every read runs with a deadline, so one that blocks fails the test.
/// </summary>
public sealed class WorkingTreeReadSpecs : IDisposable
{
    private const string Team = "schema_version: 1\nname: alpha\n";

    private readonly TempDirectory _repo = new("onboard-read");
    private readonly TempDirectory _outside = new("onboard-outside");

    [Fact]
    public void A_fifo_at_a_team_file_path_is_refused_at_once_by_a_read_and_by_a_comparison()
    {
        Directory.CreateDirectory(_repo.File("teams"));
        var fifo = Fifo.Create(_repo.File("teams/pipe.yaml"));
        var source = new DiskSource(_repo.Path);

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/pipe.yaml", fifo));
        var compare = Assert.Throws<UnusableFileException>(() => Holds(source, "teams/pipe.yaml", Team, fifo));

        Assert.Equal(DiagnosticCodes.NotARegularFile, read.Code);
        Assert.Contains("FIFO", read.Problem, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.NotARegularFile, compare.Code);
    }

    [Fact]
    public void A_socket_at_a_team_file_path_is_refused_as_not_a_regular_file()
    {
        Directory.CreateDirectory(_repo.File("teams"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_repo.File("teams/socket.yaml")));
        var source = new DiskSource(_repo.Path);

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/socket.yaml"));

        Assert.Equal(DiagnosticCodes.NotARegularFile, read.Code);
        Assert.Equal("is a FIFO, socket or device, not a regular file", read.Problem);
    }

    [Fact]
    public void A_team_file_replaced_by_a_fifo_after_the_listing_is_refused_at_once()
    {
        _repo.Write("teams/alpha.yaml", Team);
        _repo.Write("generated/config.json", "{}\n");
        var source = new DiskSource(_repo.Path);
        Assert.Equal(["alpha.yaml"], ReadThread.Run(() => source.ListAsync("teams", CancellationToken.None).AsTask().GetAwaiter().GetResult())!.Files);
        Assert.True(Holds(source, "generated/config.json", "{}\n"));

        File.Delete(_repo.File("teams/alpha.yaml"));
        var fifo = Fifo.Create(_repo.File("teams/alpha.yaml"));
        File.Delete(_repo.File("generated/config.json"));
        var artifact = Fifo.Create(_repo.File("generated/config.json"));

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/alpha.yaml", fifo));
        var compare = Assert.Throws<UnusableFileException>(() => Holds(source, "generated/config.json", "{}\n", artifact));

        Assert.Contains("FIFO", read.Problem, StringComparison.Ordinal);
        Assert.Contains("FIFO", compare.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_file_inside_the_repository_is_read_and_compared_through()
    {
        _repo.Write("shared/alpha.yaml", Team);
        Directory.CreateDirectory(_repo.File("teams"));
        File.CreateSymbolicLink(_repo.File("teams/alpha.yaml"), "../shared/alpha.yaml");
        File.CreateSymbolicLink(_repo.File("onboarding.yaml"), "shared/alpha.yaml");
        var source = new DiskSource(_repo.Path);

        Assert.Equal(Team, Read(source, "teams/alpha.yaml"));
        Assert.Equal(Team, Read(source, "onboarding.yaml"));
        Assert.True(Holds(source, "teams/alpha.yaml", Team));
        Assert.False(Holds(source, "teams/alpha.yaml", Team.Replace("alpha", "bravo", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_link_leaving_the_repository_is_refused_without_reading_its_target()
    {
        var secret = _outside.Write("secret.yaml", "token: ghp_0123456789abcdefghijABCDEFGHIJ012345\n");
        Directory.CreateDirectory(_repo.File("teams"));
        File.CreateSymbolicLink(_repo.File("teams/stolen.yaml"), secret);
        var source = new DiskSource(_repo.Path);

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/stolen.yaml"));
        var compare = Assert.Throws<UnusableFileException>(() => Holds(source, "teams/stolen.yaml", File.ReadAllText(secret)));

        Assert.Equal(DiagnosticCodes.LinkLeavesRepository, read.Code);
        Assert.Contains("outside the repository", read.Problem, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.LinkLeavesRepository, compare.Code);
        Assert.DoesNotContain("ghp_", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_under_a_linked_folder_is_read_only_while_the_folder_stays_inside_the_repository()
    {
        _repo.Write("real/alpha.yaml", Team);
        _outside.Write("alpha.yaml", Team);
        Directory.CreateSymbolicLink(_repo.File("inside"), "real");
        Directory.CreateSymbolicLink(_repo.File("outside"), _outside.Path);
        var source = new DiskSource(_repo.Path);

        Assert.Equal(Team, Read(source, "inside/alpha.yaml"));
        var refusal = Assert.Throws<UnusableFileException>(() => Read(source, "outside/alpha.yaml"));

        Assert.Equal(DiagnosticCodes.LinkLeavesRepository, refusal.Code);
        Assert.Equal("outside", refusal.FilePath);
    }

    [Fact]
    public void Dangling_and_looping_links_are_named_as_such()
    {
        Directory.CreateDirectory(_repo.File("teams"));
        File.CreateSymbolicLink(_repo.File("teams/gone.yaml"), "nowhere.yaml");
        File.CreateSymbolicLink(_repo.File("teams/loop.yaml"), "loop.yaml");
        var source = new DiskSource(_repo.Path);

        var gone = Assert.Throws<UnusableFileException>(() => Read(source, "teams/gone.yaml"));
        var loop = Assert.Throws<UnusableFileException>(() => Holds(source, "teams/loop.yaml", Team));

        Assert.Equal(DiagnosticCodes.LinkLeavesRepository, gone.Code);
        Assert.Contains("does not exist", gone.Problem, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.LinkLeavesRepository, loop.Code);
        Assert.Contains("loops", loop.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_named_like_a_team_file_is_refused_as_a_folder()
    {
        Directory.CreateDirectory(_repo.File("teams/alpha.yaml"));
        var source = new DiskSource(_repo.Path);

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/alpha.yaml"));
        var compare = Assert.Throws<UnusableFileException>(() => Holds(source, "teams/alpha.yaml", Team));

        Assert.Equal(DiagnosticCodes.NotARegularFile, read.Code);
        Assert.Equal("is a folder, not a regular file", read.Problem);
        Assert.Equal("make teams/alpha.yaml a regular file", read.Hint);
        Assert.Equal(read.Problem, compare.Problem);
    }

    [Fact]
    public void Missing_files_and_files_under_a_file_are_absent()
    {
        _repo.Write("teams/alpha.yaml", Team);
        _repo.Write("notes", "a file, not a folder\n");
        var source = new DiskSource(_repo.Path);

        Assert.Null(Read(source, "teams/bravo.yaml"));
        Assert.Null(Read(source, "teams/alpha.yaml/inner.yaml"));
        Assert.Null(Read(source, "notes/inner.yaml"));
        Assert.Null(Read(source, "nowhere/inner.yaml"));
        Assert.False(Holds(source, "teams/bravo.yaml", Team));
        Assert.False(Holds(source, "notes/inner.yaml", Team));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_team_file_without_read_permission_is_reported_as_unreadable_with_the_fix()
    {
        var team = _repo.Write("teams/alpha.yaml", Team);
        File.SetUnixFileMode(team, UnixFileMode.None);
        var source = new DiskSource(_repo.Path);

        var read = Assert.Throws<UnusableFileException>(() => Read(source, "teams/alpha.yaml"));
        var compare = Assert.Throws<UnusableFileException>(() => Holds(source, "teams/alpha.yaml", Team));

        Assert.Equal(DiagnosticCodes.UnreadableFile, read.Code);
        Assert.Equal("cannot be read: permission denied", read.Problem);
        Assert.Equal("give the user running onboard read access to it", read.Hint);
        Assert.Equal(read.Problem, compare.Problem);
    }

    [Fact]
    public void A_read_stops_one_byte_past_the_limit_and_an_empty_file_is_empty()
    {
        _repo.Write("teams/big.yaml", new string('x', 100));
        _repo.Write("teams/empty.yaml", string.Empty);
        var source = new DiskSource(_repo.Path);

        var big = ReadThread.Run(() => source.ReadAsync("teams/big.yaml", 10, CancellationToken.None).AsTask().GetAwaiter().GetResult());
        var empty = ReadThread.Run(() => source.ReadAsync("teams/empty.yaml", 10, CancellationToken.None).AsTask().GetAwaiter().GetResult());

        Assert.Equal(11, big!.Length);
        Assert.Empty(empty!);
    }

    [Theory]
    [InlineData("line one\nline two\n", true)]
    [InlineData("line one\r\nline two\r\n", true)]
    [InlineData("line one\nline 2wo\n", false)]
    [InlineData("line one\n", false)]
    [InlineData("line one\nline two\nline three\n", false)]
    [InlineData("", false)]
    public void A_comparison_holds_for_the_same_bytes_or_the_same_text_with_crlf_line_ends(string onDisk, bool holds)
    {
        _repo.Write("generated/config.txt", onDisk);

        Assert.Equal(holds, Holds(new DiskSource(_repo.Path), "generated/config.txt", "line one\nline two\n"));
    }

    [Fact]
    public void The_listing_names_folders_apart_and_lists_links_fifos_and_hidden_files_as_files()
    {
        _repo.Write("teams/alpha.yaml", Team);
        _repo.Write("teams/.hidden.yaml", Team);
        _repo.Write("teams/archive/old.yaml", Team);
        Directory.CreateSymbolicLink(_repo.File("teams/linked-folder"), "archive");
        File.CreateSymbolicLink(_repo.File("teams/linked.yaml"), "alpha.yaml");
        Fifo.Create(_repo.File("teams/pipe.yaml"));
        var source = new DiskSource(_repo.Path);

        var listing = ReadThread.Run(() => source.ListAsync("teams", CancellationToken.None).AsTask().GetAwaiter().GetResult())!;

        Assert.Equal([".hidden.yaml", "alpha.yaml", "linked-folder", "linked.yaml", "pipe.yaml"], listing.Files);
        Assert.Equal(["archive"], listing.Folders);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _outside.Dispose();
    }

    /// <summary>The file's text, read on a thread bounded in time; if the read blocks, the FIFO's other end is opened to end it.</summary>
    private static string? Read(DiskSource source, string path, string? fifo = null)
    {
        var bytes = ReadThread.Run(() => source.ReadAsync(path, 64 * 1024, CancellationToken.None).AsTask().GetAwaiter().GetResult(), Unblock(fifo));
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    private static bool Holds(DiskSource source, string path, string content, string? fifo = null) =>
        ReadThread.Run(() => source.HoldsAsync(path, Encoding.UTF8.GetBytes(content), CancellationToken.None).AsTask().GetAwaiter().GetResult(), Unblock(fifo));

    private static Action? Unblock(string? fifo) => fifo is null ? null : () => File.WriteAllText(fifo, string.Empty);
}
