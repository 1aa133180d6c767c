namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor LibxlJsonInvalid = new(
        DiagnosticIds.LibxlJsonInvalid,
        "Not libxl JSON",
        "The text is not a libxl_domain_config JSON object: {0}",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor LibxlJsonUnknownMember = new(
        DiagnosticIds.LibxlJsonUnknownMember,
        "Unknown libxl field",
        "'{0}' is not a field of libxl 4.17's {1}; it was ignored",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor LibxlJsonUnexpectedValue = new(
        DiagnosticIds.LibxlJsonUnexpectedValue,
        "Unexpected libxl value",
        "'{0}' holds {1}, which libxl does not accept there ({2}); it was ignored",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor LibxlJsonNotExpressible = new(
        DiagnosticIds.LibxlJsonNotExpressible,
        "libxl value without a config form",
        "'{0}' = {1} has no exact form in a config file: {2}",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor LibxlValueRefused = new(
        DiagnosticIds.LibxlValueRefused,
        "Value xl refuses",
        "xl refuses {0} = {1}: {2}; it is left out of the libxl JSON",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor LibxlRequiredOptionMissing = new(
        DiagnosticIds.LibxlRequiredOptionMissing,
        "Required option missing",
        "xl refuses the config: {0}",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor XlConfValueIgnored = new(
        DiagnosticIds.XlConfValueIgnored,
        "xl.conf value ignored",
        "xl.conf '{0}' is {1}, not {2}; xl ignores it",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor XlConfValueRefused = new(
        DiagnosticIds.XlConfValueRefused,
        "xl.conf value xl refuses",
        "xl.conf '{0}' = {1}: {2}",
        DiagnosticSeverity.Error,
        "Model");

    internal static readonly DiagnosticDescriptor XlConfDeprecatedKey = new(
        DiagnosticIds.XlConfDeprecatedKey,
        "Deprecated xl.conf key",
        "xl.conf '{0}' is deprecated; use '{1}' (it wins when both are set)",
        DiagnosticSeverity.Warning,
        "Model");

    internal static readonly DiagnosticDescriptor XlConfCpuMaskCut = new(
        DiagnosticIds.XlConfCpuMaskCut,
        "xl.conf CPU mask read in part",
        "xl.conf '{0}' = {1}: xl stops at '{2}' and keeps {3}",
        DiagnosticSeverity.Warning,
        "Model");
}
