namespace Xen.Hvm.Tests.Infrastructure;

/// <summary>
/// Finds the shared corpus: <c>XEN_HVM_CORPUS</c>, or <c>../shared/corpus</c> beside the repository root. Corpus
/// tests skip when it is absent, except in CI, where they fail (<see cref="Judges"/>).
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Find);

    /// <summary>Gets the corpus directory, or null when it is absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Gets what is missing when the corpus is absent, or null when it is present.</summary>
    public static string? Missing => Root is null
        ? "Corpus absent: set XEN_HVM_CORPUS or put the shared folder beside the repository (../shared/corpus)."
        : null;

    /// <summary>Gets the reason corpus tests are skipped: the corpus is absent and this is not CI. Null means run them.</summary>
    public static string? SkipReason => Judges.SkipReason(Missing);

    /// <summary>Gets the repository root (the folder holding Xen.Hvm.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Returns the full path of a corpus file; fails the test when the corpus is absent.</summary>
    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Judges.Require(Root, Missing!), relative);

    /// <summary>
    /// Lists corpus files below a folder, relative to the corpus root, sorted. Without the corpus the list is empty
    /// (a theory with no data fails in xunit; a fact should call <see cref="PathOf"/> or <see cref="RequireRoot"/>).
    /// </summary>
    public static IEnumerable<string> Files(string folder, Func<string, bool>? filter = null)
    {
        if (Root is null)
        {
            return [];
        }

        string dir = System.IO.Path.Combine(Root, folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => filter is null || filter(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Returns the corpus folder, or fails the test when it is absent.</summary>
    public static string RequireRoot() => Judges.Require(Root, Missing!);

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("XEN_HVM_CORPUS");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? System.IO.Path.GetFullPath(env) : null;
        }

        string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(System.IO.Path.Combine(dir, "Xen.Hvm.sln")))
            {
                return dir;
            }

            dir = System.IO.Path.GetDirectoryName(dir);
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A fact that is skipped, with a clear reason, when the shared corpus is absent (and fails in CI).</summary>
public sealed class CorpusFactAttribute : JudgeFactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusFactAttribute()
        : base(Corpus.SkipReason)
    {
    }
}

/// <summary>A theory that is skipped, with a clear reason, when the shared corpus is absent (and fails in CI).</summary>
public sealed class CorpusTheoryAttribute : JudgeTheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusTheoryAttribute()
        : base(Corpus.SkipReason)
    {
    }
}
