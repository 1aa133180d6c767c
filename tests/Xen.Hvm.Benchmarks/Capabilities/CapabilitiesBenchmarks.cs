using BenchmarkDotNet.Attributes;
using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Benchmarks.Capabilities;

/// <summary>Reading a whole <c>xl info</c> output, and decoding one <c>hw_caps</c> string.</summary>
[MemoryDiagnoser]
public class CapabilitiesBenchmarks
{
    private const string HwCapsB = "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100";
    private const string HwCapsA = "178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f";

    private static readonly HwCapsOptions s_version419 = new() { Version = new XenVersion(4, 19, ".1") };

    private readonly string _info = string.Join('\n',
        "host                   : dom0",
        "release                : 6.12.6-amd64",
        "version                : #1 SMP PREEMPT_DYNAMIC Debian 6.12.6-1 (2024-12-21)",
        "machine                : x86_64",
        "nr_cpus                : 8",
        "max_cpu_id             : 7",
        "nr_nodes               : 1",
        "cores_per_socket       : 4",
        "threads_per_core       : 2",
        "cpu_mhz                : 2533.431",
        "hw_caps                : " + HwCapsB,
        "virt_caps              : pv hvm hvm_directio pv_directio hap shadow gnttab-v1 gnttab-v2",
        "total_memory           : 16250",
        "free_memory            : 2048",
        "sharing_freed_memory   : 0",
        "sharing_used_memory    : 0",
        "outstanding_claims     : 0",
        "free_cpus              : 0",
        "xen_major              : 4",
        "xen_minor              : 19",
        "xen_extra              : .1",
        "xen_version            : 4.19.1",
        "xen_caps               : xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 ",
        "xen_scheduler          : credit2",
        "xen_pagesize           : 4096",
        "platform_params        : virt_start=0xffff800000000000",
        "xen_changeset          : ",
        "xen_commandline        : dom0_mem=2048M,max:2048M loglvl=all",
        "cc_compiler            : gcc (Debian 14.2.0-8) 14.2.0",
        "cc_compile_by          : builder",
        "cc_compile_domain      : example.org",
        "cc_compile_date        : Mon Dec  2 00:00:00 UTC 2024",
        "build_id               : 0123456789abcdef0123456789abcdef01234567",
        "xend_config_format     : 4",
        string.Empty);

    /// <summary>A naive baseline: split lines on the first ':' into a dictionary, nothing decoded.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Info")]
    public int SplitLinesBaseline()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in _info.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return fields.Count;
    }

    /// <summary>The whole <c>xl info</c> output: fields, units, version, the three caps fields and the facts.</summary>
    [Benchmark]
    [BenchmarkCategory("Info")]
    public HostInfo ParseXlInfo() => HostInfo.Parse(_info).Value;

    /// <summary>One layout-B <c>hw_caps</c> (Xen 4.19): 8 words, every set bit named.</summary>
    [Benchmark]
    [BenchmarkCategory("HwCaps")]
    public int DecodeHwCapsLayoutB() => HwCaps.Parse(HwCapsB, s_version419).Value.Features.Count;

    /// <summary>One layout-A <c>hw_caps</c> with no version (heuristic layout choice).</summary>
    [Benchmark]
    [BenchmarkCategory("HwCaps")]
    public int DecodeHwCapsLayoutAHeuristic() => HwCaps.Parse(HwCapsA).Value.Features.Count;
}
