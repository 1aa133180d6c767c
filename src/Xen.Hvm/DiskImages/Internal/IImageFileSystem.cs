namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// The file operations of the image code that tests need to see or change: the readers stat, resolve links and open
/// through it; the path writers open devices through it and hand it every file they write (the atomic-file helper's
/// temporary file) before writing. Tests inject failures (a full disk, a crash mid-write), fake devices and spies
/// (which paths were opened, how many reads were made) here. It is never part of the public API.
/// </summary>
internal interface IImageFileSystem
{
    /// <summary>Returns what is at a path (<c>stat</c>, or <c>lstat</c> without <paramref name="followLinks"/>), without opening it.</summary>
    ImageFileStatus GetStatus(string path, bool followLinks);

    /// <summary>Returns the target of a symbolic link as stored, or <see langword="null"/> when the path is not a link.</summary>
    string? ReadLink(string path);

    /// <summary>Opens a file for reading.</summary>
    IImageReadFile OpenRead(string path);

    /// <summary>Opens an existing block device (or what stands for one) to write it in place; <paramref name="flushes"/>
    /// says it is flushed to disk once written (so its writes may be handed to write-back as they go).</summary>
    IImageFile OpenDevice(string path, bool flushes);

    /// <summary>Returns what the writers write through for a file being written: <paramref name="stream"/> is the
    /// atomic-file helper's new temporary file (or the file rewritten in place), named <paramref name="path"/>;
    /// <paramref name="flushes"/> says it is flushed to disk once written.</summary>
    IImageFile OpenWrite(Stream stream, string path, bool flushes);
}

/// <summary>A file being written at explicit offsets.</summary>
internal interface IImageFile : IDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="first"/> and then <paramref name="second"/> back to back from <paramref name="offset"/>:
    /// one gathered write (<c>pwritev</c>) where the file can, two writes otherwise.</summary>
    async ValueTask WriteAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, long offset, bool async, CancellationToken cancellationToken)
    {
        await WriteAsync(first, offset, async, cancellationToken).ConfigureAwait(false);
        await WriteAsync(second, offset + first.Length, async, cancellationToken).ConfigureAwait(false);
    }

    void SetLength(long length);

    /// <summary>Flushes what was written to stable storage.</summary>
    void Flush();
}

/// <summary>A file being read at explicit offsets.</summary>
internal interface IImageReadFile : IDisposable
{
    /// <summary>Gets the length in bytes (for a block device, its size).</summary>
    long Length { get; }

    /// <summary>Gets what the open file is (<c>fstat</c>), to compare with what the path named before it was opened.</summary>
    ImageFileStatus Status { get; }

    /// <summary>Reads at an offset; returns fewer bytes only at the end of the file (0 past it).</summary>
    int Read(Span<byte> buffer, long offset);

    /// <summary>Returns whether the run at <paramref name="offset"/> is a hole, and how long it is (up to <paramref name="limit"/>).</summary>
    (bool IsHole, long Length) Probe(long offset, long limit);

    /// <summary>Gets whether <see cref="Read"/> may run on several threads at once (for disjoint ranges): true for
    /// positional reads of a file handle, false for anything with a position or counters of its own.</summary>
    bool ReadsConcurrently => false;
}

/// <summary>What a path is.</summary>
internal enum ImageFileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    BlockDevice,
    CharacterDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>The result of <c>stat</c>: the kind of file and, where the platform tells, its identity (device and inode).</summary>
internal readonly record struct ImageFileStatus(ImageFileKind Kind, ulong Device = 0, ulong Inode = 0)
{
    public static ImageFileStatus Missing => new(ImageFileKind.Missing);

    /// <summary>Gets a value indicating whether <see cref="Device"/> and <see cref="Inode"/> identify the file.</summary>
    public bool HasIdentity => Inode != 0;

    public bool SameFileAs(ImageFileStatus other) => HasIdentity && other.HasIdentity && Device == other.Device && Inode == other.Inode;

    /// <summary>Describes the kind for messages: "a FIFO", "a character device" ...</summary>
    public string Describe() => Kind switch
    {
        ImageFileKind.Missing => "missing",
        ImageFileKind.Regular => "a regular file",
        ImageFileKind.Directory => "a directory",
        ImageFileKind.SymbolicLink => "a symbolic link",
        ImageFileKind.BlockDevice => "a block device",
        ImageFileKind.CharacterDevice => "a character device",
        ImageFileKind.Fifo => "a FIFO (named pipe)",
        ImageFileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
