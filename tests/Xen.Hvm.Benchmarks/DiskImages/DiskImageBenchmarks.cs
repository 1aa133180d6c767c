using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.Benchmarks.DiskImages;

/// <summary>
/// Creating 10 GiB qcow2 and VHD images, and converting a 1 GiB raw file (256 MiB random, then 768 MiB of written
/// zeros) to qcow2 (by path, and onto a stream) and back, next to <c>qemu-img</c> doing the same in the same run. Each qemu-img case runs the tool
/// as a child process, so its time includes process start-up (a few milliseconds).
/// </summary>
/// <remarks>Peak memory: <c>// Peak RSS</c> lines in the log (this benchmark process for ours, <c>/usr/bin/time</c> for qemu-img).</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("DiskImages")]
public class DiskImageBenchmarks
{
    private const long Source = 1L << 30;
    private string _dir = string.Empty;

    private string SourceRaw => Path.Combine(_dir, "src.raw");

    private string SourceQcow2 => Path.Combine(_dir, "src.qcow2");

    private string Target => Path.Combine(_dir, "out.img");

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "xen-hvm-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        using (var file = new FileStream(SourceRaw, FileMode.Create, FileAccess.Write))
        {
            var buffer = new byte[1 << 20];
            var random = new Random(1);
            for (long done = 0; done < Source; done += buffer.Length)
            {
                if (done < 256L << 20)
                {
                    random.NextBytes(buffer);
                }
                else
                {
                    Array.Clear(buffer);
                }

                file.Write(buffer);
            }
        }

        DiskImage.Convert(SourceRaw, SourceQcow2, new Qcow2Options { FlushToDisk = false });
    }

    [IterationSetup]
    public void DeleteTarget() => File.Delete(Target);

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Peak RSS of this benchmark process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024} KiB");
        Console.WriteLine($"// Peak RSS qemu-img convert -O qcow2: {PeakRss("convert", "-f", "raw", "-O", "qcow2", SourceRaw, Target)} KiB");
        Console.WriteLine($"// Peak RSS qemu-img convert -O raw: {PeakRss("convert", "-f", "qcow2", "-O", "raw", SourceQcow2, Target)} KiB");
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    [BenchmarkCategory("Create")]
    public DiskImageInfo Create10GiBQcow2() => DiskImage.Create(Target, 10L << 30, new Qcow2Options { FlushToDisk = false });

    [Benchmark]
    [BenchmarkCategory("Create")]
    public int QemuImgCreate10GiBQcow2() => QemuImg("create", "-q", "-f", "qcow2", Target, "10G");

    [Benchmark]
    [BenchmarkCategory("Create")]
    public DiskImageInfo Create10GiBVhd() => DiskImage.Create(Target, 10L << 30, new VhdOptions { FlushToDisk = false });

    [Benchmark]
    [BenchmarkCategory("Create")]
    public int QemuImgCreate10GiBVhd() => QemuImg("create", "-q", "-f", "vpc", Target, "10G");

    [Benchmark]
    [BenchmarkCategory("Convert")]
    public DiskImageInfo ConvertRawToQcow2() => DiskImage.Convert(SourceRaw, Target, new Qcow2Options { FlushToDisk = false });

    [Benchmark]
    [BenchmarkCategory("Convert")]
    public DiskImageInfo ConvertRawToQcow2Durable() => DiskImage.Convert(SourceRaw, Target, new Qcow2Options());

    /// <summary>The same conversion through the stream writer the path method runs on (no temporary file, no rename):
    /// the difference to <see cref="ConvertRawToQcow2"/> is the cost of the atomic-file layer.</summary>
    [Benchmark]
    [BenchmarkCategory("Convert")]
    public DiskImageInfo ConvertRawToQcow2OnStream()
    {
        using var source = DiskImage.Open(SourceRaw, DiskImageFormat.Raw);
        return Qcow2Image.CreateFrom(new FileStream(Target, FileMode.CreateNew, FileAccess.ReadWrite), source, options: new Qcow2Options { FlushToDisk = false });
    }

    [Benchmark]
    [BenchmarkCategory("Convert")]
    public int QemuImgConvertRawToQcow2() => QemuImg("convert", "-f", "raw", "-O", "qcow2", SourceRaw, Target);

    [Benchmark]
    [BenchmarkCategory("Convert")]
    public DiskImageInfo ConvertQcow2ToRaw() => DiskImage.Convert(SourceQcow2, Target, new RawOptions { FlushToDisk = false });

    [Benchmark]
    [BenchmarkCategory("Convert")]
    public int QemuImgConvertQcow2ToRaw() => QemuImg("convert", "-f", "qcow2", "-O", "raw", SourceQcow2, Target);

    private static int QemuImg(params string[] args)
    {
        using var process = Process.Start(Start("qemu-img", args))!;
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException("qemu-img failed: " + process.StandardError.ReadToEnd());
    }

    private string PeakRss(params string[] args)
    {
        File.Delete(Target);
        if (!File.Exists("/usr/bin/time"))
        {
            return "n/a";
        }

        using var process = Process.Start(Start("/usr/bin/time", ["-f", "%M", "qemu-img", .. args]))!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(Target);
        return error.Trim().Split('\n')[^1];
    }

    private static ProcessStartInfo Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
