namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Reads a disk stored as its own bytes (a raw image, or the data part of a fixed VHD): the bytes at the same
/// offsets in the file, up to the data length; holes are known zeros.</summary>
internal sealed class FlatImageStream : DiskImageStream
{
    private readonly IImageReadFile _file;
    private readonly long _dataLength;

    public FlatImageStream(IImageReadFile file, DiskImageInfo info, long dataLength)
        : base(info)
    {
        _file = file;
        _dataLength = dataLength;
    }

    private protected override void ReadCore(Span<byte> buffer, long offset)
    {
        int inData = (int)Math.Clamp(_dataLength - offset, 0, buffer.Length);
        FileExtents.ReadOrZero(_file, buffer[..inData], offset);
        buffer[inData..].Clear();
    }

    /// <summary>Gets whether the file's reads may overlap: a flat image keeps no state of its own between reads.</summary>
    internal override bool ReadsConcurrently => _file.ReadsConcurrently;

    private protected override DiskImageExtent GetExtentCore(long offset)
    {
        if (offset >= _dataLength)
        {
            return new DiskImageExtent(offset, Length - offset, IsZero: true);
        }

        var (isHole, length) = _file.Probe(offset, Math.Min(Length, _dataLength));
        return new DiskImageExtent(offset, length, isHole);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
