using System.Globalization;
using Xen.Hvm.Capabilities.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// The output of <c>xm info</c> (Xen 3.0–4.4) or <c>xl info</c> (Xen 4.0–4.22), read into typed fields: host and
/// kernel, CPUs, memory in MiB, CPU speed in MHz, the Xen version, and the decoded <c>hw_caps</c>, <c>virt_caps</c>
/// and <c>xen_caps</c>, plus the <see cref="Facts"/> derived from them.
/// </summary>
/// <remarks>
/// <para>Every field keeps its source text (<see cref="Fields"/>); fields this library does not know are preserved
/// there too. Missing fields are <see langword="null"/>.</para>
/// <para><see cref="Parse"/> never throws on bad text (only <see cref="ArgumentNullException"/>): pasted outputs with
/// prompts, blank lines, wrapped lines, markup or <c>(snip)</c> markers are read as far as possible and the problems
/// become diagnostics.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed partial class HostInfo
{
    private readonly HostInfoField[] _fields;
    private readonly Dictionary<string, HostInfoField> _byKey;
    private readonly LineMap _lines;

    private HostInfo(string text, string? path, HostInfoField[] fields, LineMap lines)
    {
        Text = text;
        Path = path;
        _fields = fields;
        _lines = lines;
        _byKey = new Dictionary<string, HostInfoField>(StringComparer.Ordinal);
        foreach (HostInfoField f in fields)
        {
            _byKey.TryAdd(f.Key, f);
        }

        Facts = HostFacts.From(null, null, null, null);
    }

    /// <summary>Gets the text that was read.</summary>
    public string Text { get; }

    /// <summary>Gets the path or source name used in diagnostics, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>Gets every field in text order, known or not (a repeated key appears twice; typed values use the first).</summary>
    public IReadOnlyList<HostInfoField> Fields => _fields;

    /// <summary>Gets the fields no Xen version prints, preserved as text.</summary>
    public IEnumerable<HostInfoField> UnknownFields => _fields.Where(f => !f.IsKnown);

    /// <summary>Gets <c>host</c>: the dom0 host name.</summary>
    public string? Host => GetValueOrDefault("host");

    /// <summary>Gets <c>release</c>: the dom0 kernel release (<c>uname -r</c>).</summary>
    public string? KernelRelease => GetValueOrDefault("release");

    /// <summary>Gets <c>version</c>: the dom0 kernel build string (<c>uname -v</c>).</summary>
    public string? KernelVersion => GetValueOrDefault("version");

    /// <summary>Gets <c>machine</c>: the dom0 kernel architecture (a 32-bit dom0 can run on a 64-bit Xen).</summary>
    public string? Machine => GetValueOrDefault("machine");

    /// <summary>Gets <c>nr_cpus</c>: the number of physical CPUs (threads) Xen sees.</summary>
    public int? NrCpus { get; private set; }

    /// <summary>Gets <c>max_cpu_id</c> (xl 4.2+).</summary>
    public int? MaxCpuId { get; private set; }

    /// <summary>Gets <c>nr_nodes</c>: the number of NUMA nodes.</summary>
    public int? NrNodes { get; private set; }

    /// <summary>Gets <c>sockets_per_node</c> (xm 3.0–3.2 only).</summary>
    public int? SocketsPerNode { get; private set; }

    /// <summary>Gets <c>cores_per_socket</c>.</summary>
    public int? CoresPerSocket { get; private set; }

    /// <summary>Gets <c>threads_per_core</c>: the real SMT state (the <c>ht</c> bit of <c>hw_caps</c> is only a CPUID flag).</summary>
    public int? ThreadsPerCore { get; private set; }

    /// <summary>Gets <c>cpu_mhz</c> in MHz (an integer up to Xen 4.10, three decimals from 4.11).</summary>
    public decimal? CpuMhz { get; private set; }

    /// <summary>Gets the decoded <c>hw_caps</c>, or <see langword="null"/> when the field is absent.</summary>
    public HwCaps? HwCaps { get; private set; }

    /// <summary>Gets the decoded <c>virt_caps</c> (Xen 3.3+), or <see langword="null"/> when the field is absent.</summary>
    public VirtCaps? VirtCaps { get; private set; }

    /// <summary>Gets <c>arm_sve_vector_length</c> (ARM, Xen 4.18+).</summary>
    public int? ArmSveVectorLength { get; private set; }

    /// <summary>Gets <c>total_memory</c> in MiB (<c>memory</c> in the oldest xm).</summary>
    public long? TotalMemoryMiB { get; private set; }

    /// <summary>Gets <c>free_memory</c> in MiB: memory not given to any domain (minus outstanding claims).</summary>
    public long? FreeMemoryMiB { get; private set; }

    /// <summary>Gets <c>sharing_freed_memory</c> in MiB (xl 4.2+).</summary>
    public long? SharingFreedMemoryMiB { get; private set; }

    /// <summary>Gets <c>sharing_used_memory</c> in MiB (xl 4.2+).</summary>
    public long? SharingUsedMemoryMiB { get; private set; }

    /// <summary>Gets <c>outstanding_claims</c> in MiB (xl 4.3+).</summary>
    public long? OutstandingClaimsMiB { get; private set; }

    /// <summary>Gets <c>free_cpus</c>: CPUs in no cpupool (xl 4.1+).</summary>
    public int? FreeCpus { get; private set; }

    /// <summary>Gets <c>node_to_cpu</c> (xm 3.3+), one <c>nodeN:cpus</c> line per node.</summary>
    public string? NodeToCpu => GetValueOrDefault("node_to_cpu");

    /// <summary>Gets <c>node_to_memory</c> (xm 3.3+), one <c>nodeN:MiB</c> line per node.</summary>
    public string? NodeToMemory => GetValueOrDefault("node_to_memory");

    /// <summary>Gets <c>node_to_dma32_mem</c> (xm 3.4+), one <c>nodeN:MiB</c> line per node.</summary>
    public string? NodeToDma32Memory => GetValueOrDefault("node_to_dma32_mem");

    /// <summary>Gets <c>max_node_id</c> (xm 3.3+).</summary>
    public int? MaxNodeId { get; private set; }

    /// <summary>Gets <c>xen_major</c>.</summary>
    public int? XenMajor { get; private set; }

    /// <summary>Gets <c>xen_minor</c>.</summary>
    public int? XenMinor { get; private set; }

    /// <summary>Gets <c>xen_extra</c> (free text, e.g. <c>.1-rc6</c>).</summary>
    public string? XenExtra => GetValueOrDefault("xen_extra");

    /// <summary>Gets the Xen version, from <c>xen_major</c>/<c>xen_minor</c>/<c>xen_extra</c>, or from
    /// <c>xen_version</c> (xl 4.4+) when those are absent.</summary>
    public XenVersion? XenVersion { get; private set; }

    /// <summary>Gets the decoded <c>xen_caps</c>, or <see langword="null"/> when the field is absent.</summary>
    public XenCaps? XenCaps { get; private set; }

    /// <summary>Gets <c>xen_scheduler</c>, e.g. <c>credit2</c>.</summary>
    public string? XenScheduler => GetValueOrDefault("xen_scheduler");

    /// <summary>Gets <c>xen_pagesize</c> in bytes.</summary>
    public int? XenPageSize { get; private set; }

    /// <summary>Gets <c>platform_params</c> (<c>xen_params</c> in the oldest xm), e.g. <c>virt_start=0xffff800000000000</c>.</summary>
    public string? PlatformParams => GetValueOrDefault("platform_params") ?? GetValueOrDefault("xen_params");

    /// <summary>Gets <c>virt_start</c> from <see cref="PlatformParams"/>: <c>0xffff800000000000</c> on a 64-bit x86 Xen.</summary>
    public ulong? VirtStart { get; private set; }

    /// <summary>Gets <c>xen_changeset</c>.</summary>
    public string? XenChangeset => GetValueOrDefault("xen_changeset");

    /// <summary>Gets <c>xen_commandline</c>: the hypervisor boot options.</summary>
    public string? XenCommandLine => GetValueOrDefault("xen_commandline");

    /// <summary>Gets <c>cc_compiler</c> (cut at 63 characters by Xen).</summary>
    public string? CcCompiler => GetValueOrDefault("cc_compiler");

    /// <summary>Gets <c>cc_compile_by</c>.</summary>
    public string? CcCompileBy => GetValueOrDefault("cc_compile_by");

    /// <summary>Gets <c>cc_compile_domain</c>.</summary>
    public string? CcCompileDomain => GetValueOrDefault("cc_compile_domain");

    /// <summary>Gets <c>cc_compile_date</c>.</summary>
    public string? CcCompileDate => GetValueOrDefault("cc_compile_date");

    /// <summary>Gets <c>build_id</c> (xl 4.7+).</summary>
    public string? BuildId => GetValueOrDefault("build_id");

    /// <summary>Gets <c>xenstore_features</c> (<c>xl info -x</c>).</summary>
    public uint? XenstoreFeatures { get; private set; }

    /// <summary>Gets <c>xend_config_format</c> (still printed as 4 by xl 4.22).</summary>
    public int? XendConfigFormat { get; private set; }

    /// <summary>Gets the facts derived from <see cref="HwCaps"/>, <see cref="XenCaps"/> and <see cref="VirtCaps"/>.</summary>
    public HostFacts Facts { get; private set; }

    /// <summary>Gets the cleaned value of the first field with a key, or <see langword="null"/> when none has it (as
    /// <c>GetValueOrDefault</c> of a dictionary; <see cref="GetField"/> throws instead).</summary>
    /// <param name="key">The key, e.g. <c>xen_scheduler</c>.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    [System.Diagnostics.Contracts.Pure]
    public string? GetValueOrDefault(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.TryGetValue(key, out HostInfoField? f) ? f.Value : null;
    }

    /// <summary>Gets the first field with a key.</summary>
    /// <param name="key">The key, e.g. <c>xen_scheduler</c>.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No field has that key.</exception>
    [System.Diagnostics.Contracts.Pure]
    public HostInfoField GetField(string key) =>
        TryGetField(key, out HostInfoField? field) ? field : throw new KeyNotFoundException("The host info has no field '" + key + "'.");

    /// <summary>Gets the first field with a key, when one has it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="field">The field, when present.</param>
    /// <returns><see langword="true"/> when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetField(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HostInfoField? field)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.TryGetValue(key, out field);
    }

    /// <summary>Returns the location of a span of <see cref="Text"/>.</summary>
    /// <param name="span">A span inside <see cref="Text"/>.</param>
    /// <returns>The location, with <see cref="Path"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="span"/> lies outside the text.</exception>
    public SourceLocation GetLocation(TextSpan span) => SourceLocation.Create(Path, span, _lines);

    /// <summary>Reads <c>xm info</c> / <c>xl info</c> output. Never throws on bad text: problems become diagnostics.</summary>
    /// <param name="text">The output, as pasted or captured.</param>
    /// <param name="options">The path for diagnostics and an optional <c>hw_caps</c> layout, or <see langword="null"/>.</param>
    /// <returns>The host info (always available as <see cref="ParseResult{T}.PartialValue"/>) and diagnostics; it has
    /// an error only when the text has no fields at all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>The result's <see cref="ParseResult{T}.Value"/> throws <see cref="HostCapabilitiesException"/> when the
    /// text has no <c>xm info</c> / <c>xl info</c> fields.</remarks>
    [System.Diagnostics.Contracts.Pure]
    public static ParseResult<HostInfo> Parse(string text, HostInfoParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new DiagnosticSink(options?.Path, text);
        List<HostInfoField> fields = HostInfoParser.Parse(text, sink);
        var info = new HostInfo(text, options?.Path, fields.ToArray(), sink.Lines);
        info.Bind(sink, options?.Layout);
        return HostCapabilitiesException.Result(info, sink.ToSortedList());
    }

    private void Bind(DiagnosticSink sink, HwCapsLayout? layout)
    {
        NrCpus = Int(sink, "nr_cpus");
        MaxCpuId = Int(sink, "max_cpu_id");
        NrNodes = Int(sink, "nr_nodes");
        SocketsPerNode = Int(sink, "sockets_per_node");
        CoresPerSocket = Int(sink, "cores_per_socket");
        ThreadsPerCore = Int(sink, "threads_per_core");
        CpuMhz = Number(sink, "cpu_mhz");
        ArmSveVectorLength = Int(sink, "arm_sve_vector_length");
        TotalMemoryMiB = Long(sink, "total_memory") ?? Long(sink, "memory");
        FreeMemoryMiB = Long(sink, "free_memory");
        SharingFreedMemoryMiB = Long(sink, "sharing_freed_memory");
        SharingUsedMemoryMiB = Long(sink, "sharing_used_memory");
        OutstandingClaimsMiB = Long(sink, "outstanding_claims");
        FreeCpus = Int(sink, "free_cpus");
        MaxNodeId = Int(sink, "max_node_id");
        XenMajor = Int(sink, "xen_major");
        XenMinor = Int(sink, "xen_minor");
        XenPageSize = Int(sink, "xen_pagesize");
        XendConfigFormat = Int(sink, "xend_config_format");
        XenstoreFeatures = Hex(sink, "xenstore_features");
        VirtStart = ReadVirtStart(PlatformParams);
        XenVersion = ReadVersion(sink);

        if (_byKey.TryGetValue("xen_caps", out HostInfoField? xen))
        {
            XenCaps = XenCaps.Decode(xen.Value, sink.ForValue(xen.Map));
        }

        if (_byKey.TryGetValue("virt_caps", out HostInfoField? virt))
        {
            VirtCaps = VirtCaps.Decode(virt.Value, XenVersion, sink.ForValue(virt.Map));
        }

        if (_byKey.TryGetValue("hw_caps", out HostInfoField? hw))
        {
            HwCaps = HwCaps.Decode(hw.Value, new HwCapsOptions { Version = XenVersion, Layout = layout }, sink.ForValue(hw.Map));
        }

        ReportMissing(sink);
        Facts = HostFacts.From(HwCaps, XenCaps, VirtCaps, XenVersion, Machine, VirtStart);
    }

    private void ReportMissing(DiagnosticSink sink)
    {
        if (_fields.Length == 0 || (_fields.Length == 1 && _fields[0].KeySpan.IsEmpty))
        {
            return;
        }

        var missing = new List<string>();
        foreach (string key in FieldCatalog.AlwaysPrinted)
        {
            bool present = _byKey.ContainsKey(key) ||
                           (key == "total_memory" && _byKey.ContainsKey("memory")) ||
                           (key == "platform_params" && _byKey.ContainsKey("xen_params"));
            if (!present)
            {
                missing.Add(key);
            }
        }

        if (XenVersion is { } v && v.IsAtLeast(3, 3) && !_byKey.ContainsKey("virt_caps"))
        {
            missing.Add("virt_caps");
        }

        if (missing.Count > 0)
        {
            sink.Add(DiagnosticDescriptors.InfoFieldsMissing, new TextSpan(_fields[0].Span.Start, 0), string.Join(", ", missing));
        }
    }

    private XenVersion? ReadVersion(DiagnosticSink sink)
    {
        XenVersion? fromParts = XenMajor is { } major && XenMinor is { } minor && major >= 0 && minor >= 0
            ? new XenVersion(major, minor, XenExtra)
            : null;
        if (!_byKey.TryGetValue("xen_version", out HostInfoField? field) || field.Value.Length == 0)
        {
            return fromParts;
        }

        if (!Capabilities.XenVersion.TryParse(field.Value, out XenVersion printed))
        {
            sink.Add(DiagnosticDescriptors.InfoInvalidValue, field.ValueSpan, HwCaps.Shorten(field.Value), "xen_version", "a version such as 4.19.1");
            return fromParts;
        }

        if (fromParts is { } parts && !string.Equals(parts.ToString(), printed.ToString(), StringComparison.Ordinal))
        {
            sink.Add(DiagnosticDescriptors.InfoVersionMismatch, field.ValueSpan, HwCaps.Shorten(field.Value), parts.ToString());
        }

        return fromParts ?? printed;
    }

    private static ulong? ReadVirtStart(string? platformParams)
    {
        const string Prefix = "virt_start=";
        if (platformParams is null)
        {
            return null;
        }

        int i = platformParams.IndexOf(Prefix, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        ReadOnlySpan<char> rest = platformParams.AsSpan(i + Prefix.Length);
        int end = rest.IndexOfAny(' ', ',');
        if (end >= 0)
        {
            rest = rest[..end];
        }

        if (rest.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[2..];
        }

        return ulong.TryParse(rest, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong v) ? v : null;
    }

    // A value of "(none)" (xm's placeholder) or an empty value is absent, not invalid.
    private HostInfoField? Value(string key) =>
        _byKey.TryGetValue(key, out HostInfoField? f) && f.Value.Length > 0 && f.Value != "(none)" ? f : null;

    private int? Int(DiagnosticSink sink, string key) =>
        Value(key) is { } f
            ? int.TryParse(f.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : Invalid<int>(sink, f, "an integer")
            : null;

    private long? Long(DiagnosticSink sink, string key) =>
        Value(key) is { } f
            ? long.TryParse(f.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : Invalid<long>(sink, f, "a whole number of MiB")
            : null;

    private decimal? Number(DiagnosticSink sink, string key) =>
        Value(key) is { } f
            ? decimal.TryParse(f.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v) ? v : Invalid<decimal>(sink, f, "a frequency in MHz")
            : null;

    private uint? Hex(DiagnosticSink sink, string key)
    {
        if (Value(key) is not { } f)
        {
            return null;
        }

        ReadOnlySpan<char> s = f.Value.AsSpan();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        return uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v) ? v : Invalid<uint>(sink, f, "a hexadecimal number");
    }

    private static T? Invalid<T>(DiagnosticSink sink, HostInfoField field, string expected)
        where T : struct
    {
        sink.Add(DiagnosticDescriptors.InfoInvalidValue, field.ValueSpan, HwCaps.Shorten(field.Value), field.Key, expected);
        return null;
    }
}
