using System.Globalization;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal;

/// <summary>
/// Writes xl settings the way a person does: <c>key = value</c>, strings in double quotes with only the escapes libxlu
/// reads, lists on one line when short, else one item a line under the first. Typed model values become config values
/// here: booleans 0/1, enums by xl's spelling, spec records in xl's canonical form.
/// </summary>
internal static class XlText
{
    private const int LineWidth = 100;

    /// <summary>Renders <c>name = value</c> as one or more lines (no line break at the end).</summary>
    public static string Setting(string name, ConfigValue value)
    {
        if (value is not ConfigList list || list.Items.Count == 0)
        {
            return name + " = " + Value(value);
        }

        string[] items = list.Items.Select(Value).ToArray();
        string single = name + " = [ " + string.Join(", ", items) + " ]";
        if (items.Length == 1 || single.Length <= LineWidth)
        {
            return single;
        }

        var sb = new StringBuilder();
        string indent = new(' ', name.Length + 5);
        for (int i = 0; i < items.Length; i++)
        {
            sb.Append(i == 0 ? name + " = [ " : indent).Append(items[i]).Append(i == items.Length - 1 ? " ]" : ",\n");
        }

        return sb.ToString();
    }

    /// <summary>Renders one value as xl text; a nested list stays on one line.</summary>
    public static string Value(ConfigValue value) => value switch
    {
        ConfigString s => XlString.Quote(s.Value, '"'),
        ConfigInteger n when n.Value >= 0 => n.Value.ToString(CultureInfo.InvariantCulture),
        ConfigInteger n => XlString.Quote(n.Value.ToString(CultureInfo.InvariantCulture), '"'),
        ConfigFloat f => XlString.Quote(f.Value.ToString("R", CultureInfo.InvariantCulture), '"'),
        ConfigList l => l.Items.Count == 0 ? "[]" : "[ " + string.Join(", ", l.Items.Select(Value)) + " ]",
        _ => "\"\"",
    };

    /// <summary>A typed model value as the config value xl reads for it, or null for a type this does not know.</summary>
    public static ConfigValue? FromModel(object? value) => value switch
    {
        null => null,
        ConfigValue v => v,
        string s => new ConfigString(s),
        long n => new ConfigInteger(n),
        bool b => new ConfigInteger(b ? 1 : 0),
        ISpecValue spec => new ConfigString(spec.ToSpecString(ConfigDialect.Xl)),
        ConfigEnum<ShutdownAction> e => Enum(e),
        ConfigEnum<TscMode> e => Enum(e),
        ConfigEnum<TimerMode> e => Enum(e),
        ConfigEnum<GuestType> e => Enum(e),
        ConfigEnum<VgaKind> e => Enum(e),
        ConfigEnum<DeviceModelVersion> e => Enum(e),
        ConfigEnum<BiosKind> e => Enum(e),
        ViridianSetting { Groups: { } groups } => List(groups),
        ViridianSetting v => new ConfigInteger(v.Enabled == true ? 1 : 0),
        GfxPassthruSetting { Kind: { IsKnown: true } kind } => Enum(kind),
        GfxPassthruSetting g => new ConfigInteger(g.Enabled ? 1 : 0),
        OneOrList<string> o => o.IsList ? List(o.Items) : FromModel(o.Single),
        OneOrList<CpuListSpec> o => o.IsList ? List(o.Items) : FromModel(o.Single),
        OneOrList<CpuidSpec> o => o.IsList ? List(o.Items) : FromModel(o.Single),
        OneOrList<EmulatedUsbDeviceSpec> o => o.IsList ? List(o.Items) : FromModel(o.Single),
        System.Collections.IEnumerable items => List(items.Cast<object?>()),
        _ => null,
    };

    /// <summary>How a value reads in a note: strings quoted, booleans 0/1.</summary>
    public static string Spell(object? value) => FromModel(value) is { } v ? Value(v) : "(none)";

    private static ConfigString Enum<T>(ConfigEnum<T> value)
        where T : struct, System.Enum =>
        new(value.IsKnown ? new ConfigEnum<T>(value.Value.Value).Spelling : value.Spelling);

    private static ConfigList List<T>(IEnumerable<T> items) => new(items.Select(static i => FromModel(i) ?? new ConfigString(i?.ToString() ?? string.Empty)).ToArray());
}
