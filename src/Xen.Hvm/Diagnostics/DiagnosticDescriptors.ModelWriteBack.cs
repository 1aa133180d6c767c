namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    private const string WriteBack = "ModelWriteBack";

    internal static readonly DiagnosticDescriptor WriteBackComputedValue = new(
        DiagnosticIds.WriteBackComputedValue,
        "Computed value not rewritten",
        "'{0}' is computed by the file ({1}); write-back does not rewrite code, so the model's change of it was not made: write the value as a literal, or change the code by hand",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackAssignedByCode = new(
        DiagnosticIds.WriteBackAssignedByCode,
        "Value assigned by code",
        "'{0}' is assigned {1}; a value written at its setting could be replaced by that code, so the model's change of it was not made",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackAppendedValue = new(
        DiagnosticIds.WriteBackAppendedValue,
        "Value built with +=",
        "'{0}' is built with += from {1} settings; write-back does not merge them, so the model's change of it was not made: write one setting for it",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackChangesOthers = new(
        DiagnosticIds.WriteBackChangesOthers,
        "Edit would change other options",
        "Writing '{0}' would also change {1}, which the file computes from it; the model's change of '{0}' was not made",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackDoesNotReadBack = new(
        DiagnosticIds.WriteBackDoesNotReadBack,
        "Value does not read back",
        "'{0}' written as {1} would read back as {2}, not as the model's value; the change was not made",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackInvalidKey = new(
        DiagnosticIds.WriteBackInvalidKey,
        "Key not valid in the dialect",
        "'{0}' in OtherSettings is not a valid {1} key; it was not written",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackNotAValue = new(
        DiagnosticIds.WriteBackNotAValue,
        "Value cannot be written",
        "'{0}' has no value that can be written ({1}); it was not written",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackOtherSettingIsOption = new(
        DiagnosticIds.WriteBackOtherSettingIsOption,
        "Other setting names an option",
        "'{0}' in OtherSettings is the option DomainConfig.{1}; set the property instead. It was not written",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackDuplicateOtherSetting = new(
        DiagnosticIds.WriteBackDuplicateOtherSetting,
        "Other setting given twice",
        "'{0}' appears {1} times in OtherSettings, and a file keeps one value per key; it was not written",
        DiagnosticSeverity.Error,
        WriteBack);

    internal static readonly DiagnosticDescriptor WriteBackBreaksCode = new(
        DiagnosticIds.WriteBackBreaksCode,
        "Edit would make the file's code fail",
        "Writing '{0}' would make the file's code fail ({1}); the change was not made",
        DiagnosticSeverity.Error,
        WriteBack);
}
