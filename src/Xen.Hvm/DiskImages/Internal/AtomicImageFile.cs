using System.Security.Cryptography;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes an image under a temporary name in the target directory and renames it into place only once it is
/// complete, so that an exception, a cancellation or a full disk never leaves anything under the target name.
/// </summary>
internal static class AtomicImageFile
{
    /// <summary>Checks the target before any byte is written.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">The file exists and overwriting was not allowed.</exception>
    public static string CheckTarget(IImageFileSystem fileSystem, string path, bool overwrite)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no directory.", nameof(path));
        if (Path.GetFileName(fullPath).Length == 0)
        {
            throw new ArgumentException("The path names a directory, not a file.", nameof(path));
        }

        if (!fileSystem.DirectoryExists(directory))
        {
            throw new DirectoryNotFoundException($"The directory '{directory}' does not exist.");
        }

        if (!overwrite && fileSystem.FileExists(fullPath))
        {
            throw new IOException($"The file '{fullPath}' already exists; set Overwrite to replace it.");
        }

        return fullPath;
    }

    /// <summary>Runs <paramref name="body"/> on a new temporary file and renames it to <paramref name="fullPath"/>.</summary>
    public static async ValueTask WriteAsync(
        IImageFileSystem fileSystem,
        string fullPath,
        DiskImageOptions options,
        long preallocationSize,
        Func<IImageFile, ValueTask> body,
        CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(fullPath)!;
        string temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + RandomSuffix() + ".tmp");
        bool created = false;
        try
        {
            using (var file = fileSystem.CreateNew(temp, preallocationSize))
            {
                created = true;
                await body(file).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (options.FlushToDisk)
                {
                    file.Flush();
                }
            }

            fileSystem.Move(temp, fullPath, options.Overwrite);
            created = false;
        }
        finally
        {
            if (created)
            {
                TryDelete(fileSystem, temp);
            }
        }
    }

    private static void TryDelete(IImageFileSystem fileSystem, string path)
    {
        try
        {
            fileSystem.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RandomSuffix() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
}
