namespace Xen.Hvm.Tests.Infrastructure;

/// <summary>
/// Finds the shared corpus: <c>XEN_HVM_CORPUS</c>, or <c>../shared/corpus</c> beside the repository root.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Find);

    /// <summary>Gets the corpus directory, or null when it is absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Gets the reason corpus tests are skipped, or null when the corpus is present.</summary>
    public static string? SkipReason => Root is null
        ? "Corpus absent: set XEN_HVM_CORPUS or put the shared folder beside the repository (../shared/corpus). Corpus tests did NOT run."
        : null;

    /// <summary>Gets the repository root (the folder holding Xen.Hvm.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Returns the full path of a corpus file.</summary>
    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), relative);

    /// <summary>Lists corpus files below a folder, relative to the corpus root, sorted.</summary>
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

/// <summary>A fact that is skipped, with a clear reason, when the shared corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusFactAttribute()
    {
        if (Corpus.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that is skipped, with a clear reason, when the shared corpus is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusTheoryAttribute()
    {
        if (Corpus.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
