using System.Reflection;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// Types one option's value: by the property's type (string, integer, boolean, closed set, list, spec list...), with
/// the few options xl reads in a form of their own (<c>type</c>, <c>tsc_mode</c>, <c>viridian</c>, <c>cpus</c>...).
/// </summary>
internal static class OptionBinders
{
    /// <summary>Types an option's value and, when the toolstack reads one, sets it on the model.</summary>
    private delegate void Binding(DomainConfig config, ValueReader reader, OptionDefinition option, SettingSource source);

    /// <summary>Types an option's value; <see langword="null"/> when it has none the toolstack reads.</summary>
    private delegate T? Reading<T>(ValueReader reader, OptionDefinition option, SettingSource source);

    private static readonly Dictionary<string, (Type Type, Binding Bind)> s_byName = new(StringComparer.Ordinal)
    {
        ["type"] = Typed<ConfigEnum<GuestType>?>(BindType),
        ["tsc_mode"] = Typed<ConfigEnum<TscMode>?>(static (r, o, s) => IntegerOrName<TscMode>(r, o, s, deprecatedInteger: true)),
        ["timer_mode"] = Typed<ConfigEnum<TimerMode>?>(static (r, o, s) => IntegerOrName<TimerMode>(r, o, s, deprecatedInteger: true)),
        ["altp2m"] = Typed<ConfigEnum<Altp2mMode>?>(static (r, o, s) => IntegerOrName<Altp2mMode>(r, o, s, deprecatedInteger: false)),
        ["gfx_passthru"] = Typed<GfxPassthruSetting>(BindGfxPassthru),
        ["viridian"] = Typed<ViridianSetting>(BindViridian),
        ["mca_caps"] = Typed<ValueList<string>>(static (r, o, s) => RequiredStringList(r, o, s)),
        ["device_model_args"] = Typed<ValueList<string>>(static (r, o, s) => RequiredStringList(r, o, s)),
        ["device_model_args_pv"] = Typed<ValueList<string>>(static (r, o, s) => RequiredStringList(r, o, s)),
        ["device_model_args_hvm"] = Typed<ValueList<string>>(static (r, o, s) => RequiredStringList(r, o, s)),
    };

