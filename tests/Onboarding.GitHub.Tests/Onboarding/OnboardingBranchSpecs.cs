using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests.Onboarding;

/// <summary>The onboarding branch is rebuilt on a newer default branch: only a forced move gets it there.</summary>
public sealed class OnboardingBranchSpecs : GitHubSpec
{
    [Fact]
    public async Task A_commit_rebuilt_on_a_newer_base_needs_force_and_force_moves_the_branch()
    {
        SeedRepository("platform", new Dictionary<string, string> { ["README.md"] = "# p\n" });
        var stale = await CommitOnMainAsync("teams/b.yaml", "name: b\n", moveMain: false);
        await Client.CreateBranchRefAsync(Org, "platform", "onboarding/b", stale, Ct);
        await CommitOnMainAsync("teams/a.yaml", "name: a\n");
        var rebuilt = await CommitOnMainAsync("teams/b.yaml", "name: b\n", moveMain: false);

        await Assert.ThrowsAsync<RefNotFastForwardException>(() => Client.UpdateBranchRefAsync(Org, "platform", "onboarding/b", rebuilt, Ct));
        var moved = await Client.ForceBranchRefAsync(Org, "platform", "onboarding/b", rebuilt, Ct);

        Assert.Equal(rebuilt, moved.Target.Sha);
        Assert.Equal(["README.md", "teams/a.yaml", "teams/b.yaml"], Server.State.FilesAt(Org, "platform", "onboarding/b").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_of_the_default_branch_is_read_back_byte_for_byte_by_its_blob_sha()
    {
        var content = string.Concat(Enumerable.Repeat("bundle: ünïcode line\n", 20));
        SeedRepository("platform", new Dictionary<string, string> { ["teams/a.yaml"] = content });
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var tree = (await Client.GetTreeAsync(Org, "platform", (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!.Tree.Sha, recursive: true, Ct))!;
        var sha = tree.Tree!.Single(entry => entry.Path == "teams/a.yaml").Sha;

        var bytes = await Client.GetBlobAsync(Org, "platform", sha, Ct);
        var missing = await Client.GetBlobAsync(Org, "platform", GitBlobSha.Of("nothing"), Ct);

        Assert.Equal(content, System.Text.Encoding.UTF8.GetString(bytes!));
        Assert.Equal(sha, GitBlobSha.Of(bytes!));
        Assert.Null(missing);
    }

    /// <summary>One commit on top of the current main holding one more file; main moves to it unless told otherwise.</summary>
    private async Task<string> CommitOnMainAsync(string path, string content, bool moveMain = true)
    {
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;
        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(head.Tree.Sha, [new TreeEntry(path, content)]), Ct);
        var commit = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest($"Add {path}", tree.Sha, [main.Target.Sha]), Ct);
        if (moveMain)
        {
            await Client.UpdateBranchRefAsync(Org, "platform", "main", commit.Sha, Ct);
        }

        return commit.Sha;
    }
}
