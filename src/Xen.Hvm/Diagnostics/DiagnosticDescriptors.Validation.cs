namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor VideoRamTooSmall = new(
        DiagnosticIds.VideoRamTooSmall,
        "videoram below libxl's minimum",
        "'videoram' = {0} MiB is below the {1} MiB libxl needs for a {2} card on {3}; libxl refuses to create the guest. Set videoram = {1} or more, or remove the key to get the default",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor VideoRamIgnored = new(
        DiagnosticIds.VideoRamIgnored,
        "videoram ignored",
        "'videoram' = {0} MiB is ignored: qemu-xen-traditional always gives a Cirrus card 4 MiB. Remove the key",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor QxlNeedsQemuXen = new(
        DiagnosticIds.QxlNeedsQemuXen,
        "qxl needs qemu-xen",
        "vga = \"qxl\" needs the upstream device model; libxl refuses it with qemu-xen-traditional. Use device_model_version = \"qemu-xen\", or vga = \"stdvga\"",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor BiosNotForDeviceModel = new(
        DiagnosticIds.BiosNotForDeviceModel,
        "BIOS and device model disagree",
        "bios = \"{0}\" does not work with {1}; libxl refuses to create the guest. {2}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor DirectBootWithoutKernel = new(
        DiagnosticIds.DirectBootWithoutKernel,
        "Direct boot parameters without a kernel",
        "'{0}' is a direct kernel boot parameter but the HVM guest has no kernel{1}; libxl refuses to create the guest. Remove '{0}', or set kernel to a Linux kernel",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor SpiceWithoutPort = new(
        DiagnosticIds.SpiceWithoutPort,
        "SPICE without a port",
        "spice = 1 needs spiceport or spicetls_port; libxl refuses to start the device model. Add spiceport = 5900 (or another free port)",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor SpicePasswordMissing = new(
        DiagnosticIds.SpicePasswordMissing,
        "SPICE ticketing without a password",
        "SPICE ticketing is on but {0}; libxl refuses to start the device model. Set spicepasswd = \"...\", or spicedisable_ticketing = 1",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor UsbVersionWithUsb = new(
        DiagnosticIds.UsbVersionWithUsb,
        "usbversion together with usb or usbdevice",
        "'{0}' cannot be combined with {1}; libxl refuses to create the guest. Keep either usbversion/spiceusbredirection or usb/usbdevice",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor LibxlValueOutOfRange = new(
        DiagnosticIds.LibxlValueOutOfRange,
        "Value outside what libxl accepts",
        "'{0}' = {1} is outside {2}; libxl refuses to create the guest",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor TscModeRemoved = new(
        DiagnosticIds.TscModeRemoved,
        "tsc_mode native_paravirt removed",
        "tsc_mode = \"{0}\" (native_paravirt, a.k.a. PVRDTSCP) was removed in Xen 4.10; libxl refuses to create the guest. Use tsc_mode = \"default\"",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor ViridianGroupsInvalid = new(
        DiagnosticIds.ViridianGroupsInvalid,
        "Viridian groups libxl refuses",
        "The viridian groups {0}; libxl refuses to create the guest. {1}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor PodConflict = new(
        DiagnosticIds.PodConflict,
        "Populate-on-demand conflict",
        "memory ({0} MiB) below maxmem ({1} MiB) makes an HVM/PVH guest use populate-on-demand, which libxl refuses together with {2}. Set memory equal to maxmem, or remove {3}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor NestedHvmWithAltp2m = new(
        DiagnosticIds.NestedHvmWithAltp2m,
        "nestedhvm together with altp2m",
        "nestedhvm = 1 cannot be used together with '{0}'; libxl refuses to create the guest. Turn one of them off",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor PassthroughConflict = new(
        DiagnosticIds.PassthroughConflict,
        "Passthrough setting refused",
        "{0}; libxl refuses to create the guest. {1}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor PvVnuma = new(
        DiagnosticIds.PvVnuma,
        "vNUMA on a PV guest",
        "A PV guest cannot have vNUMA nodes; libxl refuses to create it. Remove 'vnuma', or make the guest PVH or HVM",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor NotSupportedByTraditional = new(
        DiagnosticIds.NotSupportedByTraditional,
        "Not supported by qemu-xen-traditional",
        "{0} is not supported by qemu-xen-traditional; libxl refuses to start the device model. Use device_model_version = \"qemu-xen\"{1}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor UnknownSoundHardware = new(
        DiagnosticIds.UnknownSoundHardware,
        "Unknown soundhw",
        "soundhw = \"{0}\" is not a sound card qemu-xen knows (expected {1}); libxl refuses to start the device model",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor EmulatedNicOnPv = new(
        DiagnosticIds.EmulatedNicOnPv,
        "Emulated NIC on a PV or PVH guest",
        "vif {0} has type=ioemu, an emulated card a {1} guest cannot have; libxl refuses to add it. Remove type=ioemu",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor CdromBackendNotQdisk = new(
        DiagnosticIds.CdromBackendNotQdisk,
        "CD-ROM backend not qdisk",
        "The CD-ROM '{0}' of an HVM guest uses backendtype={1}; libxl refuses it (CD-ROMs of HVM guests must use qdisk). Remove backendtype, or set backendtype=qdisk",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor EmptyDiskMisused = new(
        DiagnosticIds.EmptyDiskMisused,
        "Empty disk misused",
        "Disk '{0}' {1}; libxl refuses to add it. {2}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor ReadOnlyEmulatedDisk = new(
        DiagnosticIds.ReadOnlyEmulatedDisk,
        "Read-only emulated disk",
        "Disk '{0}' is read-only, but qemu-xen cannot emulate a read-only {1} disk; libxl refuses to start the device model. Make it writable (access=rw), a CD-ROM (devtype=cdrom), or a PV-only disk (e.g. xvde)",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor DiskNotEmulated = new(
        DiagnosticIds.DiskNotEmulated,
        "Disk not emulated",
        "Disk '{0}' is not emulated by qemu-xen ({1}); the guest sees it only with PV drivers (libxl warns). {2}",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor InvalidVdev = new(
        DiagnosticIds.InvalidVdev,
        "Invalid virtual device",
        "vdev '{0}' is not a disk name libxl accepts ({1}); libxl refuses to add the disk. Use a name such as xvda, hda or sda",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor DuplicateVdev = new(
        DiagnosticIds.DuplicateVdev,
        "Two disks at one device",
        "Disk '{0}' is the same device as '{1}' (device number {2}); libxl refuses to add it (the device already exists). Give each disk its own vdev",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor DeviceModelUserRoot = new(
        DiagnosticIds.DeviceModelUserRoot,
        "device_model_user root with dm_restrict",
        "device_model_user = \"root\" defeats dm_restrict; libxl refuses to start the device model. Use a dedicated user such as xen-qemuuser-shared, or remove the key",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor SpiceUsbRedirectionIgnored = new(
        DiagnosticIds.SpiceUsbRedirectionIgnored,
        "spiceusbredirection without SPICE",
        "spiceusbredirection = {0} is ignored because SPICE is off (libxl warns and sets it to 0). Set spice = 1, or remove the key",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor VnumaVcpuMapping = new(
        DiagnosticIds.VnumaVcpuMapping,
        "vNUMA vCPU mapping refused",
        "vNUMA: {0}; libxl refuses to create the guest. Give every vCPU from 0 to {1} to exactly one node",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor UnknownKey = new(
        DiagnosticIds.UnknownKey,
        "Unknown key",
        "'{0}' is not a key {1} reads; {1} ignores it silently{2}",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor DidYouMeanValue = new(
        DiagnosticIds.DidYouMeanValue,
        "Did you mean",
        "'{0}' is not a value of '{1}': did you mean '{2}'?",
        DiagnosticSeverity.Info,
        "Validation");

    internal static readonly DiagnosticDescriptor OptionNotForGuestType = new(
        DiagnosticIds.OptionNotForGuestType,
        "Option for another guest type",
        "'{0}' applies to {1} guests only; a {2} guest ignores it. Remove it, or check the guest type",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor OptionNotYetAvailable = new(
        DiagnosticIds.OptionNotYetAvailable,
        "Option newer than the target version",
        "'{0}' was introduced in {1} {2}; {1} {3} ignores it. Target a newer version, or remove it",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor OptionRemoved = new(
        DiagnosticIds.OptionRemoved,
        "Option removed at the target version",
        "'{0}' was removed in {1} {2}; {1} {3} ignores it. {4}",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor OptionOfOtherToolstack = new(
        DiagnosticIds.OptionOfOtherToolstack,
        "Option of the other toolstack",
        "'{0}' is read only by {1}; {2} ignores it. {3}",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor OptionDeprecated = new(
        DiagnosticIds.OptionDeprecated,
        "Deprecated option",
        "'{0}' is deprecated since {1} {2}. {3}",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor ValueNotAvailableAtVersion = new(
        DiagnosticIds.ValueNotAvailableAtVersion,
        "Value not available at the target version",
        "'{0}' = \"{1}\" {2}; {3}",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor MemoryAboveMaxmem = new(
        DiagnosticIds.MemoryAboveMaxmem,
        "memory above maxmem",
        "memory = {0} MiB is above maxmem = {1} MiB; xl takes it silently and the guest cannot use more than maxmem. Set maxmem to at least memory, or lower memory",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor CdromFirstInBoot = new(
        DiagnosticIds.CdromFirstInBoot,
        "CD-ROM first in boot order",
        "boot = \"{0}\" boots from the CD-ROM first although '{1}' is an installed disk; after the install, set boot = \"c\" (or \"cd\")",
        DiagnosticSeverity.Info,
        "Validation");

    internal static readonly DiagnosticDescriptor DuplicateMac = new(
        DiagnosticIds.DuplicateMac,
        "Two interfaces with one MAC",
        "vif {0} has the MAC {1} of vif {2}; two interfaces with one MAC address break networking. Give each its own MAC (00:16:3e:xx:xx:xx), or omit mac= for a random one",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor PaeOffWithLargeMemory = new(
        DiagnosticIds.PaeOffWithLargeMemory,
        "pae = 0 with more than 4 GiB",
        "pae = 0 but the guest has {0} MiB; a 32-bit guest without PAE cannot address memory above 4 GiB. Set pae = 1, or memory to 4096 or less",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor BridgeNotFound = new(
        DiagnosticIds.BridgeNotFound,
        "Bridge not found",
        "vif {0} uses bridge '{1}', which does not exist on this host; the hotplug script fails and the guest does not start. Create the bridge, or set bridge= to an existing one",
        DiagnosticSeverity.Warning,
        "Validation");

    internal static readonly DiagnosticDescriptor DiskTargetNotFound = new(
        DiagnosticIds.DiskTargetNotFound,
        "Disk target not found",
        "Disk '{0}' uses '{1}', which does not exist on this host; libxl refuses to add the disk. Create the image (xencfg mkimage), or fix the path",
        DiagnosticSeverity.Error,
        "Validation");

    internal static readonly DiagnosticDescriptor PvUnavailable = new(
        DiagnosticIds.PvUnavailable,
        "PV guests not available",
        "The host's xen_caps offers no PV (xen-3.0-*) guest ABI; a PV guest cannot run. Make the guest HVM or PVH, or boot a Xen that offers PV",
        DiagnosticSeverity.Error,
        "Validation");
}
