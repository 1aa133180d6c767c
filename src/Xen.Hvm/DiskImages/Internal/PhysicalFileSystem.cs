using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The real file system: offset reads and writes through <see cref="RandomAccess"/> on one handle.</summary>
internal sealed class PhysicalFileSystem : IImageFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IImageFile CreateNew(string path, long preallocationSize)
    {
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.None, preallocationSize);
        return new PhysicalImageFile(handle);
    }

    public IImageFile OpenDevice(string path) =>
        new PhysicalImageFile(File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.None));

    public void Move(string source, string destination, bool overwrite) => File.Move(source, destination, overwrite);

    public void Delete(string path) => File.Delete(path);

    public IEnumerable<string> EnumerateFiles(string directory, string marker) =>
        Directory.EnumerateFiles(directory, "*" + marker + "*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, MatchType = MatchType.Simple })
            .Select(Path.GetFileName)
            .Where(name => name is not null && name.Contains(marker, StringComparison.Ordinal))!;

    public ImageFileStatus GetStatus(string path, bool followLinks) => FileExtents.Stat(path, followLinks);

    public string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IImageReadFile OpenRead(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            return new PhysicalReadFile(handle, FileExtents.Stat(handle, path));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private sealed class PhysicalReadFile : IImageReadFile
    {
        private readonly SafeFileHandle _handle;

        public PhysicalReadFile(SafeFileHandle handle, ImageFileStatus status)
        {
            _handle = handle;
            Status = status;
            Length = status.Kind == ImageFileKind.BlockDevice ? Math.Max(0, FileExtents.DeviceSize(handle)) : RandomAccess.GetLength(handle);
        }

        public long Length { get; }

        public ImageFileStatus Status { get; }

        public int Read(Span<byte> buffer, long offset) => offset < 0 ? 0 : RandomAccess.Read(_handle, buffer, offset);

        public (bool IsHole, long Length) Probe(long offset, long limit) =>
            Status.Kind == ImageFileKind.Regular ? FileExtents.Probe(_handle, offset, limit) : (false, Math.Max(0, limit - offset));

        public void Dispose() => _handle.Dispose();
    }

    private sealed class PhysicalImageFile : IImageFile
    {
        private readonly SafeFileHandle _handle;
        private readonly FileStream _stream;

        public PhysicalImageFile(SafeFileHandle handle)
        {
            _handle = handle;
            _stream = new FileStream(handle, FileAccess.Write, bufferSize: 0);
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
        {
            if (async)
            {
                return RandomAccess.WriteAsync(_handle, data, offset, cancellationToken);
            }

            RandomAccess.Write(_handle, data.Span, offset);
            return default;
        }

        public void SetLength(long length) => RandomAccess.SetLength(_handle, length);

        public void Flush() => _stream.Flush(flushToDisk: true);

        public void Dispose() => _stream.Dispose();
    }
}
