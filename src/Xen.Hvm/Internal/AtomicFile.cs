using System.Runtime.InteropServices;

namespace Xen.Hvm.Internal;

/// <summary>What <see cref="AtomicFile"/> may do to a file that already exists. Nothing is replaced without consent.</summary>
/// <param name="ReplaceExisting">Whether an existing file may be replaced at all.</param>
/// <param name="ReplaceReadOnly">Whether an existing file without any write permission (mode 0444) may be replaced.</param>
internal readonly record struct AtomicFileOptions(bool ReplaceExisting, bool ReplaceReadOnly)
{
    /// <summary>Gets the bytes a new file reserves when it is created (disk images' <c>falloc</c> preallocation), or 0.</summary>
    public long PreallocationSize { get; init; }

    /// <summary>Gets a value indicating whether the new content and the folder entry are not flushed to stable storage
    /// (disk images' <c>FlushToDisk = false</c>: faster, but a crash may leave less than was written).</summary>
    public bool SkipFlush { get; init; }
}

/// <summary>What <see cref="AtomicFile.WriteAsync"/> did.</summary>
internal enum AtomicWriteOutcome
{
    /// <summary>There was no file; it was created (written beside, then renamed into place).</summary>
    Created,

    /// <summary>A new file with the old one's mode, owner and group was renamed over it.</summary>
    Replaced,

    /// <summary>The file itself was rewritten, after a backup copy beside it (see <see cref="InPlaceReason"/>).</summary>
    WrittenInPlace,

    /// <summary>The file exists and <see cref="AtomicFileOptions.ReplaceExisting"/> was not given; nothing was written.</summary>
    RefusedExisting,

    /// <summary>The file has no write permission and <see cref="AtomicFileOptions.ReplaceReadOnly"/> was not given; nothing was written.</summary>
    RefusedReadOnly,

    /// <summary>Writing failed (see <see cref="AtomicFileError"/>); the file is as it was, unless a backup path is given.</summary>
    Failed,
}

/// <summary>Why a file was written in place instead of replaced.</summary>
internal enum InPlaceReason
{
    /// <summary>Not written in place.</summary>
    None,

    /// <summary>The file has more than one name (hard links); a rename would split them.</summary>
    HardLinks,

    /// <summary>A new file could not be given the old one's owner and group (not permitted).</summary>
    OwnerNotKept,

    /// <summary>This system does not tell the file's owner and link count, so the file itself is rewritten to keep them.</summary>
    OwnerUnknown,
}

/// <summary>Why writing failed, in words of our own (never an exception's message).</summary>
internal enum AtomicFileError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The path is not a valid path.</summary>
    InvalidPath,

    /// <summary>The path is too long.</summary>
    PathTooLong,

    /// <summary>The folder does not exist.</summary>
    NotFound,

    /// <summary>Permission denied (the file, or its folder for the new file beside it).</summary>
    AccessDenied,

    /// <summary>The path is a directory or a device, not a regular file.</summary>
    NotAFile,

    /// <summary>The disk or the quota is full.</summary>
    DiskFull,

    /// <summary>The file system is mounted read-only.</summary>
    ReadOnlyFileSystem,

    /// <summary>The file appeared while it was being created.</summary>
    Exists,

    /// <summary>The symbolic links loop.</summary>
    LinkLoop,

    /// <summary>Another I/O error; <see cref="AtomicWriteResult.ErrorCode"/> has its code.</summary>
    Other,
}

/// <summary>The outcome of a write.</summary>
/// <param name="Outcome">What was done.</param>
/// <param name="TargetPath">The file written or meant (a symbolic link's final target).</param>
/// <param name="InPlaceReason">Why the file was written in place.</param>
/// <param name="Error">Why writing failed.</param>
/// <param name="ErrorCode">The operating system's code for <see cref="AtomicFileError.Other"/> (errno on Unix).</param>
/// <param name="Mode">The existing file's permissions (for messages about read-only files).</param>
/// <param name="BackupPath">Where the old content stayed when an in-place write failed and could not be undone.</param>
internal sealed record AtomicWriteResult(
    AtomicWriteOutcome Outcome,
    string TargetPath,
    InPlaceReason InPlaceReason = InPlaceReason.None,
    AtomicFileError Error = AtomicFileError.None,
    int ErrorCode = 0,
    UnixFileMode Mode = UnixFileMode.None,
    string? BackupPath = null)
{
    /// <summary>Gets whether the new content is in the file.</summary>
    public bool Written => Outcome is AtomicWriteOutcome.Created or AtomicWriteOutcome.Replaced or AtomicWriteOutcome.WrittenInPlace;
}

