using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Hostile images of our own making: overlays naming any path, forged headers and footers, damaged clusters.</summary>
internal static class HostileFixtures
{
    /// <summary>Writes a qcow2 overlay (1 MiB, backing format raw) whose header names <paramref name="backingName"/>,
    /// which need not exist: the image is made naming a placeholder of the same length, then the name is patched in.</summary>
    public static string OverlayNaming(string folder, string file, string backingName, DiskImageFormat backingFormat = DiskImageFormat.Raw)
    {
        byte[] name = Encoding.UTF8.GetBytes(backingName);
        string placeholder = "p" + new string('q', name.Length - 1);
        File.WriteAllBytes(Path.Combine(folder, placeholder), new byte[512]);
        string path = Path.Combine(folder, file);
        DiskImage.Create(path, 1 << 20, new Qcow2Options { BackingFile = placeholder, BackingFormat = backingFormat, FlushToDisk = false, Overwrite = true });
        File.Delete(Path.Combine(folder, placeholder));
        byte[] bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan(0, 65536).IndexOf(Encoding.UTF8.GetBytes(placeholder));
        name.CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A raw disk of <paramref name="length"/> random bytes whose start is a whole qcow2 image naming
    /// <paramref name="backingName"/>: what a guest can write into its own disk.</summary>
    public static byte[] RawWithForgedQcow2(TempDirectory dir, string file, string backingName, int length = 1 << 20)
    {
        string forged = OverlayNaming(dir.Path, "forged.qcow2", backingName);
        byte[] disk = new byte[length];
        new Random(5).NextBytes(disk);
        byte[] header = File.ReadAllBytes(forged);
        File.Delete(forged);
        header.AsSpan(0, Math.Min(header.Length, length)).CopyTo(disk);
        File.WriteAllBytes(dir.File(file), disk);
        return disk;
    }

    /// <summary>A raw disk of random bytes whose last sector is the valid footer of a 4 KiB fixed VHD.</summary>
    public static byte[] RawWithForgedVhdFooter(TempDirectory dir, string file, int length = 1 << 20)
    {
        string vhd = dir.File("small.vhd");
        DiskImage.Create(vhd, 4096, new VhdOptions { Subformat = VhdSubformat.Fixed, ForceSize = true, FlushToDisk = false });
        byte[] footer = File.ReadAllBytes(vhd)[^512..];
        File.Delete(vhd);
        byte[] disk = new byte[length];
        new Random(6).NextBytes(disk);
        footer.CopyTo(disk, length - 512);
        File.WriteAllBytes(dir.File(file), disk);
        return disk;
    }

    /// <summary>A qcow2 image (4 KiB clusters) with data in its first cluster, whose L2 entry is then made to claim a
    /// compressed cluster that holds no valid deflate stream.</summary>
    public static string DamagedCompressedCluster(TempDirectory dir, string file)
    {
        string path = dir.File(file);
        var data = new byte[64 * 1024];
        data.AsSpan().Fill(0x42);
        DiskImage.CreateFrom(path, new MemoryStream(data), new Qcow2Options { ClusterSize = 4096, FlushToDisk = false });
        byte[] bytes = File.ReadAllBytes(path);
        long l1 = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(40));
        long l2 = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)l1)) & 0x00FF_FFFF_FFFF_FE00UL);
        ulong entry = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)l2)) & 0x00FF_FFFF_FFFF_FE00UL;
        // Compressed, one sector, at the data cluster: its 0x42 bytes are no deflate stream (block type 3 is invalid).
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan((int)l2), (1UL << 62) | entry);
        bytes[(int)entry] = 0x07;
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Makes a FIFO with mkfifo(1).</summary>
    public static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
