using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>The real file system, but writes fail once a byte budget is spent (a full disk or a crash mid-write).</summary>
internal sealed class FailingFileSystem : IImageFileSystem
{
    private readonly long _budget;
    private readonly bool _failSetLength;
    private long _written;

    public FailingFileSystem(long budget = long.MaxValue, bool failSetLength = false)
    {
        _budget = budget;
        _failSetLength = failSetLength;
    }

    public int CreatedFiles { get; private set; }

    public List<string> Moves { get; } = [];

    public bool FileExists(string path) => PhysicalFileSystem.Instance.FileExists(path);

    public bool DirectoryExists(string path) => PhysicalFileSystem.Instance.DirectoryExists(path);

    public IImageFile CreateNew(string path, long preallocationSize)
    {
        CreatedFiles++;
        return new File(this, PhysicalFileSystem.Instance.CreateNew(path, preallocationSize));
    }

    public void Move(string source, string destination, bool overwrite)
    {
        Moves.Add(destination);
        PhysicalFileSystem.Instance.Move(source, destination, overwrite);
    }

    public void Delete(string path) => PhysicalFileSystem.Instance.Delete(path);

    private static IOException DiskFull() => new("No space left on device", unchecked((int)0x8007_0070));

    private sealed class File(FailingFileSystem owner, IImageFile inner) : IImageFile
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
        {
            owner._written += data.Length;
            if (owner._written > owner._budget)
            {
                throw DiskFull();
            }

            return inner.WriteAsync(data, offset, async, cancellationToken);
        }

        public void SetLength(long length)
        {
            if (owner._failSetLength)
            {
                throw DiskFull();
            }

            inner.SetLength(length);
        }

        public void Flush() => inner.Flush();

        public void Dispose() => inner.Dispose();
    }
}
