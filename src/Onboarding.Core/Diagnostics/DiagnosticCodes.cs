namespace Onboarding.Core.Diagnostics;

/// <summary>
/// Every code the tool reports. Codes are stable: scripts and documentation refer to them.
/// YAML = the file could not be read safely; SCHEMA = shape of a file; TEAM = team file rules;
/// CFG = onboarding.yaml rules; GEN = compiled artifacts; FILE = a file or folder that cannot be used as it is;
/// FORM = the issue-form template; IMP = onboard import; PIPE = onboard pipelines.
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

    // onboard import: the existing bundle list could not be read, or cannot be expressed as team files
    // that compile back to the same list.
    public const string ImportSourceUnreadable = "IMP001";
    public const string ImportListNotFound = "IMP002";
    public const string ImportSourceSyntax = "IMP003";
    public const string ImportJsonSyntax = "IMP004";
    public const string ImportWrongShape = "IMP005";
    public const string ImportUnsupportedClasspath = "IMP006";
    public const string ImportUnsupportedKwarg = "IMP007";
    public const string ImportInvalidValue = "IMP008";
    public const string ImportNotRoundTrippable = "IMP009";
    public const string ImportTeamFileExists = "IMP010";
    public const string ImportEnvironmentConflict = "IMP011";
    public const string ImportDuplicateBundle = "IMP012";
    public const string ImportUnknownEnvironment = "IMP013";
    public const string ImportPlatformInvalid = "IMP014";
    public const string ImportExtraBundles = "IMP015";
    public const string ImportNormalised = "IMP016";
    public const string ImportPlaceholderOwner = "IMP017";

    // onboard pipelines: a rule of pipelines/*.yaml or .onboard/platform.yaml, or a generated DAG file that is
    // not what the pipelines compile to. Shape problems keep their SCHEMA codes, as in team files.
    public const string PipelineFileNameMismatch = "PIPE001";
    public const string PipelineDuplicateStep = "PIPE002";
    public const string PipelineUnknownStep = "PIPE003";
    public const string PipelineCycle = "PIPE004";
    public const string PipelineInvalidSchedule = "PIPE005";
    public const string PipelineUnknownConnection = "PIPE006";
    public const string PipelineMissingFile = "PIPE007";
    public const string PipelinePathOutsideRepository = "PIPE008";
    public const string PipelineInvalidAsset = "PIPE009";
    public const string PipelineUnproducedAsset = "PIPE010";
    public const string PipelineLockedKey = "PIPE011";
    public const string PipelineUnknownTier = "PIPE012";
    public const string PipelineStepKind = "PIPE013";
    public const string PipelineInvalidDuration = "PIPE014";
    public const string PipelineMissingPlatform = "PIPE015";
    public const string PipelineStaleDag = "PIPE016";
    public const string PipelineHandEditedDag = "PIPE017";
    public const string PipelineOrphanDag = "PIPE018";
    public const string PipelineNoOwner = "PIPE019";
    public const string PipelineAlertNotConfigured = "PIPE020";
    public const string PipelineDeadlineUnsupported = "PIPE021";
    public const string PipelineInvalidCheck = "PIPE022";
    public const string PipelineInvalidDate = "PIPE023";
    public const string PipelineUnknownPipeline = "PIPE024";
}
