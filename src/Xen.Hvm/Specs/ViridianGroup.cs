namespace Xen.Hvm.Specs;

/// <summary>The Viridian (Hyper-V) enlightenment groups (libxl <c>libxl_viridian_enlightenment</c>).</summary>
public enum ViridianGroup
{
    /// <summary><c>base</c>: hypercall MSRs, APIC access MSRs, guest idle.</summary>
    Base,

    /// <summary><c>freq</c>: TSC and APIC frequency MSRs.</summary>
    Freq,

    /// <summary><c>time_ref_count</c>: the partition reference counter.</summary>
    TimeRefCount,

    /// <summary><c>reference_tsc</c>: the reference TSC page.</summary>
    ReferenceTsc,

    /// <summary><c>hcall_remote_tlb_flush</c>.</summary>
    HcallRemoteTlbFlush,

    /// <summary><c>apic_assist</c>.</summary>
    ApicAssist,

    /// <summary><c>crash_ctl</c>.</summary>
    CrashCtl,

    /// <summary><c>synic</c> (parsed, undocumented).</summary>
    Synic,

    /// <summary><c>stimer</c>.</summary>
    Stimer,

    /// <summary><c>hcall_ipi</c>.</summary>
    HcallIpi,

    /// <summary><c>ex_processor_masks</c>.</summary>
    ExProcessorMasks,

    /// <summary><c>no_vp_limit</c>.</summary>
    NoVpLimit,

    /// <summary><c>cpu_hotplug</c>.</summary>
    CpuHotplug,
}
