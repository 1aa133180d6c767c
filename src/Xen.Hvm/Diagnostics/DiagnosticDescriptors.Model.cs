namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor ValueIsList = new(
        DiagnosticIds.ValueIsList,
        "Single value given as a list",
        "'{0}' is a list but {1} reads a single value; {1} ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor ValueIsNotList = new(
        DiagnosticIds.ValueIsNotList,
        "List given as a single value",
        "'{0}' is a single value but {1} reads a list; {1} ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor NotANumber = new(
        DiagnosticIds.NotANumber,
        "Not a number",
        "'{0}' = \"{1}\" is not a number as xl reads one (C strtol, base 0, nothing after the digits); xl ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor NumberOutOfRange = new(
        DiagnosticIds.NumberOutOfRange,
        "Number out of range",
        "'{0}' = \"{1}\" does not fit a C long; xl ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor AppendToNumber = new(
        DiagnosticIds.AppendToNumber,
        "+= on a number",
        "'{0}' is set with +=, which xl refuses for numbers; xl ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor NestedListCutsList = new(
        DiagnosticIds.NestedListCutsList,
        "Nested list in a list",
        "Item {1} of '{0}' is a nested list; {2} stops reading the list there",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor NestedListItemRefused = new(
        DiagnosticIds.NestedListItemRefused,
        "Nested list where xl needs a string",
        "Item {1} of '{0}' is a nested list; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor ListItemNotList = new(
        DiagnosticIds.ListItemNotList,
        "String where xl needs a list",
        "Item {1} of '{0}' is a string but xl reads a list of settings there; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor BoundValueUnknown = new(
        DiagnosticIds.BoundValueUnknown,
        "Value not known",
        "'{0}' is computed by code whose result is not known here; its value is not bound",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor XmValueNotConvertible = new(
        DiagnosticIds.XmValueNotConvertible,
        "Value xend cannot convert",
        "'{0}' = {1} is not {2} as xend reads it (Python int()); xend refuses it",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor UnknownSetValue = new(
        DiagnosticIds.UnknownSetValue,
        "Value not in the set",
        "'{1}' is not a value of '{0}' (expected {2}); {3}",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor ValueOutOfRange = new(
        DiagnosticIds.ValueOutOfRange,
        "Value out of range",
        "'{0}' = {1} is outside what xl accepts ({2}); xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor DeprecatedIntegerForm = new(
        DiagnosticIds.DeprecatedIntegerForm,
        "Deprecated integer form",
        "'{0}' = {1} as an integer is deprecated; write {0} = \"{2}\"",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor NameMissing = new(
        DiagnosticIds.NameMissing,
        "Domain name missing",
        "The config sets no 'name'; xl refuses it (\"Domain name must be specified.\")",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor TypeContradictsBuilder = new(
        DiagnosticIds.TypeContradictsBuilder,
        "type and builder disagree",
        "'builder' = \"{0}\" contradicts 'type' = \"{1}\"; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor InvalidUuid = new(
        DiagnosticIds.InvalidUuid,
        "Invalid UUID",
        "'uuid' = \"{0}\" is not a UUID (8-4-4-4-12 hex digits); xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor MaxVcpusBelowVcpus = new(
        DiagnosticIds.MaxVcpusBelowVcpus,
        "maxvcpus below vcpus",
        "'maxvcpus' = {0} is less than 'vcpus' = {1}; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor AffinityOutsideHost = new(
        DiagnosticIds.AffinityOutsideHost,
        "CPU affinity outside the host",
        "'{0}' = \"{1}\" names no CPU of the host ({2} CPUs, {3} NUMA nodes); xl refuses the config (\"vcpu hard affinity map is empty\")",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor VnumaNodeNotOnHost = new(
        DiagnosticIds.VnumaNodeNotOnHost,
        "vNUMA pnode not on the host",
        "vNUMA 'pnode={0}' is not a node of the host ({1} NUMA nodes); xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor VnumaMismatch = new(
        DiagnosticIds.VnumaMismatch,
        "vNUMA does not match the config",
        "{0}; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor NoKernel = new(
        DiagnosticIds.NoKernel,
        "No kernel or bootloader",
        "A {0} guest needs 'kernel', 'bootloader' or 'firmware'; xl refuses the config (\"Neither kernel nor bootloader specified\")",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor KernelAndFirmware = new(
        DiagnosticIds.KernelAndFirmware,
        "Both kernel and firmware",
        "'kernel' and 'firmware' are both set for a {0} guest; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor PvFirmwareUnsupported = new(
        DiagnosticIds.PvFirmwareUnsupported,
        "Firmware not pvgrub",
        "'firmware' = \"{0}\" is not pvgrub32 or pvgrub64 (or a prefix), the only firmware of a {1} guest; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor DeviceModelIgnored = new(
        DiagnosticIds.DeviceModelIgnored,
        "device_model ignored",
        "xl ignores 'device_model'; use 'device_model_override' (and 'device_model_version') for a non-default device model",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor HvmloaderKernelIgnored = new(
        DiagnosticIds.HvmloaderKernelIgnored,
        "hvmloader kernel ignored",
        "'kernel' = \"{0}\" names hvmloader, which xl ignores for an HVM guest; use 'firmware_override' for a non-default firmware",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor OptionIgnored = new(
        DiagnosticIds.OptionIgnored,
        "Option ignored by xl",
        "xl ignores '{0}': {1}",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor DeprecatedOption = new(
        DiagnosticIds.DeprecatedOption,
        "Deprecated option or form",
        "'{0}': {1}",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor OverrideWithoutSelector = new(
        DiagnosticIds.OverrideWithoutSelector,
        "Override without its selector",
        "'{0}' is given without '{1}'; xl warns and uses the default {1}",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor ListRequired = new(
        DiagnosticIds.ListRequired,
        "List required",
        "'{0}' must be a list; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor VncDisplayTwice = new(
        DiagnosticIds.VncDisplayTwice,
        "VNC display given twice",
        "'vnclisten' = \"{0}\" names a display and 'vncdisplay' = {1} names another; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor TimerModeOnPv = new(
        DiagnosticIds.TimerModeOnPv,
        "timer_mode on a PV guest",
        "'timer_mode' is not supported for PV guests; xl refuses the config",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor RdmIgnored = new(
        DiagnosticIds.RdmIgnored,
        "rdm ignored",
        "'rdm' = \"{0}\": {1}",
        DiagnosticSeverity.Warning,
        "Model");
}
