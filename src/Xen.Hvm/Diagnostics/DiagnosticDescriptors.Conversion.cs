namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor MigrationPythonReplaced = new(
        DiagnosticIds.MigrationPythonReplaced,
        "Python code replaced by its result",
        "xl reads no Python: '{0}' is replaced by what it computed ({1})",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationComputedValue = new(
        DiagnosticIds.MigrationComputedValue,
        "Computed value written as its result",
        "'{0}' = {1} is a Python expression; the xl file gets its value",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationValueUnknown = new(
        DiagnosticIds.MigrationValueUnknown,
        "Value unknown, not migrated",
        "The value of '{0}' depends on the host or on 'xm create' arguments that were not given; it is not written: give --uname or --var, or set it by hand",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationEvaluationIncomplete = new(
        DiagnosticIds.MigrationEvaluationIncomplete,
        "xm evaluation incomplete",
        "xm's reading of the file stopped ({0}): settings it would have made after that point are missing from the xl file",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationNotAnOption = new(
        DiagnosticIds.MigrationNotAnOption,
        "Not an xm option, not written",
        "'{0}' is not an option xend read (a helper variable, or a key it ignored); the xl file does not set it",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationOptionRenamed = new(
        DiagnosticIds.MigrationOptionRenamed,
        "Option renamed",
        "xm's '{0}' is written as xl's '{1}'",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationOptionNotNeeded = new(
        DiagnosticIds.MigrationOptionNotNeeded,
        "Option not needed by xl",
        "'{0}' is not written: {1}",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationOptionLost = new(
        DiagnosticIds.MigrationOptionLost,
        "Option without an xl equivalent",
        "'{0}' has no xl equivalent and is not written: {1}",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationDefaultWritten = new(
        DiagnosticIds.MigrationDefaultWritten,
        "xend default written out",
        "The file does not set '{0}': xend used {1}, xl would use {2}; the xl file says {1} so the guest behaves as it did under xm",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationSpecRewritten = new(
        DiagnosticIds.MigrationSpecRewritten,
        "Spec item rewritten in xl's form",
        "{0} item {1}: xm's '{2}' is written in xl's form{3}",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationSharedWritableDisk = new(
        DiagnosticIds.MigrationSharedWritableDisk,
        "Shared writable disk",
        "disk item {0}: xl has no 'w!' (writable while another guest uses the device); it is written as rw, and xl does not check whether another guest uses the device",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationSpecPartDropped = new(
        DiagnosticIds.MigrationSpecPartDropped,
        "Part of a spec item dropped",
        "{0} item {1}: '{2}' is not written: {3}",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationOverriddenSetting = new(
        DiagnosticIds.MigrationOverriddenSetting,
        "Overridden setting dropped",
        "'{0}' is set again further down; the xl file keeps only the value xm ended with",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationCommandLineValue = new(
        DiagnosticIds.MigrationCommandLineValue,
        "Value from the command line",
        "'{0}' comes from the 'xm create' command line, which wins over the file; the xl file gets that value",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationValueCopied = new(
        DiagnosticIds.MigrationValueCopied,
        "Value copied as written",
        "'{0}': {1}; it is copied as written: check it",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationModeLineDropped = new(
        DiagnosticIds.MigrationModeLineDropped,
        "Python mode line dropped",
        "The editor mode line says the file is Python; the xl file is not, so the line is dropped",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationOptionFolded = new(
        DiagnosticIds.MigrationOptionFolded,
        "Option folded into another",
        "'{0}' is written as part of '{1}', the way xend used it: {2}",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationDeviceModelUpgraded = new(
        DiagnosticIds.MigrationDeviceModelUpgraded,
        "Device model upgraded",
        "The guest moves from xend's qemu-dm (qemu-xen-traditional, ROMBIOS) to qemu-xen with SeaBIOS: it sees new emulated hardware (a Windows guest may need new drivers or reactivation)",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationValueRaised = new(
        DiagnosticIds.MigrationValueRaised,
        "Value raised to xl's minimum",
        "'{0}' = {1} is less than {3} needs ({2}); libxl would refuse it, so the xl file says {2}",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor MigrationBalloonDropped = new(
        DiagnosticIds.MigrationBalloonDropped,
        "Memory headroom dropped with PCI pass-through",
        "memory ({0} MiB) below maxmem ({1} MiB) makes xl boot the guest with populate-on-demand, which libxl refuses with PCI pass-through; maxmem is not written, so the guest has {0} MiB and cannot balloon up (raise memory to keep {1} MiB)",
        DiagnosticSeverity.Warning,
        "Conversion");

    internal static readonly DiagnosticDescriptor ModelJsonSyntax = new(
        DiagnosticIds.ModelJsonSyntax,
        "Not JSON",
        "The text is not JSON here (a missing quote, comma or bracket, or text after the value)",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor ModelJsonMismatch = new(
        DiagnosticIds.ModelJsonMismatch,
        "JSON does not fit the model",
        "'{0}' does not fit the model: an unknown key, or a value of the wrong type (the schema says what each key takes)",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor LibvirtConfigRefused = new(
        DiagnosticIds.LibvirtConfigRefused,
        "libvirt refuses the config",
        "libvirt's {0} converter refuses the config: {1}",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor LibvirtNotConverted = new(
        DiagnosticIds.LibvirtNotConverted,
        "Not in libvirt's domain XML",
        "'{0}' is set, but libvirt's {1} converter does not carry it into the domain XML",
        DiagnosticSeverity.Info,
        "Conversion");

    internal static readonly DiagnosticDescriptor LibvirtXmlInvalid = new(
        DiagnosticIds.LibvirtXmlInvalid,
        "Not libvirt Xen domain XML",
        "This is not a libvirt domain of type 'xen' that libvirt reads: {0}",
        DiagnosticSeverity.Error,
        "Conversion");

    internal static readonly DiagnosticDescriptor LibvirtXmlUnsupported = new(
        DiagnosticIds.LibvirtXmlUnsupported,
        "libvirt cannot write this as a config",
        "libvirt's {0} converter cannot write this domain as a config: {1}",
        DiagnosticSeverity.Error,
        "Conversion");
}
