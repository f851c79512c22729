namespace Onboarding.Core.Diagnostics;

/// <summary>
/// Every code the tool reports. Codes are stable: scripts and documentation refer to them.
/// YAML = the file could not be read safely; SCHEMA = shape of a file; TEAM = team file rules;
/// CFG = onboarding.yaml rules; GEN = compiled artifacts; FILE = a file or folder that cannot be used as it is.
/// </summary>
public static class DiagnosticCodes
{
    public const string YamlTooLarge = "YAML001";
    public const string YamlAnchorOrAlias = "YAML002";
    public const string YamlExplicitTag = "YAML003";
    public const string YamlTooDeep = "YAML004";
    public const string YamlMultipleDocuments = "YAML005";
    public const string YamlScalarTooLong = "YAML006";
    public const string YamlDuplicateKey = "YAML007";
    public const string YamlSyntax = "YAML008";
    public const string YamlEncoding = "YAML009";
    public const string YamlEmpty = "YAML010";
    public const string YamlComplexKey = "YAML011";

    public const string UnknownKey = "SCHEMA001";
    public const string MissingKey = "SCHEMA002";
    public const string WrongType = "SCHEMA003";
    public const string PatternMismatch = "SCHEMA004";
    public const string OutOfRange = "SCHEMA005";
    public const string UnsupportedSchemaVersion = "SCHEMA006";
    public const string NotAllowedValue = "SCHEMA007";

    public const string FileNameMismatch = "TEAM001";
    public const string DuplicateBundle = "TEAM002";
    public const string ReservedName = "TEAM003";
    public const string UnknownEnvironment = "TEAM004";
    public const string InvalidRepo = "TEAM005";
    public const string RepoHostNotAllowed = "TEAM006";
    public const string RepoOwnerNotAllowed = "TEAM007";
    public const string DuplicateTeam = "TEAM008";
    public const string NoTrackingRef = "TEAM009";
    public const string BundleInNoEnvironment = "TEAM010";
    public const string InvalidPath = "TEAM011";
    public const string InvalidRef = "TEAM012";
    public const string DuplicateRepo = "TEAM013";
    public const string SettingNeedsNewerAirflow = "TEAM014";
    public const string SettingWithoutEffect = "TEAM015";

    public const string MultiTeamNeedsNewerAirflow = "CFG001";
    public const string UnsupportedAirflowVersion = "CFG002";
    public const string EmptyEnvironment = "CFG003";
    public const string NoEnvironments = "CFG004";
    public const string MissingPlatformFile = "CFG005";
    public const string InvalidOutputs = "CFG006";
    public const string ClasspathNotAllowed = "CFG007";
    public const string EnvStringTooLarge = "CFG008";
    public const string ConfigMapTooLarge = "CFG009";
    public const string HelmConfigMapTooLarge = "CFG010";

    public const string StaleArtifact = "GEN001";
    public const string HandEditedArtifact = "GEN002";
    public const string UnwritableArtifact = "GEN003";
    public const string ConflictedArtifact = "GEN004";

    public const string LinkLeavesRepository = "FILE001";
    public const string NotARegularFile = "FILE002";
    public const string UnreadableFile = "FILE003";
    public const string TeamFileName = "FILE004";
    public const string MissingTeamsFolder = "FILE005";

    public const string UnusableIssueForm = "FORM001";
}
