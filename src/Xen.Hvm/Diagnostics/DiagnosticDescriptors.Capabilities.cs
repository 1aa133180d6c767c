namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor InfoNotHostInfo = new(
        DiagnosticIds.InfoNotHostInfo,
        "Not an info output",
        "The text has no 'key : value' fields of xm info / xl info output",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoLineIgnored = new(
        DiagnosticIds.InfoLineIgnored,
        "Line ignored",
        "Line ignored: '{0}' is not part of the xm info / xl info block",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoLinesJoined = new(
        DiagnosticIds.InfoLinesJoined,
        "Wrapped value joined",
        "The value of '{0}' continues on the next line (a wrapped paste); the lines were joined",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoMarkupRemoved = new(
        DiagnosticIds.InfoMarkupRemoved,
        "Markup removed",
        "Markup '{0}' was removed from the pasted text",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoFieldsMissing = new(
        DiagnosticIds.InfoFieldsMissing,
        "Fields missing",
        "The output lacks fields every xm info / xl info prints: {0}; it was probably cut or filtered",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoDuplicateField = new(
        DiagnosticIds.InfoDuplicateField,
        "Duplicate field",
        "Field '{0}' appears again; the first value (line {1}) is used",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoInvalidValue = new(
        DiagnosticIds.InfoInvalidValue,
        "Invalid field value",
        "Value '{0}' of field '{1}' is not {2}; the field is kept as text only",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoUnknownField = new(
        DiagnosticIds.InfoUnknownField,
        "Unknown field",
        "Unknown field '{0}' is preserved as text",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoSeparatorMissing = new(
        DiagnosticIds.InfoSeparatorMissing,
        "Separator missing",
        "Field '{0}' has no ':' separator; its value is empty",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoVersionMismatch = new(
        DiagnosticIds.InfoVersionMismatch,
        "Version fields disagree",
        "xen_version '{0}' disagrees with xen_major/xen_minor/xen_extra '{1}'; the latter is used",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoSnipped = new(
        DiagnosticIds.InfoSnipped,
        "Output cut",
        "The output was cut here ('{0}'); fields may be missing",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor InfoBareHwCaps = new(
        DiagnosticIds.InfoBareHwCaps,
        "Bare hw_caps value",
        "The text is a bare hw_caps value, not a full info output; it is decoded on its own",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsUnreadable = new(
        DiagnosticIds.HwCapsUnreadable,
        "hw_caps unreadable",
        "hw_caps '{0}' is not colon-separated hexadecimal words; CPU features are unknown",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsInvalidWord = new(
        DiagnosticIds.HwCapsInvalidWord,
        "hw_caps word invalid",
        "hw_caps word {0} '{1}' is not a 32-bit hexadecimal number; its bits are unknown",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsShortWord = new(
        DiagnosticIds.HwCapsShortWord,
        "hw_caps word too short",
        "hw_caps word {0} '{1}' has fewer than 8 digits (padding lost in a paste?); it is read as {2}",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsTooManyWords = new(
        DiagnosticIds.HwCapsTooManyWords,
        "Too many hw_caps words",
        "hw_caps has {0} words; Xen prints at most 8, the rest are ignored",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsUnnamedBit = new(
        DiagnosticIds.HwCapsUnnamedBit,
        "Unnamed hw_caps bit",
        "hw_caps bit {0} is set but has no name in layout {1}; it is kept as '{0}'",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsLayoutGuessed = new(
        DiagnosticIds.HwCapsLayoutGuessed,
        "hw_caps layout guessed",
        "No Xen version is known; hw_caps is read as layout {0} ({1})",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsTrailingZerosOmitted = new(
        DiagnosticIds.HwCapsTrailingZerosOmitted,
        "hw_caps trailing zero words left out",
        "hw_caps has {0} words: xm up to Xen 3.2 leaves out the trailing words that are zero, so words {0}-7 are read as zero (their features are absent, not unknown)",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor HwCapsNoX86Information = new(
        DiagnosticIds.HwCapsNoX86Information,
        "No x86 feature information",
        "hw_caps is all zero: there is no x86 feature information (ARM or another non-x86 host), which is not the same as 'no features'",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor XenCapsUnknownToken = new(
        DiagnosticIds.XenCapsUnknownToken,
        "Unknown xen_caps token",
        "xen_caps token '{0}' is not of the form (xen|hvm)-3.0-<architecture>",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor XenCapsTokenRejoined = new(
        DiagnosticIds.XenCapsTokenRejoined,
        "xen_caps token rejoined",
        "xen_caps token pieces '{0}' and '{1}' were split by a paste and are joined",
        DiagnosticSeverity.Info,
        "Capabilities");

    internal static readonly DiagnosticDescriptor VirtCapsUnknownToken = new(
        DiagnosticIds.VirtCapsUnknownToken,
        "Unknown virt_caps token",
        "virt_caps token '{0}' is unknown",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor VirtCapsTokenNotInVersion = new(
        DiagnosticIds.VirtCapsTokenNotInVersion,
        "virt_caps token too new",
        "virt_caps token '{0}' is not printed by Xen {1} (first in {2}); the version or the text is wrong",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckHvmDisabled = new(
        DiagnosticIds.CheckHvmDisabled,
        "HVM disabled in firmware",
        "HVM guests cannot run: the CPU has {0} but Xen cannot use it. Enable {0} in the BIOS/UEFI setup, power the machine off and on, and check 'xl dmesg'",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckHvmNoCpuSupport = new(
        DiagnosticIds.CheckHvmNoCpuSupport,
        "CPU lacks VT-x/AMD-V",
        "HVM guests cannot run: the CPU has neither Intel VT-x (vmx) nor AMD-V (svm). Use a PV guest (type = \"pv\") or another host",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckHvmUnavailable = new(
        DiagnosticIds.CheckHvmUnavailable,
        "HVM unavailable",
        "HVM guests cannot run: virt_caps and xen_caps offer no HVM. Enable Intel VT-x or AMD-V in the BIOS/UEFI setup if the CPU has it{0}",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckHvmOnArm = new(
        DiagnosticIds.CheckHvmOnArm,
        "HVM guest on an ARM host",
        "This is an ARM host: its guests are all type = \"pvh\" (libxl runs \"pv\" as pvh; x86's \"hvm\" is not offered), so an x86 HVM guest cannot run. Use an ARM guest with type = \"pvh\", or an x86 host",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckArchitectureUnsupported = new(
        DiagnosticIds.CheckArchitectureUnsupported,
        "Guest architecture unsupported",
        "The host offers no {0} guests ('{1}'); it offers: {2}. {3}",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckPaeUnavailable = new(
        DiagnosticIds.CheckPaeUnavailable,
        "PAE unavailable",
        "The guest wants PAE but {0}. Set pae=0 in the guest config{1}",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckMemoryShort = new(
        DiagnosticIds.CheckMemoryShort,
        "Not enough free memory",
        "The guest needs {0} MiB but only {1} MiB are free. Lower memory= to at most {1}, or free memory (shrink dom0 with 'xl mem-set 0 <MiB>', stop other guests)",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckVcpusOvercommitted = new(
        DiagnosticIds.CheckVcpusOvercommitted,
        "vCPUs overcommitted",
        "The guest has {0} vCPUs but the host has {1} CPUs; lower vcpus= to at most {1} to avoid overcommit",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckNotPossible = new(
        DiagnosticIds.CheckNotPossible,
        "Requirement not checked",
        "Cannot check {0}: the output has no {1}",
        DiagnosticSeverity.Warning,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckNoIommu = new(
        DiagnosticIds.CheckNoIommu,
        "No IOMMU for passthrough",
        "PCI passthrough needs an IOMMU, but virt_caps has no hvm_directio or pv_directio. Enable VT-d (Intel) or AMD-Vi (IOMMU) in the BIOS/UEFI setup and boot Xen with iommu=1",
        DiagnosticSeverity.Error,
        "Capabilities");

    internal static readonly DiagnosticDescriptor CheckHvmNested = new(
        DiagnosticIds.CheckHvmNested,
        "Nested without VT-x/AMD-V",
        "HVM guests cannot run: Xen itself runs under another hypervisor that does not pass VT-x/AMD-V through. Enable nested virtualization in the outer hypervisor",
        DiagnosticSeverity.Error,
        "Capabilities");
}
