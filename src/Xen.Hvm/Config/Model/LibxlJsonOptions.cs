using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// What <see cref="DomainConfig.ToLibxlJson(LibxlJsonOptions?)"/> needs besides the config: the parts of xl's reading
/// that depend on the host (CPU bitmaps are sized to its CPUs, <c>cpus = "all"</c> and <c>node:</c> ranges expand to
/// them, <c>vnuma</c> checks its nodes), on <c>/etc/xen/xl.conf</c>, and on chance (the uuid xl makes up).
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> is the host the shared <c>xl-dryrun</c> oracle fakes: 8 CPUs, 1 NUMA node, the packaged
/// all-comment xl.conf, the uuid <c>00000000-0000-4000-8000-000000000000</c> for configs without one, and Debian's
/// firmware folder.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record LibxlJsonOptions
{
    private readonly int _hostCpuCount = 8;
    private readonly int _hostNodeCount = 1;

    /// <summary>Gets the options of the xl-dryrun oracle.</summary>
    public static LibxlJsonOptions Default { get; } = new();

    /// <summary>Gets the host's CPU count (<c>max_cpu_id + 1</c>), 1 to 65536: CPU bitmaps have this many bits rounded up to
    /// whole bytes, as libxl allocates them. Default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 65536.</exception>
    public int HostCpuCount
    {
        get => _hostCpuCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65536);
            _hostCpuCount = value;
        }
    }

    /// <summary>Gets the host's NUMA node count, 1 to 1024 (<c>vnuma</c>'s <c>pnode</c> must be below it). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1024.</exception>
    public int HostNodeCount
    {
        get => _hostNodeCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024);
            _hostNodeCount = value;
        }
    }

    /// <summary>Gets the CPUs of each NUMA node (for <c>node:N</c> ranges), or <see langword="null"/> to split the CPUs
    /// evenly, in order, as the oracle's fake host does.</summary>
    public ValueList<ValueList<int>>? NodeCpus { get; init; }

    /// <summary>Gets the xl.conf in force. Default: the packaged one, all comments (<see cref="Model.XlConf.Default"/>).</summary>
    public XlConf XlConf { get; init; } = XlConf.Default;

    /// <summary>Gets the uuid of a config without <c>uuid</c> (xl makes a random one). Default
    /// <c>00000000-0000-4000-8000-000000000000</c>, the oracle's.</summary>
    public Guid GeneratedUuid { get; init; } = new("00000000-0000-4000-8000-000000000000");

    /// <summary>Gets the VM generation ID of a config with <c>ms_vm_genid = "generate"</c> (xl makes a random one), as
    /// its 16 bytes in <see cref="Guid.ToByteArray()"/> order; <see langword="null"/> (the default) prints none.</summary>
    public Guid? GeneratedVmGenerationId { get; init; }

    /// <summary>Gets the folder of xl's firmware, <c>XENFIRMWAREDIR</c>: <c>firmware = "pvgrub64"</c> of a PV guest boots
    /// <c>FOLDER/pvgrub64.bin</c>. Default Debian's <c>/usr/lib/xen-4.17/boot</c>.</summary>
    public string FirmwareDirectory { get; init; } = "/usr/lib/xen-4.17/boot";

    /// <summary>Returns options for a host described by its <c>xl info</c> output.</summary>
    /// <param name="host">The host: <see cref="HostInfo.MaxCpuId"/> (or <see cref="HostInfo.NrCpus"/>) and
    /// <see cref="HostInfo.NrNodes"/> are used when present.</param>
    /// <param name="xlConf">The host's xl.conf, or <see langword="null"/> for the packaged one.</param>
    /// <returns>The options (the defaults for what the output lacks).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is <see langword="null"/>.</exception>
    public static LibxlJsonOptions FromHost(HostInfo host, XlConf? xlConf = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        int cpus = host.MaxCpuId is { } max && max >= 0 ? max + 1 : host.NrCpus ?? Default.HostCpuCount;
        int nodes = host.NrNodes ?? Default.HostNodeCount;
        return new LibxlJsonOptions
        {
            HostCpuCount = Math.Clamp(cpus, 1, 65536),
            HostNodeCount = Math.Clamp(nodes, 1, 1024),
            XlConf = xlConf ?? XlConf.Default,
        };
    }

    /// <summary>Gets the CPUs of a node as xl's <c>update_cpumap_range</c> gets them: <c>libxl_node_to_cpumap</c> into
    /// a bitmap that xl allocates with the size of a node bitmap, so that only CPUs below the node count rounded up to
    /// whole bytes survive (on a host of 12 CPUs in 3 nodes, <c>nodes:2</c> is no CPU at all).</summary>
    internal IEnumerable<int> CpusOfNode(int node)
    {
        if (node < 0 || node >= HostNodeCount)
        {
            return [];
        }

        int count = HostNodeCount;
        int width = WholeBytes(count);
        if (NodeCpus is { } map)
        {
            return node < map.Count ? map[node].Where(cpu => cpu < width) : [];
        }

        int per = Math.Max(HostCpuCount / count, 1);
        return Enumerable.Range(0, Math.Min(HostCpuCount, width)).Where(cpu => Math.Min(cpu / per, count - 1) == node);
    }

    /// <summary>Gets the width of a CPU bitmap: the CPU count rounded up to whole bytes.</summary>
    internal int CpuBitmapWidth => WholeBytes(HostCpuCount);

    /// <summary>A bitmap of so many bits as libxl allocates it: whole bytes.</summary>
    private static int WholeBytes(int bits) => (bits + 7) / 8 * 8;
}
