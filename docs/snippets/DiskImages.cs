#region usings
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/disk-images.md, run in the scratch folder (Program makes disk.raw there).</summary>
internal static class DiskImages
{
    public static void Run()
    {
        Create();
        Convert();
        Streams();
        BackingStreams();
        BackingCallback();
    }

    private static void Create()
    {
        #region create
        // qemu-img create -f qcow2 xp.img 10G   (byte for byte the same file)
        DiskImageInfo xp = DiskImage.Create("xp.img", ByteSize.Parse("10G"), new Qcow2Options());

        // dd if=/dev/zero of=WS128.img bs=1M count=4096   (but sparse: no 4 GiB of zeros written)
        DiskImage.Create("WS128.img", ByteSize.Parse("bs=1M count=4096"), new RawOptions());

        // A v2 image with 2 MiB clusters, an overlay, a fixed VHD
        DiskImage.Create("old.qcow2", 20 * ByteSize.GiB, new Qcow2Options { Version = Qcow2Version.V2, ClusterSize = 2 << 20 });
        DiskImage.Create("top.qcow2", xp.Capacity, new Qcow2Options { BackingFile = "xp.img" });
        DiskImage.Create("disk.vhd", 64 * ByteSize.MiB, new VhdOptions { Subformat = VhdSubformat.Fixed });

        // The format's own settings come back typed
        if (DiskImage.Inspect("top.qcow2", DiskImageFormat.Qcow2) is Qcow2ImageInfo { BackingFile: { } name })
            Console.WriteLine($"overlay of {name}");
        #endregion
    }

    private static void Convert()
    {
        #region convert
        // From any stream: a raw dump, a download, another image
        using (var source = File.OpenRead("disk.raw"))
            DiskImage.CreateFrom("disk.qcow2", source, new Qcow2Options(), progress: new Progress<DiskImageProgress>(p => Console.Write($"\r{p.Fraction:P0}")));

        // File to file, any format to any format (the source format is probed, see "Hostile images" below)
        DiskImage.Convert("disk.vhd", "copy.qcow2", new Qcow2Options());

        // An overlay: give its format, and say which backing files it may open
        DiskImage.Convert("top.qcow2", "flat.raw", new RawOptions(),
            sourceFormat: DiskImageFormat.Qcow2, backingFiles: BackingFilePolicy.AllowUnder(Directory.GetCurrentDirectory()));

        // Read any of them back as a Stream of the guest's bytes
        using DiskImageStream disk = DiskImage.Open("disk.qcow2");
        foreach (DiskImageExtent run in disk.GetExtents())
            Console.WriteLine($"{run.Offset}+{run.Length} {(run.IsZero ? "zero" : "data")}");
        #endregion
    }

    private static void Streams()
    {
        #region streams
        using var blob = new MemoryStream();
        Qcow2ImageInfo info = Qcow2Image.Create(blob, 10 * ByteSize.GiB, new Qcow2Options { ClusterSize = 4096 }, leaveOpen: true);
        using (var raw = File.OpenRead("disk.raw"))
            VhdImage.CreateFrom(File.Create("disk.vhd"), raw);                                    // the target is disposed, the source not
        RawImage.Create(blob, ByteSize.GiB, leaveOpen: true);                                     // RawImage, Qcow2Image, VhdImage alike

        // Read an image held in a stream, probed by the same rule as files
        using DiskImageStream disk = DiskImage.Open(blob, leaveOpen: true);
        DiskImageInfo what = DiskImage.Inspect(blob);                                             // leaves the position as it was
        #endregion

        Check.That(info.Capacity == 10 * ByteSize.GiB && what.Format == DiskImageFormat.Raw, "disk images: streams");
    }

    private static void BackingStreams()
    {
        // A base image and an overlay of it, both in memory.
        var baseImage = new MemoryStream();
        Qcow2Image.Create(baseImage, ByteSize.MiB, leaveOpen: true);
        byte[] baseBytes = baseImage.ToArray();
        using var overlayStream = new MemoryStream();
        Qcow2Image.Create(overlayStream, ByteSize.MiB, new Qcow2Options { BackingFile = "base.qcow2", BackingFormat = DiskImageFormat.Qcow2 }, leaveOpen: true);

        #region backing-streams
        var images = new Dictionary<string, byte[]> { ["base.qcow2"] = baseBytes };
        var policy = BackingFilePolicy.FromStreams(r => images.TryGetValue(r.Name, out var b) ? new MemoryStream(b) : null);
        using DiskImageStream flat = DiskImage.Open(overlayStream, DiskImageFormat.Qcow2, policy);
        #endregion

        Check.That(flat.Length == ByteSize.MiB, "disk images: overlay read through its backing stream");
    }

    private static void BackingCallback()
    {
        #region backing-callback
        // Decide per file: here, only images of this VM's own folder, and log what was asked
        var policy = BackingFilePolicy.FromCallback(r =>
        {
            Console.WriteLine($"{r.ImagePath} wants {r.Name} = {r.ResolvedPath}");
            return r.ResolvedPath.StartsWith("/srv/vm42/", StringComparison.Ordinal);
        });
        if (!DiskImage.TryOpen("top.qcow2", DiskImageFormat.Qcow2, policy, out var disk, out var diagnostics))
            foreach (var d in diagnostics) Console.Error.WriteLine(d);   // top.qcow2(1,1): error XH7011: ...
        #endregion

        Check.That(disk is null && diagnostics.Count > 0, "disk images: the callback refused xp.img");
    }
}
