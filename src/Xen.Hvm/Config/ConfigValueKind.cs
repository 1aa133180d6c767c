namespace Xen.Hvm.Config;

/// <summary>The kind of a <see cref="ConfigValue"/>.</summary>
public enum ConfigValueKind
{
    /// <summary>A string (xl stores numbers as strings too).</summary>
    String = 0,

    /// <summary>A list of values.</summary>
    List = 1,

    /// <summary>An integer (only from xm files; xl keeps numbers as their text).</summary>
    Integer = 2,

    /// <summary>A floating-point number (only from xm files).</summary>
    Float = 3,

    /// <summary>A value an xm file computes, which only evaluation can tell: <see cref="ConfigUnknown"/>.</summary>
    Unknown = 4,
}
