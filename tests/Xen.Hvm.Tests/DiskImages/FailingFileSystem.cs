using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>The real file system, but writes fail once a byte budget is spent (a full disk or a crash mid-write).</summary>
internal sealed class FailingFileSystem : DelegatingFileSystem
{
    private readonly long _budget;
    private readonly bool _failSetLength;
    private long _written;

    public FailingFileSystem(long budget = long.MaxValue, bool failSetLength = false)
    {
        _budget = budget;
        _failSetLength = failSetLength;
    }

    public int CreatedFiles => Created.Count;

    public override IImageFile OpenWrite(Stream stream, string path, bool flushes) => new File(this, base.OpenWrite(stream, path, flushes));

    /// <summary>ENOSPC as .NET reports it on Unix (the errno is the HResult) and on Windows.</summary>
    private static IOException DiskFull() => new("disk full (injected)", OperatingSystem.IsWindows() ? unchecked((int)0x8007_0070) : 28);

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
