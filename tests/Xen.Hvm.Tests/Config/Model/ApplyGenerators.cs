using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>A value as a generated file writes it, rendered by the generator's own printer (not the library's).</summary>
internal abstract record FileValue;

internal sealed record FileString(string Value) : FileValue;

internal sealed record FileNumber(long Value, bool Quoted) : FileValue;

/// <param name="Layout">0 inline, 1 padded, 2 one item per line, 3 one per line with a trailing comma and comments, 4 one per line closed on the last.</param>
internal sealed record FileList(FileValue[] Items, int Layout) : FileValue;

/// <summary>
/// A generated document (xl or xm) and a change plan for its bound model. <see cref="Fragile"/> are the keys the file
/// computes (xm expressions, <c>if</c> blocks, <c>disk.append</c>, <c>maxmem = memory</c>; an xl <c>+=</c> chain of
/// strings): write-back may refuse a change of those, and only of those.
/// </summary>
public sealed record ApplyCase(ConfigDialect Dialect, string Text, IReadOnlySet<string> Fragile, IReadOnlyList<Mutation> Plan)
{
    public override string ToString() => $"{Dialect}:\n{Text}\nplan: {string.Join("; ", Plan)}";
}

/// <summary>One change of the plan: keep, clear, set a value, or edit a list's items.</summary>
/// <param name="Key">The option or other-setting key.</param>
/// <param name="Action">0 keep, 1 clear, 2 set, 3 edit items.</param>
/// <param name="Value">The new value (typed for the case's dialect) for a set.</param>
/// <param name="Ops">Item edits: (0 remove, 1 insert, 2 replace; index; item).</param>
public sealed record Mutation(string Key, int Action, object? Value, IReadOnlyList<(int Kind, int Index, object Item)> Ops)
{
    public override string ToString() => Action switch
    {
        0 => Key + " kept",
        1 => Key + " cleared",
        2 => Key + " = " + Value,
        _ => Key + " items " + string.Join(",", Ops.Select(static o => $"{"-+~"[o.Kind]}{o.Index}:{o.Item}")),
    };
}

/// <summary>Generators for the write-back properties: documents in both dialects and plans that change their models.</summary>
internal static class ApplyGenerators
{
    public static readonly string[] XlDisks =
    [
        "phy:/dev/vg/a,hda,w", "file:/img/b.img,hdb,r", "/x/c.qcow2,qcow2,xvdc,w", "format=raw, vdev=xvdd, access=rw, target=/dev/sdb",
        "vdev=hdc,devtype=cdrom,target=/iso/a b.iso", ",hdc:cdrom,r", "tap:aio:/d.img,xvde,w",
    ];

    public static readonly string[] XmDisks = ["phy:/dev/vg/a,hda,w", "file:/img/b.img,hdb,r", "tap:aio:/d.img,xvde,w", "phy:/dev/cdrom,hdc:cdrom,r", "file:/e.img,ioemu:hdd,w"];

    public static readonly string[] Vifs = ["bridge=xenbr0", "mac=00:16:3e:00:00:01,bridge=xenbr1,model=e1000", "type=ioemu, bridge=br0", "ip=10.0.0.2,script=vif-route"];

    public static readonly string[] Pcis = ["01:00.0", "0000:02:00.1", "03:00.0"];

    public static readonly string[] XlCpuLists = ["0-3", "all", "0-7,^1", "2"];

    public static readonly string[] XmCpuLists = ["0-3", "0-7,^1", "2"];

    public static readonly string[] ViridianGroups = ["base", "freq", "time_ref_count", "!hcall_remote_tlb_flush", "apic_assist"];

    public static readonly string[] Serials = ["pty", "/dev/ttyS0", "file:/tmp/s.log"];

    private static readonly char[] s_xlChars = "abcXYZ019 /:,=[]#;'\"\\\t-_.é".ToCharArray();

    private static readonly char[] s_xmChars = "abcXYZ019 /:,=[]#;'\"\\\t-_.".ToCharArray();

    private static Gen<string> Str(ConfigDialect dialect) =>
        Gen.Elements(dialect == ConfigDialect.Xm ? s_xmChars : s_xlChars).ArrayOf().Select(static a => new string(a.Take(16).ToArray()));

    private static Gen<int> Layout => Gen.Choose(0, 4);

    private static Gen<FileValue> FileStrings(Gen<string> item) =>
        from items in item.ArrayOf()
        from layout in Layout
        select (FileValue)new FileList(items.Take(4).Select(static s => (FileValue)new FileString(s)).ToArray(), layout);

