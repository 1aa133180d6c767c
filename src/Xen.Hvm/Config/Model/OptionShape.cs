namespace Xen.Hvm.Config.Model;

/// <summary>How the toolstack reads an option's value (xl's getter in <c>xl_parse.c</c>, reference §3.1).</summary>
public enum OptionShape
{
    /// <summary>A string (<c>xlu_cfg_get_string</c>); a number is read as its text.</summary>
    String,

    /// <summary>An integer (<c>xlu_cfg_get_long</c>): a number or a string holding one, <c>"512"</c> as <c>512</c>.</summary>
    Integer,

    /// <summary>A boolean (<c>xlu_cfg_get_defbool</c>): an integer, 0 false and anything else true.</summary>
    Boolean,

    /// <summary>A list of strings (<c>xlu_cfg_get_list_as_string_list</c>).</summary>
    StringList,

    /// <summary>A list of spec strings, each read by its own mini-language (disk, vif, pci...).</summary>
    SpecList,

    /// <summary>A list of lists (<c>vnuma</c>, <c>vsnd</c>).</summary>
    ListOfLists,

    /// <summary>A list, or one string (<c>serial</c>, <c>cpus</c>, <c>usbdevice</c>, <c>cpuid</c>).</summary>
    StringOrList,

    /// <summary>An integer, or a name (<c>tsc_mode</c>, <c>timer_mode</c>, <c>gfx_passthru</c>).</summary>
    IntegerOrString,

    /// <summary>A list of groups, or a boolean (<c>viridian</c>).</summary>
    ListOrBoolean,
}
