using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class GitDataSpecs : GitHubSpec
{
    private static readonly Dictionary<string, string> StartFiles = new()
    {
        ["README.md"] = "# platform\n",
        ["teams/core.yaml"] = "name: core\n",
    };

    [Fact]
    public async Task A_branch_is_read_as_its_ref_and_a_missing_one_as_null()
    {
        var repository = SeedRepository("platform", StartFiles);

        var main = await Client.GetBranchRefAsync(Org, "platform", "main", Ct);
        var missing = await Client.GetBranchRefAsync(Org, "platform", "onboarding/analytics", Ct);

        Assert.Equal(repository.Refs["refs/heads/main"], main?.Target.Sha);
        Assert.Null(missing);
    }

    [Fact]
    public async Task One_commit_with_many_files_lands_on_a_new_branch_on_top_of_main()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;

        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(head.Tree.Sha,
        [
            new TreeEntry("teams/analytics.yaml", "name: analytics\n"),
            new TreeEntry("generated/dev/dag_bundle_config.json", "[]\n"),
        ]), Ct);
        var commit = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Onboard team analytics", tree.Sha, [main.Target.Sha]), Ct);
        var branch = await Client.CreateBranchRefAsync(Org, "platform", "onboarding/analytics", commit.Sha, Ct);

        Assert.Equal("refs/heads/onboarding/analytics", branch.Ref);
        Assert.Equal([main.Target.Sha], commit.Parents.Select(parent => parent.Sha));
        Assert.Equal(
            new Dictionary<string, string>(StartFiles) { ["teams/analytics.yaml"] = "name: analytics\n", ["generated/dev/dag_bundle_config.json"] = "[]\n" },
            Server.State.FilesAt(Org, "platform", "onboarding/analytics"));
        Assert.Equal(StartFiles, Server.State.FilesAt(Org, "platform", "main"));
    }

    [Fact]
    public async Task A_tree_without_base_tree_holds_only_the_files_it_lists()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;

        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(null, [new TreeEntry("only.txt", "alone\n")]), Ct);
        var commit = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Replace everything", tree.Sha, [main.Target.Sha]), Ct);
        await Client.UpdateBranchRefAsync(Org, "platform", "main", commit.Sha, Ct);

        Assert.Equal(new Dictionary<string, string> { ["only.txt"] = "alone\n" }, Server.State.FilesAt(Org, "platform", "main"));
    }

    [Fact]
    public async Task A_file_is_deleted_from_the_base_tree_by_an_entry_without_content()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;

        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(head.Tree.Sha, [TreeEntry.Delete("teams/core.yaml"), new TreeEntry("teams/new.yaml", "name: new\n")]), Ct);
        var commit = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Swap team", tree.Sha, [main.Target.Sha]), Ct);
        await Client.UpdateBranchRefAsync(Org, "platform", "main", commit.Sha, Ct);

        Assert.Equal(new Dictionary<string, string> { ["README.md"] = "# platform\n", ["teams/new.yaml"] = "name: new\n" }, Server.State.FilesAt(Org, "platform", "main"));
    }

    [Fact]
    public async Task A_tree_listed_recursively_carries_the_blob_SHAs_computed_locally_so_unchanged_files_need_no_write()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;

        var tree = await Client.GetTreeAsync(Org, "platform", head.Tree.Sha, recursive: true, Ct);

        Assert.NotNull(tree);
        Assert.False(tree.Truncated);
        var blobs = tree.Tree!.Where(entry => entry.Type == "blob").ToDictionary(entry => entry.Path, entry => entry.Sha);
        Assert.Equal(StartFiles.ToDictionary(file => file.Key, file => GitBlobSha.Of(file.Value)), blobs);
        Assert.Contains(tree.Tree!, entry => entry is { Path: "teams", Type: "tree" });
        Assert.Equal(0, Server.Requests.MutatingCount);
    }

    [Fact]
    public async Task A_tree_listed_without_recursion_holds_only_the_top_level()
    {
        SeedRepository("platform", StartFiles);
        var head = (await Client.GetCommitAsync(Org, "platform", Server.State.BranchSha(Org, "platform", "main")!, Ct))!;

        var tree = await Client.GetTreeAsync(Org, "platform", head.Tree.Sha, recursive: false, Ct);

        Assert.Equal(["README.md", "teams"], tree!.Tree!.Select(entry => entry.Path));
    }

    [Fact]
    public async Task Trees_and_commits_carry_the_SHA_1_git_itself_computes()
    {
        SeedRepository("platform", StartFiles);

        // `printf 'hello\n' > hello.txt && git add hello.txt && git write-tree` prints this SHA.
        var tree = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(null, [new TreeEntry("hello.txt", "hello\n")]), Ct);
        var again = await Client.CreateTreeAsync(Org, "platform", new CreateTreeRequest(null, [new TreeEntry("hello.txt", "hello\n")]), Ct);

        Assert.Equal("aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7", tree.Sha);
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", GitBlobSha.Of("hello\n"));
        Assert.Equal(tree.Sha, again.Sha);
    }

    [Fact]
    public async Task Moving_a_branch_forward_succeeds()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;
        var child = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Next", head.Tree.Sha, [main.Target.Sha]), Ct);

        var moved = await Client.UpdateBranchRefAsync(Org, "platform", "main", child.Sha, Ct);

        Assert.Equal(child.Sha, moved.Target.Sha);
        Assert.Equal(child.Sha, Server.State.BranchSha(Org, "platform", "main"));
    }

    [Fact]
    public async Task Moving_a_branch_that_moved_meanwhile_fails_as_not_fast_forward_and_leaves_it()
    {
        SeedRepository("platform", StartFiles);
        var main = (await Client.GetBranchRefAsync(Org, "platform", "main", Ct))!;
        var head = (await Client.GetCommitAsync(Org, "platform", main.Target.Sha, Ct))!;
        var ours = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Ours", head.Tree.Sha, [main.Target.Sha]), Ct);
        var theirs = await Client.CreateCommitAsync(Org, "platform", new CreateCommitRequest("Theirs", head.Tree.Sha, [main.Target.Sha]), Ct);
        await Client.UpdateBranchRefAsync(Org, "platform", "main", theirs.Sha, Ct);

        var error = await Assert.ThrowsAsync<RefNotFastForwardException>(() => Client.UpdateBranchRefAsync(Org, "platform", "main", ours.Sha, Ct));

        Assert.Equal(GitHubErrorReason.NotFastForward, error.Reason);
        Assert.Contains("Update is not a fast forward", error.Message, StringComparison.Ordinal);
        Assert.Equal(theirs.Sha, Server.State.BranchSha(Org, "platform", "main"));
    }

    [Fact]
    public async Task Creating_a_branch_that_exists_fails_with_GitHubs_message()
    {
        var repository = SeedRepository("platform", StartFiles);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateBranchRefAsync(Org, "platform", "main", repository.Refs["refs/heads/main"], Ct));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(GitHubErrorReason.AlreadyExists, error.Reason);
        Assert.Contains("Reference already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_commit_reads_as_null()
    {
        SeedRepository("platform", StartFiles);

        Assert.Null(await Client.GetCommitAsync(Org, "platform", new string('a', 40), Ct));
    }
}
