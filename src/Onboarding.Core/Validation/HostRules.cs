namespace Onboarding.Core.Validation;

public static partial class HostRules
{
    public const string HostPattern = "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

    [GeneratedRegex(HostPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Host();
}
