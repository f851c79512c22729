using Onboarding.Core.IssueForms;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>Splitting a multiple dropdown's text back into the options GitHub joined with ", ".</summary>
public class DropdownSelectionSpecs
{
    private static readonly string[] Options = ["Paris, France", "Rome", "Oslo, Norway, Europe", "a", "a, a"];

    [Theory]
    [InlineData("Rome", new[] { "Rome" })]
    [InlineData("Paris, France", new[] { "Paris, France" })]
    [InlineData("Rome, Paris, France", new[] { "Rome", "Paris, France" })]
    [InlineData("Oslo, Norway, Europe, Rome", new[] { "Oslo, Norway, Europe", "Rome" })]
    public void Text_splits_into_the_options_that_were_joined(string text, string[] expected)
    {
        Assert.Equal(expected, DropdownSelection.TrySplit(text, Options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Paris")]
    [InlineData("Rome, ")]
    [InlineData("Rome,Paris, France")]
    [InlineData("Rome, , Rome")]
    [InlineData("rome")]
    public void Text_that_is_not_a_join_of_options_does_not_split(string text)
    {
        Assert.Null(DropdownSelection.TrySplit(text, Options));
    }

    [Theory]
    [InlineData("Rome, Berlin, Paris, France, Lyon", new[] { "Berlin", "Lyon" })]
    [InlineData("Paris", new[] { "Paris" })]
    [InlineData("Paris, Texas", new[] { "Paris", "Texas" })]
    public void The_unknown_parts_are_what_remains_after_the_known_options(string text, string[] expected)
    {
        Assert.Equal(expected, DropdownSelection.UnknownParts(text, Options));
    }

    [Fact]
    public void A_long_near_miss_of_ambiguous_options_is_rejected_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("a, ", 20_000)) + "b";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var split = DropdownSelection.TrySplit(text, Options);
        clock.Stop();

        Assert.Null(split);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
    }
}
