using Xen.Hvm.Config.Model.Internal.Binding;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Apply;

/// <summary>What reading one raw item of a list gives, as the binding reads it.</summary>
internal enum ItemReadKind
{
    /// <summary>The item is read: it is in the typed list.</summary>
    Value,

    /// <summary>The item is skipped (a spec string with errors): the typed list goes on without it.</summary>
    Skipped,

    /// <summary>The item ends the list as the toolstack reads it (a nested list in a list of strings).</summary>
    Stop,
}

/// <summary>
/// How a model value is written back as config values: the inverse of the binding's getters. Strings are strings,
/// integers and booleans numbers (<c>1</c>/<c>0</c>), closed sets their spelling, spec records their spec text in the
/// document's dialect (<see cref="ISpecValue.ToSpecString"/>), lists lists.
/// </summary>
internal static class ModelValues
{
    /// <summary>The options xl reads as an integer or a name (<c>tsc_mode</c>...): xm's xend reads only the integer.</summary>
    private static readonly HashSet<string> s_integerOrName = new(StringComparer.Ordinal) { "tsc_mode", "timer_mode", "altp2m" };

    private static readonly Dictionary<Type, Func<string, ConfigDialect, object?>> s_itemParsers = new()
    {
        [typeof(DiskSpec)] = static (t, d) => Parsed(DiskSpec.Parse(t, d, null)),
        [typeof(VifSpec)] = static (t, d) => Parsed(VifSpec.Parse(t, d, null)),
        [typeof(PciSpec)] = static (t, d) => Parsed(PciSpec.Parse(t, d, null)),
        [typeof(VfbSpec)] = static (t, d) => Parsed(VfbSpec.Parse(t, d, null)),
        [typeof(ChannelSpec)] = static (t, d) => Parsed(ChannelSpec.Parse(t, d, null)),
        [typeof(P9Spec)] = static (t, d) => Parsed(P9Spec.Parse(t, d, null)),
        [typeof(VtpmSpec)] = static (t, d) => Parsed(VtpmSpec.Parse(t, d, null)),
        [typeof(UsbControllerSpec)] = static (t, d) => Parsed(UsbControllerSpec.Parse(t, d, null)),
        [typeof(UsbPassthroughSpec)] = static (t, d) => Parsed(UsbPassthroughSpec.Parse(t, d, null)),
        [typeof(IoPortRange)] = static (t, d) => Parsed(IoPortRange.Parse(t, d, null)),
        [typeof(IoMemRange)] = static (t, d) => Parsed(IoMemRange.Parse(t, d, null)),
        [typeof(IrqSpec)] = static (t, d) => Parsed(IrqSpec.Parse(t, d, null)),
        [typeof(SmbiosSpec)] = static (t, d) => Parsed(SmbiosSpec.Parse(t, d, null)),
        [typeof(CpuListSpec)] = static (t, d) => Parsed(CpuListSpec.Parse(t, d, null)),
        [typeof(CpuidSpec)] = static (t, d) => Parsed(CpuidSpec.Parse(t, d, null)),
        [typeof(EmulatedUsbDeviceSpec)] = static (t, d) => Parsed(EmulatedUsbDeviceSpec.Parse(t, d, null)),
        [typeof(ViridianSpec)] = static (t, d) => Parsed(ViridianSpec.Parse(t, d, null)),
    };

    /// <summary>The config value an option's model value is written as in a document of <paramref name="dialect"/>.</summary>
    /// <param name="option">The option.</param>
    /// <param name="value">The model value (not <see langword="null"/>).</param>
    /// <param name="dialect">The document's dialect.</param>
    /// <param name="replaced">The value syntax being replaced, if any: a number written as a string there stays a string.</param>
    public static ConfigValue Write(OptionDefinition option, object value, ConfigDialect dialect, Syntax.ValueSyntax? replaced = null)
    {
        if (dialect == ConfigDialect.Xm && s_integerOrName.Contains(option.Name) && MemberIndex(value) is { } index)
        {
            return new ConfigInteger(index);
        }

        ConfigValue written = Write(value, dialect);
        return written is ConfigInteger n && replaced is Syntax.StringLiteralSyntax
            ? new ConfigString(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : written;
    }

    /// <summary>The config value a model value (or an item of one) is written as.</summary>
    public static ConfigValue Write(object value, ConfigDialect dialect) => value switch
    {
        ConfigValue v => v,
        string s => new ConfigString(s),
        long n => new ConfigInteger(n),
        bool b => new ConfigInteger(b ? 1 : 0),
        ISpecValue spec => new ConfigString(spec.ToSpecString(dialect)),
        ViridianSetting { Groups: { } groups } => List(groups, dialect),
        ViridianSetting viridian => new ConfigInteger(viridian.Enabled == true ? 1 : 0),
        GfxPassthruSetting { Kind: { } kind } => new ConfigString(kind.Spelling),
        GfxPassthruSetting gfx => new ConfigInteger(gfx.Enabled ? 1 : 0),
        OneOrList<string> o => One(o, dialect),
        OneOrList<CpuListSpec> o => One(o, dialect),
        OneOrList<CpuidSpec> o => One(o, dialect),
        OneOrList<EmulatedUsbDeviceSpec> o => One(o, dialect),
        System.Collections.IEnumerable items => List(items, dialect),
        _ when IsConfigEnum(value.GetType()) => new ConfigString(value.ToString() ?? string.Empty),
        _ => throw new InvalidOperationException($"No writer for a model value of type {value.GetType()}."),
    };

    /// <summary>Whether every option of the catalogue has a writer for its property type (checked by a test).</summary>
    public static bool CanWrite(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(long) || t == typeof(bool) || IsConfigEnum(t)
            || t == typeof(ViridianSetting) || t == typeof(GfxPassthruSetting)
            || (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(ValueList<>) || t.GetGenericTypeDefinition() == typeof(OneOrList<>)));
    }

