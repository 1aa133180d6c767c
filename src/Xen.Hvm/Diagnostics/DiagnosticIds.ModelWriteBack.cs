namespace Xen.Hvm.Diagnostics;

/// <content>Model write-back IDs (XH3200-XH3249): changes of a model that <c>WithModel</c> did not write into a document, and why.</content>
public static partial class DiagnosticIds
{
    /// <summary>XH3200: Computed value not rewritten.</summary>
    public const string WriteBackComputedValue = "XH3200";

    /// <summary>XH3201: Value assigned by code.</summary>
    public const string WriteBackAssignedByCode = "XH3201";

    /// <summary>XH3202: Value built with +=.</summary>
    public const string WriteBackAppendedValue = "XH3202";

    /// <summary>XH3203: Edit would change other options.</summary>
    public const string WriteBackChangesOthers = "XH3203";

    /// <summary>XH3204: Value does not read back.</summary>
    public const string WriteBackDoesNotReadBack = "XH3204";

    /// <summary>XH3205: Key not valid in the dialect.</summary>
    public const string WriteBackInvalidKey = "XH3205";

    /// <summary>XH3206: Value cannot be written.</summary>
    public const string WriteBackNotAValue = "XH3206";

    /// <summary>XH3207: Other setting names an option.</summary>
    public const string WriteBackOtherSettingIsOption = "XH3207";

    /// <summary>XH3208: Other setting given twice.</summary>
    public const string WriteBackDuplicateOtherSetting = "XH3208";

    /// <summary>XH3209: Edit would make the file's code fail.</summary>
    public const string WriteBackBreaksCode = "XH3209";
}
