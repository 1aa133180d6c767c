using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CommunityToolkit.HighPerformance.Buffers;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes an image under a temporary name in the target directory and renames it into place only once it is
/// complete, so that an exception, a cancellation or a full disk never leaves anything under the target name. A
/// block device (asked for with <see cref="DiskImageOptions.WriteToDevice"/>) is written in place instead.
/// </summary>
/// <remarks>
/// Temporary files are named <c>.NAME.xenhvm-tmp-PID-RANDOM</c>; a process that was killed cannot remove its own,
/// so every write first removes those of its target whose process is gone.
/// </remarks>
internal static class AtomicImageFile
{
    /// <summary>The part of every temporary file name that marks it as ours.</summary>
    public const string TempMarker = ".xenhvm-tmp-";

    /// <summary>How a target is written.</summary>
    public enum Target
    {
        /// <summary>A new file renamed over the target.</summary>
        File,

        /// <summary>A block device written in place.</summary>
        Device,
    }

    /// <summary>Checks the target before any byte is written.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">The file exists and overwriting was not allowed.</exception>
    /// <exception cref="DiskImageException">The target is a device that may not be written (<c>XH7016</c>).</exception>
    public static Target CheckTarget(IImageFileSystem fileSystem, string fullPath, DiskImageOptions options)
    {
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no directory.", nameof(fullPath));
        if (Path.GetFileName(fullPath).Length == 0)
        {
            throw new ArgumentException("The path names a directory, not a file.", nameof(fullPath));
        }

        if (!fileSystem.DirectoryExists(directory))
        {
            throw new DirectoryNotFoundException($"The directory '{directory}' does not exist.");
        }

        var status = fileSystem.GetStatus(fullPath, followLinks: true);
        if (status.Kind is ImageFileKind.BlockDevice or ImageFileKind.CharacterDevice or ImageFileKind.Fifo or ImageFileKind.Socket)
        {
            string what = status.Describe();
            if (fileSystem.GetStatus(fullPath, followLinks: false).Kind == ImageFileKind.SymbolicLink)
            {
                what = $"a symbolic link to {what}";
            }

            if (status.Kind != ImageFileKind.BlockDevice)
            {
                throw new DiskImageException([ImageDiagnostics.Device(fullPath, what, "only regular files and block devices are written")]);
            }

            if (!options.WriteToDevice)
            {
                throw new DiskImageException([ImageDiagnostics.Device(fullPath, what,
                    "a device is never replaced by a file, even with Overwrite; set WriteToDevice (xencfg --device) to write the image onto the device in place")]);
            }

            return Target.Device;
        }

        if (!options.Overwrite && fileSystem.FileExists(fullPath))
        {
            throw new IOException($"The file '{fullPath}' already exists; set Overwrite to replace it.", unchecked((int)0x8007_0050));
        }

        return Target.File;
    }

    /// <summary>Runs <paramref name="body"/> on a new temporary file and renames it to <paramref name="fullPath"/>, or
    /// on the device itself; returns the length written to a device, or null.</summary>
    public static async ValueTask<long?> WriteAsync(
        IImageFileSystem fileSystem,
        string fullPath,
        Target target,
        DiskImageOptions options,
        long preallocationSize,
        Func<IImageFile, ValueTask> body,
        CancellationToken cancellationToken)
    {
        if (target == Target.Device)
        {
            using var device = new InPlaceImageFile(fileSystem.OpenDevice(fullPath));
            await body(device).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (options.FlushToDisk)
            {
                device.Flush();
            }

            return device.End;
        }

        string directory = Path.GetDirectoryName(fullPath)!;
        string name = Path.GetFileName(fullPath);
        RemoveStaleTemps(fileSystem, directory, name);
        string temp = Path.Combine(directory, TempName(name, Environment.ProcessId));
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

        return null;
    }

    /// <summary>Returns the temporary name a process uses for a target: <c>.NAME.xenhvm-tmp-PID-RANDOM</c>.</summary>
    public static string TempName(string name, int processId) =>
        "." + name + TempMarker + processId.ToString(CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    /// <summary>Removes the temporary files of <paramref name="name"/> whose process is no longer running.</summary>
    /// <returns>The names removed.</returns>
    public static List<string> RemoveStaleTemps(IImageFileSystem fileSystem, string directory, string name)
    {
        var removed = new List<string>();
        string prefix = "." + name + TempMarker;
        IEnumerable<string> candidates;
        try
        {
            candidates = fileSystem.EnumerateFiles(directory, TempMarker).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return removed;
        }

        foreach (string candidate in candidates)
        {
            if (!candidate.StartsWith(prefix, StringComparison.Ordinal) || ProcessOf(candidate[prefix.Length..]) is not { } pid
                || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            string path = Path.Combine(directory, candidate);
            if (fileSystem.GetStatus(path, followLinks: false).Kind == ImageFileKind.Regular && TryDelete(fileSystem, path))
            {
                removed.Add(candidate);
            }
        }

        return removed;
    }

    /// <summary>Parses <c>PID-RANDOM</c> (12 lowercase hex digits); null when the rest is not of that shape.</summary>
    private static int? ProcessOf(string rest)
    {
        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || rest.Length - dash - 1 != 12 || rest.AsSpan(dash + 1).IndexOfAnyExcept("0123456789abcdef") >= 0
            || !int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
        {
            return null;
        }

        return pid;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // running, but not ours to look at
        }
    }

    private static bool TryDelete(IImageFileSystem fileSystem, string path)
    {
        try
        {
            fileSystem.Delete(path);
            return true;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return false;
    }

    /// <summary>
    /// A device written in place: unlike a new file, it does not read as zeros where nothing was written, so every
    /// byte between the start and the furthest write (and up to the final length) is written, zeros included.
    /// </summary>
    private sealed class InPlaceImageFile(IImageFile device) : IImageFile
    {
        private const int ZeroChunk = 1024 * 1024;

        public long End { get; private set; }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
        {
            await ZeroUpToAsync(offset, async, cancellationToken).ConfigureAwait(false);
            await device.WriteAsync(data, offset, async, cancellationToken).ConfigureAwait(false);
            End = Math.Max(End, offset + data.Length);
        }

        public void SetLength(long length)
        {
            // A device keeps its size: the image ends where the zeros end.
            var task = ZeroUpToAsync(length, async: false, CancellationToken.None);
            Debug.Assert(task.IsCompleted, "A synchronous write completed synchronously.");
            task.GetAwaiter().GetResult();
        }

        public void Flush() => device.Flush();

        public void Dispose() => device.Dispose();

        private async ValueTask ZeroUpToAsync(long offset, bool async, CancellationToken cancellationToken)
        {
            if (offset <= End)
            {
                return;
            }

            using var zeros = MemoryOwner<byte>.Allocate((int)Math.Min(ZeroChunk, offset - End), AllocationMode.Clear);
            while (End < offset)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = (int)Math.Min(zeros.Length, offset - End);
                await device.WriteAsync(zeros.Memory[..n], End, async, cancellationToken).ConfigureAwait(false);
                End += n;
            }
        }
    }
}
