namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The one comment the flow keeps on the issue, found again by a hidden marker and rewritten in place. Its text
/// depends only on the outcome, never on the time or the run, so a re-run that changes nothing leaves it alone.
/// User text never reaches it unescaped: names passed a pattern, anything else is quoted as inert code.
/// </summary>
public static class IssueCommentText
{
    public const string Marker = "onboard:issue";

    public static string HiddenMarker => IssueFormProblemMarkdown.HiddenMarker(Marker);

    public static string Done(OnboardingPlan plan, string repositoryNote, string accessNote, string pullRequestNote)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(HiddenMarker).Append('\n');
        text.Append("### Onboarding of team ").Append(UntrustedMarkdown.CodeSpan(plan.Team)).Append("\n\n");
        text.Append("- **Repository:** ").Append(repositoryNote).Append('\n');
        text.Append("- **Access:** ").Append(accessNote).Append('\n');
        text.Append("- **Platform change:** ").Append(pullRequestNote).Append("\n\n");
        text.Append("Merging the pull request deploys the new bundle lists; this issue is closed by it.\n");
        return text.ToString();
    }

    public static string BodyChanged(string approvalLabel) =>
        $"{HiddenMarker}\n### Onboarding stopped: the request changed after approval\n\n"
        + "The issue text is not the text that was approved: it was edited after the label "
        + $"{UntrustedMarkdown.CodeSpan(approvalLabel)} was applied, so nothing was created. The label has been removed. "
        + "A maintainer should review the current text and apply the label again.\n";

    public static string Failed(string step, string error, string approvalLabel) =>
        $"{HiddenMarker}\n### Onboarding failed while {step}\n\n"
        + $"{UntrustedMarkdown.CodeSpan(error)}\n\n"
        + "Everything done before this step is kept and will not be done twice. To retry, a maintainer removes the label "
        + $"{UntrustedMarkdown.CodeSpan(approvalLabel)} and applies it again (or re-runs the failed workflow run); "
        + "the onboarding continues from where it stopped.\n";
}
