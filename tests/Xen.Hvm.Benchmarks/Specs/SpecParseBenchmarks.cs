using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;
using Xen.Hvm.Specs;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Benchmarks.Specs;

/// <summary>Disk, vif and pci specs through their typed entry points, and the disk scanner alone: time and
/// allocations per spec (each benchmark parses the 8 specs of <see cref="SpecInputs"/>).</summary>
[MemoryDiagnoser]
public class SpecParseBenchmarks
{
    private const int Count = SpecInputs.PerLanguage;

    private static readonly string[] Disks = SpecInputs.Typical[SpecKind.Disk];
    private static readonly string[] Vifs = SpecInputs.Typical[SpecKind.Vif];
    private static readonly string[] Pcis = SpecInputs.Typical[SpecKind.Pci];

    /// <summary>The disk spec parser as shipped: the hand-written scanner plus libxlu's actions.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int Disk()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskSpec.Parse(s).Success ? 1 : 0;
        }

        return n;
    }

    /// <summary>Only the hand-written disk scanner (tokens, no value).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int DiskScanner()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskLexer.Scan(s).Count;
        }

        return n;
    }

    /// <summary>xm disk specs (the Pidgin field split).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int DiskXm()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskSpec.Parse(s, ConfigDialect.Xm).Diagnostics.Count;
        }

        return n;
    }

    /// <summary>vif specs (Pidgin items, rate and vlan grammars).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("vif")]
    public int Vif()
    {
        int n = 0;
        foreach (string s in Vifs)
        {
            n += VifSpec.Parse(s).Success ? 1 : 0;
        }

        return n;
    }

    /// <summary>pci specs.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("pci")]
    public int Pci()
    {
        int n = 0;
        foreach (string s in Pcis)
        {
            n += PciSpec.Parse(s).Success ? 1 : 0;
        }

        return n;
    }
}
