namespace Xen.Hvm.Diagnostics;

/// <content>Validation IDs (XH8xxx): what libxl refuses when it creates the guest (XH80xx), what neither xl nor libxl checks but users need (XH81xx), and whether the host can run the guest (XH815x).</content>
public static partial class DiagnosticIds
{
    /// <summary>XH8000: videoram below libxl's minimum.</summary>
    public const string VideoRamTooSmall = "XH8000";

    /// <summary>XH8001: videoram ignored.</summary>
    public const string VideoRamIgnored = "XH8001";

    /// <summary>XH8002: qxl needs qemu-xen.</summary>
    public const string QxlNeedsQemuXen = "XH8002";

    /// <summary>XH8003: BIOS and device model disagree.</summary>
    public const string BiosNotForDeviceModel = "XH8003";

    /// <summary>XH8004: Direct boot parameters without a kernel.</summary>
    public const string DirectBootWithoutKernel = "XH8004";

    /// <summary>XH8005: SPICE without a port.</summary>
    public const string SpiceWithoutPort = "XH8005";

    /// <summary>XH8006: SPICE ticketing without a password.</summary>
    public const string SpicePasswordMissing = "XH8006";

    /// <summary>XH8007: usbversion together with usb or usbdevice.</summary>
    public const string UsbVersionWithUsb = "XH8007";

    /// <summary>XH8008: Value outside what libxl accepts.</summary>
    public const string LibxlValueOutOfRange = "XH8008";

    /// <summary>XH8009: tsc_mode native_paravirt removed.</summary>
    public const string TscModeRemoved = "XH8009";

    /// <summary>XH8010: Viridian groups libxl refuses.</summary>
    public const string ViridianGroupsInvalid = "XH8010";

    /// <summary>XH8011: Populate-on-demand conflict.</summary>
    public const string PodConflict = "XH8011";

    /// <summary>XH8012: nestedhvm together with altp2m.</summary>
    public const string NestedHvmWithAltp2m = "XH8012";

    /// <summary>XH8013: Passthrough setting refused.</summary>
    public const string PassthroughConflict = "XH8013";

    /// <summary>XH8014: vNUMA on a PV guest.</summary>
    public const string PvVnuma = "XH8014";

    /// <summary>XH8015: Not supported by qemu-xen-traditional.</summary>
    public const string NotSupportedByTraditional = "XH8015";

    /// <summary>XH8016: Unknown soundhw.</summary>
    public const string UnknownSoundHardware = "XH8016";

    /// <summary>XH8017: Emulated NIC on a PV or PVH guest.</summary>
    public const string EmulatedNicOnPv = "XH8017";

    /// <summary>XH8018: CD-ROM backend not qdisk.</summary>
    public const string CdromBackendNotQdisk = "XH8018";

    /// <summary>XH8019: Empty disk misused.</summary>
    public const string EmptyDiskMisused = "XH8019";

    /// <summary>XH8020: Read-only emulated disk.</summary>
    public const string ReadOnlyEmulatedDisk = "XH8020";

    /// <summary>XH8021: Disk not emulated.</summary>
    public const string DiskNotEmulated = "XH8021";

    /// <summary>XH8022: Invalid virtual device.</summary>
    public const string InvalidVdev = "XH8022";

    /// <summary>XH8023: Two disks at one device.</summary>
    public const string DuplicateVdev = "XH8023";

    /// <summary>XH8024: device_model_user root with dm_restrict.</summary>
    public const string DeviceModelUserRoot = "XH8024";

    /// <summary>XH8025: spiceusbredirection without SPICE.</summary>
    public const string SpiceUsbRedirectionIgnored = "XH8025";

    /// <summary>XH8026: vNUMA vCPU mapping refused.</summary>
    public const string VnumaVcpuMapping = "XH8026";

    /// <summary>XH8100: Unknown key.</summary>
    public const string UnknownKey = "XH8100";

    /// <summary>XH8101: Did you mean.</summary>
    public const string DidYouMeanValue = "XH8101";

    /// <summary>XH8102: Option for another guest type.</summary>
    public const string OptionNotForGuestType = "XH8102";

    /// <summary>XH8103: Option newer than the target version.</summary>
    public const string OptionNotYetAvailable = "XH8103";

    /// <summary>XH8104: Option removed at the target version.</summary>
    public const string OptionRemoved = "XH8104";

    /// <summary>XH8105: Option of the other toolstack.</summary>
    public const string OptionOfOtherToolstack = "XH8105";

    /// <summary>XH8106: Deprecated option.</summary>
    public const string OptionDeprecated = "XH8106";

    /// <summary>XH8107: Value not available at the target version.</summary>
    public const string ValueNotAvailableAtVersion = "XH8107";

    /// <summary>XH8108: memory above maxmem.</summary>
    public const string MemoryAboveMaxmem = "XH8108";

    /// <summary>XH8109: CD-ROM first in boot order.</summary>
    public const string CdromFirstInBoot = "XH8109";

    /// <summary>XH8110: Two interfaces with one MAC.</summary>
    public const string DuplicateMac = "XH8110";

    /// <summary>XH8111: pae = 0 with more than 4 GiB.</summary>
    public const string PaeOffWithLargeMemory = "XH8111";

    /// <summary>XH8112: Bridge not found.</summary>
    public const string BridgeNotFound = "XH8112";

    /// <summary>XH8113: Disk target not found.</summary>
    public const string DiskTargetNotFound = "XH8113";

    /// <summary>XH8151: PV guests not available.</summary>
    public const string PvUnavailable = "XH8151";
}