    private static Gen<FileValue> FileNumberOf(Gen<long> n, ConfigDialect dialect) =>
        from v in n
        from quoted in Gen.Elements(false, false, true)
        select (FileValue)new FileNumber(v, quoted);

    /// <summary>The fields a generated file may set: how the file writes one, and a model value for it.</summary>
    private sealed record Field(string Key, Func<ConfigDialect, Gen<FileValue>> File, Func<ConfigDialect, Gen<object>> Model, Func<ConfigDialect, Gen<object>>? Item = null);

    private static readonly Field[] s_fields =
    [
        new("name", d => Str(d).Select(static s => (FileValue)new FileString(s)), d => Str(d).Select(static s => (object)s)),
        new("memory", d => FileNumberOf(Gen.Choose(1, 65536).Select(static n => (long)n), d), static _ => Gen.Choose(1, 65536).Select(static n => (object)(long)n)),
        new("vcpus", d => FileNumberOf(Gen.Choose(1, 8).Select(static n => (long)n), d), static _ => Gen.Choose(1, 8).Select(static n => (object)(long)n)),
        new("maxmem", d => FileNumberOf(Gen.Choose(1, 65536).Select(static n => (long)n), d), static _ => Gen.Choose(1, 65536).Select(static n => (object)(long)n)),
        new("acpi", static _ => Gen.Elements(0L, 1L).Select(static n => (FileValue)new FileNumber(n, false)), static _ => Gen.Elements(true, false).Select(static b => (object)b)),
        new("on_crash", static _ => Gen.Elements(Enum.GetValues<ShutdownAction>()).Select(static a => (FileValue)new FileString(new ConfigEnum<ShutdownAction>(a).Spelling)),
            static _ => Gen.Elements(Enum.GetValues<ShutdownAction>()).Select(static a => (object)new ConfigEnum<ShutdownAction>(a))),
        new("tsc_mode", static d => Gen.Choose(0, 3).Select(i => d == ConfigDialect.Xm ? (FileValue)new FileNumber(i, false) : new FileString(new ConfigEnum<TscMode>(Enum.GetValues<TscMode>()[i]).Spelling)),
            static _ => Gen.Elements(Enum.GetValues<TscMode>()).Select(static m => (object)new ConfigEnum<TscMode>(m))),
        new("extra", d => Str(d).Select(static s => (FileValue)new FileString(s)), d => Str(d).Select(static s => (object)s)),
        new("disk", d => FileStrings(Gen.Elements(Disks(d))), d => SpecList(Gen.Elements(Disks(d)), t => DiskSpec.Parse(t, d, null).Value), d => Gen.Elements(Disks(d)).Select(t => (object)DiskSpec.Parse(t, d, null).Value)),
        new("vif", static _ => FileStrings(Gen.Elements(Vifs)), static d => SpecList(Gen.Elements(Vifs), t => VifSpec.Parse(t, d, null).Value), static d => Gen.Elements(Vifs).Select(t => (object)VifSpec.Parse(t, d, null).Value)),
        new("pci", static _ => FileStrings(Gen.Elements(Pcis)), static d => SpecList(Gen.Elements(Pcis), t => PciSpec.Parse(t, d, null).Value), static d => Gen.Elements(Pcis).Select(t => (object)PciSpec.Parse(t, d, null).Value)),
        new("cpus", static d => Gen.OneOf(Gen.Elements(CpuLists(d)).Select(static s => (FileValue)new FileString(s)), FileStrings(Gen.Elements(CpuLists(d)))),
            static d => Gen.OneOf(
                Gen.Elements(CpuLists(d)).Select(t => (object)OneOrList<CpuListSpec>.One(CpuListSpec.Parse(t, d, null).Value)),
                SpecList(Gen.Elements(CpuLists(d)), t => CpuListSpec.Parse(t, d, null).Value).Select(static l => (object)OneOrList<CpuListSpec>.List((ValueList<CpuListSpec>)l))),
            static d => Gen.Elements(CpuLists(d)).Select(t => (object)CpuListSpec.Parse(t, d, null).Value)),
        new("serial", static _ => Gen.OneOf(Gen.Elements(Serials).Select(static s => (FileValue)new FileString(s)), FileStrings(Gen.Elements(Serials))),
            static _ => Gen.OneOf(
                Gen.Elements(Serials).Select(static s => (object)OneOrList<string>.One(s)),
                Gen.Elements(Serials).ArrayOf().Select(static a => (object)OneOrList<string>.List([.. a.Take(3)]))),
            static _ => Gen.Elements(Serials).Select(static s => (object)s)),
        // xm reads viridian as 0 or 1 only; the group list is xl's.
        new("viridian", static d => d == ConfigDialect.Xm
                ? Gen.Elements(0L, 1L).Select(static n => (FileValue)new FileNumber(n, false))
                : Gen.OneOf(Gen.Elements(0L, 1L).Select(static n => (FileValue)new FileNumber(n, false)), FileStrings(Gen.Elements(ViridianGroups))),
            static d => d == ConfigDialect.Xm
                ? Gen.Elements(true, false).Select(static b => (object)ViridianSetting.FromBoolean(b))
                : Gen.OneOf(
                    Gen.Elements(true, false).Select(static b => (object)ViridianSetting.FromBoolean(b)),
                    SpecList(Gen.Elements(ViridianGroups), t => ViridianSpec.Parse(t, d, null).Value).Select(static l => (object)ViridianSetting.FromGroups((ValueList<ViridianSpec>)l))),
            static _ => Gen.Elements(ViridianGroups).Select(static t => (object)ViridianSpec.Parse(t, ConfigDialect.Xl, null).Value)),
        new("device_model_args", d => FileStrings(Str(d)), d => Str(d).ArrayOf().Select(static a => (object)ValueList.From(a.Take(4))), d => Str(d).Select(static s => (object)s)),
    ];

