using System.Text;
using SharpFuzz;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.DiskImages;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Fuzz;

/// <summary>One AFL target per area: <c>Xen.Hvm.Fuzz TARGET</c> reads each input AFL hands it and calls the public API
/// on it. Every exception that escapes is a crash: on any input the library may only report diagnostics (STYLE.md).</summary>
internal static class Program
{
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["xl"] = Xl,
        ["xm"] = Xm,
        ["spec"] = Spec,
        ["info"] = Info,
        ["image"] = Image,
    };

    public static int Main(string[] args)
    {
        if (args is ["make-image-seeds", string folder])
        {
            MakeImageSeeds(folder);
            return 0;
        }

        if (args is ["replay", string name, .. var files] && Targets.TryGetValue(name, out var replayed))
        {
            return Replay(replayed, files);
        }

        if (args.Length != 1 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine("usage: Xen.Hvm.Fuzz " + string.Join("|", Targets.Keys) + "   (under afl-fuzz)");
            Console.Error.WriteLine("       Xen.Hvm.Fuzz replay TARGET FILE...   (an uninstrumented build: what each input throws)");
            return 2;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>Runs inputs (AFL's crashes) through a target outside AFL and prints what escapes, one line per input.</summary>
    private static int Replay(Action<byte[]> target, string[] files)
    {
        int crashed = 0;
        foreach (string file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }
            catch (Exception ex)
            {
                crashed++;
                string at = ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Xen.Hvm.", StringComparison.Ordinal) && !l.Contains("Xen.Hvm.Fuzz", StringComparison.Ordinal))?.Trim() ?? "?";
                Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message} {at}");
            }
        }

        return crashed == 0 ? 0 : 1;
    }

    /// <summary>The xl parser and printer, and every value read.</summary>
    private static void Xl(byte[] input)
    {
        var doc = XenConfig.Parse(input, "fuzz.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        _ = doc.ToFullString();
        foreach (var setting in doc.Values)
        {
            _ = setting.Value.ToString();
        }
    }

    /// <summary>The xm (Python 2) parser and the safe evaluator, under tight bounds.</summary>
    private static void Xm(byte[] input)
    {
        var doc = XenConfig.Parse(input, "fuzz.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        var context = XmEvaluationContext.Default with { MaxDuration = TimeSpan.FromMilliseconds(500), MaxAllocatedBytes = 64L << 20 };
        var result = doc.Evaluate(context);
        foreach (var variable in result.Variables)
        {
            _ = variable.Value.ToString();
        }
    }

    /// <summary>Every spec language in both dialects: the first byte picks the language and the dialect.</summary>
    private static void Spec(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var kinds = Enum.GetValues<SpecKind>();
        SpecKind kind = kinds[input[0] % kinds.Length];
        ConfigDialect dialect = (input[0] & 0x80) == 0 ? ConfigDialect.Xl : ConfigDialect.Xm;
        var result = SpecString.Parse(kind, Encoding.UTF8.GetString(input, 1, input.Length - 1), dialect);
        if (result.PartialValue is { } value)
        {
            _ = value.ToSpecString(ConfigDialect.Xl);
            _ = value.ToSpecString(ConfigDialect.Xm);
        }
    }

    /// <summary>The xl/xm info parser, and a host check.</summary>
    private static void Info(byte[] input)
    {
        var result = HostInfo.Parse(Encoding.UTF8.GetString(input));
        if (result.Success)
        {
            var info = result.Value;
            _ = info.Check(new GuestRequirements { MemoryMiB = 512, Vcpus = 2 });
            foreach (var fact in info.Facts)
            {
                _ = fact.State;
            }
        }
    }

    /// <summary>The image readers (raw, qcow2, VHD) on a hostile image: probe, open, walk the extents, read it.</summary>
    private static void Image(byte[] input)
    {
        using var source = new MemoryStream(input, writable: false);
        _ = DiskImage.DetectFormat(source);
        source.Position = 0;
        if (!DiskImage.TryOpen(source, null, null, leaveOpen: true, out var disk, out _) || disk is null)
        {
            return;
        }

        using (disk)
        {
            try
            {
                Walk(disk);
            }
            catch (DiskImageException)
            {
                // Documented: data in the image that cannot be decoded (a damaged compressed cluster, XH7018).
            }
        }
    }

    private static void Walk(DiskImageStream disk)
    {
        int extents = 0;
        foreach (var run in disk.GetExtents())
        {
            if (++extents > 1000)
            {
                break;
            }
        }

        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < (4 << 20) && (read = disk.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }
    }

    /// <summary>Writes small images of each format, with some data, as seeds for the image target.</summary>
    private static void MakeImageSeeds(string folder)
    {
        byte[] data = Enumerable.Range(0, 8192).Select(i => (byte)(i * 31)).ToArray();
        var images = new (string Name, DiskImageOptions Options)[]
        {
            ("small.qcow2", new Xen.Hvm.DiskImages.Qcow2.Qcow2Options { ClusterSize = 512 }),
            ("small-v2.qcow2", new Xen.Hvm.DiskImages.Qcow2.Qcow2Options { ClusterSize = 512, Version = Xen.Hvm.DiskImages.Qcow2.Qcow2Version.V2 }),
            ("small.vhd", new Xen.Hvm.DiskImages.Vhd.VhdOptions()),
            ("small-fixed.vhd", new Xen.Hvm.DiskImages.Vhd.VhdOptions { Subformat = Xen.Hvm.DiskImages.Vhd.VhdSubformat.Fixed }),
            ("small.raw", new Xen.Hvm.DiskImages.Raw.RawOptions()),
        };
        foreach (var (name, options) in images)
        {
            // A dynamic VHD allocates 2 MiB blocks: with data it would pass AFL's 1 MB input limit, so it stays empty.
            using var source = new MemoryStream(name == "small.vhd" ? new byte[data.Length] : data);
            DiskImage.CreateFrom(Path.Combine(folder, name), source, options, capacity: 64 * 1024);
        }
    }
}
