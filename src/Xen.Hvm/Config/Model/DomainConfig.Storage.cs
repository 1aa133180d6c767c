using System.Runtime.CompilerServices;
using Xen.Hvm.Config.Model.Internal;

namespace Xen.Hvm.Config.Model;

// How the options are held. A model sets a handful of its 225 options, so instead of a field per option (2.4 KB a
// model, nearly all of it nulls) it keeps one bit per option and the values of the set ones, in option order.
public sealed partial record DomainConfig
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    /// <summary>Bit n: option n of <see cref="OptionCatalog.All"/> is set.</summary>
    private OptionSet _set;

    /// <summary>The set options' values, in option order; longer than the count only in the binder's own model, whose
    /// array grows in place. Never written once the model is shared: <c>init</c> and <c>with</c> copy it.</summary>
    private object?[] _values = [];

    /// <summary>Value equality: the same options set to equal values, and equal other settings.</summary>
    /// <param name="other">The other model.</param>
    /// <returns><see langword="true"/> when both say the same.</returns>
    public bool Equals(DomainConfig? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        if (!_set.SetEquals(other._set))
        {
            return false;
        }

        int count = Count;
        for (int i = 0; i < count; i++)
        {
            if (!Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return EqualityComparer<ValueList<ConfigSetting>>.Default.Equals(OtherSettings, other.OtherSettings);
    }

    /// <summary>A hash of the set options' values and the other settings, consistent with <see cref="Equals(DomainConfig?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        _set.AddTo(ref hash);

        int count = Count;
        for (int i = 0; i < count; i++)
        {
            hash.Add(_values[i]);
        }

        hash.Add(OtherSettings);
        return hash.ToHashCode();
    }

    /// <summary>The value of option <paramref name="ordinal"/>, boxed as stored (<see langword="null"/> when unset).</summary>
    internal object? GetStored(int ordinal) => _set.Contains(ordinal) ? _values[_set.CountBefore(ordinal)] : null;

    /// <summary>Makes room in the binder's own model for <paramref name="options"/> options, before it sets any.</summary>
    internal void ReserveInPlace(int options)
    {
        if (Count == 0 && options > _values.Length)
        {
            _values = new object?[options];
        }
    }

    /// <summary>Sets option <paramref name="ordinal"/> on the binder's own model, which no one else holds yet:
    /// <paramref name="value"/> is of the option's property type, boxed as <see cref="Box{T}"/> boxes it.</summary>
    internal void SetInPlace(int ordinal, object? value) => Store(ordinal, value, inPlace: true);

    /// <summary>A value as the model stores it: <see langword="null"/> for an unset nullable, the two shared boxes for booleans.</summary>
    internal static object? Box<T>(T value)
    {
        if (typeof(T) == typeof(bool?))
        {
            bool? b = Unsafe.As<T, bool?>(ref value);
            return b is not { } set ? null : set ? s_true : s_false;
        }

        return value;
    }

    private int Count => _set.Count;

    private T Get<T>(int ordinal) => _set.Contains(ordinal) ? (T)_values[_set.CountBefore(ordinal)]! : default!;

    private void Init<T>(int ordinal, T value) => Store(ordinal, Box(value), inPlace: false);

    /// <summary>Sets or (with <see langword="null"/>) clears an option: in a new array, or with <paramref name="inPlace"/>
    /// in the model's own one (the binder's, never shared).</summary>
    private void Store(int ordinal, object? value, bool inPlace)
    {
        bool had = _set.Contains(ordinal);
        int rank = _set.CountBefore(ordinal); // where its value is, or goes
        int count = Count;
        if (value is null)
        {
            if (!had)
            {
                return;
            }

            object?[] smaller = inPlace ? _values : new object?[count - 1];
            Array.Copy(_values, 0, smaller, 0, rank);
            Array.Copy(_values, rank + 1, smaller, rank, count - rank - 1);
            if (inPlace)
            {
                smaller[count - 1] = null;
            }

            _values = smaller;
            _set.Remove(ordinal);
            return;
        }

        if (had)
        {
            object?[] same = inPlace ? _values : _values[..count];
            same[rank] = value;
            _values = same;
            return;
        }

        object?[] larger = inPlace && _values.Length > count ? _values : new object?[inPlace ? Math.Max(8, count * 2) : count + 1];
        Array.Copy(_values, 0, larger, 0, rank);
        Array.Copy(_values, rank, larger, rank + 1, count - rank);
        larger[rank] = value;
        _values = larger;
        _set.Add(ordinal);
    }

    /// <summary>Each option property's ordinal in <see cref="OptionCatalog.All"/> (checked by a test).</summary>
    private static class Slots
    {
        public const int Name = 0; // name
        public const int Type = 1; // type
        public const int Builder = 2; // builder
        public const int Uuid = 3; // uuid
        public const int Pool = 4; // pool
        public const int SecurityLabel = 5; // seclabel
        public const int InitialSecurityLabel = 6; // init_seclabel
        public const int DriverDomain = 7; // driver_domain
        public const int Passthrough = 8; // passthrough
        public const int XendSuspendEventChannelCompat = 9; // xend_suspend_evtchn_compat
        public const int NoMigrate = 10; // nomigrate
        public const int MaxGrantFrames = 11; // max_grant_frames
        public const int MaxMaptrackFrames = 12; // max_maptrack_frames
        public const int MaxGrantVersion = 13; // max_grant_version
        public const int MaxEventChannels = 14; // max_event_channels
        public const int VmtraceBufferKiB = 15; // vmtrace_buf_kb
        public const int XenstoreFeatureMask = 16; // xenstore_feature_mask
        public const int XenstoreQuotas = 17; // xenstore_quota
        public const int DeviceTree = 18; // device_tree
        public const int Vpmu = 19; // vpmu
        public const int Pvh = 20; // pvh
        public const int Hap = 21; // hap
        public const int OutOfSyncPageTables = 22; // oos
        public const int MemoryMiB = 23; // memory
        public const int MaxMemoryMiB = 24; // maxmem
        public const int ShadowMemoryMiB = 25; // shadow_memory
        public const int VnumaNodes = 26; // vnuma
        public const int MmioHoleMiB = 27; // mmio_hole
        public const int Vcpus = 28; // vcpus
        public const int MaxVcpus = 29; // maxvcpus
        public const int CpuAffinity = 30; // cpus
        public const int SoftCpuAffinity = 31; // cpus_soft
        public const int CpuWeight = 32; // cpu_weight
        public const int CpuCap = 33; // cap
        public const int SchedulerPeriod = 34; // period
        public const int SchedulerSlice = 35; // slice
        public const int SchedulerLatency = 36; // latency
        public const int SchedulerExtraTime = 37; // extratime
        public const int OnPoweroff = 38; // on_poweroff
        public const int OnReboot = 39; // on_reboot
        public const int OnWatchdog = 40; // on_watchdog
        public const int OnCrash = 41; // on_crash
        public const int OnSoftReset = 42; // on_soft_reset
        public const int Kernel = 43; // kernel
        public const int Ramdisk = 44; // ramdisk
        public const int Cmdline = 45; // cmdline
        public const int Root = 46; // root
        public const int Extra = 47; // extra
        public const int Bootloader = 48; // bootloader
        public const int BootloaderArgs = 49; // bootloader_args
        public const int Firmware = 50; // firmware
        public const int FirmwareOverride = 51; // firmware_override
        public const int Bios = 52; // bios
        public const int BiosPathOverride = 53; // bios_path_override
        public const int Boot = 54; // boot
        public const int AcpiFirmware = 55; // acpi_firmware
        public const int SmbiosFirmware = 56; // smbios_firmware
        public const int MsVmGenerationId = 57; // ms_vm_genid
        public const int Smbios = 58; // smbios
        public const int Pae = 59; // pae
        public const int AcpiS3 = 60; // acpi_s3
        public const int AcpiS4 = 61; // acpi_s4
        public const int AcpiLaptopSlate = 62; // acpi_laptop_slate
        public const int Nx = 63; // nx
        public const int Hpet = 64; // hpet
        public const int VptAlign = 65; // vpt_align
        public const int Acpi = 66; // acpi
        public const int Apic = 67; // apic
        public const int Viridian = 68; // viridian
        public const int XenPlatformPci = 69; // xen_platform_pci
        public const int TscMode = 70; // tsc_mode
        public const int LocalTime = 71; // localtime
        public const int RtcTimeOffset = 72; // rtc_timeoffset
        public const int TimerMode = 73; // timer_mode
        public const int Altp2m = 74; // altp2m
        public const int Altp2mHvm = 75; // altp2mhvm
        public const int NestedHvm = 76; // nestedhvm
        public const int Cpuid = 77; // cpuid
        public const int McaCapabilities = 78; // mca_caps
        public const int MsrRelaxed = 79; // msr_relaxed
        public const int Altp2mCount = 80; // altp2m_count
        public const int XenPlatformPciBarUncached = 81; // xen_platform_pci_bar_uc
        public const int HvmPirq = 82; // hvm_pirq
        public const int E820Host = 83; // e820_host
        public const int PvShim = 84; // pvshim
        public const int PvShimPath = 85; // pvshim_path
        public const int PvShimCmdline = 86; // pvshim_cmdline
        public const int PvShimExtra = 87; // pvshim_extra
        public const int Vga = 88; // vga
        public const int StdVga = 89; // stdvga
        public const int VideoRamMiB = 90; // videoram
        public const int Vnc = 91; // vnc
        public const int VncListen = 92; // vnclisten
        public const int VncDisplay = 93; // vncdisplay
        public const int VncUnused = 94; // vncunused
        public const int VncPassword = 95; // vncpasswd
        public const int Keymap = 96; // keymap
        public const int Sdl = 97; // sdl
        public const int OpenGl = 98; // opengl
        public const int Display = 99; // display
        public const int XAuthority = 100; // xauthority
        public const int NoGraphic = 101; // nographic
        public const int Spice = 102; // spice
        public const int SpicePort = 103; // spiceport
        public const int SpiceTlsPort = 104; // spicetls_port
        public const int SpiceHost = 105; // spicehost
        public const int SpiceDisableTicketing = 106; // spicedisable_ticketing
        public const int SpicePassword = 107; // spicepasswd
        public const int SpiceAgentMouse = 108; // spiceagent_mouse
        public const int SpiceVdAgent = 109; // spicevdagent
        public const int SpiceClipboardSharing = 110; // spice_clipboard_sharing
        public const int SpiceUsbRedirection = 111; // spiceusbredirection
        public const int SpiceImageCompression = 112; // spice_image_compression
        public const int SpiceStreamingVideo = 113; // spice_streaming_video
        public const int GfxPassthru = 114; // gfx_passthru
        public const int VncViewer = 115; // vncviewer
        public const int Serial = 116; // serial
        public const int SoundHardware = 117; // soundhw
        public const int VkbDevice = 118; // vkb_device
        public const int Usb = 119; // usb
        public const int UsbVersion = 120; // usbversion
        public const int UsbDevice = 121; // usbdevice
        public const int VendorDevice = 122; // vendor_device
        public const int HdType = 123; // hdtype
        public const int Disks = 124; // disk
        public const int Vifs = 125; // vif
        public const int Vif2s = 126; // vif2
        public const int PciDevices = 127; // pci
        public const int PciPermissive = 128; // pci_permissive
        public const int PciMsiTranslate = 129; // pci_msitranslate
        public const int PciSeize = 130; // pci_seize
        public const int PciPowerManagement = 131; // pci_power_mgmt
        public const int Rdm = 132; // rdm
        public const int RdmMemoryBoundaryMiB = 133; // rdm_mem_boundary
        public const int DeviceTreeDevices = 134; // dtdev
        public const int IoPorts = 135; // ioports
        public const int IoMemory = 136; // iomem
        public const int Irqs = 137; // irqs
        public const int Vtpms = 138; // vtpm
        public const int P9Shares = 139; // p9
        public const int PvCalls = 140; // pvcalls
        public const int Vfbs = 141; // vfb
        public const int Channels = 142; // channel
        public const int UsbControllers = 143; // usbctrl
        public const int UsbDevices = 144; // usbdev
        public const int VirtualDisplays = 145; // vdispl
        public const int VirtualSoundCards = 146; // vsnd
        public const int VirtualKeyboards = 147; // vkb
        public const int VirtioDevices = 148; // virtio
        public const int DeviceModelVersion = 149; // device_model_version
        public const int DeviceModelOverride = 150; // device_model_override
        public const int DeviceModel = 151; // device_model
        public const int DeviceModelStubdomain = 152; // device_model_stubdomain_override
        public const int DeviceModelStubdomainSecurityLabel = 153; // device_model_stubdomain_seclabel
        public const int DeviceModelUser = 154; // device_model_user
        public const int StubdomainKernel = 155; // stubdomain_kernel
        public const int StubdomainRamdisk = 156; // stubdomain_ramdisk
        public const int StubdomainCmdline = 157; // stubdomain_cmdline
        public const int StubdomainMemoryMiB = 158; // stubdomain_memory
        public const int DeviceModelArgs = 159; // device_model_args
        public const int DeviceModelArgsPv = 160; // device_model_args_pv
        public const int DeviceModelArgsHvm = 161; // device_model_args_hvm
        public const int DeviceModelRestrict = 162; // dm_restrict
        public const int GicVersion = 163; // gic_version
        public const int Vuart = 164; // vuart
        public const int Tee = 165; // tee
        public const int SveVectorLength = 166; // sve
        public const int LlcColors = 167; // llc_colors
        public const int SpiCount = 168; // nr_spis
        public const int TrapUnmappedAccesses = 169; // trap_unmapped_accesses
        public const int ArmSci = 170; // arm_sci
        public const int BootloaderRestrict = 171; // bootloader_restrict
        public const int BootloaderUser = 172; // bootloader_user
        public const int VncConsole = 173; // vncconsole
        public const int XmCpuCap = 174; // cpu_cap
        public const int XmIrqs = 175; // irq
        public const int XmVusb = 176; // vusb
        public const int XmVscsi = 177; // vscsi
        public const int XmNe2000 = 178; // ne2000
        public const int XmAudio = 179; // audio
        public const int XmCdrom = 180; // cdrom
        public const int XmIsa = 181; // isa
        public const int XmFloppyA = 182; // fda
        public const int XmFloppyB = 183; // fdb
        public const int XmParallel = 184; // parallel
        public const int XmMonitor = 185; // monitor
        public const int XmMonitorPath = 186; // monitor_path
        public const int XmGuestOsType = 187; // guest_os_type
        public const int XmLoader = 188; // loader
        public const int XmFeatures = 189; // features
        public const int XmBootArgs = 190; // bootargs
        public const int XmBootEntry = 191; // bootentry
        public const int XmCpu = 192; // cpu
        public const int XmVcpuAvailable = 193; // vcpu_avail
        public const int XmVhpt = 194; // vhpt
        public const int XmBlockBackend = 195; // blkif
        public const int XmNetworkBackend = 196; // netif
        public const int XmAccessControl = 197; // access_control
        public const int XmNics = 198; // nics
        public const int XmIp = 199; // ip
        public const int XmGateway = 200; // gateway
        public const int XmNetmask = 201; // netmask
        public const int XmHostname = 202; // hostname
        public const int XmInterface = 203; // interface
        public const int XmDhcp = 204; // dhcp
        public const int XmNfsServer = 205; // nfs_server
        public const int XmNfsRoot = 206; // nfs_root
        public const int XmDescription = 207; // description
        public const int XmOnXendStart = 208; // on_xend_start
        public const int XmOnXendStop = 209; // on_xend_stop
        public const int XmTarget = 210; // target
        public const int XmS3Integrity = 211; // s3_integrity
        public const int XmCpuidCheck = 212; // cpuid_check
        public const int XmMachineAddressSize = 213; // machine_address_size
        public const int XmSuppressSpuriousPageFaults = 214; // suppress_spurious_page_faults
        public const int XmSuperpages = 215; // superpages
        public const int XmMemorySharing = 216; // memory_sharing
        public const int XmRestart = 217; // restart
        public const int XmSsidRef = 218; // ssidref
        public const int XmLapic = 219; // lapic
        public const int XmConsole = 220; // console
        public const int XmIpAddresses = 221; // ipaddr
        public const int XmUsbPorts = 222; // usbport
        public const int XmTpmBackend = 223; // tpmif
        public const int XmExtendedPowerManagement = 224; // xen_extended_power_mgmt
    }
}
