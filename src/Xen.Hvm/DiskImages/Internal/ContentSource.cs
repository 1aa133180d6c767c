namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Where a fill or conversion reads from: a plain stream (sequential) or one of our image streams (by offset, with known zero runs).</summary>
internal abstract class ContentSource
{
    /// <summary>Returns how many bytes from <paramref name="offset"/> are known to be zero without reading (0 when unknown or data).</summary>
    public abstract long KnownZeroRun(long offset, long limit);

    /// <summary>Fills the buffer with the bytes at <paramref name="offset"/>; bytes past the source's end read as zeros.</summary>
    public abstract ValueTask ReadAsync(Memory<byte> buffer, long offset, bool async, CancellationToken cancellationToken);

    /// <summary>Gets whether <see cref="ReadAsync"/> may run on two threads at once for disjoint ranges.</summary>
    public virtual bool ReadsConcurrently => false;

    /// <summary>Checks that the source has nothing past the capacity.</summary>
    public virtual ValueTask EnsureEndAsync(bool async, CancellationToken cancellationToken) => default;

    /// <summary>Gets a source of nothing but zeros (an empty image).</summary>
    public static ContentSource Empty { get; } = new EmptySource();

    /// <summary>Returns the capacity of an image filled from <paramref name="source"/>: the one given, or the source's remaining length.</summary>
    /// <exception cref="ArgumentException">The source cannot be read, is longer than the capacity, or its length is
    /// unknown (or 0) and no capacity was given.</exception>
    public static long CapacityOf(Stream source, long? capacity)
    {
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream cannot be read.", nameof(source));
        }

        long? remaining = source.CanSeek ? Math.Max(0, source.Length - source.Position) : null;
        if (capacity is { } given)
        {
            if (remaining > given)
            {
                throw new ArgumentException($"The source holds {remaining} bytes, more than the capacity {given}.", nameof(source));
            }

            return given;
        }

        if (remaining is not { } length)
        {
            throw new ArgumentException("The source stream cannot seek, so its length is unknown: give a capacity.", nameof(source));
        }

        if (length == 0)
        {
            throw new ArgumentException("The source stream is empty: give a capacity.", nameof(source));
        }

        return length;
    }

    public static ContentSource From(Stream stream) =>
        stream is DiskImageStream image ? new ImageSource(image) : new StreamSource(stream);

    private sealed class EmptySource : ContentSource
    {
        public override long KnownZeroRun(long offset, long limit) => limit;

        public override ValueTask ReadAsync(Memory<byte> buffer, long offset, bool async, CancellationToken cancellationToken)
        {
            buffer.Span.Clear();
            return default;
        }
    }

    private sealed class ImageSource(DiskImageStream image) : ContentSource
    {
        public override bool ReadsConcurrently => image.ReadsConcurrently;

        public override long KnownZeroRun(long offset, long limit)
        {
            if (offset >= image.Length)
            {
                return limit;
            }

            var extent = image.GetExtent(offset);
            return extent.IsZero ? Math.Min(extent.Length, limit) : 0;
        }

        public override ValueTask ReadAsync(Memory<byte> buffer, long offset, bool async, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = image.ReadAt(offset, buffer.Span);
            buffer.Span[n..].Clear();
            return default;
        }
    }

    private sealed class StreamSource(Stream stream) : ContentSource
    {
        private long _position;
        private bool _ended;

        public override long KnownZeroRun(long offset, long limit) => _ended ? limit : 0;

        public override async ValueTask ReadAsync(Memory<byte> buffer, long offset, bool async, CancellationToken cancellationToken)
        {
            if (offset != _position)
            {
                throw new InvalidOperationException("A plain stream source is read sequentially.");
            }

            int done = 0;
            while (!_ended && done < buffer.Length)
            {
                int n = async
                    ? await stream.ReadAsync(buffer[done..], cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer.Span[done..]);
                if (n <= 0)
                {
                    _ended = true;
                    break;
                }

                done += n;
            }

            buffer.Span[done..].Clear();
            _position += buffer.Length;
        }

        public override async ValueTask EnsureEndAsync(bool async, CancellationToken cancellationToken)
        {
            if (_ended)
            {
                return;
            }

            var probe = new byte[1];
            int n = async ? await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) : stream.Read(probe);
            if (n > 0)
            {
                throw new InvalidDataException("The source stream holds more bytes than the image capacity.");
            }
        }
    }
}
