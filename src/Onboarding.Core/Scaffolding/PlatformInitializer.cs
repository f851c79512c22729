namespace Onboarding.Core.Scaffolding;

/// <summary>
/// Scaffolds a platform repository, then compiles it once so generated/ starts equal to a fresh
/// compile and the first pull-request check passes. Existing files are never overwritten without
/// <c>force</c>: the conflicts are listed and nothing is written.
/// </summary>
public static class PlatformInitializer
{
    public static async Task<InitResult> RunAsync(string root, string? org, bool force, ActionReference? action, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        if (org is not null && !NameRules.Org().IsMatch(org))
        {
            var problem = new Diagnostic(Severity.Error, DiagnosticCodes.PatternMismatch, SourceLocation.StartOf("--org"),
                $"--org value {Display.Quote(org)} is not a GitHub organisation login",
                "use the organisation's login as in its URL: ASCII letters, digits and '-', at most 39 characters");
            return new InitResult([problem], [], [], null);
        }

        var files = PlatformScaffold.Files(org ?? PlatformScaffold.PlaceholderOrg, action);
        var conflicts = files.Select(f => f.Path).Append(OnboardingIssueForm.FormPath).Where(p => File.Exists(Path.Combine(root, p))).ToList();
        var generated = Path.Combine(root, OutputSettings.DefaultDir);
        if (Directory.Exists(generated))
        {
            conflicts.AddRange(Directory.EnumerateFiles(generated, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
        }

        conflicts.Sort(StringComparer.Ordinal);
        if (conflicts.Count > 0 && !force)
        {
            return new InitResult([], conflicts, [], null);
        }

        // A folder of the scaffold that is a link leaving the repository (a .github pointing elsewhere) is refused
        // before anything is written: the files would land outside it.
        Directory.CreateDirectory(root);
        var source = new DiskSource(root);
        try
        {
            foreach (var folder in files.Select(f => Path.GetDirectoryName(f.Path)?.Replace('\\', '/')).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))
            {
                await source.CheckFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (UnusableFileException e)
        {
            return new InitResult([e.ToDiagnostic()], [], [], null);
        }

        foreach (var file in files)
        {
            AtomicFile.Write(root, file.Path, file.Content);
        }

        var compile = await PlatformCompilation.RunAsync(root, CompileMode.Write, cancellationToken).ConfigureAwait(false);
        var written = files.Select(f => f.Path)
            .Concat(compile.Changes.Where(c => c.Status != ArtifactStatus.Unchanged).Select(c => c.Path))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new InitResult([], [], written, compile);
    }
}
