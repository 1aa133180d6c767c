using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The real file system: offset writes through <see cref="RandomAccess"/> on one handle.</summary>
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

    public void Move(string source, string destination, bool overwrite) => File.Move(source, destination, overwrite);

    public void Delete(string path) => File.Delete(path);

    private sealed class PhysicalImageFile : IImageFile
    {
        private readonly SafeFileHandle _handle;
        private readonly FileStream _stream;

        public PhysicalImageFile(SafeFileHandle handle)
        {
            _handle = handle;
            _stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
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
