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

        Assert.Equal(rebuilt, moved.Object.Sha);
        Assert.Equal(["README.md", "teams/a.yaml", "teams/b.yaml"], Server.State.FilesAt(Org, "platform", "onboarding/b").Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>One commit on top of the current main holding one more file; main moves to it unless told otherwise.</summary>
    private async Task<string> CommitOnMainAsync(string path, string content, bool moveMain = true)
    {
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Object.Sha, Ct))!;
        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(head.Tree.Sha, [new TreeEntry(path, content)]), Ct);
        var commit = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest($"Add {path}", tree.Sha, [main.Object.Sha]), Ct);
        if (moveMain)
        {
            await Client.UpdateBranchRefAsync(Org, "platform", "main", commit.Sha, Ct);
        }

        return commit.Sha;
    }
}
