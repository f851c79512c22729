namespace Onboarding.Core.Import;

/// <summary>
/// Codes of <c>onboard import</c>: IMP = the existing bundle list could not be read, or cannot be
/// expressed as team files that compile back to the same list.
/// </summary>
public static class ImportCodes
{
    public const string SourceUnreadable = "IMP001";
    public const string ListNotFound = "IMP002";
    public const string SourceSyntax = "IMP003";
    public const string JsonSyntax = "IMP004";
    public const string WrongShape = "IMP005";
    public const string UnsupportedClasspath = "IMP006";
    public const string UnsupportedKwarg = "IMP007";
    public const string InvalidValue = "IMP008";
    public const string NotRoundTrippable = "IMP009";
    public const string TeamFileExists = "IMP010";
    public const string EnvironmentConflict = "IMP011";
    public const string DuplicateBundle = "IMP012";
    public const string UnknownEnvironment = "IMP013";
    public const string PlatformInvalid = "IMP014";
    public const string ExtraBundles = "IMP015";
    public const string Normalised = "IMP016";
    public const string PlaceholderOwner = "IMP017";
}
