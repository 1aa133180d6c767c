using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The real file system: offset reads and writes through <see cref="RandomAccess"/> on one handle (a file stream's own, for writes).</summary>
internal sealed class PhysicalFileSystem : IImageFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public IImageFile OpenDevice(string path, bool flushes) =>
        new HandleImageFile(new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0), ownsStream: true, writeBehind: flushes);

    public IImageFile OpenWrite(Stream stream, string path, bool flushes) =>
        stream is FileStream file ? new HandleImageFile(file, ownsStream: false, writeBehind: flushes) : new StreamImageFile(stream, ownsStream: false);

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

        /// <summary>Gets true: <see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/> is <c>pread</c>, which keeps no position.</summary>
        public bool ReadsConcurrently => true;

        public (bool IsHole, long Length) Probe(long offset, long limit) =>
            Status.Kind == ImageFileKind.Regular ? FileExtents.Probe(_handle, offset, limit) : (false, Math.Max(0, limit - offset));

        public void Dispose() => _handle.Dispose();
    }
}
