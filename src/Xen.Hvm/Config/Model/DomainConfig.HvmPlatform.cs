using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The HVM platform features (OptionGroup.HvmPlatform); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>pae</c>: Whether the guest sees PAE (needed by 64-bit and most 32-bit guests).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Pae { get => Get<bool?>(Slots.Pae); init => Init(Slots.Pae, value); }

    /// <summary>Gets <c>acpi_s3</c>: Whether the guest's ACPI offers the S3 (suspend to RAM) state.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? AcpiS3 { get => Get<bool?>(Slots.AcpiS3); init => Init(Slots.AcpiS3, value); }

    /// <summary>Gets <c>acpi_s4</c>: Whether the guest's ACPI offers the S4 (suspend to disk) state.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? AcpiS4 { get => Get<bool?>(Slots.AcpiS4); init => Init(Slots.AcpiS4, value); }

    /// <summary>Gets <c>acpi_laptop_slate</c>: Whether the guest gets the ACPI laptop/slate mode switch.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? AcpiLaptopSlate { get => Get<bool?>(Slots.AcpiLaptopSlate); init => Init(Slots.AcpiLaptopSlate, value); }

    /// <summary>Gets <c>nx</c>: Whether the guest sees the no-execute bit.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Nx { get => Get<bool?>(Slots.Nx); init => Init(Slots.Nx, value); }

    /// <summary>Gets <c>hpet</c>: Whether the guest gets an emulated HPET (on under xl, off under xend).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Hpet { get => Get<bool?>(Slots.Hpet); init => Init(Slots.Hpet, value); }

    /// <summary>Gets <c>vpt_align</c>: Whether virtual platform timers are aligned to reduce wakeups.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VptAlign { get => Get<bool?>(Slots.VptAlign); init => Init(Slots.VptAlign, value); }

    /// <summary>Gets <c>acpi</c>: Whether the guest gets ACPI firmware tables.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Acpi { get => Get<bool?>(Slots.Acpi); init => Init(Slots.Acpi, value); }

    /// <summary>Gets <c>apic</c>: Whether the guest gets a local APIC.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Apic { get => Get<bool?>(Slots.Apic); init => Init(Slots.Apic, value); }

    /// <summary>Gets <c>viridian</c>: The Hyper-V enlightenments for Windows guests: on/off, or a list of groups (<c>defaults</c>, <c>time_ref_count</c>, <c>!synic</c>...).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ViridianSetting? Viridian { get => Get<ViridianSetting?>(Slots.Viridian); init => Init(Slots.Viridian, value); }

    /// <summary>Gets <c>xen_platform_pci</c>: Whether the guest gets the Xen platform PCI device (needed by PV drivers in HVM guests).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XenPlatformPci { get => Get<bool?>(Slots.XenPlatformPci); init => Init(Slots.XenPlatformPci, value); }

    /// <summary>Gets <c>tsc_mode</c>: How the time stamp counter is provided (a number 0–3 is deprecated).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<TscMode>? TscMode { get => Get<ConfigEnum<TscMode>?>(Slots.TscMode); init => Init(Slots.TscMode, value); }

    /// <summary>Gets <c>localtime</c>: Whether the emulated RTC keeps local time rather than UTC.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? LocalTime { get => Get<bool?>(Slots.LocalTime); init => Init(Slots.LocalTime, value); }

    /// <summary>Gets <c>rtc_timeoffset</c>: The offset of the emulated RTC from the host's time, in seconds.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? RtcTimeOffset { get => Get<long?>(Slots.RtcTimeOffset); init => Init(Slots.RtcTimeOffset, value); }

    /// <summary>Gets <c>timer_mode</c>: How virtual timers deal with missed ticks (a number is deprecated).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<TimerMode>? TimerMode { get => Get<ConfigEnum<TimerMode>?>(Slots.TimerMode); init => Init(Slots.TimerMode, value); }

    /// <summary>Gets <c>altp2m</c>: The alternate-p2m mode: <c>disabled</c>, <c>mixed</c>, <c>external</c>, <c>limited</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<Altp2mMode>? Altp2m { get => Get<ConfigEnum<Altp2mMode>?>(Slots.Altp2m); init => Init(Slots.Altp2m, value); }

    /// <summary>Gets <c>altp2mhvm</c>: The old boolean form of <c>altp2m</c> for HVM guests.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Altp2mHvm { get => Get<bool?>(Slots.Altp2mHvm); init => Init(Slots.Altp2mHvm, value); }

    /// <summary>Gets <c>nestedhvm</c>: Whether the guest may run its own hypervisor (nested virtualisation).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? NestedHvm { get => Get<bool?>(Slots.NestedHvm); init => Init(Slots.NestedHvm, value); }

    /// <summary>Gets <c>cpuid</c>: The CPUID the guest sees: libxl's form (one string) or xend's (a list of leaves).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<CpuidSpec>? Cpuid { get => Get<OneOrList<CpuidSpec>?>(Slots.Cpuid); init => Init(Slots.Cpuid, value); }

    /// <summary>Gets <c>mca_caps</c>: The machine-check capabilities offered to the guest (<c>lmce</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? McaCapabilities { get => Get<ValueList<string>?>(Slots.McaCapabilities); init => Init(Slots.McaCapabilities, value); }

    /// <summary>Gets <c>msr_relaxed</c>: Whether unknown MSR accesses are ignored rather than faulted (x86).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? MsrRelaxed { get => Get<bool?>(Slots.MsrRelaxed); init => Init(Slots.MsrRelaxed, value); }

    /// <summary>Gets <c>altp2m_count</c>: The number of alternate p2m views (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? Altp2mCount { get => Get<long?>(Slots.Altp2mCount); init => Init(Slots.Altp2mCount, value); }

    /// <summary>Gets <c>xen_platform_pci_bar_uc</c>: Whether the platform PCI device's BAR is mapped uncached (Xen 4.20+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XenPlatformPciBarUncached { get => Get<bool?>(Slots.XenPlatformPciBarUncached); init => Init(Slots.XenPlatformPciBarUncached, value); }

    /// <summary>Gets <c>hvm_pirq</c>: Whether an HVM guest may route interrupts as PV event channels (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? HvmPirq { get => Get<bool?>(Slots.HvmPirq); init => Init(Slots.HvmPirq, value); }
}