    /// <summary>
    /// The items of a model value in list form (a list option, a <see cref="OneOrList{T}"/> in its list form, the
    /// groups of <c>viridian</c>) when its items can be edited one at a time; otherwise <see langword="null"/>.
    /// </summary>
    public static IReadOnlyList<object>? Items(object? value) => value switch
    {
        ValueList<string> l => [.. l],
        ValueList<ConfigValue> l => [.. l],
        ViridianSetting { Groups: { } groups } => [.. groups],
        OneOrList<string> { IsList: true } o => [.. o.Items],
        OneOrList<CpuListSpec> { IsList: true } o => [.. o.Items],
        OneOrList<CpuidSpec> { IsList: true } o => [.. o.Items],
        OneOrList<EmulatedUsbDeviceSpec> { IsList: true } o => [.. o.Items],
        System.Collections.IEnumerable items when ItemType(value.GetType()) is { } t && s_itemParsers.ContainsKey(t) => [.. items.Cast<object>()],
        _ => null,
    };

    /// <summary>Reads one raw list item as the binding reads an item of a list of <paramref name="itemType"/>.</summary>
    public static (ItemReadKind Kind, object? Value) ReadItem(Type itemType, ConfigValue raw, ConfigDialect dialect)
    {
        if (itemType == typeof(ConfigValue))
        {
            return (ItemReadKind.Value, raw);
        }

        if (ValueReader.AtomText(raw) is not { } text)
        {
            return (ItemReadKind.Stop, null);
        }

        if (itemType == typeof(string))
        {
            return (ItemReadKind.Value, text);
        }

        return s_itemParsers.TryGetValue(itemType, out var parse) && parse(text, dialect) is { } item
            ? (ItemReadKind.Value, item)
            : (ItemReadKind.Skipped, null);
    }

    /// <summary>The item type of a list-form value (<see langword="null"/> when it has none).</summary>
    public static Type? ItemType(Type type)
    {
        if (type == typeof(ViridianSetting))
        {
            return typeof(ViridianSpec);
        }

        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ValueList<>) || type.GetGenericTypeDefinition() == typeof(OneOrList<>))
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>
    /// A config value as a document of <paramref name="dialect"/> reads it back once written: xl keeps every atom as a
    /// string (<c>3</c> reads as <c>"3"</c>), xm keeps Python's types.
    /// </summary>
    public static ConfigValue AsRead(ConfigValue value, ConfigDialect dialect) => dialect == ConfigDialect.Xm ? value : value switch
    {
        ConfigInteger n => new ConfigString(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ConfigFloat f => new ConfigString(f.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        ConfigList list => new ConfigList(list.Items.Select(i => AsRead(i, dialect)).ToArray()),
        _ => value,
    };

    /// <summary>Whether a config value holds a <see cref="ConfigUnknown"/> (code, not a value: it cannot be written).</summary>
    public static bool ContainsUnknown(ConfigValue value) => value switch
    {
        ConfigUnknown => true,
        ConfigList list => list.Items.Any(ContainsUnknown),
        _ => false,
    };

    /// <summary>Whether a model value holds a <see cref="ConfigUnknown"/> (the raw lists of <c>vsnd</c>, <c>vusb</c>, <c>vscsi</c>).</summary>
    public static bool ContainsUnknown(object value) => value is ValueList<ConfigValue> items && items.Any(ContainsUnknown);

    private static ConfigList List(System.Collections.IEnumerable items, ConfigDialect dialect) =>
        new(items.Cast<object>().Select(i => Write(i, dialect)).ToArray());

    private static ConfigValue One<T>(OneOrList<T> value, ConfigDialect dialect) =>
        value.IsList ? List(value.Items, dialect) : Write(value.Items[0]!, dialect);

    private static bool IsConfigEnum(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConfigEnum<>);

    /// <summary>The index of a recognised member in its set (the integer xl and xend read for it), or <see langword="null"/>.</summary>
    private static int? MemberIndex(object value) => value switch
    {
        ConfigEnum<TscMode> { Value: { } m } => Array.IndexOf(Enum.GetValues<TscMode>(), m),
        ConfigEnum<TimerMode> { Value: { } m } => Array.IndexOf(Enum.GetValues<TimerMode>(), m),
        ConfigEnum<Altp2mMode> { Value: { } m } => Array.IndexOf(Enum.GetValues<Altp2mMode>(), m),
        _ => null,
    };

    private static object? Parsed<T>(ParseResult<T> result)
        where T : class => result.Success ? result.Value : null;
}