    private static readonly string[] s_otherKeysXl = ["k_1", "k.2", "k3"];

    private static readonly string[] s_otherKeysXm = ["k_1", "k_2", "k3"];

    public static string[] Disks(ConfigDialect dialect) => dialect == ConfigDialect.Xm ? XmDisks : XlDisks;

    public static string[] CpuLists(ConfigDialect dialect) => dialect == ConfigDialect.Xm ? XmCpuLists : XlCpuLists;

    private static Gen<object> SpecList<T>(Gen<string> text, Func<string, T> parse) =>
        text.ArrayOf().Select(a => (object)ValueList.From(a.Take(4).Select(parse)));

    private static Gen<FileValue> OtherFileValue(ConfigDialect dialect) => Gen.Frequency(
        (3, Str(dialect).Select(static s => (FileValue)new FileString(s))),
        (2, FileStrings(Str(dialect))),
        (1, Gen.Choose(0, 999).Select(n => (FileValue)new FileNumber(n, false))));

    /// <summary>A new other setting: a string or a list of strings (xl reads every atom as a string), and in xm also an integer.</summary>
    private static Gen<ConfigValue> OtherModelValue(ConfigDialect dialect)
    {
        var choices = new List<(int, Gen<ConfigValue>)>
        {
            (3, Str(dialect).Select(static s => (ConfigValue)new ConfigString(s))),
            (2, Str(dialect).ArrayOf().Select(static a => (ConfigValue)new ConfigList(a.Take(3).Select(static s => (ConfigValue)new ConfigString(s))))),
        };
        if (dialect == ConfigDialect.Xm)
        {
            choices.Add((1, Gen.Choose(0, 999).Select(static n => (ConfigValue)new ConfigInteger(n))));
        }

        return Gen.Frequency(choices.ToArray());
    }

    /// <summary>Documents in both dialects and change plans for their models.</summary>
    public static Gen<ApplyCase> Cases =>
        from dialect in Gen.Elements(ConfigDialect.Xl, ConfigDialect.Xm)
        from c in Case(dialect)
        select c;

    private static Gen<ApplyCase> Case(ConfigDialect dialect)
    {
        string[] otherKeys = dialect == ConfigDialect.Xm ? s_otherKeysXm : s_otherKeysXl;
        Gen<List<(string Key, FileValue Value)>> statements = Sequence(
            s_fields.Select(f => Gen.Frequency((2, Gen.Constant<(string, FileValue)?>(null)), (3, f.File(dialect).Select(v => ((string, FileValue)?)(f.Key, v)))))
                .Concat(otherKeys.Select(k => Gen.Frequency((1, Gen.Constant<(string, FileValue)?>(null)), (1, OtherFileValue(dialect).Select(v => ((string, FileValue)?)(k, v)))))))
            .Select(static l => l.Where(static s => s is not null).Select(static s => s!.Value).ToList());
        Gen<List<Mutation>> plan = Sequence(
            s_fields.Select(f => Mutate(f, dialect))
                .Concat(otherKeys.Select(k => Gen.Frequency(
                    (4, Gen.Constant(new Mutation(k, 0, null, []))),
                    (1, Gen.Constant(new Mutation(k, 1, null, []))),
                    (2, OtherModelValue(dialect).Select(v => new Mutation(k, 2, v, [])))))));
        return from s in statements
               from order in Gen.Choose(0, 1000).ArrayOf(s.Count)
               from quote in Gen.Elements('\'', '"')
               from eq in Gen.Elements(" = ", "=", " =", "\t= ")
               from decorations in Gen.Choose(0, 9).ArrayOf(s.Count + 1)
               from extras in Gen.Choose(0, 1).ArrayOf(6)
               from p in plan
               select Build(dialect, s.Zip(order).OrderBy(static x => x.Second).Select(static x => x.First).ToList(), quote, eq, decorations, extras, p);
    }

