using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// Blobs, trees and commits of one repository, named by the SHA-1 git itself would give them, so a
/// tree with the same files always has the same SHA (what "nothing changed" checks rely on).
/// </summary>
public sealed class GitObjectStore
{
    private readonly Dictionary<string, byte[]> blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<GitTreeItem>> trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GitCommitObject> commits = new(StringComparer.Ordinal);

    public string AddBlob(byte[] content)
    {
        var sha = Hash("blob", content);
        blobs[sha] = content;
        return sha;
    }

    public bool TryGetBlob(string sha, out byte[] content) => blobs.TryGetValue(sha, out content!);

    public bool TryGetTree(string sha, out IReadOnlyList<GitTreeItem> items) => trees.TryGetValue(sha, out items!);

    public bool TryGetCommit(string sha, out GitCommitObject commit) => commits.TryGetValue(sha, out commit!);

    /// <summary>Writes the tree of a flat path → (mode, blob SHA) map, nested folders included; returns the root tree SHA.</summary>
    public string WriteTree(IReadOnlyDictionary<string, (string Mode, string Sha)> files)
    {
        var items = new List<GitTreeItem>();
        foreach (var group in files.GroupBy(file => file.Key.Split('/', 2)[0], StringComparer.Ordinal))
        {
            var nested = group.Where(file => file.Key.Contains('/', StringComparison.Ordinal)).ToDictionary(file => file.Key.Split('/', 2)[1], file => file.Value, StringComparer.Ordinal);
            if (nested.Count > 0)
            {
                items.Add(new GitTreeItem("040000", "tree", group.Key, WriteTree(nested)));
            }
            else
            {
                var file = group.Single().Value;
                items.Add(new GitTreeItem(file.Mode, "blob", group.Key, file.Sha));
            }
        }

        // git orders tree entries by name, a folder compared as if its name ended with '/'.
        items.Sort((a, b) => string.CompareOrdinal(a.Type == "tree" ? a.Name + "/" : a.Name, b.Type == "tree" ? b.Name + "/" : b.Name));
        using var body = new MemoryStream();
        foreach (var item in items)
        {
            body.Write(Encoding.UTF8.GetBytes($"{item.Mode.TrimStart('0')} {item.Name}\0"));
            body.Write(Convert.FromHexString(item.Sha));
        }

        var sha = Hash("tree", body.ToArray());
        trees[sha] = items;
        return sha;
    }

    /// <summary>The entries of a tree with their paths; recursive lists sub-trees and their contents too, as GitHub does.</summary>
    public List<(string Path, GitTreeItem Item)> List(string treeSha, bool recursive, string prefix = "")
    {
        var entries = new List<(string Path, GitTreeItem Item)>();
        foreach (var item in trees[treeSha])
        {
            entries.Add((prefix + item.Name, item));
            if (recursive && item.Type == "tree")
            {
                entries.AddRange(List(item.Sha, recursive, prefix + item.Name + "/"));
            }
        }

        return entries;
    }

    /// <summary>Every file of a tree as path → (mode, blob SHA).</summary>
    public Dictionary<string, (string Mode, string Sha)> Flatten(string treeSha, string prefix = "")
    {
        var files = new Dictionary<string, (string Mode, string Sha)>(StringComparer.Ordinal);
        foreach (var item in trees[treeSha])
        {
            if (item.Type == "tree")
            {
                foreach (var nested in Flatten(item.Sha, prefix + item.Name + "/"))
                {
                    files[nested.Key] = nested.Value;
                }
            }
            else
            {
                files[prefix + item.Name] = (item.Mode, item.Sha);
            }
        }

        return files;
    }

    public string WriteCommit(string treeSha, IReadOnlyList<string> parents, string message, GitSignature author)
    {
        var text = new StringBuilder().Append("tree ").Append(treeSha).Append('\n');
        foreach (var parent in parents)
        {
            text.Append("parent ").Append(parent).Append('\n');
        }

        text.Append("author ").Append(author.ToGit()).Append('\n')
            .Append("committer ").Append(author.ToGit()).Append('\n')
            .Append('\n').Append(message);
        var sha = Hash("commit", Encoding.UTF8.GetBytes(text.ToString()));
        commits[sha] = new GitCommitObject(sha, treeSha, parents, message, author);
        return sha;
    }

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        var pending = new Stack<string>([descendant]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var sha = pending.Pop();
            if (sha == ancestor)
            {
                return true;
            }

            if (seen.Add(sha) && commits.TryGetValue(sha, out var commit))
            {
                foreach (var parent in commit.Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return false;
    }

    private static string Hash(string type, byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"{type} {content.Length}\0");
#pragma warning disable CA5350 // git names objects by SHA-1; this is identity, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}
