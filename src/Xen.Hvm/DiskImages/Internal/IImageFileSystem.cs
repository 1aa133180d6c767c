namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The file operations the writers use; the tests inject failures (a full disk, a crash mid-write) here.</summary>
internal interface IImageFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Creates a new file that must not exist yet, optionally reserving space for it.</summary>
    IImageFile CreateNew(string path, long preallocationSize);

    void Move(string source, string destination, bool overwrite);

    void Delete(string path);
}

/// <summary>A file being written at explicit offsets.</summary>
internal interface IImageFile : IDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken);

    void SetLength(long length);

    void Flush();
}
