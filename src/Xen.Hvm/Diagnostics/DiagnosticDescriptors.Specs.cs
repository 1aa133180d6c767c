namespace Xen.Hvm.Diagnostics;

/// <content>Spec-string descriptors (XH6xxx).</content>
internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor SpecInternalError = new(
        DiagnosticIds.SpecInternalError,
        "Spec parser failure",
        "The {0} spec parser failed ({1}); the value is not read. Please report this spec",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownFormat = new(
        DiagnosticIds.DiskUnknownFormat,
        "Unknown disk format",
        "Unknown disk format '{0}'; expected raw, qcow, qcow2, vhd, qed or empty",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownAccess = new(
        DiagnosticIds.DiskUnknownAccess,
        "Unknown disk access",
        "Unknown disk access '{0}'; expected r, ro, w, rw or empty",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownDeviceType = new(
        DiagnosticIds.DiskUnknownDeviceType,
        "Unknown disk device type",
        "Unknown disk device type '{0}'; expected cdrom or disk",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownBackendType = new(
        DiagnosticIds.DiskUnknownBackendType,
        "Unknown disk backend type",
        "Unknown disk backend type '{0}'; expected phy, tap, qdisk or standalone",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownSpecification = new(
        DiagnosticIds.DiskUnknownSpecification,
        "Unknown disk specification",
        "Unknown disk specification '{0}'; expected xen or virtio",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskInvalidColoPort = new(
        DiagnosticIds.DiskInvalidColoPort,
        "Invalid COLO port",
        "Invalid colo-port '{0}'; expected a non-zero number",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskParameterRespecified = new(
        DiagnosticIds.DiskParameterRespecified,
        "Disk parameter given twice",
        "The disk parameter '{0}' is given twice with different values",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownParameter = new(
        DiagnosticIds.DiskUnknownParameter,
        "Unknown disk parameter",
        "Unknown disk parameter '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownPrefix = new(
        DiagnosticIds.DiskUnknownPrefix,
        "Unknown deprecated disk prefix",
        "Unknown deprecated disk prefix '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskTooManyPositional = new(
        DiagnosticIds.DiskTooManyPositional,
        "Too many positional disk parameters",
        "Too many positional disk parameters at '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskBadSyntax = new(
        DiagnosticIds.DiskBadSyntax,
        "Bad disk syntax",
        "Bad disk syntax at '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskNoVdev = new(
        DiagnosticIds.DiskNoVdev,
        "No virtual device",
        "The disk spec gives no virtual device (vdev)",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskNoTarget = new(
        DiagnosticIds.DiskNoTarget,
        "No disk target",
        "The disk spec gives no target, and the device is not removable",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskSharedWriteNotInXl = new(
        DiagnosticIds.DiskSharedWriteNotInXl,
        "'w!' is xm only",
        "'w!' is xm's shared-write mode; xl does not support it",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskFormatLooksLikeVdev = new(
        DiagnosticIds.DiskFormatLooksLikeVdev,
        "Second field read as a format",
        "xm reads '{0}' as the device (target,vdev,mode); xl reads the second field as a disk format and rejects it",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskPrefixIgnoredByXl = new(
        DiagnosticIds.DiskPrefixIgnoredByXl,
        "Backend prefix ignored by xl",
        "xm selects the backend with '{0}'; xl ignores the prefix and chooses the backend itself",
        DiagnosticSeverity.Info,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskModeNotInXm = new(
        DiagnosticIds.DiskModeNotInXm,
        "Disk mode not accepted by xend",
        "xend accepts only r, w and w! as the disk mode; '{0}' is xl syntax",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskXmFieldCount = new(
        DiagnosticIds.DiskXmFieldCount,
        "Wrong number of xm disk fields",
        "An xm disk spec has 3 to 5 comma-separated fields (uname,dev,mode[,backend[,protocol]]); this one has {0}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskXmNeedsUname = new(
        DiagnosticIds.DiskXmNeedsUname,
        "xm disk needs a typed uname",
        "xend needs the first field as TYPE:PARAMS (phy:, file:, tap:DRIVER:, nbd: ...); '{0}' has no type",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskTapDriverNotInXl = new(
        DiagnosticIds.DiskTapDriverNotInXl,
        "tap driver not accepted by xl",
        "xend accepts the tap driver '{0}', but xl rejects it",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskUnknownXmType = new(
        DiagnosticIds.DiskUnknownXmType,
        "Unknown xm device type",
        "Unknown device type '{0}' in the xm dev field; expected cdrom or disk",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VdevInvalid = new(
        DiagnosticIds.VdevInvalid,
        "Invalid virtual device name",
        "'{0}' is not a virtual disk name libxl accepts ({1})",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VdevNotEmulated = new(
        DiagnosticIds.VdevNotEmulated,
        "Disk is PV only for HVM",
        "An HVM guest sees '{0}' only as a PV disk ({1})",
        DiagnosticSeverity.Info,
        "Specs");

    internal static readonly DiagnosticDescriptor VdevNotInXm = new(
        DiagnosticIds.VdevNotInXm,
        "vdev form not supported by xm",
        "The d<N>p<M> device form is not supported by xm/xend",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifUnknownKey = new(
        DiagnosticIds.VifUnknownKey,
        "Unknown vif key",
        "Unknown vif key '{0}'",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor VifItemWithoutEquals = new(
        DiagnosticIds.VifItemWithoutEquals,
        "vif item without '='",
        "The vif item '{0}' is not KEY=VALUE",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor VifInvalidMac = new(
        DiagnosticIds.VifInvalidMac,
        "Invalid MAC address",
        "Invalid MAC address '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifInvalidType = new(
        DiagnosticIds.VifInvalidType,
        "Invalid vif type",
        "Invalid vif type '{0}'; expected ioemu or vif",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifInvalidRate = new(
        DiagnosticIds.VifInvalidRate,
        "Invalid vif rate",
        "Invalid vif rate '{0}': {1}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifInvalidVlan = new(
        DiagnosticIds.VifInvalidVlan,
        "Invalid vif vlan",
        "Invalid vlan '{0}': {1}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifInvalidNumber = new(
        DiagnosticIds.VifInvalidNumber,
        "Invalid vif number",
        "Invalid number '{1}' for vif key '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VifDeprecatedKey = new(
        DiagnosticIds.VifDeprecatedKey,
        "Deprecated or unsupported vif key",
        "The vif key '{0}' is {1}",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor VifKeyNotInXl = new(
        DiagnosticIds.VifKeyNotInXl,
        "vif key ignored by xl",
        "The vif key '{0}' is xm only; xl ignores it",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor VifKeyNotInXm = new(
        DiagnosticIds.VifKeyNotInXm,
        "vif key not known to xend",
        "The vif key '{0}' is xl only; xend rejects it",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciInvalidBdf = new(
        DiagnosticIds.PciInvalidBdf,
        "Invalid PCI address",
        "Invalid PCI address '{0}'; expected [DDDD:]BB:DD.F",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciInvalidVslot = new(
        DiagnosticIds.PciInvalidVslot,
        "Invalid PCI virtual slot",
        "Invalid virtual slot '{0}'; expected a hexadecimal slot up to 1f",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciInvalidOption = new(
        DiagnosticIds.PciInvalidOption,
        "Invalid PCI option",
        "Invalid PCI option '{0}'; expected KEY=VALUE",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciUnknownOption = new(
        DiagnosticIds.PciUnknownOption,
        "Unknown PCI option",
        "Unknown PCI option '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciInvalidRdmPolicy = new(
        DiagnosticIds.PciInvalidRdmPolicy,
        "Invalid RDM policy",
        "Invalid rdm_policy '{0}'; expected strict or relaxed",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciBdfOrName = new(
        DiagnosticIds.PciBdfOrName,
        "PCI needs an address or a name",
        "A PCI spec needs exactly one of an address (bdf) and a name",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor PciOptionNotInXm = new(
        DiagnosticIds.PciOptionNotInXm,
        "PCI option not known to xend",
        "The PCI option '{0}' is xl only; xend ignores or rejects it",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecUnknownKey = new(
        DiagnosticIds.SpecUnknownKey,
        "Unknown key",
        "Unknown {0} key '{1}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecItemWithoutEquals = new(
        DiagnosticIds.SpecItemWithoutEquals,
        "Item without '='",
        "The {0} item '{1}' is not KEY=VALUE",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecInvalidValue = new(
        DiagnosticIds.SpecInvalidValue,
        "Invalid value",
        "Invalid value '{1}' for {0} key '{2}': {3}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecMissingKey = new(
        DiagnosticIds.SpecMissingKey,
        "Required key missing",
        "The {0} spec needs '{1}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecKeyNotInXl = new(
        DiagnosticIds.SpecKeyNotInXl,
        "Key not read by xl",
        "xm reads {0} key '{1}'; xl ignores it",
        DiagnosticSeverity.Info,
        "Specs");

    internal static readonly DiagnosticDescriptor UsbDeviceUnknown = new(
        DiagnosticIds.UsbDeviceUnknown,
        "Unknown usbdevice",
        "'{0}' is not one of the usbdevice forms Xen documents (tablet, mouse, keyboard, host:VID:PID, host:BUS.ADDR); it is passed to the device model unchanged",
        DiagnosticSeverity.Info,
        "Specs");

    internal static readonly DiagnosticDescriptor UsbDeviceInvalidHost = new(
        DiagnosticIds.UsbDeviceInvalidHost,
        "Invalid host USB device",
        "Invalid host USB device '{0}'; expected host:VID:PID (hex) or host:BUS.ADDR",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuRangeInvalid = new(
        DiagnosticIds.CpuRangeInvalid,
        "Invalid CPU range",
        "Invalid CPU range '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuAllNegated = new(
        DiagnosticIds.CpuAllNegated,
        "'^all' is not allowed",
        "'^' cannot be combined with 'all'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuListNotInXm = new(
        DiagnosticIds.CpuListNotInXm,
        "cpus form not known to xend",
        "'{0}' is xl syntax; xend's cpus takes numbers, ranges and '^' only",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuidMissingEquals = new(
        DiagnosticIds.CpuidMissingEquals,
        "CPUID item without '='",
        "The CPUID item '{0}' is not NAME=VALUE",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuidInvalidValue = new(
        DiagnosticIds.CpuidInvalidValue,
        "Invalid CPUID value",
        "Invalid CPUID value '{0}'; expected a number or one of 0, 1, x, k, s",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuidNotHost = new(
        DiagnosticIds.CpuidNotHost,
        "CPUID string must start with host",
        "A libxl CPUID string must start with 'host'; it starts with '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuidXendSyntax = new(
        DiagnosticIds.CpuidXendSyntax,
        "Invalid xend CPUID line",
        "Invalid xend CPUID line: {0}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor CpuidFormNotInXm = new(
        DiagnosticIds.CpuidFormNotInXm,
        "libxl CPUID form in xm",
        "The libxl CPUID form 'host,...' is xl only; xend takes the list form",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor ViridianUnknownGroup = new(
        DiagnosticIds.ViridianUnknownGroup,
        "Unknown viridian group",
        "Unknown viridian enlightenment group '{0}'",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor ViridianListNotInXm = new(
        DiagnosticIds.ViridianListNotInXm,
        "viridian groups are xl only",
        "xend reads viridian as 0 or 1; the group list '{0}' is xl syntax (Xen 4.5+)",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SmbiosInvalid = new(
        DiagnosticIds.SmbiosInvalid,
        "Invalid smbios item",
        "Invalid smbios item '{0}': {1}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VnumaInvalid = new(
        DiagnosticIds.VnumaInvalid,
        "Invalid vnuma option",
        "Invalid vnuma option '{0}': {1}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor VnumaUnknownKey = new(
        DiagnosticIds.VnumaUnknownKey,
        "Unknown vnuma key",
        "xl ignores the vnuma key '{0}'",
        DiagnosticSeverity.Info,
        "Specs");

    internal static readonly DiagnosticDescriptor IoPortInvalid = new(
        DiagnosticIds.IoPortInvalid,
        "Invalid ioport range",
        "Invalid ioport range '{0}': {1}",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor IoMemInvalid = new(
        DiagnosticIds.IoMemInvalid,
        "Invalid iomem range",
        "Invalid iomem range '{0}'; expected START,NUM[@GFN] in hexadecimal pages",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor IrqInvalid = new(
        DiagnosticIds.IrqInvalid,
        "Invalid IRQ",
        "Invalid IRQ '{0}'; expected a decimal number below 4294967295",
        DiagnosticSeverity.Error,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecContainsNul = new(
        DiagnosticIds.SpecContainsNul,
        "NUL in spec string",
        "The spec contains a NUL character; Xen's C parsers stop reading there",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecTrailingText = new(
        DiagnosticIds.SpecTrailingText,
        "Text ignored by Xen",
        "Xen ignores '{0}' at the end of this {1} value",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor SpecTooManyDiagnostics = new(
        DiagnosticIds.SpecTooManyDiagnostics,
        "More problems not listed",
        "{0} more problems in this {1} spec are not listed (the first {2} are)",
        DiagnosticSeverity.Warning,
        "Specs");

    internal static readonly DiagnosticDescriptor DiskPrefixTookFormatSlot = new(
        DiagnosticIds.DiskPrefixTookFormatSlot,
        "Deprecated prefix took the format slot",
        "xl reads '{0}' as the access: after the prefix '{1}' there is no positional format, so the item after the target ('{2}') is the vdev; drop that item or write the keywords (format=..., vdev=..., target=...)",
        DiagnosticSeverity.Error,
        "Specs");
}
