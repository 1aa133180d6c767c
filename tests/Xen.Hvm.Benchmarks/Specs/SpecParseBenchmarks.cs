using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;
using Xen.Hvm.Specs;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Benchmarks.Specs;

/// <summary>Spec-string parsing: time and allocations per spec (each benchmark parses <see cref="Count"/> specs).</summary>
[MemoryDiagnoser]
public class SpecParseBenchmarks
{
    private const int Count = 8;

    private static readonly string[] Disks =
    [
        "phy:/dev/vg/xp,ioemu:hda,w",
        "file:/root/xenimages/winXP128.img,ioemu:hda,w",
        ",hdc:cdrom,r",
        "format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/images/debian/disk.qcow2",
        "/dev/vg/guest-volume,raw,xvda,rw",
        "tap:aio:/root/some.img,xvda,w",
        "/root/boot.iso,raw,hdc,ro,devtype=cdrom",
        "format=raw, vdev=hda, access=rw, target=/dev/HostVG/XenGuest2",
    ];

    private static readonly string[] Vifs =
    [
        "type=ioemu, bridge=xenbr0, mac=00:16:3e:00:00:01",
        "mac=00:16:3e:66:92:9c,bridge=xenbr1,script=vif-bridge,model=e1000",
        "bridge=xenbr0",
        "bridge=br0,rate=10Mb/s@20ms,vlan=10p/100+10x4,mtu=9000",
        "mac=00:16:3e:12:34:56,bridge=xenbr0,vifname=web0",
        "type=vif,bridge=xenbr0",
        "",
        "model=rtl8139,bridge=xenbr0,ip=10.0.0.2",
    ];

    private static readonly string[] Pcis =
    [
        "0000:01:00.0@8,permissive=1",
        "01:00.0",
        "0000:02:00.*",
        "0000:01:1a.1,msitranslate=1,power_mgmt=0",
        "03:00.0,rdm_policy=relaxed",
        "name=gpu0",
        "0000:00:02.0,seize=1",
        "bdf=0000:03:00.0,permissive=1",
    ];

    /// <summary>The disk spec parser as shipped: the hand-written scanner plus libxlu's actions.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int Disk()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskSpecs.Parse(s).Success ? 1 : 0;
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

    /// <summary>The Sprache grammar of the same lexer, kept as the scanner's test oracle.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int DiskSpracheOracle()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskGrammar.Scan(s).Count;
        }

        return n;
    }

    /// <summary>xm disk specs (Sprache field split).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("disk")]
    public int DiskXm()
    {
        int n = 0;
        foreach (string s in Disks)
        {
            n += DiskSpecs.Parse(s, ConfigDialect.Xm).Diagnostics.Count;
        }

        return n;
    }

    /// <summary>vif specs (Sprache field split, rate and vlan grammars).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("vif")]
    public int Vif()
    {
        int n = 0;
        foreach (string s in Vifs)
        {
            n += VifSpecs.Parse(s).Success ? 1 : 0;
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
            n += PciSpecs.Parse(s).Success ? 1 : 0;
        }

        return n;
    }
}
