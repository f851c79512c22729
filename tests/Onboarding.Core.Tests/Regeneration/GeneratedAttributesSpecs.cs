using Onboarding.Core.Scaffolding;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Regeneration;

/// <summary>
/// GitHub folds files git marks linguist-generated in pull request diffs: the compiled artifacts are marked
/// so in this repository and in every platform repository <c>onboard init</c> scaffolds, and no merge driver
/// is set on them (a conflict is resolved by recompiling).
/// </summary>
public sealed class GeneratedAttributesSpecs : IDisposable
{
    private readonly TempGitRepository _repo = new();

    [Fact]
    public void A_scaffolded_platform_marks_every_generated_file_as_generated_and_sets_no_merge_driver()
    {
        var init = Bounded.Init(_repo.Path, "acme-data", false);
        Assert.True(init.Succeeded);

        var files = Directory.GetFiles(Path.Combine(_repo.Path, "generated"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_repo.Path, f).Replace('\\', '/')).ToArray();

        Assert.Contains("generated/README.md", files);
        Assert.All(files, file => Assert.Equal($"{file}: linguist-generated: true\n", _repo.Git("check-attr", "linguist-generated", "--", file)));
        Assert.All(files, file => Assert.Equal($"{file}: merge: unspecified\n", _repo.Git("check-attr", "merge", "--", file)));
        Assert.Equal("teams/x.yaml: linguist-generated: unspecified\n", _repo.Git("check-attr", "linguist-generated", "--", "teams/x.yaml"));
    }

    [Fact]
    public void This_repository_marks_its_example_artifacts_as_generated()
    {
        File.Copy(RepositoryLayout.PathOf(".gitattributes"), Path.Combine(_repo.Path, ".gitattributes"));

        Assert.Equal("generated/manifest.json: linguist-generated: true\n", _repo.Git("check-attr", "linguist-generated", "--", "generated/manifest.json"));
    }

    public void Dispose() => _repo.Dispose();
}
