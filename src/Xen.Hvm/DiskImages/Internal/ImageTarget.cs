using System.Runtime.ExceptionServices;
using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.Internal;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes an image to a path: a file through the library's one atomic-file helper (<see cref="AtomicFile"/>: a
/// temporary file in the target's folder, renamed into place once complete; links followed; mode, owner and group
/// kept; never replacing without consent; stale temporary files of killed writers removed), or a block device in place
/// when that was asked for. What images add on top: the device rule, and failures told as diagnostics.
/// </summary>
internal static class ImageTarget
{
    /// <summary>How a target is written.</summary>
    public enum Kind
    {
        /// <summary>A new file renamed over the target.</summary>
        File,

        /// <summary>A block device written in place.</summary>
        Device,
    }

    /// <summary>Returns the full path of a target.</summary>
    /// <exception cref="ArgumentException">The path names a directory (ends with a separator) or is not a valid path.</exception>
    public static string FullPath(string path)
    {
        string fullPath = Path.GetFullPath(path);
        if (Path.GetFileName(fullPath).Length == 0)
        {
            throw new ArgumentException("The path names a directory, not a file.", nameof(path));
        }

        return fullPath;
    }

    /// <summary>Checks the target before any byte is written.</summary>
    /// <exception cref="DiskImageException">The target is a device that may not be written (<c>XH7016</c>).</exception>
    public static Kind Check(IImageFileSystem fileSystem, string fullPath, DiskImageOptions options)
    {
        var status = fileSystem.GetStatus(fullPath, followLinks: true);
        if (status.Kind is not (ImageFileKind.BlockDevice or ImageFileKind.CharacterDevice or ImageFileKind.Fifo or ImageFileKind.Socket))
        {
            return Kind.File;
        }

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

        return Kind.Device;
    }

    /// <summary>Runs <paramref name="body"/> on the file or device that becomes <paramref name="fullPath"/>.</summary>
    /// <returns>The file written (a link's final target) and, for a device, the length written.</returns>
    /// <exception cref="DiskImageException">The target exists and may not be replaced (<c>XH7021</c>), or it cannot
    /// be written (<c>XH7019</c>); nothing is then left under its name.</exception>
    public static async ValueTask<(string Path, long? Length)> WriteAsync(
        IImageFileSystem fileSystem,
        string fullPath,
        Kind kind,
        DiskImageOptions options,
        long preallocationSize,
        Func<IImageFile, ValueTask> body,
        CancellationToken cancellationToken)
    {
        if (kind == Kind.Device)
        {
            return (fullPath, await WriteDeviceAsync(fileSystem, fullPath, options, body, cancellationToken).ConfigureAwait(false));
        }

        // The helper tells its own failures as a result; what the body throws (a source that cannot be read, a
        // cancellation, a failed write of the new file) is kept here and rethrown once the helper has cleaned up.
        ExceptionDispatchInfo? failure = null;
        var atomic = new AtomicFileOptions(ReplaceExisting: options.Overwrite, ReplaceReadOnly: options.Overwrite)
        {
            PreallocationSize = preallocationSize,
            SkipFlush = !options.FlushToDisk,
        };
        AtomicWriteResult? result = null;
        try
        {
            result = await AtomicFile.WriteAsync(fullPath, async (stream, token) =>
            {
                try
                {
                    using var file = new Guarded(fileSystem.OpenWrite(stream, (stream as FileStream)?.Name ?? fullPath, options.FlushToDisk));
                    await body(file).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    throw;
                }
            }, atomic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (failure is not null)
        {
            // Rethrown below, as it was thrown.
        }

        if (failure is not null)
        {
            if (failure.SourceException is TargetFailedException target)
            {
                throw new DiskImageException([ImageDiagnostics.Access(fullPath, "written", target.InnerException!)]);
            }

            failure.Throw();
        }

        return result!.Outcome switch
        {
            AtomicWriteOutcome.Created or AtomicWriteOutcome.Replaced or AtomicWriteOutcome.WrittenInPlace => (result.TargetPath, null),
            AtomicWriteOutcome.RefusedExisting or AtomicWriteOutcome.RefusedReadOnly => throw new DiskImageException([ImageDiagnostics.TargetExists(fullPath)]),
            _ => throw new DiskImageException([ImageDiagnostics.WriteFailed(fullPath, result)]),
        };
    }

    private static async ValueTask<long> WriteDeviceAsync(IImageFileSystem fileSystem, string fullPath, DiskImageOptions options, Func<IImageFile, ValueTask> body, CancellationToken cancellationToken)
    {
        try
        {
            IImageFile opened;
            try
            {
                opened = fileSystem.OpenDevice(fullPath, options.FlushToDisk);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TargetFailedException(ex);
            }

            using var device = new InPlaceImageFile(new Guarded(opened));
            await body(device).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (options.FlushToDisk)
            {
                device.Flush();
            }

            return device.End;
        }
        catch (TargetFailedException ex)
        {
            throw new DiskImageException([ImageDiagnostics.Access(fullPath, "written", ex.InnerException!)]);
        }
    }

    /// <summary>Marks the I/O failures of the target itself, so that they are told apart from the source's.</summary>
    private sealed class TargetFailedException(Exception inner) : Exception(null, inner);

    /// <summary>The target as the writers see it: its I/O failures become <see cref="TargetFailedException"/>.</summary>
    private sealed class Guarded(IImageFile inner) : IImageFile
    {
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
        {
            try
            {
                await inner.WriteAsync(data, offset, async, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TargetFailedException(ex);
            }
        }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, long offset, bool async, CancellationToken cancellationToken)
        {
            try
            {
                await inner.WriteAsync(first, second, offset, async, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TargetFailedException(ex);
            }
        }

        public void SetLength(long length) => Run(() => inner.SetLength(length));

        public void Flush() => Run(inner.Flush);

        public void Dispose() => inner.Dispose();

        private static void Run(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TargetFailedException(ex);
            }
        }
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

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, long offset, bool async, CancellationToken cancellationToken)
        {
            await ZeroUpToAsync(offset, async, cancellationToken).ConfigureAwait(false);
            await device.WriteAsync(first, second, offset, async, cancellationToken).ConfigureAwait(false);
            End = Math.Max(End, offset + first.Length + second.Length);
        }

        /// <summary>Writes zeros up to the length: a device keeps its size, and the image ends where the zeros end.</summary>
        public void SetLength(long length) => Synchronous.Run(ZeroUpToAsync(length, async: false, CancellationToken.None));

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
