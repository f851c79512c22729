using Onboarding.Core.Compilation;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Onboarding;
using Onboarding.Core.Sources;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Onboarding;

/// <summary>
/// The repository's example platform in a temp folder, without the payments team, so that the example issue
/// (examples/issues/valid.md, which asks for payments) is a new request. Its generated/ folder is compiled.
/// </summary>
internal sealed class OnboardingPlatform : IDisposable
{
    private readonly TempDirectory _dir = new("onboard-request");

    public OnboardingPlatform()
    {
        RepositoryLayout.CopyExamplePlatform(_dir.Path);
        File.Delete(_dir.File("teams/payments.yaml"));
        var compiled = Bounded.Compile(_dir.Path, CompileMode.Write);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        Form = IssueFormTemplate.Load(_dir.File(OnboardingFormFields.TemplatePath));
    }

    public string Root => _dir.Path;

    public IssueFormTemplate Form { get; }

    public static string ValidBody => File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md"));

    public string PathOf(string relative) => _dir.File(relative);

    public OnboardingRequest Prepare(string body) => IssueOnboarding.PrepareAsync(new DiskSource(Root), Form, body, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The valid example's answers with some changed; a null text leaves the field empty.</summary>
    public string Body(params (string Id, string? Text)[] changes)
    {
        var values = IssueFormParser.Parse(Form, ValidBody).Values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var (id, text) in changes)
        {
            if (text is null)
            {
                values.Remove(id);
            }
            else
            {
                values[id] = id == OnboardingFormFields.Environments
                    ? IssueFormValue.FromItems(text.Split(", "))
                    : IssueFormValue.FromText(text);
            }
        }

        return IssueBodyRenderer.Render(Form, values);
    }

    /// <summary>Every file under the platform folder with its content, to show that a refused request wrote nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(Root, path), File.ReadAllText, StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();
}