/// <summary>
/// The library's one way to write a file safely. A symbolic link is followed (its final target is written, the link
/// stays). A new file is written beside the target (a hidden temporary file in the same folder, mode 0600 while it is
/// written), flushed to disk, given the old file's mode, owner and group, renamed over the target, and the folder is
/// flushed. When the owner and group cannot be kept, or the file has more than one hard link, or the system cannot
/// tell (non-Linux Unix), the file is instead rewritten in place after a backup copy beside it, which is deleted once
/// the new content is on disk (and used to put the old content back if writing fails). An existing file is replaced
/// only with <see cref="AtomicFileOptions.ReplaceExisting"/>, and one without any write bit only with
/// <see cref="AtomicFileOptions.ReplaceReadOnly"/>. I/O failures are returned, never thrown; an exception thrown by
/// the caller's writer is rethrown after the cleanup.
/// </summary>
internal static partial class AtomicFile
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>.</summary>
    public static AtomicWriteResult Write(string path, ReadOnlyMemory<byte> content, AtomicFileOptions options) =>
        Write(path, stream => stream.Write(content.Span), options);

    /// <summary>Writes what <paramref name="write"/> writes to the stream it is given (positioned at 0 of an empty file) to <paramref name="path"/>.</summary>
    public static AtomicWriteResult Write(string path, Action<Stream> write, AtomicFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(write);

        // Every await below is on the writer, which completes synchronously here: the task is already done.
        ValueTask<AtomicWriteResult> task = WriteAsync(path, (stream, _) =>
        {
            write(stream);
            return ValueTask.CompletedTask;
        }, options, CancellationToken.None);
        System.Diagnostics.Debug.Assert(task.IsCompleted, "A synchronous writer completes synchronously.");
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes what <paramref name="write"/> writes to the stream it is given (positioned at 0 of an empty file) to
    /// <paramref name="path"/>. A cancellation or any exception of the writer leaves the old file (or none) and no
    /// temporary file, and is rethrown.
    /// </summary>
    public static async ValueTask<AtomicWriteResult> WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, AtomicFileOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = path;
        try
        {
            target = ResolveTarget(Path.GetFullPath(path));
            FileFacts facts = FileFacts.Of(target);
            if (facts.Kind == FileKind.Missing)
            {
                return await CreateAsync(target, write, options, cancellationToken).ConfigureAwait(false);
            }

            if (facts.Kind != FileKind.Regular)
            {
                return new AtomicWriteResult(AtomicWriteOutcome.Failed, target, Error: AtomicFileError.NotAFile);
            }

            if (!options.ReplaceExisting)
            {
                return new AtomicWriteResult(AtomicWriteOutcome.RefusedExisting, target, Mode: facts.Mode);
            }

            if (facts.ReadOnly && !options.ReplaceReadOnly)
            {
                return new AtomicWriteResult(AtomicWriteOutcome.RefusedReadOnly, target, Mode: facts.Mode);
            }

            InPlaceReason reason = OperatingSystem.IsWindows() ? InPlaceReason.None
                : facts.Links is null ? InPlaceReason.OwnerUnknown
                : facts.Links > 1 ? InPlaceReason.HardLinks
                : InPlaceReason.None;
            if (reason == InPlaceReason.None)
            {
                AtomicWriteResult? replaced = await ReplaceAsync(target, write, facts, options, cancellationToken).ConfigureAwait(false);
                if (replaced is not null)
                {
                    return replaced;
                }

                reason = InPlaceReason.OwnerNotKept;
            }

            return await WriteInPlaceAsync(target, write, reason, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFileSystemError(ex))
        {
            return Failure(target, ex);
        }
    }

    /// <summary>Whether an exception is a file-system failure (as opposed to a bug).</summary>
    public static bool IsFileSystemError(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException;

    /// <summary>Classifies a file-system exception without using its message.</summary>
    public static AtomicFileError Classify(Exception ex, out int code)
    {
        code = ex.HResult;
        return ex switch
        {
            UnauthorizedAccessException or System.Security.SecurityException => AtomicFileError.AccessDenied,
            PathTooLongException => AtomicFileError.PathTooLong,
            FileNotFoundException or DirectoryNotFoundException => AtomicFileError.NotFound,
            ArgumentException or NotSupportedException => AtomicFileError.InvalidPath,
            IOException when code is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027) => AtomicFileError.DiskFull,
            IOException when code is 30 => AtomicFileError.ReadOnlyFileSystem,
            IOException when code is 21 or 20 => AtomicFileError.NotAFile,
            IOException when code is 40 => AtomicFileError.LinkLoop,
            IOException when code is 17 or unchecked((int)0x80070050) or unchecked((int)0x800700B7) => AtomicFileError.Exists,
            _ => AtomicFileError.Other,
        };
    }

    private static AtomicWriteResult Failure(string target, Exception ex, string? backup = null)
    {
        AtomicFileError error = Classify(ex, out int code);
        return new AtomicWriteResult(AtomicWriteOutcome.Failed, target, Error: error, ErrorCode: error == AtomicFileError.Other ? code : 0, BackupPath: backup);
    }

    private static string ResolveTarget(string full)
    {
        var info = new FileInfo(full);
        return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private static async ValueTask<AtomicWriteResult> CreateAsync(string target, Func<Stream, CancellationToken, ValueTask> write, AtomicFileOptions options, CancellationToken cancellationToken)
    {
        string temp = await WriteTempAsync(target, write, null, options, cancellationToken).ConfigureAwait(false); // a new file gets the usual mode (0666 less the umask)
        try
        {
            File.Move(temp, target, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }

        SyncFolder(target, options);
        return new AtomicWriteResult(AtomicWriteOutcome.Created, target);
    }

    /// <summary>Writes a new file beside the target and renames it over; <see langword="null"/> when the owner cannot be kept.</summary>
    private static async ValueTask<AtomicWriteResult?> ReplaceAsync(string target, Func<Stream, CancellationToken, ValueTask> write, FileFacts facts, AtomicFileOptions options, CancellationToken cancellationToken)
    {
        string temp = await WriteTempAsync(target, write, OwnerOnly, options, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                if (facts.Owner is { } owner && !Native.TryChown(temp, owner.Uid, owner.Gid))
                {
                    return null;
                }

                File.SetUnixFileMode(temp, facts.Mode);
            }
            else if (facts.ReadOnly)
            {
                File.SetAttributes(target, File.GetAttributes(target) & ~FileAttributes.ReadOnly);
                File.SetAttributes(temp, File.GetAttributes(temp) | FileAttributes.ReadOnly);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        SyncFolder(target, options);
        return new AtomicWriteResult(AtomicWriteOutcome.Replaced, target);
    }

    private static async ValueTask<string> WriteTempAsync(string target, Func<Stream, CancellationToken, ValueTask> write, UnixFileMode? mode, AtomicFileOptions atomic, CancellationToken cancellationToken)
    {
        RemoveStaleTemps(Path.GetDirectoryName(target) ?? ".", Path.GetFileName(target));
        string temp = TempPath(target);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, PreallocationSize = atomic.PreallocationSize };
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = m;
        }

        try
        {
            using var stream = new FileStream(temp, options);
            await write(stream, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            stream.Flush(flushToDisk: !atomic.SkipFlush);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return temp;
    }

    /// <summary>Rewrites the file itself: a backup copy first, then the new content, then the backup goes.</summary>
    private static async ValueTask<AtomicWriteResult> WriteInPlaceAsync(string target, Func<Stream, CancellationToken, ValueTask> write, InPlaceReason reason, AtomicFileOptions options, CancellationToken cancellationToken)
    {
        // Opening first: a file we may not write is refused before anything is copied.
        using var file = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        string backup = SiblingPath(target, ".bak");
        var backupOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            backupOptions.UnixCreateMode = OwnerOnly; // the old content may hold secrets (vncpasswd)
        }

        using (var copy = new FileStream(backup, backupOptions))
        {
            file.CopyTo(copy);
            copy.Flush(flushToDisk: true);
        }

        SyncFolder(target);
        try
        {
            file.Position = 0;
            file.SetLength(0);
            await write(file, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            file.Flush(flushToDisk: !options.SkipFlush);
        }
        catch (Exception ex)
        {
            bool restored = TryRestore(file, backup);
            if (IsFileSystemError(ex))
            {
                return Failure(target, ex, restored ? null : backup);
            }

            throw;
        }

        File.Delete(backup);
        SyncFolder(target, options);
        return new AtomicWriteResult(AtomicWriteOutcome.WrittenInPlace, target, reason);
    }

    private static bool TryRestore(FileStream file, string backup)
    {
        try
        {
            using (var old = new FileStream(backup, FileMode.Open, FileAccess.Read))
            {
                file.Position = 0;
                file.SetLength(0);
                old.CopyTo(file);
                file.Flush(flushToDisk: true);
            }

            File.Delete(backup);
            return true;
        }
        catch (Exception ex) when (IsFileSystemError(ex))
        {
            return false;
        }
    }

    /// <summary>A hidden name beside the target for the backup of an in-place write: <c>.NAME.RANDOM.bak</c>.</summary>
    private static string SiblingPath(string target, string extension) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + extension);

    /// <summary>Flushes the folder's entries (the rename) to disk; best effort where the system has no such call.</summary>
    private static void SyncFolder(string target, AtomicFileOptions options = default)
    {
        if (!OperatingSystem.IsWindows() && !options.SkipFlush)
        {
            Native.TrySyncDirectory(Path.GetDirectoryName(target) ?? ".");
        }
    }

    private enum FileKind
    {
        Missing,
        Regular,
        Other,
    }

    /// <summary>What is known of an existing file.</summary>
    private readonly record struct FileFacts(FileKind Kind, UnixFileMode Mode, bool ReadOnly, long? Links, (uint Uid, uint Gid)? Owner)
    {
        public static FileFacts Of(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new FileFacts(Directory.Exists(path) ? FileKind.Other : FileKind.Missing, UnixFileMode.None, false, null, null);
            }

            if (OperatingSystem.IsWindows())
            {
                return new FileFacts(FileKind.Regular, UnixFileMode.None, info.IsReadOnly, 1, null);
            }

            UnixFileMode mode = info.UnixFileMode;
            Native.Status? status = Native.TryStat(path);
            FileKind kind = status is { IsRegular: false } || (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Other : FileKind.Regular;
            return new FileFacts(kind, mode, (mode & AnyWrite) == 0, status?.Links, status is { } s ? (s.Uid, s.Gid) : null);
        }
    }

    /// <summary>The few libc calls .NET has no API for: owner, group and link count (Linux <c>statx</c>), <c>chown</c>, and a folder's <c>fsync</c>.</summary>
    private static partial class Native
    {
        private const int AtFdCwd = -100;
        private const uint StatxBasicStats = 0x7FF;
        private const int StatxSize = 256;
        private const int S_IFMT = 0xF000;
        private const int S_IFREG = 0x8000;

        public readonly record struct Status(bool IsRegular, uint Uid, uint Gid, long Links);

        /// <summary>Returns the file's type, owner, group and link count, or <see langword="null"/> where <c>statx</c> is missing (non-Linux) or fails.</summary>
        public static unsafe Status? TryStat(string path)
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            byte* buffer = stackalloc byte[StatxSize];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                return null;
            }

            // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink (16), u32 uid (20), u32 gid (24), u16 mode (28).
            uint nlink = *(uint*)(buffer + 16);
            uint uid = *(uint*)(buffer + 20);
            uint gid = *(uint*)(buffer + 24);
            ushort mode = *(ushort*)(buffer + 28);
            return new Status((mode & S_IFMT) == S_IFREG, uid, gid, nlink);
        }

        public static bool TryChown(string path, uint uid, uint gid)
        {
            try
            {
                return Chown(path, uid, gid) == 0;
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                return false;
            }
        }

        public static void TrySyncDirectory(string directory)
        {
            try
            {
                int fd = Open(directory, 0); // O_RDONLY
                if (fd >= 0)
                {
                    _ = Fsync(fd);
                    _ = Close(fd);
                }
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                // No fsync of folders here: the rename is as durable as the system makes it.
            }
        }

        [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

        [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Chown(string path, uint uid, uint gid);

        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        private static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        private static partial int Close(int fd);
    }
}
