using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The options only xm (xend) read (OptionGroup.XmOnly); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vncconsole</c>: xm: whether a VNC viewer was started on the console.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VncConsole { get => Get<bool?>(Slots.VncConsole); init => Init(Slots.VncConsole, value); }

    /// <summary>Gets <c>cpu_cap</c>: xm's spelling of <c>cap</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmCpuCap { get => Get<long?>(Slots.XmCpuCap); init => Init(Slots.XmCpuCap, value); }

    /// <summary>Gets <c>irq</c>: xm's spelling of <c>irqs</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<long>? XmIrqs { get => Get<ValueList<long>?>(Slots.XmIrqs); init => Init(Slots.XmIrqs, value); }

    /// <summary>Gets <c>vusb</c>: xm's PV USB devices.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? XmVusb { get => Get<ValueList<ConfigValue>?>(Slots.XmVusb); init => Init(Slots.XmVusb, value); }

    /// <summary>Gets <c>vscsi</c>: xm's PV SCSI devices.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? XmVscsi { get => Get<ValueList<ConfigValue>?>(Slots.XmVscsi); init => Init(Slots.XmVscsi, value); }

    /// <summary>Gets <c>ne2000</c>: xm: whether the guest gets an NE2000 network card.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmNe2000 { get => Get<bool?>(Slots.XmNe2000); init => Init(Slots.XmNe2000, value); }

    /// <summary>Gets <c>audio</c>: xm: whether the guest gets audio.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmAudio { get => Get<bool?>(Slots.XmAudio); init => Init(Slots.XmAudio, value); }

    /// <summary>Gets <c>cdrom</c>: xm: the CD-ROM image or device of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmCdrom { get => Get<string?>(Slots.XmCdrom); init => Init(Slots.XmCdrom, value); }

    /// <summary>Gets <c>isa</c>: xm: whether the HVM guest has an ISA-only machine.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmIsa { get => Get<bool?>(Slots.XmIsa); init => Init(Slots.XmIsa, value); }

    /// <summary>Gets <c>fda</c>: xm: the first floppy image of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFloppyA { get => Get<string?>(Slots.XmFloppyA); init => Init(Slots.XmFloppyA, value); }

    /// <summary>Gets <c>fdb</c>: xm: the second floppy image of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFloppyB { get => Get<string?>(Slots.XmFloppyB); init => Init(Slots.XmFloppyB, value); }

    /// <summary>Gets <c>parallel</c>: xm: the emulated parallel port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmParallel { get => Get<string?>(Slots.XmParallel); init => Init(Slots.XmParallel, value); }

    /// <summary>Gets <c>monitor</c>: xm: whether the qemu monitor is enabled.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmMonitor { get => Get<bool?>(Slots.XmMonitor); init => Init(Slots.XmMonitor, value); }

    /// <summary>Gets <c>monitor_path</c>: xm: where the qemu monitor listens.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmMonitorPath { get => Get<string?>(Slots.XmMonitorPath); init => Init(Slots.XmMonitorPath, value); }

    /// <summary>Gets <c>guest_os_type</c>: xm: the guest OS type (ia64).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmGuestOsType { get => Get<string?>(Slots.XmGuestOsType); init => Init(Slots.XmGuestOsType, value); }

    /// <summary>Gets <c>loader</c>: xm: the firmware loader (ia64, later hvmloader).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmLoader { get => Get<string?>(Slots.XmLoader); init => Init(Slots.XmLoader, value); }

    /// <summary>Gets <c>features</c>: xm: the PV features the guest kernel requires.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmFeatures { get => Get<string?>(Slots.XmFeatures); init => Init(Slots.XmFeatures, value); }

    /// <summary>Gets <c>bootargs</c>: xm: arguments for the bootloader.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmBootArgs { get => Get<string?>(Slots.XmBootArgs); init => Init(Slots.XmBootArgs, value); }

    /// <summary>Gets <c>bootentry</c>: xm: the bootloader entry to boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmBootEntry { get => Get<string?>(Slots.XmBootEntry); init => Init(Slots.XmBootEntry, value); }

    /// <summary>Gets <c>cpu</c>: xm: the physical CPU of the first vCPU.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmCpu { get => Get<long?>(Slots.XmCpu); init => Init(Slots.XmCpu, value); }

    /// <summary>Gets <c>vcpu_avail</c>: xm: the bit mask of vCPUs online at boot.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmVcpuAvailable { get => Get<long?>(Slots.XmVcpuAvailable); init => Init(Slots.XmVcpuAvailable, value); }

    /// <summary>Gets <c>vhpt</c>: xm: the size of the virtual hash page table (ia64).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmVhpt { get => Get<long?>(Slots.XmVhpt); init => Init(Slots.XmVhpt, value); }

    /// <summary>Gets <c>blkif</c>: xm: whether the domain is a block backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmBlockBackend { get => Get<bool?>(Slots.XmBlockBackend); init => Init(Slots.XmBlockBackend, value); }

    /// <summary>Gets <c>netif</c>: xm: whether the domain is a network backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmNetworkBackend { get => Get<bool?>(Slots.XmNetworkBackend); init => Init(Slots.XmNetworkBackend, value); }

    /// <summary>Gets <c>access_control</c>: xm: the ACM security policy and label.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmAccessControl { get => Get<ValueList<string>?>(Slots.XmAccessControl); init => Init(Slots.XmAccessControl, value); }

    /// <summary>Gets <c>nics</c>: xm: the number of network interfaces (deprecated: use <c>vif</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmNics { get => Get<long?>(Slots.XmNics); init => Init(Slots.XmNics, value); }

    /// <summary>Gets <c>ip</c>: xm: the guest's IP address, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmIp { get => Get<string?>(Slots.XmIp); init => Init(Slots.XmIp, value); }

    /// <summary>Gets <c>gateway</c>: xm: the guest's gateway, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmGateway { get => Get<string?>(Slots.XmGateway); init => Init(Slots.XmGateway, value); }

    /// <summary>Gets <c>netmask</c>: xm: the guest's netmask, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNetmask { get => Get<string?>(Slots.XmNetmask); init => Init(Slots.XmNetmask, value); }

    /// <summary>Gets <c>hostname</c>: xm: the guest's host name, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmHostname { get => Get<string?>(Slots.XmHostname); init => Init(Slots.XmHostname, value); }

    /// <summary>Gets <c>interface</c>: xm: the guest's network interface name, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmInterface { get => Get<string?>(Slots.XmInterface); init => Init(Slots.XmInterface, value); }

    /// <summary>Gets <c>dhcp</c>: xm: whether the guest uses DHCP, on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmDhcp { get => Get<string?>(Slots.XmDhcp); init => Init(Slots.XmDhcp, value); }

    /// <summary>Gets <c>nfs_server</c>: xm: the NFS server of an NFS-root guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNfsServer { get => Get<string?>(Slots.XmNfsServer); init => Init(Slots.XmNfsServer, value); }

    /// <summary>Gets <c>nfs_root</c>: xm: the NFS root path of an NFS-root guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmNfsRoot { get => Get<string?>(Slots.XmNfsRoot); init => Init(Slots.XmNfsRoot, value); }

    /// <summary>Gets <c>description</c>: xm: a description of the domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmDescription { get => Get<string?>(Slots.XmDescription); init => Init(Slots.XmDescription, value); }

    /// <summary>Gets <c>on_xend_start</c>: xm: what xend did with the guest when xend started.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<XendStartAction>? XmOnXendStart { get => Get<ConfigEnum<XendStartAction>?>(Slots.XmOnXendStart); init => Init(Slots.XmOnXendStart, value); }

    /// <summary>Gets <c>on_xend_stop</c>: xm: what xend did with the guest when xend stopped.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<XendStopAction>? XmOnXendStop { get => Get<ConfigEnum<XendStopAction>?>(Slots.XmOnXendStop); init => Init(Slots.XmOnXendStop, value); }

    /// <summary>Gets <c>target</c>: xm: the domain a stub domain serves.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmTarget { get => Get<long?>(Slots.XmTarget); init => Init(Slots.XmTarget, value); }

    /// <summary>Gets <c>s3_integrity</c>: xm: whether the guest's memory is checked across S3 (TXT).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmS3Integrity { get => Get<bool?>(Slots.XmS3Integrity); init => Init(Slots.XmS3Integrity, value); }

    /// <summary>Gets <c>cpuid_check</c>: xm: CPUID values the host must have.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmCpuidCheck { get => Get<ValueList<string>?>(Slots.XmCpuidCheck); init => Init(Slots.XmCpuidCheck, value); }

    /// <summary>Gets <c>machine_address_size</c>: xm: the machine address width of a PV guest, in bits.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmMachineAddressSize { get => Get<long?>(Slots.XmMachineAddressSize); init => Init(Slots.XmMachineAddressSize, value); }

    /// <summary>Gets <c>suppress_spurious_page_faults</c>: xm: whether spurious page faults are suppressed.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmSuppressSpuriousPageFaults { get => Get<bool?>(Slots.XmSuppressSpuriousPageFaults); init => Init(Slots.XmSuppressSpuriousPageFaults, value); }

    /// <summary>Gets <c>superpages</c>: xm: whether a PV guest's memory is built of superpages.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmSuperpages { get => Get<bool?>(Slots.XmSuperpages); init => Init(Slots.XmSuperpages, value); }

    /// <summary>Gets <c>memory_sharing</c>: xm: whether the guest's memory may be shared.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmMemorySharing { get => Get<bool?>(Slots.XmMemorySharing); init => Init(Slots.XmMemorySharing, value); }

    /// <summary>Gets <c>restart</c>: xm: the old restart policy (<c>onreboot</c>, <c>always</c>, <c>never</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmRestart { get => Get<string?>(Slots.XmRestart); init => Init(Slots.XmRestart, value); }

    /// <summary>Gets <c>ssidref</c>: xm: the old ACM security ID.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmSsidRef { get => Get<long?>(Slots.XmSsidRef); init => Init(Slots.XmSsidRef, value); }

    /// <summary>Gets <c>lapic</c>: xm: the old name of <c>apic</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmLapic { get => Get<bool?>(Slots.XmLapic); init => Init(Slots.XmLapic, value); }

    /// <summary>Gets <c>console</c>: xm: the console port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XmConsole { get => Get<string?>(Slots.XmConsole); init => Init(Slots.XmConsole, value); }

    /// <summary>Gets <c>ipaddr</c>: xm: the guest's IP addresses (old vif form).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmIpAddresses { get => Get<ValueList<string>?>(Slots.XmIpAddresses); init => Init(Slots.XmIpAddresses, value); }

    /// <summary>Gets <c>usbport</c>: xm: the old USB port list.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XmUsbPorts { get => Get<ValueList<string>?>(Slots.XmUsbPorts); init => Init(Slots.XmUsbPorts, value); }

    /// <summary>Gets <c>tpmif</c>: xm: whether the domain is a TPM backend.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XmTpmBackend { get => Get<bool?>(Slots.XmTpmBackend); init => Init(Slots.XmTpmBackend, value); }

    /// <summary>Gets <c>xen_extended_power_mgmt</c>: xm: whether the guest may manage the host's power states.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XmExtendedPowerManagement { get => Get<long?>(Slots.XmExtendedPowerManagement); init => Init(Slots.XmExtendedPowerManagement, value); }
}
