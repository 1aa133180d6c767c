namespace Xen.Hvm.Config;

/// <summary>The language a Xen domain config file is written in.</summary>
public enum ConfigDialect
{
    /// <summary>Decide from the text: xl when the text is valid xl, xm otherwise.</summary>
    Auto = 0,

    /// <summary>The xl dialect: data only, read by libxlu (Xen 4.0 and later).</summary>
    Xl = 1,

    /// <summary>The legacy xm dialect: a Python 2 program run by xend (Xen 4.4 and earlier).</summary>
    Xm = 2,
}
