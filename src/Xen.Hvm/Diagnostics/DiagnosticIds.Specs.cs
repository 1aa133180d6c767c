namespace Xen.Hvm.Diagnostics;

/// <content>Spec-string IDs (XH6xxx): disk, vif, pci and the other mini-languages inside config values.</content>
public static partial class DiagnosticIds
{
    /// <summary>XH6000: Spec parser failure.</summary>
    public const string SpecInternalError = "XH6000";

    /// <summary>XH6001: Unknown disk format.</summary>
    public const string DiskUnknownFormat = "XH6001";

    /// <summary>XH6002: Unknown disk access.</summary>
    public const string DiskUnknownAccess = "XH6002";

    /// <summary>XH6003: Unknown disk device type.</summary>
    public const string DiskUnknownDeviceType = "XH6003";

    /// <summary>XH6004: Unknown disk backend type.</summary>
    public const string DiskUnknownBackendType = "XH6004";

    /// <summary>XH6005: Unknown disk specification.</summary>
    public const string DiskUnknownSpecification = "XH6005";

    /// <summary>XH6006: Invalid COLO port.</summary>
    public const string DiskInvalidColoPort = "XH6006";

    /// <summary>XH6007: Disk parameter given twice.</summary>
    public const string DiskParameterRespecified = "XH6007";

    /// <summary>XH6008: Unknown disk parameter.</summary>
    public const string DiskUnknownParameter = "XH6008";

    /// <summary>XH6009: Unknown deprecated disk prefix.</summary>
    public const string DiskUnknownPrefix = "XH6009";

    /// <summary>XH6010: Too many positional disk parameters.</summary>
    public const string DiskTooManyPositional = "XH6010";

    /// <summary>XH6011: Bad disk syntax.</summary>
    public const string DiskBadSyntax = "XH6011";

    /// <summary>XH6012: No virtual device.</summary>
    public const string DiskNoVdev = "XH6012";

    /// <summary>XH6013: No disk target.</summary>
    public const string DiskNoTarget = "XH6013";

    /// <summary>XH6014: 'w!' is xm only.</summary>
    public const string DiskSharedWriteNotInXl = "XH6014";

    /// <summary>XH6015: Second field read as a format.</summary>
    public const string DiskFormatLooksLikeVdev = "XH6015";

    /// <summary>XH6016: Backend prefix ignored by xl.</summary>
    public const string DiskPrefixIgnoredByXl = "XH6016";

    /// <summary>XH6017: Disk mode not accepted by xend.</summary>
    public const string DiskModeNotInXm = "XH6017";

    /// <summary>XH6018: Wrong number of xm disk fields.</summary>
    public const string DiskXmFieldCount = "XH6018";

    /// <summary>XH6019: xm disk needs a typed uname.</summary>
    public const string DiskXmNeedsUname = "XH6019";

    /// <summary>XH6020: tap driver not accepted by xl.</summary>
    public const string DiskTapDriverNotInXl = "XH6020";

    /// <summary>XH6021: Unknown xm device type.</summary>
    public const string DiskUnknownXmType = "XH6021";

    /// <summary>XH6030: Invalid virtual device name.</summary>
    public const string VdevInvalid = "XH6030";

    /// <summary>XH6031: Disk is PV only for HVM.</summary>
    public const string VdevNotEmulated = "XH6031";

    /// <summary>XH6032: vdev form not supported by xm.</summary>
    public const string VdevNotInXm = "XH6032";

    /// <summary>XH6040: Unknown vif key.</summary>
    public const string VifUnknownKey = "XH6040";

    /// <summary>XH6041: vif item without '='.</summary>
    public const string VifItemWithoutEquals = "XH6041";

    /// <summary>XH6042: Invalid MAC address.</summary>
    public const string VifInvalidMac = "XH6042";

    /// <summary>XH6043: Invalid vif type.</summary>
    public const string VifInvalidType = "XH6043";

    /// <summary>XH6044: Invalid vif rate.</summary>
    public const string VifInvalidRate = "XH6044";

    /// <summary>XH6045: Invalid vif vlan.</summary>
    public const string VifInvalidVlan = "XH6045";

    /// <summary>XH6046: Invalid vif number.</summary>
    public const string VifInvalidNumber = "XH6046";

    /// <summary>XH6047: Deprecated or unsupported vif key.</summary>
    public const string VifDeprecatedKey = "XH6047";

    /// <summary>XH6048: vif key ignored by xl.</summary>
    public const string VifKeyNotInXl = "XH6048";

