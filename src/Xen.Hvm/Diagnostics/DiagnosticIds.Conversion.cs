namespace Xen.Hvm.Diagnostics;

/// <content>Conversion IDs (XH9xxx): moving a guest between toolstacks. XH90xx: xm to xl migration, each at the xm span
/// it comes from; XH91xx: libvirt domain XML.</content>
public static partial class DiagnosticIds
{
    /// <summary>XH9001: Python code replaced by its result (info; migration).</summary>
    public const string MigrationPythonReplaced = "XH9001";

    /// <summary>XH9002: Computed value written as its result (info; migration).</summary>
    public const string MigrationComputedValue = "XH9002";

    /// <summary>XH9003: Value unknown, not migrated (error; migration).</summary>
    public const string MigrationValueUnknown = "XH9003";

    /// <summary>XH9004: xm evaluation incomplete (error; migration).</summary>
    public const string MigrationEvaluationIncomplete = "XH9004";

    /// <summary>XH9005: Not an xm option, not written (info; migration).</summary>
    public const string MigrationNotAnOption = "XH9005";

    /// <summary>XH9006: Option renamed (info; migration).</summary>
    public const string MigrationOptionRenamed = "XH9006";

    /// <summary>XH9007: Option not needed by xl (info; migration).</summary>
    public const string MigrationOptionNotNeeded = "XH9007";

    /// <summary>XH9008: Option without an xl equivalent (warning; migration).</summary>
    public const string MigrationOptionLost = "XH9008";

    /// <summary>XH9009: xend default written out (info; migration).</summary>
    public const string MigrationDefaultWritten = "XH9009";

    /// <summary>XH9010: Spec item rewritten in xl's form (info; migration).</summary>
    public const string MigrationSpecRewritten = "XH9010";

    /// <summary>XH9011: Shared writable disk (warning; migration).</summary>
    public const string MigrationSharedWritableDisk = "XH9011";

    /// <summary>XH9012: Part of a spec item dropped (info; migration).</summary>
    public const string MigrationSpecPartDropped = "XH9012";

    /// <summary>XH9013: Overridden setting dropped (info; migration).</summary>
    public const string MigrationOverriddenSetting = "XH9013";

    /// <summary>XH9014: Value from the command line (info; migration).</summary>
    public const string MigrationCommandLineValue = "XH9014";

    /// <summary>XH9015: Value copied as written (warning; migration).</summary>
    public const string MigrationValueCopied = "XH9015";

    /// <summary>XH9016: Python mode line dropped (info; migration).</summary>
    public const string MigrationModeLineDropped = "XH9016";

    /// <summary>XH9017: Options folded into another (info; migration).</summary>
    public const string MigrationOptionFolded = "XH9017";

    /// <summary>XH9018: Device model upgraded (warning; migration).</summary>
    public const string MigrationDeviceModelUpgraded = "XH9018";

    /// <summary>XH9019: Value raised to xl's minimum (warning; migration).</summary>
    public const string MigrationValueRaised = "XH9019";

    /// <summary>XH9020: Memory headroom dropped with PCI pass-through (warning; migration).</summary>
    public const string MigrationBalloonDropped = "XH9020";

    /// <summary>XH9080: Not JSON (error; model JSON).</summary>
    public const string ModelJsonSyntax = "XH9080";

    /// <summary>XH9081: JSON does not fit the model (error; model JSON).</summary>
    public const string ModelJsonMismatch = "XH9081";

    /// <summary>XH9101: libvirt refuses the config (error; libvirt XML).</summary>
    public const string LibvirtConfigRefused = "XH9101";

    /// <summary>XH9102: Not in libvirt's domain XML (info; libvirt XML).</summary>
    public const string LibvirtNotConverted = "XH9102";

    /// <summary>XH9103: Not libvirt Xen domain XML (error; libvirt XML).</summary>
    public const string LibvirtXmlInvalid = "XH9103";

    /// <summary>XH9104: libvirt cannot write this as a config (error; libvirt XML).</summary>
    public const string LibvirtXmlUnsupported = "XH9104";
}
