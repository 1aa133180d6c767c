namespace Xen.Hvm.Diagnostics;

/// <content>Model binding IDs (XH30xx): how a config's values are typed as the toolstack reads them, and what xl refuses.</content>
public static partial class DiagnosticIds
{
    /// <summary>XH3001: Single value given as a list.</summary>
    public const string ValueIsList = "XH3001";

    /// <summary>XH3002: List given as a single value.</summary>
    public const string ValueIsNotList = "XH3002";

    /// <summary>XH3003: Not a number.</summary>
    public const string NotANumber = "XH3003";

    /// <summary>XH3004: Number out of range.</summary>
    public const string NumberOutOfRange = "XH3004";

    /// <summary>XH3005: += on a number.</summary>
    public const string AppendToNumber = "XH3005";

    /// <summary>XH3006: Nested list in a list.</summary>
    public const string NestedListCutsList = "XH3006";

    /// <summary>XH3007: Nested list where xl needs a string.</summary>
    public const string NestedListItemRefused = "XH3007";

    /// <summary>XH3008: String where xl needs a list.</summary>
    public const string ListItemNotList = "XH3008";

    /// <summary>XH3009: Value not known.</summary>
    public const string BoundValueUnknown = "XH3009";

    /// <summary>XH3010: Value xend cannot convert.</summary>
    public const string XmValueNotConvertible = "XH3010";

    /// <summary>XH3011: Value not in the set.</summary>
    public const string UnknownSetValue = "XH3011";

    /// <summary>XH3012: Value out of range.</summary>
    public const string ValueOutOfRange = "XH3012";

    /// <summary>XH3013: Deprecated integer form.</summary>
    public const string DeprecatedIntegerForm = "XH3013";

    /// <summary>XH3014: Domain name missing.</summary>
    public const string NameMissing = "XH3014";

    /// <summary>XH3015: type and builder disagree.</summary>
    public const string TypeContradictsBuilder = "XH3015";

    /// <summary>XH3016: Invalid UUID.</summary>
    public const string InvalidUuid = "XH3016";

    /// <summary>XH3017: maxvcpus below vcpus.</summary>
    public const string MaxVcpusBelowVcpus = "XH3017";

    /// <summary>XH3018: CPU affinity outside the host.</summary>
    public const string AffinityOutsideHost = "XH3018";

    /// <summary>XH3019: vNUMA pnode not on the host.</summary>
    public const string VnumaNodeNotOnHost = "XH3019";

    /// <summary>XH3020: vNUMA does not match the config.</summary>
    public const string VnumaMismatch = "XH3020";

    /// <summary>XH3021: No kernel or bootloader.</summary>
    public const string NoKernel = "XH3021";

    /// <summary>XH3022: Both kernel and firmware.</summary>
    public const string KernelAndFirmware = "XH3022";

    /// <summary>XH3023: Firmware not pvgrub.</summary>
    public const string PvFirmwareUnsupported = "XH3023";

    /// <summary>XH3024: device_model ignored.</summary>
    public const string DeviceModelIgnored = "XH3024";

    /// <summary>XH3025: hvmloader kernel ignored.</summary>
    public const string HvmloaderKernelIgnored = "XH3025";

    /// <summary>XH3026: Option ignored by xl.</summary>
    public const string OptionIgnored = "XH3026";

    /// <summary>XH3027: Deprecated option or form.</summary>
    public const string DeprecatedOption = "XH3027";

    /// <summary>XH3028: Override without its selector.</summary>
    public const string OverrideWithoutSelector = "XH3028";

    /// <summary>XH3029: List required.</summary>
    public const string ListRequired = "XH3029";

    /// <summary>XH3030: VNC display given twice.</summary>
    public const string VncDisplayTwice = "XH3030";

    /// <summary>XH3031: timer_mode on a PV guest.</summary>
    public const string TimerModeOnPv = "XH3031";

    /// <summary>XH3032: rdm ignored.</summary>
    public const string RdmIgnored = "XH3032";
}
