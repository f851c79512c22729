using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Tests.Writing;

/// <summary>Team files are serialised from objects: user text keeps its value and never adds keys.</summary>
public class TeamFileWriterSpecs
{
    private static TeamDocument Team(string description, string trackingRef) => new(
        "payments",
        description,
        "payments-eng",
        ["a@example.com"],
        [new BundleSpec("payments", "airflow-payments", Cascading.Of(trackingRef, "dags", 300),
            Environments: [new("dev", Cascading.Of("develop", null, null)), new("prod", BundleSettings.None)])]);

    private static TeamFile ReadBack(string yaml)
    {
        var bag = new DiagnosticBag();
        var team = TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/payments.yaml", bag);
        Assert.False(bag.HasErrors, yaml + "\n" + string.Join("\n", bag.Sorted()));
        return team!;
    }

    [Theory]
    [InlineData("alpha\nadmins: [mallory]")]
    [InlineData("alpha # x")]
    [InlineData("a: b")]
    [InlineData("&a")]
    [InlineData("*a")]
    [InlineData("!tag")]
    [InlineData("- x")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("on")]
    [InlineData("yes")]
    [InlineData("y")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("1.10")]
    [InlineData("a\"; touch /tmp/pwned; echo \"")]
    [InlineData("$(touch /tmp/pwned2)")]
    [InlineData("`id`")]
    [InlineData("::add-mask::Onboarding")]
    [InlineData("{a: 1}")]
    [InlineData("'quoted'")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("tab\there")]
    [InlineData("p\u0430yments \u202e \u200b")]
    public void Hostile_text_round_trips_to_the_identical_value_and_adds_no_key(string value)
    {
        var yaml = TeamFileWriter.Write(Team(value, "main"));

        var team = ReadBack(yaml);

        Assert.Equal(value, team.Description);
        Assert.Equal("payments-eng", team.Owners.GitHubTeam);
        Assert.DoesNotContain("admins", yaml.Split('\n').Select(l => l.TrimStart().Split(':')[0]));
    }

    [Fact]
    public void The_file_starts_with_the_schema_comment_and_reads_back_whole()
    {
        var yaml = TeamFileWriter.Write(Team("Settlement jobs", "main"));

        var team = ReadBack(yaml);

        Assert.StartsWith(TeamFileWriter.SchemaComment + "\n", yaml, StringComparison.Ordinal);
        Assert.Equal("payments", team.Name);
        var bundle = Assert.Single(team.Bundles);
        Assert.Equal(Cascading.Of("main", "dags", 300), bundle.Settings);
        Assert.Equal(["dev", "prod"], bundle.Environments!.Select(e => e.Name));
        Assert.Equal(Cascading.Of("develop", null, null), bundle.Environments![0].Settings);
        Assert.Contains("      prod: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("description: Settlement jobs\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_round_trips()
    {
        var text = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && s.Length <= 500 && !s.Contains('\uFEFF', StringComparison.Ordinal));

        Check.QuickThrowOnFailure(Prop.ForAll(text.ToArbitrary(), value =>
        {
            // Lone surrogates cannot be encoded as UTF-8 and so cannot reach a file at all.
            if (!IsEncodable(value))
            {
                return true;
            }

            var yaml = TeamFileWriter.Write(Team(value, "main"));
            var bag = new DiagnosticBag();
            var team = TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/payments.yaml", bag);
            return !bag.HasErrors && team!.Description == value;
        }));
    }

    private static bool IsEncodable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
            {
                return false;
            }

            if (char.IsLowSurrogate(value[i]) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
            {
                return false;
            }
        }

        return true;
    }
}
