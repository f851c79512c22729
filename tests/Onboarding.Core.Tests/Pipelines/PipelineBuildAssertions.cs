using Onboarding.Core.Diagnostics;

namespace Onboarding.Core.Tests.Pipelines;

internal static class PipelineBuildAssertions
{
    /// <summary>The one error with this code, at this place; fails showing every diagnostic otherwise.</summary>
    public static Diagnostic SingleError(this IReadOnlyList<Diagnostic> diagnostics, string code, string file, int line, int column)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join("\n", diagnostics)}");
        Assert.Equal(new SourceLocation(file, line, column), matching[0].Location);
        Assert.False(string.IsNullOrWhiteSpace(matching[0].Hint));
        return matching[0];
    }
}
