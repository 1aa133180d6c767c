namespace Xen.Hvm.DiskImages;

/// <summary>
/// A read-only, seekable view of the virtual disk inside an image file (raw, qcow2 or VHD): reading it gives the
/// bytes the guest sees, with unallocated parts read as zeros (or from a qcow2 backing file).
/// </summary>
/// <remarks>
/// <para>Open one with <see cref="DiskImage.Open(string, DiskImageFormat?, BackingFilePolicy?)"/> (a file) or <see cref="DiskImage.Open(Stream, DiskImageFormat?, BackingFilePolicy?, bool)"/> (a stream). <see cref="Stream.Length"/> is the virtual size;
/// <see cref="GetExtents"/> tells stored data from runs known to be zero, which conversions skip without reading.</para>
/// <para>Not thread-safe: use one stream per thread.</para>
/// </remarks>
public abstract class DiskImageStream : Stream
{
    private long _position;
    private bool _disposed;
    private DiskImageExtent _lastExtent;

    private protected DiskImageStream(DiskImageInfo info)
    {
        Info = info;
    }

    /// <summary>Gets what the image is: format, capacity and format settings.</summary>
    public DiskImageInfo Info { get; }

    /// <summary>Gets the image format.</summary>
    public DiskImageFormat Format => Info.Format;

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;

    /// <inheritdoc/>
    public override bool CanSeek => !_disposed;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <summary>Gets the virtual size in bytes.</summary>
    public override long Length => Info.Capacity;

    /// <summary>Gets or sets the virtual offset of the next read.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <summary>Reads bytes at a virtual offset without moving <see cref="Position"/>.</summary>
    /// <param name="offset">The virtual offset.</param>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <returns>The number of bytes read: less than the buffer only at the end of the disk.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <exception cref="DiskImageException">Data in the image cannot be decoded, such as a damaged compressed qcow2
    /// cluster (<c>XH7018</c>); the same holds for <see cref="Read(Span{byte})"/> and the other reads.</exception>
    public int ReadAt(long offset, Span<byte> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ObjectDisposedException.ThrowIf(_disposed, this);
        long available = Length - offset;
        if (available <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        int n = (int)Math.Min(buffer.Length, available);
        ReadCore(buffer[..n], offset);
        return n;
    }

    /// <summary>Gets the run of data or of known zeros that starts at a virtual offset.</summary>
    /// <param name="offset">The virtual offset, below <see cref="Length"/>.</param>
    /// <returns>The run; it never reaches past <see cref="Length"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or not below the length.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    public DiskImageExtent GetExtent(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, Length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (offset < _lastExtent.Offset || offset >= _lastExtent.End)
        {
            // Walks are costly; conversions ask again inside a data run every window, so remember the last run.
            var extent = GetExtentCore(offset);
            _lastExtent = new DiskImageExtent(offset, Math.Clamp(extent.Length, 1, Length - offset), extent.IsZero);
        }

        return new DiskImageExtent(offset, _lastExtent.End - offset, _lastExtent.IsZero);
    }

    /// <summary>Lists the whole disk as runs of data and of known zeros, in order; neighbouring runs of the same
    /// kind may be reported separately.</summary>
    /// <returns>The runs, computed lazily.</returns>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    public IEnumerable<DiskImageExtent> GetExtents()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Enumerate();

        IEnumerable<DiskImageExtent> Enumerate()
        {
            long offset = 0;
            while (offset < Length)
            {
                var extent = GetExtent(offset);
                yield return extent;
                offset = extent.End;
            }
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int n = ReadAt(_position, buffer);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        Position = target;
        return target;
    }

    /// <summary>Does nothing: the stream is read-only.</summary>
    public override void Flush()
    {
    }

    /// <summary>Always throws: the stream is read-only.</summary>
    /// <param name="value">Ignored.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void SetLength(long value) => throw new NotSupportedException("Disk image streams are read-only.");

    /// <summary>Always throws: the stream is read-only.</summary>
    /// <param name="buffer">Ignored.</param>
    /// <param name="offset">Ignored.</param>
    /// <param name="count">Ignored.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Disk image streams are read-only.");

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes at an offset inside the disk.</summary>
    private protected abstract void ReadCore(Span<byte> buffer, long offset);

    /// <summary>Gets the run starting at an offset inside the disk (its length is clipped by the caller).</summary>
    private protected abstract DiskImageExtent GetExtentCore(long offset);

    /// <summary>Gets whether <see cref="ReadAt"/> may run on several threads at once for disjoint ranges (the
    /// conversions split a window's read in two then); false unless a format knows its reads share no state.</summary>
    internal virtual bool ReadsConcurrently => false;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
