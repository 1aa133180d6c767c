namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Sources of random and zero blocks for fills, built sparse so large sizes cost nothing.</summary>
internal static class TestData
{
    /// <summary>Random blocks at the start, at odd places in the middle and at the very end; zeros elsewhere.</summary>
    public static IReadOnlyList<(long Offset, int Length)> BlocksFor(long length)
    {
        var blocks = new List<(long, int)> { (0, (int)Math.Min(length, 200_000)) };
        if (length > 4 << 20)
        {
            blocks.Add((3 << 20, 4096));
            blocks.Add(((length / 2) + 1234, 70_000));
            blocks.Add((length / 3 / 512 * 512, 512));
        }

        if (length > 400_000)
        {
            blocks.Add((length - 100_000, 100_000));
        }

        return blocks;
    }

    /// <summary>Writes a sparse raw file with random data in <see cref="BlocksFor"/>; returns it in memory when small.</summary>
    public static byte[]? WriteSource(string path, long length, int seed = 42)
    {
        var random = new Random(seed);
        byte[]? all = length <= 64 << 20 ? new byte[length] : null;
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(length);
        foreach (var (offset, size) in BlocksFor(length))
        {
            var block = new byte[size];
            random.NextBytes(block);
            block[0] = 0x5A;
            file.Position = offset;
            file.Write(block);
            if (all is not null)
            {
                block.CopyTo(all.AsSpan((int)offset));
            }
        }

        return all;
    }

    /// <summary>Random and zero data in memory.</summary>
    public static byte[] InMemory(int length, int seed = 7)
    {
        var data = new byte[length];
        var random = new Random(seed);
        for (int at = 0; at < length; at += 64 * 1024)
        {
            if ((at / (64 * 1024)) % 3 != 1)
            {
                random.NextBytes(data.AsSpan(at, Math.Min(64 * 1024, length - at)));
            }
        }

        // A lone byte in an otherwise zero cluster, and a zero 4 KiB piece inside data.
        data[(64 * 1024) + 777] = 1;
        data.AsSpan(8192, 4096).Clear();
        return data;
    }

    /// <summary>A forward-only, non-seekable wrapper, as a pipe or network stream would be.</summary>
    public sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 100_003));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Generates <paramref name="length"/> bytes of random data lazily, so nothing big lives in memory.</summary>
    public sealed class GeneratedStream(long length, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            _random.NextBytes(buffer.AsSpan(offset, n));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
