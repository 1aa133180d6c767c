namespace Xen.Hvm.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XH5001: The text is not xm info / xl info output (error; host capabilities).</summary>
    public const string InfoNotHostInfo = "XH5001";

    /// <summary>XH5002: A line around or inside the pasted block (prompt, comment, prose) was ignored (info; host capabilities).</summary>
    public const string InfoLineIgnored = "XH5002";

    /// <summary>XH5003: A value wrapped onto the next line was joined (info; host capabilities).</summary>
    public const string InfoLinesJoined = "XH5003";

    /// <summary>XH5004: HTML markup in the pasted text was removed (info; host capabilities).</summary>
    public const string InfoMarkupRemoved = "XH5004";

    /// <summary>XH5005: The output is partial (warning; host capabilities).</summary>
    public const string InfoFieldsMissing = "XH5005";

    /// <summary>XH5006: A field appears twice (warning; host capabilities).</summary>
    public const string InfoDuplicateField = "XH5006";

    /// <summary>XH5007: A field value has the wrong form (warning; host capabilities).</summary>
    public const string InfoInvalidValue = "XH5007";

    /// <summary>XH5008: A field this library does not know was kept as text (info; host capabilities).</summary>
    public const string InfoUnknownField = "XH5008";

    /// <summary>XH5009: A known field name stands alone on its line (warning; host capabilities).</summary>
    public const string InfoSeparatorMissing = "XH5009";

    /// <summary>XH5010: xen_version and xen_major/xen_minor/xen_extra disagree (warning; host capabilities).</summary>
    public const string InfoVersionMismatch = "XH5010";

    /// <summary>XH5011: A snip marker shows that text was removed (info; host capabilities).</summary>
    public const string InfoSnipped = "XH5011";

    /// <summary>XH5012: The text holds only a hw_caps value (info; host capabilities).</summary>
    public const string InfoBareHwCaps = "XH5012";

    /// <summary>XH5020: hw_caps is not colon-separated hexadecimal words (error; host capabilities).</summary>
    public const string HwCapsUnreadable = "XH5020";

    /// <summary>XH5021: A hw_caps word is not a 32-bit hexadecimal number (error; host capabilities).</summary>
    public const string HwCapsInvalidWord = "XH5021";

    /// <summary>XH5022: A hw_caps word has fewer than 8 digits (warning; host capabilities).</summary>
    public const string HwCapsShortWord = "XH5022";

    /// <summary>XH5023: hw_caps has more than 8 words (warning; host capabilities).</summary>
    public const string HwCapsTooManyWords = "XH5023";

    /// <summary>XH5024: A set bit has no name (info; host capabilities).</summary>
    public const string HwCapsUnnamedBit = "XH5024";

    /// <summary>XH5025: The layout was chosen from the words, not from the version (info; host capabilities).</summary>
    public const string HwCapsLayoutGuessed = "XH5025";

    /// <summary>XH5026: hw_caps is all zero (info; host capabilities).</summary>
    public const string HwCapsNoX86Information = "XH5026";

    /// <summary>XH5030: A xen_caps token has an unknown form (warning; host capabilities).</summary>
    public const string XenCapsUnknownToken = "XH5030";

    /// <summary>XH5031: A xen_caps token split by a paste was joined (info; host capabilities).</summary>
    public const string XenCapsTokenRejoined = "XH5031";

    /// <summary>XH5035: A virt_caps token is unknown (warning; host capabilities).</summary>
    public const string VirtCapsUnknownToken = "XH5035";

    /// <summary>XH5036: A virt_caps token is newer than the Xen version (warning; host capabilities).</summary>
    public const string VirtCapsTokenNotInVersion = "XH5036";

    /// <summary>XH5040: The CPU has VT-x or AMD-V but HVM is not available (error; host capabilities).</summary>
    public const string CheckHvmDisabled = "XH5040";

    /// <summary>XH5041: The CPU has no hardware virtualization (error; host capabilities).</summary>
    public const string CheckHvmNoCpuSupport = "XH5041";

    /// <summary>XH5042: HVM is not available and the reason is unknown (error; host capabilities).</summary>
    public const string CheckHvmUnavailable = "XH5042";

    /// <summary>XH5043: The hypervisor cannot run guests of this architecture (error; host capabilities).</summary>
    public const string CheckArchitectureUnsupported = "XH5043";

    /// <summary>XH5044: The guest wants PAE and the host cannot give it (error; host capabilities).</summary>
    public const string CheckPaeUnavailable = "XH5044";

    /// <summary>XH5045: The guest needs more memory than the host has free (error; host capabilities).</summary>
    public const string CheckMemoryShort = "XH5045";

    /// <summary>XH5046: The guest has more vCPUs than the host has CPUs (warning; host capabilities).</summary>
    public const string CheckVcpusOvercommitted = "XH5046";

    /// <summary>XH5047: A requirement could not be checked (warning; host capabilities).</summary>
    public const string CheckNotPossible = "XH5047";

    /// <summary>XH5048: PCI passthrough needs an IOMMU (error; host capabilities).</summary>
    public const string CheckNoIommu = "XH5048";

    /// <summary>XH5049: Xen runs nested without virtualization extensions (error; host capabilities).</summary>
    public const string CheckHvmNested = "XH5049";

    /// <summary>XH5080: hw_caps printed without its trailing zero words (xm up to Xen 3.2): the words left out are read as zero (info; host capabilities).</summary>
    public const string HwCapsTrailingZerosOmitted = "XH5080";

    /// <summary>XH5081: an HVM (x86) guest checked against an ARM host, whose guests are all PVH (error; host capabilities).</summary>
    public const string CheckHvmOnArm = "XH5081";
}
