using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The options only xm (xend) read (OptionGroup.XmOnly); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vncconsole</c>: xm: whether a VNC viewer was started on the console.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VncConsole { get; init; }

    /// <summary>Gets <c>cpu_cap</c>: xm's spelling of <c>cap</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmCpuCap { get; init; }

    /// <summary>Gets <c>irq</c>: xm's spelling of <c>irqs</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<long>? XmIrqs { get; init; }

    /// <summary>Gets <c>vusb</c>: xm's PV USB devices.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? XmVusb { get; init; }

    /// <summary>Gets <c>vscsi</c>: xm's PV SCSI devices.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? XmVscsi { get; init; }

    /// <summary>Gets <c>ne2000</c>: xm: whether the guest gets an NE2000 network card.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmNe2000 { get; init; }

    /// <summary>Gets <c>audio</c>: xm: whether the guest gets audio.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmAudio { get; init; }

    /// <summary>Gets <c>cdrom</c>: xm: the CD-ROM image or device of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmCdrom { get; init; }

    /// <summary>Gets <c>isa</c>: xm: whether the HVM guest has an ISA-only machine.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmIsa { get; init; }

    /// <summary>Gets <c>fda</c>: xm: the first floppy image of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFloppyA { get; init; }

    /// <summary>Gets <c>fdb</c>: xm: the second floppy image of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFloppyB { get; init; }

    /// <summary>Gets <c>parallel</c>: xm: the emulated parallel port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmParallel { get; init; }

    /// <summary>Gets <c>monitor</c>: xm: whether the qemu monitor is enabled.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmMonitor { get; init; }

    /// <summary>Gets <c>monitor_path</c>: xm: where the qemu monitor listens.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmMonitorPath { get; init; }

    /// <summary>Gets <c>guest_os_type</c>: xm: the guest OS type (ia64).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmGuestOsType { get; init; }

    /// <summary>Gets <c>loader</c>: xm: the firmware loader (ia64, later hvmloader).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmLoader { get; init; }

    /// <summary>Gets <c>features</c>: xm: the PV features the guest kernel requires.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFeatures { get; init; }

    /// <summary>Gets <c>bootargs</c>: xm: arguments for the bootloader.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmBootArgs { get; init; }

    /// <summary>Gets <c>bootentry</c>: xm: the bootloader entry to boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmBootEntry { get; init; }

    /// <summary>Gets <c>cpu</c>: xm: the physical CPU of the first vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmCpu { get; init; }

    /// <summary>Gets <c>vcpu_avail</c>: xm: the bit mask of vCPUs online at boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmVcpuAvailable { get; init; }

    /// <summary>Gets <c>vhpt</c>: xm: the size of the virtual hash page table (ia64).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmVhpt { get; init; }

    /// <summary>Gets <c>blkif</c>: xm: whether the domain is a block backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmBlockBackend { get; init; }

    /// <summary>Gets <c>netif</c>: xm: whether the domain is a network backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmNetworkBackend { get; init; }

    /// <summary>Gets <c>access_control</c>: xm: the ACM security policy and label.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmAccessControl { get; init; }

    /// <summary>Gets <c>nics</c>: xm: the number of network interfaces (deprecated: use <c>vif</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmNics { get; init; }

    /// <summary>Gets <c>ip</c>: xm: the guest's IP address, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmIp { get; init; }

    /// <summary>Gets <c>gateway</c>: xm: the guest's gateway, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmGateway { get; init; }

    /// <summary>Gets <c>netmask</c>: xm: the guest's netmask, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNetmask { get; init; }

    /// <summary>Gets <c>hostname</c>: xm: the guest's host name, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmHostname { get; init; }

    /// <summary>Gets <c>interface</c>: xm: the guest's network interface name, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmInterface { get; init; }

    /// <summary>Gets <c>dhcp</c>: xm: whether the guest uses DHCP, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmDhcp { get; init; }

    /// <summary>Gets <c>nfs_server</c>: xm: the NFS server of an NFS-root guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNfsServer { get; init; }

    /// <summary>Gets <c>nfs_root</c>: xm: the NFS root path of an NFS-root guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNfsRoot { get; init; }

    /// <summary>Gets <c>description</c>: xm: a description of the domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmDescription { get; init; }

    /// <summary>Gets <c>on_xend_start</c>: xm: what xend did with the guest when xend started.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<XendStartAction>? XmOnXendStart { get; init; }

    /// <summary>Gets <c>on_xend_stop</c>: xm: what xend did with the guest when xend stopped.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<XendStopAction>? XmOnXendStop { get; init; }

    /// <summary>Gets <c>target</c>: xm: the domain a stub domain serves.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmTarget { get; init; }

    /// <summary>Gets <c>s3_integrity</c>: xm: whether the guest's memory is checked across S3 (TXT).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmS3Integrity { get; init; }

    /// <summary>Gets <c>cpuid_check</c>: xm: CPUID values the host must have.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmCpuidCheck { get; init; }

    /// <summary>Gets <c>machine_address_size</c>: xm: the machine address width of a PV guest, in bits.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmMachineAddressSize { get; init; }

    /// <summary>Gets <c>suppress_spurious_page_faults</c>: xm: whether spurious page faults are suppressed.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmSuppressSpuriousPageFaults { get; init; }

    /// <summary>Gets <c>superpages</c>: xm: whether a PV guest's memory is built of superpages.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmSuperpages { get; init; }

    /// <summary>Gets <c>memory_sharing</c>: xm: whether the guest's memory may be shared.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmMemorySharing { get; init; }

    /// <summary>Gets <c>restart</c>: xm: the old restart policy (<c>onreboot</c>, <c>always</c>, <c>never</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmRestart { get; init; }

    /// <summary>Gets <c>ssidref</c>: xm: the old ACM security ID.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmSsidRef { get; init; }

    /// <summary>Gets <c>lapic</c>: xm: the old name of <c>apic</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmLapic { get; init; }

    /// <summary>Gets <c>console</c>: xm: the console port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmConsole { get; init; }

    /// <summary>Gets <c>ipaddr</c>: xm: the guest's IP addresses (old vif form).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmIpAddresses { get; init; }

    /// <summary>Gets <c>usbport</c>: xm: the old USB port list.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmUsbPorts { get; init; }

    /// <summary>Gets <c>tpmif</c>: xm: whether the domain is a TPM backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmTpmBackend { get; init; }

    /// <summary>Gets <c>xen_extended_power_mgmt</c>: xm: whether the guest may manage the host's power states.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmExtendedPowerManagement { get; init; }
}