    private static readonly Dictionary<Type, (Type Type, Binding Bind)> s_byType = new()
    {
        [typeof(string)] = Typed<string>(static (r, _, s) => r.Atom(s)),
        [typeof(long?)] = Typed<long?>(static (r, _, s) => r.Long(s)),
        [typeof(bool?)] = Typed<bool?>(static (r, _, s) => r.Bool(s)),
        [typeof(ValueList<string>)] = Typed<ValueList<string>>(static (r, _, s) => StringList(r, s)),
        [typeof(ValueList<long>)] = Typed<ValueList<long>>(BindIntegerList),
        [typeof(ValueList<ConfigValue>)] = Typed<ValueList<ConfigValue>>(BindRawList),
        [typeof(ValueList<ValueList<VnumaOption>>)] = Typed<ValueList<ValueList<VnumaOption>>>(BindVnuma),
        [typeof(OneOrList<string>)] = Typed<OneOrList<string>>(static (r, _, s) => OneOrList(r, s, static (text, _) => text)),
        [typeof(OneOrList<CpuListSpec>)] = Typed<OneOrList<CpuListSpec>>(static (r, o, s) => OneOrList(r, s, (text, origin) => r.Spec(CpuListSpec.Parse(text, r.Dialect, origin.MapFor(text)), r.Refuses(o)))),
        [typeof(OneOrList<CpuidSpec>)] = Typed<OneOrList<CpuidSpec>>(static (r, _, s) => OneOrList(r, s, (text, origin) => r.Spec(CpuidSpec.Parse(text, r.Dialect, origin.MapFor(text)), refused: false))),
        [typeof(OneOrList<EmulatedUsbDeviceSpec>)] = Typed<OneOrList<EmulatedUsbDeviceSpec>>(static (r, _, s) => OneOrList(r, s, (text, origin) => r.Spec(EmulatedUsbDeviceSpec.Parse(text, r.Dialect, origin.MapFor(text)), refused: false))),
        [typeof(ValueList<DiskSpec>)] = Typed<ValueList<DiskSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => DiskSpec.Parse(t, d, m))),
        [typeof(ValueList<VifSpec>)] = Typed<ValueList<VifSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => VifSpec.Parse(t, d, m))),
        [typeof(ValueList<PciSpec>)] = Typed<ValueList<PciSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => PciSpec.Parse(t, d, m))),
        [typeof(ValueList<VfbSpec>)] = Typed<ValueList<VfbSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => VfbSpec.Parse(t, d, m))),
        [typeof(ValueList<ChannelSpec>)] = Typed<ValueList<ChannelSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => ChannelSpec.Parse(t, d, m))),
        [typeof(ValueList<P9Spec>)] = Typed<ValueList<P9Spec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => P9Spec.Parse(t, d, m))),
        [typeof(ValueList<VtpmSpec>)] = Typed<ValueList<VtpmSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => VtpmSpec.Parse(t, d, m))),
        [typeof(ValueList<UsbControllerSpec>)] = Typed<ValueList<UsbControllerSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => UsbControllerSpec.Parse(t, d, m))),
        [typeof(ValueList<UsbPassthroughSpec>)] = Typed<ValueList<UsbPassthroughSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => UsbPassthroughSpec.Parse(t, d, m))),
        [typeof(ValueList<IoPortRange>)] = Typed<ValueList<IoPortRange>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => IoPortRange.Parse(t, d, m), nestedRefused: true)),
        [typeof(ValueList<IoMemRange>)] = Typed<ValueList<IoMemRange>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => IoMemRange.Parse(t, d, m), nestedRefused: true)),
        [typeof(ValueList<IrqSpec>)] = Typed<ValueList<IrqSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => IrqSpec.Parse(t, d, m), nestedRefused: true)),
        [typeof(ValueList<SmbiosSpec>)] = Typed<ValueList<SmbiosSpec>>(static (r, o, s) => SpecList(r, o, s, static (t, d, m) => SmbiosSpec.Parse(t, d, m))),
        [typeof(ConfigEnum<GuestType>?)] = Typed<ConfigEnum<GuestType>?>(static (r, o, s) => Enum<GuestType>(r, o, s)),
        [typeof(ConfigEnum<PassthroughMode>?)] = Typed<ConfigEnum<PassthroughMode>?>(static (r, o, s) => Enum<PassthroughMode>(r, o, s)),
        [typeof(ConfigEnum<ShutdownAction>?)] = Typed<ConfigEnum<ShutdownAction>?>(static (r, o, s) => Enum<ShutdownAction>(r, o, s)),
        [typeof(ConfigEnum<BiosKind>?)] = Typed<ConfigEnum<BiosKind>?>(static (r, o, s) => Enum<BiosKind>(r, o, s)),
        [typeof(ConfigEnum<VgaKind>?)] = Typed<ConfigEnum<VgaKind>?>(static (r, o, s) => Enum<VgaKind>(r, o, s)),
        [typeof(ConfigEnum<VendorDevice>?)] = Typed<ConfigEnum<VendorDevice>?>(static (r, o, s) => Enum<VendorDevice>(r, o, s)),
        [typeof(ConfigEnum<HdType>?)] = Typed<ConfigEnum<HdType>?>(static (r, o, s) => Enum<HdType>(r, o, s)),
        [typeof(ConfigEnum<DeviceModelVersion>?)] = Typed<ConfigEnum<DeviceModelVersion>?>(static (r, o, s) => Enum<DeviceModelVersion>(r, o, s)),
        [typeof(ConfigEnum<GicVersion>?)] = Typed<ConfigEnum<GicVersion>?>(static (r, o, s) => Enum<GicVersion>(r, o, s)),
        [typeof(ConfigEnum<VuartType>?)] = Typed<ConfigEnum<VuartType>?>(static (r, o, s) => Enum<VuartType>(r, o, s)),
        [typeof(ConfigEnum<TeeType>?)] = Typed<ConfigEnum<TeeType>?>(static (r, o, s) => Enum<TeeType>(r, o, s)),
        [typeof(ConfigEnum<XendStartAction>?)] = Typed<ConfigEnum<XendStartAction>?>(static (r, o, s) => Enum<XendStartAction>(r, o, s)),
        [typeof(ConfigEnum<XendStopAction>?)] = Typed<ConfigEnum<XendStopAction>?>(static (r, o, s) => Enum<XendStopAction>(r, o, s)),
    };

    /// <summary>Each option's binding, by <see cref="OptionDefinition.Ordinal"/>.</summary>
    private static readonly Binding?[] s_byOption = Build();

    private static readonly Action<DomainConfig, ValueList<ConfigSetting>> s_setOtherSettings =
        Property(nameof(DomainConfig.OtherSettings)).SetMethod!.CreateDelegate<Action<DomainConfig, ValueList<ConfigSetting>>>();

    /// <summary>
    /// Types the value of <paramref name="option"/> and sets it on <paramref name="config"/> in place (the binder's own
    /// model, not yet shared): one model per bind instead of a copy of every property per option.
    /// </summary>
    public static void BindInto(DomainConfig config, ValueReader reader, OptionDefinition option, SettingSource source)
    {
        s_byOption[option.Ordinal]?.Invoke(config, reader, option, source);
    }

    /// <summary>Sets <see cref="DomainConfig.OtherSettings"/> on the binder's own model, in place.</summary>
    public static void SetOtherSettings(DomainConfig config, ValueList<ConfigSetting> settings) => s_setOtherSettings(config, settings);

    /// <summary>Whether every option of the catalogue has a binding (checked by a test).</summary>
    public static IEnumerable<string> Unbound() => OptionCatalog.All.Where(static o => s_byOption[o.Ordinal] is null).Select(static o => o.Name);

    private static Binding?[] Build()
    {
        var bindings = new Binding?[OptionCatalog.All.Count];
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            PropertyInfo property = Property(option.PropertyName);
            if (s_byName.TryGetValue(option.Name, out (Type Type, Binding Bind) typed) || s_byType.TryGetValue(property.PropertyType, out typed))
            {
                bindings[option.Ordinal] = typed.Type == property.PropertyType
                    ? typed.Bind
                    : throw new InvalidOperationException($"The binding of '{option.Name}' makes a {typed.Type}, not the property's {property.PropertyType}.");
            }
        }

        return bindings;
    }

    private static PropertyInfo Property(string name) => typeof(DomainConfig).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;

    /// <summary>
    /// The binding of a property of type <typeparamref name="T"/>: the value is typed without boxing (but for the
    /// model's own store) and set in place on the binder's own model, which no one else holds yet.
    /// </summary>
    private static (Type Type, Binding Bind) Typed<T>(Reading<T> read) =>
        (typeof(T), (config, reader, option, source) =>
        {
            if (read(reader, option, source) is { } value)
            {
                config.SetInPlace(option.Ordinal, DomainConfig.Box(value));
            }
        });

    private static string Outcome(ValueReader reader, OptionDefinition option) =>
        !reader.Refuses(option) ? "the value is kept as written"
        : reader.Options.Toolstack == Toolstack.Xm ? "xm refuses the config" : "xl refuses the config";

    private static ConfigEnum<T>? Enum<T>(ValueReader reader, OptionDefinition option, SettingSource source)
        where T : struct, System.Enum
    {
        if (reader.Atom(source) is not { } text)
        {
            return null;
        }

        ConfigEnum<T> value = ConfigEnum<T>.FromSpelling(text);
        if (!value.IsKnown || !KnownAt(value.Value.Value, reader.Options.XenVersion))
        {
            UnknownMember<T>(reader, option, source, text);
        }

        return value;
    }

    private static void UnknownMember<T>(ValueReader reader, OptionDefinition option, SettingSource source, string text)
        where T : struct, System.Enum
    {
        string expected = string.Join(" ", ModelEnums.Spellings<T>().Where(s => ConfigEnum<T>.FromSpelling(s).Value is { } m && KnownAt(m, reader.Options.XenVersion)));
        reader.Report(DiagnosticDescriptors.UnknownSetValue, reader.Refusal(option), source.Origin, option.Name, ValueReader.Clip(text), expected, Outcome(reader, option));
    }

    /// <summary>Members a version does not know yet: <c>tee = "ffa"</c> came after 4.17.</summary>
    private static bool KnownAt<T>(T value, XenVersion version)
        where T : struct, System.Enum =>
        value is not TeeType.Ffa || version >= new XenVersion(4, 18);

    /// <summary><c>type</c>: a prefix of hvm, pv or pvh.</summary>
    private static ConfigEnum<GuestType>? BindType(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.Atom(source) is not { } text)
        {
            return null;
        }

        if (GuestTypeMatch.Type(text) is { } type)
        {
            return ConfigEnum<GuestType>.Spelt(type, text);
        }

        UnknownMember<GuestType>(reader, option, source, text);
        return ConfigEnum<GuestType>.Unrecognised(text);
    }

    /// <summary><c>tsc_mode</c>, <c>timer_mode</c>, <c>altp2m</c>: xl tries an integer (0-3, the members in order), then a name (case-insensitive).</summary>
    private static ConfigEnum<T>? IntegerOrName<T>(ValueReader reader, OptionDefinition option, SettingSource source, bool deprecatedInteger)
        where T : struct, System.Enum
    {
        T[] members = System.Enum.GetValues<T>();
        if (reader.Long(source, silent: !reader.IsXm) is { } n)
        {
            string text = ValueReader.PeekAtomText(source);
            if (n < 0 || n >= members.Length)
            {
                reader.Report(DiagnosticDescriptors.ValueOutOfRange, reader.Refusal(option), source.Origin, option.Name, n, "0 to " + (members.Length - 1));
                return ConfigEnum<T>.Unrecognised(text);
            }

            T member = members[n];
            if (deprecatedInteger && !reader.IsXm)
            {
                reader.Report(DiagnosticDescriptors.DeprecatedIntegerForm, DiagnosticSeverity.Warning, source.Origin, option.Name, n, ModelEnums.Spell(member));
            }

            return ConfigEnum<T>.Spelt(member, text);
        }

        return reader.IsXm ? null : Enum<T>(reader, option, source);
    }

    /// <summary><c>gfx_passthru</c>: an integer (a boolean), else a kind name (which enables it).</summary>
    private static GfxPassthruSetting? BindGfxPassthru(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.Long(source, silent: true) is { } n)
        {
            return new GfxPassthruSetting(n != 0);
        }

        if (reader.Atom(source) is not { } text)
        {
            return null;
        }

        ConfigEnum<GfxPassthruKind> kind = ConfigEnum<GfxPassthruKind>.FromSpelling(text);
        if (!kind.IsKnown)
        {
            UnknownMember<GfxPassthruKind>(reader, option, source, text);
        }

        return new GfxPassthruSetting(true, kind);
    }

    /// <summary><c>viridian</c>: a list of groups, else a boolean.</summary>
    private static ViridianSetting? BindViridian(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.List(source, silent: true) is { } list)
        {
            var groups = new List<ViridianSpec>();
            foreach (var (text, origin) in reader.StringItems(source, list))
            {
                if (reader.Spec(ViridianSpec.Parse(text, reader.Dialect, origin.MapFor(text)), reader.Refuses(option)) is { } group)
                {
                    groups.Add(group);
                }
            }

            return ViridianSetting.FromGroups([.. groups]);
        }

        return reader.Bool(source) is { } enabled ? ViridianSetting.FromBoolean(enabled) : null;
    }

    private static ValueList<string>? StringList(ValueReader reader, SettingSource source) =>
        reader.List(source) is { } list ? ValueList.From(reader.StringItems(source, list).Select(static i => i.Text)) : null;

    /// <summary>A list xl refuses to take as a single value (<c>mca_caps</c>, <c>device_model_args*</c>).</summary>
    private static ValueList<string>? RequiredStringList(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (source.Value is ConfigList)
        {
            return StringList(reader, source);
        }

        reader.Report(DiagnosticDescriptors.ListRequired, reader.Refusal(option), source.Origin, option.Name);
        return null;
    }

    private static Model.OneOrList<T>? OneOrList<T>(ValueReader reader, SettingSource source, Func<string, ValueOrigin, T?> read)
    {
        if (reader.List(source, silent: true) is { } list)
        {
            var items = new List<T>();
            foreach (var (text, origin) in reader.StringItems(source, list))
            {
                if (read(text, origin) is { } item)
                {
                    items.Add(item);
                }
            }

            return Model.OneOrList<T>.List([.. items]);
        }

        return reader.Atom(source) is { } single && read(single, source.Origin) is { } one ? Model.OneOrList<T>.One(one) : null;
    }

    private static ValueList<T>? SpecList<T>(
        ValueReader reader, OptionDefinition option, SettingSource source, Func<string, ConfigDialect, SpecSourceMap?, ParseResult<T>> parse, bool nestedRefused = false)
        where T : class
    {
        if (reader.List(source) is not { } list)
        {
            return null;
        }

        bool refused = reader.Refuses(option);
        var items = new List<T>();
        foreach (var (text, origin) in reader.StringItems(source, list, nestedRefused ? option : null))
        {
            if (reader.Spec(parse(text, reader.Dialect, origin.MapFor(text)), refused) is { } item)
            {
                items.Add(item);
            }
        }

        return [.. items];
    }

    /// <summary>xm's <c>irq</c>: a list of integers.</summary>
    private static ValueList<long>? BindIntegerList(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.List(source) is not { } list)
        {
            return null;
        }

        var items = new List<long>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            var item = new SettingSource(option.Name, list.Items[i], source.Origin.Item(i), IsAppend: false);
            if (reader.Long(item) is { } n)
            {
                items.Add(n);
            }
        }

        return ValueList.From(items);
    }

    /// <summary>Lists of lists kept as written (<c>vsnd</c>, xm's <c>vusb</c>, <c>vscsi</c>); xl refuses a <c>vsnd</c> card that is not a list.</summary>
    private static ValueList<ConfigValue>? BindRawList(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.List(source) is not { } list)
        {
            return null;
        }

        if (!reader.IsXm)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is not ConfigList)
                {
                    reader.Report(DiagnosticDescriptors.ListItemNotList, reader.Refusal(option), source.Origin.Item(i), option.Name, i);
                    break;
                }
            }
        }

        return ValueList.From(list.Items);
    }

    /// <summary><c>vnuma</c>: a list of nodes, each a list of <c>key=value</c> strings.</summary>
    private static ValueList<ValueList<VnumaOption>>? BindVnuma(ValueReader reader, OptionDefinition option, SettingSource source)
    {
        if (reader.List(source) is not { } list)
        {
            return null;
        }

        bool refused = reader.Refuses(option);
        var nodes = new List<ValueList<VnumaOption>>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            ValueOrigin nodeOrigin = source.Origin.Item(i);
            if (list.Items[i] is not ConfigList node)
            {
                reader.Report(DiagnosticDescriptors.ListItemNotList, reader.Refusal(option), nodeOrigin, option.Name, i);
                break;
            }

            var nodeSource = new SettingSource(option.Name, node, nodeOrigin, IsAppend: false);
            var settings = new List<VnumaOption>();
            foreach (var (text, origin) in reader.StringItems(nodeSource, node))
            {
                if (reader.Spec(VnumaOption.Parse(text, reader.Dialect, origin.MapFor(text)), refused) is { } setting)
                {
                    settings.Add(setting);
                }
            }

            nodes.Add([.. settings]);
        }

        return ValueList.From(nodes);
    }
}
