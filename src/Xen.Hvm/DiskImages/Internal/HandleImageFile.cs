using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes a file through its handle at explicit offsets (<c>pwrite</c>, <c>pwritev</c> for two pieces): no seek and no
/// copy through the stream's buffer per write. The stream stays the owner of the handle, and of the length and flush.
/// </summary>
/// <remarks>
/// A file that is flushed to disk once written (<c>writeBehind</c>; Linux) has every <see cref="WriteBehindBytes"/>
/// written since the last time handed to the kernel's write-back at once (<c>sync_file_range</c> with
/// <c>SYNC_FILE_RANGE_WRITE</c>: it starts writing those dirty pages to the device and does not wait for them). The
/// device then writes while the copy goes on, and the closing fsync waits for the last few MiB instead of the whole
/// image (on an ext4 disk, 256 MiB written: fsync 0.09 s without, 0.002 s with). No byte and no guarantee changes:
/// durability is still the fsync's, and the fsync reports any I/O error. A call that fails (a file system or kernel
/// without it) turns write-behind off for the file.
/// </remarks>
internal sealed partial class HandleImageFile : IImageFile
{
    /// <summary>How much is written between two hand-overs to write-back: four 2 MiB windows.</summary>
    public const long WriteBehindBytes = 8L << 20;

    private const uint SyncFileRangeWrite = 2;

    private readonly FileStream _stream;
    private readonly SafeFileHandle _handle;
    private readonly bool _ownsStream;
    private readonly ReadOnlyMemory<byte>[] _pair = new ReadOnlyMemory<byte>[2];
    private bool _writeBehind;
    private long _dirtyStart = -1;
    private long _dirtyEnd;

    public HandleImageFile(FileStream stream, bool ownsStream, bool writeBehind)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _handle = stream.SafeFileHandle;
        _writeBehind = writeBehind && OperatingSystem.IsLinux();
    }

    /// <summary>Gets how many ranges were handed to write-back (tests: it happens, and only when asked for).</summary>
    internal int WriteBehindCalls { get; private set; }

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

        Written(offset, data.Length);
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

        Written(offset, first.Length + second.Length);
    }

    /// <summary>Widens the range written since the last hand-over, and hands it over once it holds <see cref="WriteBehindBytes"/>.</summary>
    private void Written(long offset, long length)
    {
        if (!_writeBehind || length == 0)
        {
            return;
        }

        if (_dirtyStart < 0)
        {
            (_dirtyStart, _dirtyEnd) = (offset, offset + length);
        }
        else
        {
            (_dirtyStart, _dirtyEnd) = (Math.Min(_dirtyStart, offset), Math.Max(_dirtyEnd, offset + length));
        }

        if (_dirtyEnd - _dirtyStart < WriteBehindBytes)
        {
            return;
        }

        try
        {
            _writeBehind = SyncFileRange(_handle, _dirtyStart, _dirtyEnd - _dirtyStart, SyncFileRangeWrite) == 0;
            WriteBehindCalls += _writeBehind ? 1 : 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _writeBehind = false;
        }

        _dirtyStart = -1;
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long length, uint flags);

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
