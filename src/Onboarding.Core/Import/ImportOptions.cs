namespace Onboarding.Core.Import;

/// <summary>
/// What <c>onboard import</c> was asked to do. <see cref="Environment"/> null: the list is every
/// environment's (bundles get no <c>environments:</c> key); set: the list is that environment's,
/// and bundles already in team files gain the environment.
/// </summary>
public sealed record ImportOptions(string Root, string From, string FromDisplay, ImportFormat? Format, string? Environment, bool Force);
