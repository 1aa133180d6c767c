namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Writes an image into a seekable stream at explicit offsets: a caller's stream, the atomic-file helper's
/// temporary file, or a device.</summary>
internal sealed class StreamImageFile(Stream stream, bool ownsStream) : IImageFile
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
    {
        stream.Position = offset;
        if (async)
        {
            await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.Write(data.Span);
        }
    }

    public void SetLength(long length) => stream.SetLength(length);

    public void Flush()
    {
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }
    }

    public void Dispose()
    {
        if (ownsStream)
        {
            stream.Dispose();
        }
    }
}
