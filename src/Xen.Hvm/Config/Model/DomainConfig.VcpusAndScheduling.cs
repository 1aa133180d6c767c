using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The vCPU and scheduling options (OptionGroup.VcpusAndScheduling); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vcpus</c>: The number of vCPUs online at boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? Vcpus { get => Get<long?>(Slots.Vcpus); init => Init(Slots.Vcpus, value); }

    /// <summary>Gets <c>maxvcpus</c>: The most vCPUs the guest may bring online (the same as <c>vcpus</c> when absent).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxVcpus { get => Get<long?>(Slots.MaxVcpus); init => Init(Slots.MaxVcpus, value); }

    /// <summary>Gets <c>cpus</c>: The physical CPUs the vCPUs may run on: one list for all vCPUs, or one per vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<CpuListSpec>? CpuAffinity { get => Get<OneOrList<CpuListSpec>?>(Slots.CpuAffinity); init => Init(Slots.CpuAffinity, value); }

    /// <summary>Gets <c>cpus_soft</c>: The physical CPUs the vCPUs prefer to run on (soft affinity): one list for all, or one per vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<CpuListSpec>? SoftCpuAffinity { get => Get<OneOrList<CpuListSpec>?>(Slots.SoftCpuAffinity); init => Init(Slots.SoftCpuAffinity, value); }

    /// <summary>Gets <c>cpu_weight</c>: The guest's scheduler weight (credit and credit2 schedulers).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? CpuWeight { get => Get<long?>(Slots.CpuWeight); init => Init(Slots.CpuWeight, value); }

    /// <summary>Gets <c>cap</c>: The most CPU time the guest may use, in percent of one physical CPU (0: no cap).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? CpuCap { get => Get<long?>(Slots.CpuCap); init => Init(Slots.CpuCap, value); }

    /// <summary>Gets <c>period</c>: The scheduling period (sedf/rtds schedulers), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerPeriod { get => Get<long?>(Slots.SchedulerPeriod); init => Init(Slots.SchedulerPeriod, value); }

    /// <summary>Gets <c>slice</c>: The scheduling slice (sedf scheduler), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerSlice { get => Get<long?>(Slots.SchedulerSlice); init => Init(Slots.SchedulerSlice, value); }

    /// <summary>Gets <c>latency</c>: The scheduling latency (sedf scheduler), in microseconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerLatency { get => Get<long?>(Slots.SchedulerLatency); init => Init(Slots.SchedulerLatency, value); }

    /// <summary>Gets <c>extratime</c>: Whether the guest may run beyond its slice (sedf/rtds schedulers).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SchedulerExtraTime { get => Get<long?>(Slots.SchedulerExtraTime); init => Init(Slots.SchedulerExtraTime, value); }
}
