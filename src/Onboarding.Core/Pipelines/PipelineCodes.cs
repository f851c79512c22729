namespace Onboarding.Core.Pipelines;

/// <summary>
/// Codes of <c>onboard pipelines</c>: PIPE = a rule of pipelines/*.yaml or .onboard/platform.yaml,
/// or a generated DAG file that is not what the pipelines compile to. Shape problems (unknown keys,
/// wrong types, patterns) keep their SCHEMA codes, as in team files.
/// </summary>
public static class PipelineCodes
{
    public const string FileNameMismatch = "PIPE001";
    public const string DuplicateStep = "PIPE002";
    public const string UnknownStep = "PIPE003";
    public const string Cycle = "PIPE004";
    public const string InvalidSchedule = "PIPE005";
    public const string UnknownConnection = "PIPE006";
    public const string MissingFile = "PIPE007";
    public const string PathOutsideRepository = "PIPE008";
    public const string InvalidAsset = "PIPE009";
    public const string UnproducedAsset = "PIPE010";
    public const string LockedKey = "PIPE011";
    public const string UnknownTier = "PIPE012";
    public const string StepKind = "PIPE013";
    public const string InvalidDuration = "PIPE014";
    public const string MissingPlatform = "PIPE015";
    public const string StaleDag = "PIPE016";
    public const string HandEditedDag = "PIPE017";
    public const string OrphanDag = "PIPE018";
    public const string NoOwner = "PIPE019";
    public const string AlertNotConfigured = "PIPE020";
    public const string DeadlineUnsupported = "PIPE021";
    public const string InvalidCheck = "PIPE022";
    public const string InvalidDate = "PIPE023";
    public const string UnknownPipeline = "PIPE024";
}
