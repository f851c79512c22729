namespace Onboarding.GitHub.Onboarding;

/// <summary>Reads of git data that must exist (a commit a ref points at, its tree, a blob the tree lists); absence is an error naming the object.</summary>
public sealed class GitReader(GitHubClient client, CallJournal journal)
{
    public async Task<GitCommit> ReadCommitAsync(string owner, string repo, string sha, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/git/commits/{commit_sha}", owner, repo, sha);
        return await client.GetCommitAsync(owner, repo, sha, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", 404, $"commit {sha} of {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
    }

    /// <summary>Path → blob SHA of every file under the tree.</summary>
    public async Task<Dictionary<string, string>> ReadFilesAsync(string owner, string repo, string treeSha, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/git/trees/{tree_sha}", owner, repo, treeSha);
        var tree = await client.GetTreeAsync(owner, repo, treeSha, recursive: true, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", 404, $"tree {treeSha} of {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
        if (tree.Truncated)
        {
            throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", 200, $"GitHub truncated the file list of {owner}/{repo}; the repository is too large to compare file by file", 1, GitHubErrorReason.Other);
        }

        return (tree.Tree ?? []).Where(entry => entry.Type == "blob").ToDictionary(entry => entry.Path, entry => entry.Sha, StringComparer.Ordinal);
    }

    public async Task<byte[]> ReadBlobAsync(string owner, string repo, string sha, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/git/blobs/{file_sha}", owner, repo, sha);
        return await client.GetBlobAsync(owner, repo, sha, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", 404, $"blob {sha} of {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
    }

    /// <summary>The default branch as it is now: head commit, its tree, and every file's blob SHA.</summary>
    public async Task<BranchFiles> ReadBranchAsync(string owner, string repo, string branch, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, $"heads/{branch}");
        var head = await client.GetBranchRefAsync(owner, repo, branch, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/ref/{ref}", 404, $"the branch {branch} of {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
        var commit = await ReadCommitAsync(owner, repo, head.Target.Sha, cancellationToken);
        var files = await ReadFilesAsync(owner, repo, commit.Tree.Sha, cancellationToken);
        return new BranchFiles(branch, head.Target.Sha, commit.Tree.Sha, files);
    }
}
