using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>Big specs of every language: a megabyte completes with a bounded list of diagnostics, and what a parse
/// allocates grows linearly with its input (asserted on ratios of allocated bytes, which other tests' threads do not
/// change; time is measured by <c>SpecScalingBenchmarks</c>, not asserted).</summary>
public sealed class SpecScalingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>One typical item of each language and one that is wrong in most; repeated to build big specs.</summary>
    private static readonly Dictionary<SpecKind, string> Units = new()
    {
        [SpecKind.Disk] = "discard,", [SpecKind.Vif] = "bridge=xenbr0,forwarddev=x,", [SpecKind.Pci] = "permissive=1,", [SpecKind.Vfb] = "vnc=1,",
        [SpecKind.Channel] = "name=a,", [SpecKind.Vtpm] = "backend=0,", [SpecKind.P9] = "tag=t,", [SpecKind.UsbCtrl] = "ports=4,",
        [SpecKind.UsbDev] = "hostbus=1,", [SpecKind.UsbDevice] = "host:", [SpecKind.Cpus] = "0-1,", [SpecKind.Cpuid] = "host,tm=0,",
        [SpecKind.Viridian] = "base", [SpecKind.Smbios] = "oem=a", [SpecKind.Vnuma] = "vcpus=0-1,", [SpecKind.IoPorts] = "2f8",
        [SpecKind.IoMem] = "fe000,", [SpecKind.Irqs] = "7",
    };

    private static string Repeat(SpecKind kind, int length)
    {
        string unit = Units[kind] + " a,";
        var sb = new StringBuilder(length + unit.Length);
        sb.Append(kind switch { SpecKind.Pci => "01:00.0,", SpecKind.Vnuma => "vcpus=", _ => string.Empty });
        while (sb.Length < length)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    [Fact]
    public void Parse_OneMegabyteOfEveryLanguage_CompletesWithBoundedDiagnostics()
    {
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            // A megabyte is parsed once; let the JIT optimise the parser on small specs first, as a long-running tool would.
            string small = Repeat(kind, 1024);
            for (int i = 0; i < 40; i++)
            {
                _ = SpecString.Parse(kind, small);
            }

            string text = Repeat(kind, 1 << 20);
            var r = SpecString.Parse(kind, text, ConfigDialect.Xl);
            Assert.InRange(r.Diagnostics.Count, 0, 101);
            Assert.All(r.Diagnostics, d => Assert.NotEqual(DiagnosticIds.SpecInternalError, d.Id));
            Assert.All(r.Diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
            Assert.Equal(r.HasErrors, !r.Success);
        }
    }

    [Fact]
    public void Parse_1x4x16xInput_AllocationGrowsLinearly()
    {
        // Allocation is deterministic, so its ratios get a tight bound: 16x the input may allocate about 16x, never
        // the 256x of a parser that copies what it has read for every item. Time is not asserted here (a unit test
        // shares its machine with other work): a parser that rescans its input stops the megabyte test above from
        // completing, and SpecScalingBenchmarks measures time per character at 1x/4x/16x.
        const int Base = 4096;
        var report = new List<string>();
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            var bytes = new[] { 1, 4, 16 }.Select(f => AllocatedBytes(kind, Repeat(kind, Base * f))).ToArray();
            double bytes4 = (double)bytes[1] / Math.Max(bytes[0], 1);
            double bytes16 = (double)bytes[2] / Math.Max(bytes[0], 1);
            report.Add($"{kind}: bytes x{bytes4:F1} x{bytes16:F1}");
            Assert.True(bytes4 < 6, string.Join("\n", report));
            Assert.True(bytes16 < 24, string.Join("\n", report));
        }

        output.WriteLine(string.Join("\n", report));
    }

    /// <summary>The bytes one parse of <paramref name="text"/> allocates on this thread: the least of three parses,
    /// the first of which also runs the parser's one-time setup for the language.</summary>
    private static long AllocatedBytes(SpecKind kind, string text)
    {
        long bytes = long.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _ = SpecString.Parse(kind, text, ConfigDialect.Xl);
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return bytes;
    }
}
