namespace Xen.Hvm.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XH3100: The text is not a libxl JSON document (error; model binding, libxl JSON).</summary>
    public const string LibxlJsonInvalid = "XH3100";

    /// <summary>XH3101: A JSON member is not a field of libxl's IDL (warning; model binding, libxl JSON).</summary>
    public const string LibxlJsonUnknownMember = "XH3101";

    /// <summary>XH3102: A JSON member holds a value libxl does not accept there (warning; model binding, libxl JSON).</summary>
    public const string LibxlJsonUnexpectedValue = "XH3102";

    /// <summary>XH3103: A libxl value has no form in a config file (warning; model binding, libxl JSON).</summary>
    public const string LibxlJsonNotExpressible = "XH3103";

    /// <summary>XH3110: xl refuses an option's value, so it is left out of the libxl JSON (error; model binding, libxl JSON).</summary>
    public const string LibxlValueRefused = "XH3110";

    /// <summary>XH3111: An option xl requires is missing (error; model binding, libxl JSON).</summary>
    public const string LibxlRequiredOptionMissing = "XH3111";

    /// <summary>XH3120: An xl.conf value has the wrong form and xl ignores it (warning; model binding, xl.conf).</summary>
    public const string XlConfValueIgnored = "XH3120";

    /// <summary>XH3121: xl refuses an xl.conf value (error; model binding, xl.conf).</summary>
    public const string XlConfValueRefused = "XH3121";

    /// <summary>XH3122: A deprecated xl.conf key (warning; model binding, xl.conf).</summary>
    public const string XlConfDeprecatedKey = "XH3122";

    /// <summary>XH3123: An xl.conf CPU mask that xl reads only in part (warning; model binding, xl.conf).</summary>
    public const string XlConfCpuMaskCut = "XH3123";
}
