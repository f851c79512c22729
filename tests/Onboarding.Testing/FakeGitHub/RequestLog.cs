using System.Text;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>Every request the fake received, countable per operation (method + path template).</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public int Count(string operation) => All.Count(request => request.Operation == operation);

    public int MutatingCount => All.Count(request => request.IsMutating);

    /// <summary>A table of operation and count, most frequent first, for test output and failure messages.</summary>
    public string Table()
    {
        var rows = All.GroupBy(request => request.Operation).Select(group => (Operation: group.Key, Count: group.Count()))
            .OrderByDescending(row => row.Count).ThenBy(row => row.Operation, StringComparer.Ordinal).ToList();
        var width = rows.Count == 0 ? 9 : Math.Max(9, rows.Max(row => row.Operation.Length));
        var text = new StringBuilder().Append("operation".PadRight(width)).Append("  count\n");
        foreach (var (operation, count) in rows)
        {
            text.Append(operation.PadRight(width)).Append("  ").Append(count).Append('\n');
        }

        return text.Append("total".PadRight(width)).Append("  ").Append(rows.Sum(row => row.Count)).Append('\n').ToString();
    }

    internal RecordedRequest Add(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            return request;
        }
    }
}
