using System.Text;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;

namespace Onboarding.Core.Tests.Yaml;

/// <summary>Text on which YamlDotNet fails without a position is still a located syntax error, never a crash.</summary>
public class YamlReaderFailureSpecs
{
    [Theory]
    [InlineData("schema_version: 1\nname: team\nbundles:\n  - name: team\n    sparse_dirs: [a,\nb]\n", 5)]
    [InlineData("# a comment\n...\nschema=x\nname: team\n", 1)]
    public void A_team_file_yamldotnet_cannot_read_is_a_syntax_error(string text, int line)
    {
        var bag = new DiagnosticBag();

        var team = TeamFileLoader.Load(Encoding.UTF8.GetBytes(text), "teams/team.yaml", bag);

        Assert.Null(team);
        var error = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}
