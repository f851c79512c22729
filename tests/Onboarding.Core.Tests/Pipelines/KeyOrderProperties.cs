using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Yaml;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// The order keys are written in is not meaning: any reordering of the keys of every mapping, in the
/// pipelines and in the platform file, compiles to the same DAG files byte for byte.
/// </summary>
public partial class KeyOrderProperties
{
    [Fact]
    public void Generated_files_do_not_depend_on_the_order_of_yaml_keys()
    {
        var cases = DagGenerationSpecs.Cases.Keys.ToArray();
        var expected = cases.ToDictionary(name => name, name => Compile(name, DagGenerationSpecs.Cases[name], PipelineRepository.Platform));

        var property = Prop.ForAll(Gen.Elements(cases).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(), pick =>
        {
            var (name, seed) = pick;
            var random = new Random(seed);
            var pipeline = Reorder(DagGenerationSpecs.Cases[name], random);
            var platform = Reorder(PipelineRepository.Platform, random);

            var actual = Compile(name, pipeline, platform);

            Assert.Equal(expected[name], actual);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    /// <summary>The generated files, with the manifest's source hashes removed (they hash the source text, which did change).</summary>
    private static Dictionary<string, string> Compile(string name, string pipeline, string platform)
    {
        using var repo = new PipelineRepository(platform).Pipeline(name, pipeline);
        var build = repo.Build();
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics) + "\n" + pipeline + "\n" + platform);
        return build.Files.ToDictionary(f => f.Path, f => SourceHash().Replace(Encoding.UTF8.GetString(f.Content), ""));
    }

    private static string Reorder(string yaml, Random random)
    {
        var node = SafeYamlReader.Read(yaml, "x.yaml", new DiagnosticBag())!;
        var text = new StringBuilder();
        Emit(text, node, 0, random);
        return text.ToString();
    }

    /// <summary>Block-style YAML; scalars keep their style (plain stays plain, quoted is re-quoted).</summary>
    private static void Emit(StringBuilder text, YamlNode node, int indent, Random random)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var entries = mapping.Entries.ToArray();
                random.Shuffle(entries);
                foreach (var entry in entries)
                {
                    text.Append(' ', indent).Append(entry.Key.Value).Append(':');
                    Value(text, entry.Value, indent, random);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    text.Append(' ', indent).Append('-');
                    if (item is YamlMapping { Entries.Count: > 0 } m)
                    {
                        text.Append('\n');
                        Emit(text, m, indent + 2, random);
                    }
                    else
                    {
                        Value(text, item, indent, random);
                    }
                }

                break;
        }
    }

    private static void Value(StringBuilder text, YamlNode value, int indent, Random random)
    {
        switch (value)
        {
            case YamlMapping { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlSequence { Items.Count: 0 }:
                text.Append(" []\n");
                break;
            case YamlScalar { Kind: ScalarKind.Plain } plain:
                text.Append(' ').Append(plain.Value).Append('\n');
                break;
            case YamlScalar quoted:
                text.Append(' ').Append(JsonSerializer.Serialize(quoted.Value)).Append('\n');
                break;
            default:
                text.Append('\n');
                Emit(text, value, indent + 2, random);
                break;
        }
    }

    [GeneratedRegex("\"source_sha256\": \"[0-9a-f]{64}\",\n")]
    private static partial Regex SourceHash();
}
