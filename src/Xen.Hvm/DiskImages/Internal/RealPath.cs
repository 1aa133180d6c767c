namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Resolves a path as the kernel does (<c>realpath</c>): component by component, following symbolic links and
/// applying <c>..</c> to what a link pointed at, not to the text. Uses only <c>lstat</c> and <c>readlink</c> through
/// the file system, so nothing is opened.
/// </summary>
internal static class RealPath
{
    /// <summary>The most links followed, as Linux's <c>MAXSYMLINKS</c>.</summary>
    public const int MaxLinks = 40;

    /// <summary>Resolves an absolute path. When a component is missing (or links loop), the rest is appended as
    /// written and <c>Exists</c> is false.</summary>
    public static (string Path, bool Exists) Resolve(IImageFileSystem fileSystem, string path)
    {
        string root = System.IO.Path.GetPathRoot(path) ?? string.Empty;
        if (root.Length == 0)
        {
            root = System.IO.Path.GetPathRoot(System.IO.Path.GetFullPath(path)) ?? "/";
            path = System.IO.Path.GetFullPath(path);
        }

        var pending = new Stack<string>();
        Push(pending, path[root.Length..]);
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? root;
                continue;
            }

            string candidate = System.IO.Path.Join(current, part);
            var status = fileSystem.GetStatus(candidate, followLinks: false);
            if (status.Kind == ImageFileKind.Missing)
            {
                return (Lexical(candidate, pending), false);
            }

            if (status.Kind == ImageFileKind.SymbolicLink)
            {
                if (++links > MaxLinks || fileSystem.ReadLink(candidate) is not { Length: > 0 } target)
                {
                    return (Lexical(candidate, pending), false);
                }

                // A relative target is relative to the link's folder, which is `current`.
                string targetRoot = System.IO.Path.GetPathRoot(target) ?? string.Empty;
                if (targetRoot.Length > 0)
                {
                    current = targetRoot;
                }

                Push(pending, target[targetRoot.Length..]);
                continue;
            }

            if (status.Kind != ImageFileKind.Directory && pending.Any(p => p is not ("" or ".")))
            {
                // A file used as a folder (ENOTDIR).
                return (Lexical(candidate, pending), false);
            }

            current = candidate;
        }

        return (current, true);
    }

    private static void Push(Stack<string> pending, string path)
    {
        string[] parts = path.Split(['/', System.IO.Path.DirectorySeparatorChar], StringSplitOptions.None);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string Lexical(string resolved, Stack<string> rest) =>
        System.IO.Path.GetFullPath(rest.Count == 0 ? resolved : System.IO.Path.Join(resolved, string.Join(System.IO.Path.DirectorySeparatorChar, rest)));
}
