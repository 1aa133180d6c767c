using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The vCPU and scheduling options (OptionGroup.VcpusAndScheduling); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vcpus</c>: The number of vCPUs online at boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? Vcpus { get; init; }

    /// <summary>Gets <c>maxvcpus</c>: The most vCPUs the guest may bring online (the same as <c>vcpus</c> when absent).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxVcpus { get; init; }

    /// <summary>Gets <c>cpus</c>: The physical CPUs the vCPUs may run on: one list for all vCPUs, or one per vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<CpuListSpec>? CpuAffinity { get; init; }

    /// <summary>Gets <c>cpus_soft</c>: The physical CPUs the vCPUs prefer to run on (soft affinity): one list for all, or one per vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<CpuListSpec>? SoftCpuAffinity { get; init; }

    /// <summary>Gets <c>cpu_weight</c>: The guest's scheduler weight (credit and credit2 schedulers).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? CpuWeight { get; init; }

    /// <summary>Gets <c>cap</c>: The most CPU time the guest may use, in percent of one physical CPU (0: no cap).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? CpuCap { get; init; }

    /// <summary>Gets <c>period</c>: The scheduling period (sedf/rtds schedulers), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerPeriod { get; init; }

    /// <summary>Gets <c>slice</c>: The scheduling slice (sedf scheduler), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerSlice { get; init; }

    /// <summary>Gets <c>latency</c>: The scheduling latency (sedf scheduler), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerLatency { get; init; }

    /// <summary>Gets <c>extratime</c>: Whether the guest may run beyond its slice (sedf/rtds schedulers).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerExtraTime { get; init; }
}
