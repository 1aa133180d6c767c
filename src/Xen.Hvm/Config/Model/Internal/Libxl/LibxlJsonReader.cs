using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>
/// A <c>libxl_domain_config</c> (what <c>xl create -n</c> and <c>xl list -l</c> print) read back into the options
/// of a config file that give it: the inverse of <see cref="LibxlJsonWriter"/>. The reader takes every member it
/// understands out of a copy of the JSON; what is left is then reported: members libxl 4.17 does not have (XH3101),
/// and members that hold something no config option can ask for (XH3103). Values of the wrong JSON type are XH3102.
/// </summary>
internal sealed partial class LibxlJsonReader
{
    private readonly JsonObject _root;
    private readonly LibxlJsonOptions _o;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<(JsonObject Item, string Struct, string Path)> _taken = [];
    private readonly JsonObject _cInfo;
    private readonly JsonObject _bInfo;
    private DomainConfig _c = new();
    private GuestType _type = GuestType.Pv;

    private LibxlJsonReader(JsonObject root, LibxlJsonOptions options)
    {
        _root = root;
        _o = options;
        _cInfo = Object(_root, "c_info", "libxl_domain_config") ?? new JsonObject();
        _bInfo = Object(_root, "b_info", "libxl_domain_config") ?? new JsonObject();
    }

