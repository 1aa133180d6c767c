using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>The real file system, every operation overridable: the base of the failing, spying and fake-device ones.</summary>
internal class DelegatingFileSystem : IImageFileSystem
{
    protected static IImageFileSystem Real => PhysicalFileSystem.Instance;

    /// <summary>Gets the paths of the files written (the atomic-file helper's temporary files), in order.</summary>
    public List<string> Created { get; } = [];

    public virtual ImageFileStatus GetStatus(string path, bool followLinks) => Real.GetStatus(path, followLinks);

    public virtual string? ReadLink(string path) => Real.ReadLink(path);

    public virtual IImageReadFile OpenRead(string path) => Real.OpenRead(path);

    /// <summary>Gets whether each file written was to be flushed to disk (write-behind asked for), in the order of <see cref="Created"/>.</summary>
    public List<bool> Flushes { get; } = [];

    public virtual IImageFile OpenDevice(string path, bool flushes) => Real.OpenDevice(path, flushes);

    public virtual IImageFile OpenWrite(Stream stream, string path, bool flushes)
    {
        Created.Add(path);
        Flushes.Add(flushes);
        return Real.OpenWrite(stream, path, flushes);
    }
}

/// <summary>Records every path opened for reading and counts the reads made, so tests can show what was never touched.</summary>
internal sealed class SpyFileSystem : DelegatingFileSystem
{
    public List<string> Opened { get; } = [];

    /// <summary>Gets paths that are recorded but never really opened (a FIFO would block the test for ever).</summary>
    public HashSet<string> NeverOpen { get; } = [];

    public List<string> Statted { get; } = [];

    public int Reads { get; private set; }

    public override ImageFileStatus GetStatus(string path, bool followLinks)
    {
        Statted.Add(path);
        return base.GetStatus(path, followLinks);
    }

    public override IImageReadFile OpenRead(string path)
    {
        Opened.Add(path);
        if (NeverOpen.Contains(path))
        {
            throw new IOException("The test does not let this path be opened.");
        }

        return new Counting(this, base.OpenRead(path));
    }

    private sealed class Counting(SpyFileSystem owner, IImageReadFile inner) : IImageReadFile
    {
        public long Length => inner.Length;

        public ImageFileStatus Status => inner.Status;

        public int Read(Span<byte> buffer, long offset)
        {
            owner.Reads++;
            return inner.Read(buffer, offset);
        }

        public (bool IsHole, long Length) Probe(long offset, long limit) => inner.Probe(offset, limit);

        public void Dispose() => inner.Dispose();
    }
}