    private static Gen<Mutation> Mutate(Field field, ConfigDialect dialect)
    {
        var choices = new List<(int, Gen<Mutation>)>
        {
            (5, Gen.Constant(new Mutation(field.Key, 0, null, []))),
            (1, Gen.Constant(new Mutation(field.Key, 1, null, []))),
            (2, field.Model(dialect).Select(v => new Mutation(field.Key, 2, v, []))),
        };
        if (field.Item is { } item)
        {
            Gen<(int, int, object)> op = from kind in Gen.Choose(0, 2)
                                          from index in Gen.Choose(0, 9)
                                          from value in item(dialect)
                                          select (kind, index, value);
            choices.Add((3, op.ArrayOf().Select(a => new Mutation(field.Key, 3, null, [.. a.Take(3).Select(static o => (o.Item1, o.Item2, o.Item3))]))));
        }

        return Gen.Frequency(choices.ToArray());
    }

    private static Gen<List<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Constant(new List<T>()), static (acc, g) => from l in acc from x in g select new List<T>(l) { x });

    private static ApplyCase Build(ConfigDialect dialect, List<(string Key, FileValue Value)> statements, char quote, string eq, int[] decorations, int[] extras, List<Mutation> plan)
    {
        var fragile = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        bool xm = dialect == ConfigDialect.Xm;
        if (decorations[^1] < 3)
        {
            sb.Append("# generated guest\n\n");
        }

        for (int i = 0; i < statements.Count; i++)
        {
            var (key, value) = statements[i];
            int d = decorations[i];
            if (xm && key == "memory" && extras[0] == 1)
            {
                // memory computed from another variable
                sb.Append("base").Append(eq).Append(((FileNumber)value).Value).Append('\n');
                sb.Append("memory").Append(eq).Append("base * 1\n");
                fragile.Add("memory");
                continue;
            }

            if (xm && key == "vcpus" && extras[1] == 1)
            {
                sb.Append("if 1:\n    vcpus").Append(eq).Append(Render(value, dialect, quote, "    ")).Append('\n');
                fragile.Add("vcpus");
                continue;
            }

            if (!xm && key == "memory" && extras[2] == 1)
            {
                sb.Append("memory = 1\n"); // a dead earlier setting: the last one wins
            }

            if (!xm && key == "vif" && value is FileList { Items.Length: > 1 } chain && extras[3] == 1)
            {
                sb.Append("vif").Append(eq).Append(Render(new FileList(chain.Items[..1], chain.Layout), dialect, quote, string.Empty)).Append('\n');
                sb.Append("vif += ").Append(Render(new FileList(chain.Items[1..], chain.Layout), dialect, quote, string.Empty)).Append('\n');
                continue;
            }

            if (!xm && key == "extra" && extras[3] == 1)
            {
                sb.Append("extra").Append(eq).Append(Render(value, dialect, quote, string.Empty)).Append('\n');
                sb.Append("extra += ").Append(Render(new FileString(" more"), dialect, quote, string.Empty)).Append('\n');
                fragile.Add("extra");
                continue;
            }

            sb.Append(key).Append(eq).Append(Render(value, dialect, quote, string.Empty));
            sb.Append(d switch
            {
                0 => "   # note\n",
                1 => "\n\n",
                2 => "\n# a comment line\n",
                3 when i + 1 < statements.Count && !(xm && statements[i + 1].Key is "memory" or "vcpus") => "; ",
                _ => "\n",
            });
        }

        if (xm && statements.Any(static s => s.Key == "disk") && extras[4] == 1)
        {
            sb.Append("disk.append('phy:/dev/vg/z,hdd,w')\n");
            fragile.Add("disk");
        }

        if (xm && statements.Any(static s => s.Key == "memory") && !statements.Any(static s => s.Key == "maxmem") && extras[5] == 1)
        {
            sb.Append("maxmem = memory\n");
            fragile.Add("maxmem");
            fragile.Add("memory");
        }

        return new ApplyCase(dialect, sb.ToString(), fragile, plan);
    }

    /// <summary>The generator's own printer: strings in the preferred quote (the other when the text holds it), backslash escapes, lists in a layout.</summary>
    private static string Render(FileValue value, ConfigDialect dialect, char quote, string indent) => value switch
    {
        FileString s => Quote(s.Value, quote),
        FileNumber { Quoted: true } n => Quote(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), quote),
        FileNumber n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FileList { Items.Length: 0 } l => l.Layout == 1 ? "[ ]" : "[]",
        FileList l => l.Layout switch
        {
            0 => "[" + string.Join(", ", l.Items.Select(i => Render(i, dialect, quote, indent))) + "]",
            1 => "[ " + string.Join(", ", l.Items.Select(i => Render(i, dialect, quote, indent))) + " ]",
            2 => "[\n" + string.Join(",\n", l.Items.Select(i => indent + "    " + Render(i, dialect, quote, indent))) + "\n" + indent + "]",
            3 => "[\n" + string.Concat(l.Items.Select((i, k) => indent + "    " + Render(i, dialect, quote, indent) + ",  # item " + k + "\n")) + indent + "]",
            _ => "[ " + string.Join(",\n" + indent + "  ", l.Items.Select(i => Render(i, dialect, quote, indent))) + " ]",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static string Quote(string text, char quote)
    {
        char other = quote == '\'' ? '"' : '\'';
        char q = text.Contains(quote, StringComparison.Ordinal) && !text.Contains(other, StringComparison.Ordinal) ? other : quote;
        var sb = new StringBuilder().Append(q);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                _ when c == q => "\\" + c,
                _ => c.ToString(),
            });
        }

        return sb.Append(q).ToString();
    }

    /// <summary>The model the plan makes of a bound model.</summary>
    public static DomainConfig Apply(DomainConfig bound, IReadOnlyList<Mutation> plan)
    {
        DomainConfig model = bound;
        var other = bound.OtherSettings.ToList();
        foreach (Mutation m in plan)
        {
            if (!OptionCatalog.TryGet(m.Key, out OptionDefinition? option))
            {
                int at = other.FindIndex(s => s.Name == m.Key);
                if (m.Action == 1 && at >= 0)
                {
                    other.RemoveAt(at);
                }
                else if (m.Action == 2 && at >= 0)
                {
                    other[at] = new ConfigSetting(m.Key, (ConfigValue)m.Value!);
                }
                else if (m.Action == 2)
                {
                    other.Add(new ConfigSetting(m.Key, (ConfigValue)m.Value!));
                }

                continue;
            }

            object? current = option.GetValue(model);
            model = m.Action switch
            {
                1 => option.WithValue(model, null),
                2 => option.WithValue(model, m.Value),
                3 => option.WithValue(model, EditItems(current, m.Ops)),
                _ => model,
            };
        }

        return model with { OtherSettings = [.. other] };
    }

    private static object? EditItems(object? current, IReadOnlyList<(int Kind, int Index, object Item)> ops)
    {
        switch (current)
        {
            case OneOrList<CpuListSpec> { IsList: true } o:
                return OneOrList<CpuListSpec>.List(EditList(o.Items, ops));
            case OneOrList<string> { IsList: true } o:
                return OneOrList<string>.List(EditList(o.Items, ops));
            case ViridianSetting { Groups: { } g }:
                return ViridianSetting.FromGroups(EditList(g, ops));
            case ValueList<DiskSpec> l:
                return EditList(l, ops);
            case ValueList<VifSpec> l:
                return EditList(l, ops);
            case ValueList<PciSpec> l:
                return EditList(l, ops);
            case ValueList<string> l:
                return EditList(l, ops);
            default:
                return current; // not in list form (or not set): no item to edit
        }
    }

    private static ValueList<T> EditList<T>(ValueList<T> list, IReadOnlyList<(int Kind, int Index, object Item)> ops)
    {
        var items = list.ToList();
        foreach (var (kind, index, item) in ops)
        {
            if (item is not T typed)
            {
                continue;
            }

            if (kind == 0 && items.Count > 0)
            {
                items.RemoveAt(index % items.Count);
            }
            else if (kind == 1)
            {
                items.Insert(index % (items.Count + 1), typed);
            }
            else if (items.Count > 0)
            {
                items[index % items.Count] = typed;
            }
        }

        return ValueList.From(items);
    }
}
