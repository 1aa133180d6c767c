using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes a file through its handle at explicit offsets (<c>pwrite</c>, <c>pwritev</c> for two pieces): no seek and no
/// copy through the stream's buffer per write. The stream stays the owner of the handle, and of the length and flush.
/// </summary>
internal sealed class HandleImageFile : IImageFile
{
    private readonly FileStream _stream;
    private readonly SafeFileHandle _handle;
    private readonly bool _ownsStream;
    private readonly ReadOnlyMemory<byte>[] _pair = new ReadOnlyMemory<byte>[2];

    public HandleImageFile(FileStream stream, bool ownsStream)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _handle = stream.SafeFileHandle;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await RandomAccess.WriteAsync(_handle, data, offset, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            RandomAccess.Write(_handle, data.Span, offset);
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, long offset, bool async, CancellationToken cancellationToken)
    {
        _pair[0] = first;
        _pair[1] = second;
        try
        {
            if (async)
            {
                await RandomAccess.WriteAsync(_handle, _pair, offset, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                RandomAccess.Write(_handle, _pair, offset);
            }
        }
        finally
        {
            _pair[0] = _pair[1] = default;
        }
    }

    public void SetLength(long length) => _stream.SetLength(length);

    public void Flush() => _stream.Flush(flushToDisk: true);

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
