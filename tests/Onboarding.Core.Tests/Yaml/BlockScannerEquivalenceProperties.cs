using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Yaml;

namespace Onboarding.Core.Tests.Yaml;

/// <summary>
/// Team files are read by the block scanner when they keep to its subset, else by YamlDotNet. Which path read a file
/// must never show: the loader gives the same team and the same diagnostics, at the same lines and columns, as
/// YamlDotNet alone, for generated team files in every style, for hostile edits of them and for every hostile YAML
/// input of the suite.
/// </summary>
public class BlockScannerEquivalenceProperties
{
    private const string File = "teams/team.yaml";

    [Fact]
    public void Generated_team_files_are_read_by_the_block_scanner_exactly_as_yamldotnet_reads_them()
    {
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var text = TeamFileTexts.TeamFile(new Random(seed));

            var scanned = AssertSameOutcome(Encoding.UTF8.GetBytes(text));

            Assert.True(scanned, $"the block scanner gave up on a file of its subset: {JsonSerializer.Serialize(text)}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void Hostile_edits_of_team_files_load_the_same_whichever_path_reads_them()
    {
        var scanned = 0;
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var text = TeamFileTexts.Mutated(new Random(seed));
            scanned += AssertSameOutcome(Encoding.UTF8.GetBytes(text)) ? 1 : 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);

        // Both paths must have been taken often, or the comparison proves little.
        Assert.InRange(scanned, 200, 1800);
    }

    [Fact]
    public void Every_hostile_yaml_input_of_the_suite_loads_the_same_whichever_path_reads_it()
    {
        var inputs = HostileYamlInputs.All().ToList();
        var failures = new List<string>();
        foreach (var (name, bytes) in inputs)
        {
            try
            {
                AssertSameOutcome(bytes);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.True(inputs.Count > 500, $"only {inputs.Count} inputs");
        Assert.Empty(failures);
    }

    [Fact]
    public void The_example_team_files_and_the_writers_output_are_read_by_the_block_scanner()
    {
        var teams = Directory.GetFiles(Path.Combine(Utils.RepositoryRoot.Path, "teams"), "*.yaml");

        Assert.NotEmpty(teams);
        Assert.All(teams, path => Assert.True(AssertSameOutcome(System.IO.File.ReadAllBytes(path)), path));
        // The writer puts a byte-order mark inside quotes as it is; YamlDotNet alone reads those.
        Assert.All(HostileYamlInputs.WrittenTeamFiles(), text => Assert.True(AssertSameOutcome(Encoding.UTF8.GetBytes(text)) || text.Contains('\ufeff', StringComparison.Ordinal), text));
    }

    /// <summary>
    /// Loads <paramref name="bytes"/> as a team file through the loader (block scanner first) and through YamlDotNet
    /// alone, and asserts the same team and the same diagnostics; when the scanner took the file, also the same tree.
    /// Returns whether the scanner took it.
    /// </summary>
    private static bool AssertSameOutcome(byte[] bytes)
    {
        var loaded = new DiagnosticBag();
        var team = TeamFileLoader.Load(bytes, File, loaded);

        var alone = new DiagnosticBag();
        var tree = SafeYamlReader.Read(bytes, File, alone);
        var expected = tree is null ? null : TeamFileLoader.Bind(tree, File, alone);

        var input = JsonSerializer.Serialize(Encoding.UTF8.GetString(bytes.Length > 2000 ? bytes[..2000] : bytes));
        Assert.True(Describe(alone) == Describe(loaded), $"diagnostics differ for {input}\nexpected:\n{Describe(alone)}\nactual:\n{Describe(loaded)}");
        Assert.True(Describe(expected) == Describe(team), $"teams differ for {input}\nexpected:\n{Describe(expected)}\nactual:\n{Describe(team)}");

        var scanned = BlockYamlScanner.TryRead(bytes, File);
        if (scanned is not null)
        {
            Assert.True(tree is not null && Describe(tree) == Describe(scanned),
                $"trees differ for {input}\nexpected:\n{(tree is null ? "(none) " + Describe(alone) : Describe(tree))}\nactual:\n{Describe(scanned)}");
        }

        return scanned is not null;
    }

    private static string Describe(DiagnosticBag bag) =>
        string.Join("\n", bag.Sorted().Select(d => $"{d} [{d.KeyPath}] [{d.Related}]"));

    private static string Describe(TeamFile? team)
    {
        if (team is null)
        {
            return "(none)";
        }

        var text = new StringBuilder()
            .AppendLine($"{team.Path} {Quote(team.Name)} at {team.NameAt} {Quote(team.Description)}")
            .AppendLine($"owners {Quote(team.Owners.GitHubTeam)} [{string.Join(", ", team.Owners.Contacts.Select(Quote))}]");
        foreach (var bundle in team.Bundles)
        {
            text.AppendLine($"bundle {Quote(bundle.Name)} {Quote(bundle.Repo)} {bundle.At} {Describe(bundle.Settings)}");
            foreach (var environment in bundle.Environments ?? [])
            {
                text.AppendLine($"  env {Quote(environment.Name)} at {environment.At} {Describe(environment.Settings)}");
            }
        }

        return text.ToString();
    }

    private static string Describe(BundleSettings settings) =>
        string.Join(" ", settings.Values.Select(v => $"{v.Setting.Key}={(v.Value is IReadOnlyList<string> list ? "[" + string.Join(",", list.Select(Quote)) + "]" : Quote(v.Value.ToString()))}@{settings.At(v.Setting)}"));

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s => $"{s.Kind} {Quote(s.Value)} @{s.Location}",
        YamlSequence s => $"[ @{s.Location}\n{string.Join("\n", s.Items.Select(Describe))}\n]",
        YamlMapping m => $"{{ @{m.Location}\n{string.Join("\n", m.Entries.Select(e => Describe(e.Key) + " => " + Describe(e.Value)))}\n}}",
        _ => "?",
    };

    private static string Quote(string? text) => text is null ? "null" : JsonSerializer.Serialize(text);
}
