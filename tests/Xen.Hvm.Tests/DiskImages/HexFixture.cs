using System.Globalization;
using System.Text;
using Xen.Hvm.DiskImages;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>
/// Golden hex fixtures: <c>length: N</c>, then 16-byte rows as <c>offset: hex</c> (all-zero rows left out, runs of
/// identical rows as <c>start-end: hex</c>), plus <c>uuid:</c>/<c>timestamp:</c> lines for VHDs. Files are dumped
/// sparse-aware, so a 100 MiB fixed VHD costs only its data.
/// </summary>
internal static class HexFixture
{
    public static string Folder => Path.Combine(Corpus.RepositoryRoot, "tests", "Xen.Hvm.Tests", "DiskImages", "Fixtures");

    public static Fixture Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".hex"));
        Guid? uuid = null;
        DateTimeOffset? timestamp = null;
        var body = new List<string>();
        foreach (string line in lines)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("uuid: ", StringComparison.Ordinal))
            {
                uuid = Guid.Parse(line[6..]);
            }
            else if (line.StartsWith("timestamp: ", StringComparison.Ordinal))
            {
                timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(long.Parse(line[11..], CultureInfo.InvariantCulture));
            }
            else
            {
                body.Add(line);
            }
        }

        return new Fixture(string.Join('\n', body), uuid, timestamp);
    }

    /// <summary>Dumps a file in the fixture format (without comments, uuid or timestamp lines).</summary>
    public static string Dump(string path)
    {
        using var file = DiskImage.Open(path, DiskImageFormat.Raw);
        return Dump(file);
    }

    /// <summary>Dumps a stream's bytes in the fixture format; the stream stays open.</summary>
    public static string Dump(Stream stream)
    {
        using var file = DiskImage.Open(stream, DiskImageFormat.Raw, leaveOpen: true);
        return Dump(file);
    }

    private static string Dump(DiskImageStream file)
    {
        var text = new StringBuilder();
        text.Append("length: ").Append(file.Length.ToString(CultureInfo.InvariantCulture));
        long groupStart = -1;
        long groupEnd = -1;
        byte[] group = [];
        void Emit()
        {
            if (groupStart >= 0 && group.AsSpan().IndexOfAnyExcept((byte)0) >= 0)
            {
                text.Append('\n');
                text.Append(groupEnd - groupStart > 16
                    ? $"{groupStart:x8}-{groupEnd:x8}: "
                    : $"{groupStart:x8}: ");
                text.Append(Convert.ToHexString(group).ToLowerInvariant());
            }

            groupStart = -1;
        }

        var buffer = new byte[1 << 20];
        foreach (var extent in file.GetExtents())
        {
            if (extent.IsZero)
            {
                continue;
            }

            for (long at = extent.Offset; at < extent.End; at += buffer.Length)
            {
                int n = file.ReadAt(at, buffer.AsSpan(0, (int)Math.Min(buffer.Length, extent.End - at)));
                for (int row = 0; row < n; row += 16)
                {
                    var bytes = buffer.AsSpan(row, Math.Min(16, n - row));
                    long offset = at + row;
                    if (groupStart >= 0 && offset == groupEnd && bytes.SequenceEqual(group))
                    {
                        groupEnd += bytes.Length;
                        continue;
                    }

                    Emit();
                    groupStart = offset;
                    groupEnd = offset + bytes.Length;
                    group = bytes.ToArray();
                }
            }
        }

        Emit();
        return text.ToString();
    }

    public sealed record Fixture(string Body, Guid? UniqueId, DateTimeOffset? Timestamp);
}