    /// <summary>Reads a JSON text: a <c>libxl_domain_config</c>, <c>xl list -l</c>'s <c>{"domid", "config"}</c> wrapper
    /// or a list holding one of those.</summary>
    public static ParseResult<DomainConfig> Read(string text, LibxlJsonOptions options)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"the text is not JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
            return Failed(where);
        }

        if (node is JsonArray array)
        {
            if (array.Count != 1)
            {
                return Failed(string.Create(CultureInfo.InvariantCulture, $"a list of {array.Count} domains; pass one of them"));
            }

            node = array[0];
        }

        try
        {
            if (node is JsonObject { } wrapper && wrapper["config"] is JsonObject config && !wrapper.ContainsKey("c_info"))
            {
                node = config;
            }
        }
        catch (ArgumentException)
        {
            return Failed("an object names a member twice");
        }

        return node is JsonObject obj ? Read(obj, options) : Failed("the document is not a JSON object");
    }

    /// <summary>Reads a <c>libxl_domain_config</c> object (left unchanged).</summary>
    public static ParseResult<DomainConfig> Read(JsonObject json, LibxlJsonOptions options)
    {
        bool known;
        try
        {
            known = json.ContainsKey("c_info") || json.ContainsKey("b_info");
        }
        catch (ArgumentException)
        {
            return Failed("an object names a member twice");
        }

        if (!known)
        {
            return Failed("it has neither c_info nor b_info");
        }

        JsonObject copy;
        try
        {
            copy = (JsonObject)json.DeepClone();
            Materialise(copy);
        }
        catch (ArgumentException)
        {
            // JsonNode.Parse keeps a repeated member until the object is first read, then throws.
            return Failed("an object names a member twice");
        }

        var reader = new LibxlJsonReader(copy, options);
        reader.Run();
        return new ParseResult<DomainConfig>(reader._c, reader._diagnostics, static (m, d) => new XenConfigException(m, d));
    }

    private static void Materialise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialise(value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Materialise(item);
                }

                break;
        }
    }

    private static ParseResult<DomainConfig> Failed(string reason) =>
        new(null, [Diagnostic.Create(DiagnosticDescriptors.LibxlJsonInvalid, default, reason)], static (m, d) => new XenConfigException(m, d));

    private JsonObject Hvm => _bInfo["type.hvm"] as JsonObject ?? new JsonObject();

    private void Run()
    {
        GeneralOptions();
        SimpleOptions();
        MemoryAndVcpus();
        Affinity();
        XlConfValues();
        ShutdownActions();
        BootOptions();
        if (_type == GuestType.Hvm)
        {
            HvmOptions();
        }

        IoResources();
        Cpuid();
        Devices();
        Leftovers(_root, LibxlIdl.DomainConfig, "$");
        for (int i = 0; i < _taken.Count; i++)
        {
            Leftovers(_taken[i].Item, _taken[i].Struct, _taken[i].Path);
        }
    }

    // ---- JSON access: each Take removes the member, so that what is left can be reported. ----

    private JsonNode? Take(JsonObject obj, string key)
    {
        if (!obj.TryGetPropertyValue(key, out JsonNode? value))
        {
            return null;
        }

        obj.Remove(key);
        return value;
    }

    private JsonObject? Object(JsonObject parent, string key, string where)
    {
        if (!parent.TryGetPropertyValue(key, out JsonNode? value) || value is null)
        {
            return null;
        }

        if (value is JsonObject obj)
        {
            return obj;
        }

        Unexpected(where + "." + key, value, "an object");
        parent.Remove(key);
        return null;
    }

    private string? String(JsonObject obj, string key, string where)
    {
        JsonNode? value = Take(obj, key);
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue(out string? s))
        {
            return s;
        }

        Unexpected(where + "." + key, value, "a string");
        return null;
    }

    private bool? Defbool(JsonObject obj, string key, string where)
    {
        JsonNode? value = Take(obj, key);
        switch (value)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue(out string? s) && s is "True" or "False":
                return s == "True";
            default:
                Unexpected(where + "." + key, value, "\"True\" or \"False\"");
                return null;
        }
    }

    private bool Bool(JsonObject obj, string key, string where)
    {
        JsonNode? value = Take(obj, key);
        switch (value?.GetValueKind())
        {
            case null:
                return false;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Unexpected(where + "." + key, value, "true or false");
                return false;
        }
    }

    private Int128? Integer(JsonObject obj, string key, string where, Int128 min, Int128 max)
    {
        JsonNode? value = Take(obj, key);
        if (value is null)
        {
            return null;
        }

        if (LibxlIdl.TryGetInteger(value, out Int128 n) && n >= min && n <= max)
        {
            return n;
        }

        Unexpected(where + "." + key, value, string.Create(CultureInfo.InvariantCulture, $"an integer from {min} to {max}"));
        return null;
    }

    private long? Int32(JsonObject obj, string key, string where) =>
        Integer(obj, key, where, int.MinValue, int.MaxValue) is { } n ? (long)n : null;

    private long? UInt32(JsonObject obj, string key, string where) =>
        Integer(obj, key, where, 0, uint.MaxValue) is { } n ? (long)n : null;

    private ulong? UInt64(JsonObject obj, string key, string where) =>
        Integer(obj, key, where, 0, ulong.MaxValue) is { } n ? (ulong)n : null;

    /// <summary>A KiB count that the config writes in MiB (a remainder has no form).</summary>
    private long? MiB(JsonObject obj, string key, string where)
    {
        if (UInt64(obj, key, where) is not { } kb || kb == ulong.MaxValue)
        {
            return null;
        }

        if (kb % 1024 != 0)
        {
            NotExpressible(where + "." + key, kb, "the config gives sizes in whole MiB; rounded down");
        }

        return unchecked((long)(kb / 1024));
    }

    private string? EnumName(JsonObject obj, string key, string where, string enumeration)
    {
        JsonNode? value = Take(obj, key);
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue(out string? name) && LibxlIdl.EnumHas(enumeration, name))
        {
            return name;
        }

        Unexpected(where + "." + key, value, "a value of " + enumeration);
        return null;
    }

    /// <summary>The objects of a list member (taken out); each is checked for leftovers at the end when it is a struct
    /// of the IDL.</summary>
    private List<JsonObject> Items(JsonObject obj, string key, string where, string? structName)
    {
        var items = new List<JsonObject>();
        switch (Take(obj, key))
        {
            case null:
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        items.Add(item);
                        if (structName is not null)
                        {
                            _taken.Add((item, structName, string.Create(CultureInfo.InvariantCulture, $"{where}.{key}[{i}]")));
                        }
                    }
                    else
                    {
                        Unexpected(string.Create(CultureInfo.InvariantCulture, $"{where}.{key}[{i}]"), array[i], "an object");
                    }
                }

                break;
            case var other:
                Unexpected(where + "." + key, other, "a list");
                break;
        }

        return items;
    }

    /// <summary>A <c>libxl_bitmap</c>: the set bits, ascending.</summary>
    private int[]? Bitmap(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            var bits = new SortedSet<int>();
            bool ok = true;
            foreach (JsonNode? item in array)
            {
                if (LibxlIdl.TryGetInteger(item, out Int128 bit) && bit >= 0 && bit < 65536 * 8)
                {
                    bits.Add((int)bit);
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                return [.. bits];
            }
        }

        Unexpected(where, node, "a list of bit numbers");
        return null;
    }

    private ValueList<string>? StringList(JsonObject obj, string key, string where)
    {
        JsonNode? value = Take(obj, key);
        if (value is null)
        {
            return null;
        }

        if (value is JsonArray array && array.All(static i => i is JsonValue v && v.TryGetValue(out string? _)))
        {
            return ValueList.From(array.Select(static i => i!.GetValue<string>()));
        }

        Unexpected(where + "." + key, value, "a list of strings");
        return null;
    }

    private void Unexpected(string path, JsonNode? value, string expected) =>
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonUnexpectedValue, default, path, Show(value), expected));

    private void NotExpressible(string path, object? value, string why) =>
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonNotExpressible, default, path,
            value is JsonNode n ? Show(n) : Convert.ToString(value, CultureInfo.InvariantCulture), why));

    private static string Show(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    // ---- c_info and the options of LibxlOptionMap ----

    private void GeneralOptions()
    {
        const string where = "$.c_info";
        switch (EnumName(_cInfo, "type", where, "libxl_domain_type"))
        {
            case "hvm":
                _type = GuestType.Hvm;
                break;
            case "pvh":
                _type = GuestType.Pvh;
                break;
            case "pv":
                _type = GuestType.Pv;
                break;
        }

        _c = _c with { Type = _type, Name = String(_cInfo, "name", where) };
        if (_c.Name is null)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonInvalid, default, "c_info has no name (xl requires one)"));
        }

        if (!_cInfo.ContainsKey("uuid"))
        {
            // libxl leaves a nil uuid out; xl makes one up only when the file has none.
            _c = _c with { Uuid = Guid.Empty.ToString("D") };
        }
        else if (String(_cInfo, "uuid", where) is { } uuid)
        {
            if (!Guid.TryParseExact(uuid, "D", out Guid id))
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonUnexpectedValue, default, where + ".uuid", "\"" + uuid + "\"", "a uuid"));
            }
            else if (id != _o.GeneratedUuid)
            {
                _c = _c with { Uuid = id.ToString("D") };
            }
        }

        string? label = String(_cInfo, "ssid_label", where);
        string? exec = String(_bInfo, "exec_ssid_label", "$.b_info");
        _c = exec is null
            ? _c with { SecurityLabel = label }
            : _c with { InitialSecurityLabel = label, SecurityLabel = exec };
        if (exec is not null && label is null)
        {
            NotExpressible("$.b_info.exec_ssid_label", exec, "seclabel is the execution label only with init_seclabel");
        }

        if (Defbool(_cInfo, "run_hotplug_scripts", where) is { } hotplug && hotplug != (_o.XlConf.RunHotplugScripts ?? true))
        {
            NotExpressible(where + ".run_hotplug_scripts", hotplug, "it comes from xl.conf's run_hotplug_scripts, not the domain config");
        }
    }

    private void SimpleOptions()
    {
        foreach (var row in LibxlOptionMap.EntriesFor(_type))
        {
            if (Parent(row.Keys) is not { } parent)
            {
                continue;
            }

            string key = row.Keys[^1];
            string where = "$." + string.Join(".", row.Keys);
            object? value = row.Encoding switch
            {
                LibxlEncoding.String => String(parent, key, where),
                LibxlEncoding.Defbool => Defbool(parent, key, where),
                LibxlEncoding.Int32 => Int32(parent, key, where),
                LibxlEncoding.UInt32 => UInt32(parent, key, where),
                LibxlEncoding.UInt32Signed => UInt32(parent, key, where) is { } u ? (long)unchecked((int)(uint)u) : null,
                LibxlEncoding.MiBToKiB => MiB(parent, key, where),
                LibxlEncoding.StringList => StringList(parent, key, where),
                _ => EnumName(parent, key, where, LibxlIdl.TryGetField(row.Path, out var field) ? field.Name! : string.Empty) is { } name
                    ? row.FromLibxl!(name)
                    : null,
            };
            if (value is not null && !IsDefault(row, value))
            {
                _c = row.Definition.WithValue(_c, value);
            }
        }
    }

    /// <summary>An enum value libxl leaves out anyway (the default) is not an option the file set.</summary>
    private static bool IsDefault(LibxlOptionRow row, object value) =>
        row.Encoding == LibxlEncoding.Enum && LibxlIdl.TryGetField(row.Path, out var field) &&
        string.Equals(row.ToLibxl!(value), field.Default, StringComparison.Ordinal);

    private JsonObject? Parent(string[] keys)
    {
        JsonObject obj = _root;
        for (int i = 0; i < keys.Length - 1; i++)
        {
            if (obj[keys[i]] is not JsonObject child)
            {
                return null;
            }

            obj = child;
        }

        return obj;
    }

    // ---- b_info ----

    private void MemoryAndVcpus()
    {
        const string where = "$.b_info";
        long? target = MiB(_bInfo, "target_memkb", where);
        long? max = MiB(_bInfo, "max_memkb", where);
        long maxVcpus = Int32(_bInfo, "max_vcpus", where) ?? 0;
        int[]? avail = Bitmap(Take(_bInfo, "avail_vcpus"), where + ".avail_vcpus");
        var (vnuma, vnumaVcpus, vnumaMiB) = Vnuma(Take(_bInfo, "vnuma_nodes"), where + ".vnuma_nodes");

        long vcpus = 0;
        if (avail is { Length: > 0 })
        {
            vcpus = avail[^1] + 1;
            if (avail.Length != vcpus)
            {
                NotExpressible(where + ".avail_vcpus", string.Join(",", avail), "vcpus = N makes vCPUs 0 to N-1 available; read as " + vcpus.ToString(CultureInfo.InvariantCulture));
            }
        }

        long derivedMaxVcpus = vnuma is not null ? vnumaVcpus : vcpus;
        _c = _c with
        {
            Vcpus = vcpus > 0 ? vcpus : null,
            MaxVcpus = maxVcpus != derivedMaxVcpus && maxVcpus != 0 ? maxVcpus : null,
            MemoryMiB = target,
            MaxMemoryMiB = max is { } m && m != (vnuma is not null ? vnumaMiB : target) ? m : null,
            VnumaNodes = vnuma,
        };
        if (vnuma is not null && max is { } vm && vm != vnumaMiB)
        {
            NotExpressible(where + ".max_memkb", vm * 1024, "vnuma sets max_memkb to the sum of its node sizes");
        }

        if (Defbool(_bInfo, "numa_placement", where) is { } placement)
        {
            _numaPlacementOff = !placement;
            if (placement)
            {
                NotExpressible(where + ".numa_placement", "True", "no option turns automatic NUMA placement on explicitly");
            }
        }
    }

    private bool _numaPlacementOff;

    private (ValueList<ValueList<VnumaOption>>? Nodes, long Vcpus, long MiB) Vnuma(JsonNode? node, string where)
    {
        if (node is null)
        {
            return (null, 0, 0);
        }

        if (node is not JsonArray array)
        {
            Unexpected(where, node, "a list");
            return (null, 0, 0);
        }

        var nodes = new List<ValueList<VnumaOption>>();
        long vcpus = 0;
        long mib = 0;
        for (int i = 0; i < array.Count; i++)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{where}[{i}]");
            if (array[i] is not JsonObject n)
            {
                Unexpected(at, array[i], "an object");
                continue;
            }

            _taken.Add((n, "libxl_vnode_info", at));
            var options = new List<VnumaOption>();
            if (UInt32(n, "pnode", at) is { } pnode)
            {
                options.Add(new VnumaOption { Key = VnumaKey.Pnode, Name = "pnode", Number = (ulong)pnode });
                _vnumaPnode = true;
            }

            if (MiB(n, "memkb", at) is { } size)
            {
                options.Add(new VnumaOption { Key = VnumaKey.Size, Name = "size", Number = (ulong)size });
                mib += size;
            }

            if (Bitmap(Take(n, "vcpus"), at + ".vcpus") is { Length: > 0 } bits)
            {
                options.Add(new VnumaOption { Key = VnumaKey.Vcpus, Name = "vcpus", Ranges = SpecList.Create<(ulong, ulong)>(Ranges(bits).Select(static r => ((ulong)r.From, (ulong)r.To)).ToArray()) });
                vcpus += bits.Length;
            }

            if (Take(n, "distances") is JsonArray distances && distances.Count > 0)
            {
                var values = distances.Select(d => LibxlIdl.TryGetInteger(d, out Int128 v) && v >= 0 && v <= uint.MaxValue ? (ulong)v : 0UL).ToArray();
                options.Add(new VnumaOption { Key = VnumaKey.Vdistances, Name = "vdistances", Distances = SpecList.Create<ulong>(values) });
            }

            nodes.Add([.. options]);
        }

        return (ValueList.From(nodes), vcpus, mib);
    }

    private bool _vnumaPnode;

    /// <summary>Runs of consecutive bits.</summary>
    private static IEnumerable<(int From, int To)> Ranges(IReadOnlyList<int> bits)
    {
        for (int i = 0; i < bits.Count;)
        {
            int j = i;
            while (j + 1 < bits.Count && bits[j + 1] == bits[j] + 1)
            {
                j++;
            }

            yield return (bits[i], bits[j]);
            i = j + 1;
        }
    }

    private static CpuListSpec CpuList(IReadOnlyList<int> bits) =>
        new(SpecList.Create<CpuListTerm>(Ranges(bits).Select(static r => r.From == r.To ? CpuListTerm.Single((ulong)r.From) : CpuListTerm.Range((ulong)r.From, (ulong)r.To)).ToArray()));

    private void Affinity()
    {
        const string where = "$.b_info";
        var hard = Bitmaps(Take(_bInfo, "vcpu_hard_affinity"), where + ".vcpu_hard_affinity");
        var soft = Bitmaps(Take(_bInfo, "vcpu_soft_affinity"), where + ".vcpu_soft_affinity");
        long maxVcpus = _c.MaxVcpus ?? (_c.VnumaNodes is null ? _c.Vcpus ?? 0 : _c.VnumaNodes.Sum(n => n.Where(o => o.Key == VnumaKey.Vcpus).Sum(o => o.Ranges.Sum(r => (long)(r.To - r.From + 1)))));

        // The string form copies one map to every vCPU and leaves NUMA placement alone; the list form turns it off.
        bool listImpliesOff = hard is not null && (_numaPlacementOff && soft is null && !_vnumaPnode);
        _c = _c with
        {
            CpuAffinity = hard is null ? null : Form(hard, list: listImpliesOff),
            SoftCpuAffinity = soft is null ? null : Form(soft, list: false),
        };
        if (_numaPlacementOff && hard is null && soft is null && !_vnumaPnode && _c.VnumaNodes is { Count: > 0 } nodes)
        {
            // pnode = 0 is left out of the JSON, but it turned NUMA placement off.
            var first = nodes[0].Prepend(new VnumaOption { Key = VnumaKey.Pnode, Name = "pnode", Number = 0 });
            _c = _c with { VnumaNodes = ValueList.From(nodes.Skip(1).Prepend(ValueList.From(first))) };
        }
        else if (_numaPlacementOff && hard is null && soft is null && !_vnumaPnode)
        {
            NotExpressible(where + ".numa_placement", "False", "only a cpus list, cpus_soft or a vnuma pnode turn NUMA placement off");
        }

        OneOrList<CpuListSpec> Form(List<int[]> maps, bool list)
        {
            bool same = maps.All(m => m.SequenceEqual(maps[0]));
            if (!list && same && maps.Count == maxVcpus)
            {
                return OneOrList<CpuListSpec>.One(CpuList(maps[0]));
            }

            return OneOrList<CpuListSpec>.List(ValueList.From(maps.Select(static m => CpuList(m))));
        }
    }

    private List<int[]>? Bitmaps(JsonNode? node, string where)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray { Count: > 0 } array)
        {
            Unexpected(where, node, "a list of bitmaps");
            return null;
        }

        var maps = new List<int[]>();
        for (int i = 0; i < array.Count; i++)
        {
            maps.Add(Bitmap(array[i], string.Create(CultureInfo.InvariantCulture, $"{where}[{i}]")) ?? []);
        }

        return maps;
    }

    /// <summary>Values xl takes from xl.conf when the config does not set them.</summary>
    private void XlConfValues()
    {
        const string where = "$.b_info";
        _c = _c with
        {
            MaxGrantFrames = Grant("max_grant_frames", _o.XlConf.MaxGrantFrames),
            MaxMaptrackFrames = Grant("max_maptrack_frames", _o.XlConf.MaxMaptrackFrames),
            MaxGrantVersion = Grant("max_grant_version", _o.XlConf.MaxGrantVersion),
        };
        if (Defbool(_bInfo, "claim_mode", where) is { } claim && claim != (_o.XlConf.ClaimMode ?? true))
        {
            NotExpressible(where + ".claim_mode", claim, "it comes from xl.conf's claim_mode, not the domain config");
        }

        if (String(_bInfo, "blkdev_start", where) is { } start && start != _o.XlConf.BlkdevStart)
        {
            NotExpressible(where + ".blkdev_start", start, "it comes from xl.conf's blkdev_start, not the domain config");
        }

        long? Grant(string key, long? fromXlConf)
        {
            long? value = UInt32(_bInfo, key, where);
            return value is { } v && v != (fromXlConf ?? uint.MaxValue) && v != uint.MaxValue ? v : null;
        }
    }

    private void ShutdownActions()
    {
        _c = _c with
        {
            OnPoweroff = Action("on_poweroff", ShutdownAction.Destroy),
            OnReboot = Action("on_reboot", ShutdownAction.Restart),
            OnWatchdog = Action("on_watchdog", ShutdownAction.Destroy),
            OnCrash = Action("on_crash", ShutdownAction.Destroy),
            OnSoftReset = Action("on_soft_reset", ShutdownAction.SoftReset),
        };

        // libxl leaves "destroy" out, so a missing action is destroy: an option only where xl's default differs.
        ConfigEnum<ShutdownAction>? Action(string key, ShutdownAction xlDefault)
        {
            ShutdownAction action = EnumName(_root, key, "$", "libxl_action_on_shutdown") is { } name && ModelEnums.TryReadLibxl(name, out ShutdownAction a)
                ? a
                : ShutdownAction.Destroy;
            return action == xlDefault ? null : action;
        }
    }

    private void BootOptions()
    {
        const string where = "$.b_info";
        _c = _c with
        {
            Kernel = String(_bInfo, "kernel", where),
            Cmdline = String(_bInfo, "cmdline", where),
        };
        if (StringList(_bInfo, "bootloader_args", where) is { } args)
        {
            _c = _c with { BootloaderArgs = OneOrList<string>.List(args) };
        }

        if (EnumName(_bInfo, "tsc_mode", where, "libxl_tsc_mode") is { } tsc && tsc != "default" && ModelEnums.TryReadLibxl(tsc, out TscMode mode))
        {
            _c = _c with { TscMode = mode };
        }

        if (EnumName(_bInfo, "timer_mode", where, "libxl_timer_mode") is { } timer && ModelEnums.TryReadLibxl(timer, out TimerMode t))
        {
            _c = _c with { TimerMode = t };
        }

        if (EnumName(_bInfo, "altp2m", where, "libxl_altp2m_mode") is { } altp2m && altp2m != "disabled" && ModelEnums.TryReadLibxl(altp2m, out Altp2mMode m))
        {
            _c = _c with { Altp2m = m };
        }

        if (Int32(_bInfo, "vmtrace_buf_kb", where) is { } vmtrace && vmtrace != 0)
        {
            _c = _c with { VmtraceBufferKiB = vmtrace };
        }
    }
}
