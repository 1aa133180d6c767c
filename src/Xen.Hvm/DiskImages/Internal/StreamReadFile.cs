namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Reads an image from a readable, seekable stream at explicit offsets (from offset 0 of the stream, moving its
/// position). A <see cref="FileStream"/>'s holes are found through its handle, as for files opened by path; other
/// streams are all data.
/// </summary>
internal sealed class StreamReadFile : IImageReadFile
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;

    public StreamReadFile(Stream stream, bool leaveOpen, long? length = null)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Length = length ?? stream.Length;
    }

    public long Length { get; }

    /// <summary>Gets a regular file of unknown identity: a stream is never the same file as anything else.</summary>
    public ImageFileStatus Status => new(ImageFileKind.Regular);

    /// <summary>Gets the path of a file stream, or <see langword="null"/>.</summary>
    public string? Path => (_stream as FileStream)?.Name;

    /// <summary>Checks that a stream can be read as an image.</summary>
    /// <exception cref="ArgumentException">The stream cannot read or seek.</exception>
    public static void CheckReadable(Stream stream, string paramName)
    {
        ArgumentNullException.ThrowIfNull(stream, paramName);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("An image is read from a stream that can read and seek.", paramName);
        }
    }

    public int Read(Span<byte> buffer, long offset)
    {
        // Nothing lies past the end; and a stream need not take such a position at all (MemoryStream refuses one
        // past 2 GiB), which an image's offsets can ask for (found by fuzzing, DiskImageStreamRegressionTests).
        if (offset < 0 || buffer.IsEmpty || offset >= Length)
        {
            return 0;
        }

        _stream.Position = offset;
        return _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }

    public (bool IsHole, long Length) Probe(long offset, long limit) =>
        _stream is FileStream file ? FileExtents.Probe(file.SafeFileHandle, offset, limit) : (false, Math.Max(0, limit - offset));

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