    /// <summary>XH6049: vif key not known to xend.</summary>
    public const string VifKeyNotInXm = "XH6049";

    /// <summary>XH6050: Invalid PCI address.</summary>
    public const string PciInvalidBdf = "XH6050";

    /// <summary>XH6051: Invalid PCI virtual slot.</summary>
    public const string PciInvalidVslot = "XH6051";

    /// <summary>XH6052: Invalid PCI option.</summary>
    public const string PciInvalidOption = "XH6052";

    /// <summary>XH6053: Unknown PCI option.</summary>
    public const string PciUnknownOption = "XH6053";

    /// <summary>XH6054: Invalid RDM policy.</summary>
    public const string PciInvalidRdmPolicy = "XH6054";

    /// <summary>XH6055: PCI needs an address or a name.</summary>
    public const string PciBdfOrName = "XH6055";

    /// <summary>XH6056: PCI option not known to xend.</summary>
    public const string PciOptionNotInXm = "XH6056";

    /// <summary>XH6060: Unknown key.</summary>
    public const string SpecUnknownKey = "XH6060";

    /// <summary>XH6061: Item without '='.</summary>
    public const string SpecItemWithoutEquals = "XH6061";

    /// <summary>XH6062: Invalid value.</summary>
    public const string SpecInvalidValue = "XH6062";

    /// <summary>XH6063: Required key missing.</summary>
    public const string SpecMissingKey = "XH6063";

    /// <summary>XH6064: Key not read by xl.</summary>
    public const string SpecKeyNotInXl = "XH6064";

    /// <summary>XH6065: Unknown usbdevice.</summary>
    public const string UsbDeviceUnknown = "XH6065";

    /// <summary>XH6066: Invalid host USB device.</summary>
    public const string UsbDeviceInvalidHost = "XH6066";

    /// <summary>XH6070: Invalid CPU range.</summary>
    public const string CpuRangeInvalid = "XH6070";

    /// <summary>XH6071: '^all' is not allowed.</summary>
    public const string CpuAllNegated = "XH6071";

    /// <summary>XH6072: cpus form not known to xend.</summary>
    public const string CpuListNotInXm = "XH6072";

    /// <summary>XH6075: CPUID item without '='.</summary>
    public const string CpuidMissingEquals = "XH6075";

    /// <summary>XH6076: Invalid CPUID value.</summary>
    public const string CpuidInvalidValue = "XH6076";

    /// <summary>XH6077: CPUID string must start with host.</summary>
    public const string CpuidNotHost = "XH6077";

    /// <summary>XH6078: Invalid xend CPUID line.</summary>
    public const string CpuidXendSyntax = "XH6078";

    /// <summary>XH6079: libxl CPUID form in xm.</summary>
    public const string CpuidFormNotInXm = "XH6079";

    /// <summary>XH6080: Unknown viridian group.</summary>
    public const string ViridianUnknownGroup = "XH6080";

    /// <summary>XH6081: viridian groups are xl only.</summary>
    public const string ViridianListNotInXm = "XH6081";

    /// <summary>XH6085: Invalid smbios item.</summary>
    public const string SmbiosInvalid = "XH6085";

    /// <summary>XH6090: Invalid vnuma option.</summary>
    public const string VnumaInvalid = "XH6090";

    /// <summary>XH6091: Unknown vnuma key.</summary>
    public const string VnumaUnknownKey = "XH6091";

    /// <summary>XH6095: Invalid ioport range.</summary>
    public const string IoPortInvalid = "XH6095";

    /// <summary>XH6096: Invalid iomem range.</summary>
    public const string IoMemInvalid = "XH6096";

    /// <summary>XH6097: Invalid IRQ.</summary>
    public const string IrqInvalid = "XH6097";

    /// <summary>XH6098: NUL in spec string.</summary>
    public const string SpecContainsNul = "XH6098";

    /// <summary>XH6099: Text ignored by Xen.</summary>
    public const string SpecTrailingText = "XH6099";

    /// <summary>XH6100: More problems not listed.</summary>
    public const string SpecTooManyDiagnostics = "XH6100";

    /// <summary>XH6150: a positional access that is really a vdev: a deprecated prefix (<c>qcow2:</c>, <c>phy:</c>) took the positional format slot, so the items after the target moved up one (<c>qcow2:/x,,hda</c>).</summary>
    public const string DiskPrefixTookFormatSlot = "XH6150";
}
