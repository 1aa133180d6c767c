using System.Globalization;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// xl's global configuration, <c>/etc/xen/xl.conf</c>, bound to the settings that change what xl makes of a domain
/// config (its <c>libxl_domain_config</c> JSON): claim mode, hotplug scripts, the default vif script, bridge, backend
/// and gateway, the grant table limits, <c>blkdev_start</c> and the vCPU affinity masks.
/// </summary>
/// <remarks>
/// <para>Every property is <see langword="null"/> when the file does not set the key, which is what the packaged
/// xl.conf (all comments) does: <see cref="Default"/>. xl then uses its built-in values (claim mode and hotplug
/// scripts on, no vif defaults, libxl's grant defaults, all CPUs in every mask).</para>
/// <para>Read with <see cref="Parse(string, string?)"/> or <see cref="FromDocument"/>: the file is an xl config
/// (<see cref="XenConfig.Parse(string, string?, XenConfigParseOptions?)"/>) and each key is read as xl's
/// <c>parse_global_config</c> (xl.c) reads it. Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record XlConf
{
    /// <summary>Gets the packaged xl.conf of Xen 4.17: every key commented out.</summary>
    public static XlConf Default { get; } = new();

    /// <summary>Gets <c>run_hotplug_scripts</c>: whether xl (not udev) runs the hotplug scripts (xl: on).</summary>
    public bool? RunHotplugScripts { get; init; }

    /// <summary>Gets <c>claim_mode</c>: whether memory is claimed before a domain is built (xl: on).</summary>
    public bool? ClaimMode { get; init; }

    /// <summary>Gets <c>vif.default.script</c> (or the deprecated <c>vifscript</c>): the script of a vif without <c>script=</c>.</summary>
    public string? VifScript { get; init; }

    /// <summary>Gets <c>vif.default.bridge</c> (or the deprecated <c>defaultbridge</c>): the bridge of a vif without <c>bridge=</c>.</summary>
    public string? VifBridge { get; init; }

    /// <summary>Gets <c>vif.default.backend</c>: the backend domain of a vif without <c>backend=</c>.</summary>
    public string? VifBackend { get; init; }

    /// <summary>Gets <c>vif.default.gatewaydev</c>: the gateway device of a vif without <c>gatewaydev=</c>.</summary>
    public string? VifGatewayDev { get; init; }

    /// <summary>Gets <c>max_grant_frames</c>: the grant frames of a domain config without its own value.</summary>
    public long? MaxGrantFrames { get; init; }

    /// <summary>Gets <c>max_maptrack_frames</c>: the maptrack frames of a domain config without its own value.</summary>
    public long? MaxMaptrackFrames { get; init; }

    /// <summary>Gets <c>max_grant_version</c>: the grant table version limit of a domain config without its own value.</summary>
    public long? MaxGrantVersion { get; init; }

    /// <summary>Gets <c>blkdev_start</c>: the first device xl uses to mount a guest's disk locally (<c>b_info.blkdev_start</c>).</summary>
    public string? BlkdevStart { get; init; }

    /// <summary>Gets <c>vm.cpumask</c>: the CPUs every guest's vCPUs may run on (all when <see langword="null"/>).</summary>
    public CpuListSpec? VmCpuMask { get; init; }

    /// <summary>Gets <c>vm.hvm.cpumask</c>: the CPUs the vCPUs of HVM and PVH guests may run on.</summary>
    public CpuListSpec? VmHvmCpuMask { get; init; }

    /// <summary>Gets <c>vm.pv.cpumask</c>: the CPUs the vCPUs of PV guests may run on.</summary>
    public CpuListSpec? VmPvCpuMask { get; init; }

    /// <summary>Reads an xl.conf text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="path">The file's path, for diagnostic locations, or <see langword="null"/>.</param>
    /// <returns>The settings, with the file's syntax diagnostics and XH3120-XH3123 for values xl ignores, refuses or
    /// reads in part, and deprecated keys. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<XlConf> Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromDocument(XenConfig.Parse(text, path, new XenConfigParseOptions { Dialect = ConfigDialect.Xl }));
    }

    /// <summary>Binds a parsed xl.conf.</summary>
    /// <param name="document">The parsed file (read as xl).</param>
    /// <returns>The settings, with the document's diagnostics and XH3120-XH3123 for values xl ignores, refuses or
    /// reads in part, and deprecated keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public static ParseResult<XlConf> FromDocument(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var reader = new Reader(document);
        reader.Deprecated("vifscript", "vif.default.script");
        reader.Deprecated("defaultbridge", "vif.default.bridge");
        var conf = new XlConf
        {
            RunHotplugScripts = reader.Boolean("run_hotplug_scripts"),
            ClaimMode = reader.Boolean("claim_mode"),
            VifScript = reader.String("vif.default.script") ?? reader.String("vifscript"),
            VifBridge = reader.String("vif.default.bridge") ?? reader.String("defaultbridge"),
            VifBackend = reader.String("vif.default.backend"),
            VifGatewayDev = reader.String("vif.default.gatewaydev"),
            BlkdevStart = reader.String("blkdev_start"),
            MaxGrantFrames = reader.GrantLimit("max_grant_frames"),
            MaxMaptrackFrames = reader.GrantLimit("max_maptrack_frames"),
            MaxGrantVersion = reader.GrantLimit("max_grant_version"),
            VmCpuMask = reader.CpuMask("vm.cpumask"),
            VmHvmCpuMask = reader.CpuMask("vm.hvm.cpumask"),
            VmPvCpuMask = reader.CpuMask("vm.pv.cpumask"),
        };
        var diagnostics = document.Diagnostics.Concat(reader.Diagnostics).ToArray();
        return new ParseResult<XlConf>(conf, diagnostics, static (m, d) => new XenConfigException(m, d));
    }

    /// <summary>Reads keys as libxlu's getters do: <c>xlu_cfg_get_string</c> takes a string or a number's text,
    /// <c>xlu_cfg_get_long</c> a number or a string holding one; anything else is reported and ignored.</summary>
    private sealed class Reader(ConfigDocument document)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public string? String(string key)
        {
            switch (Value(key))
            {
                case null:
                    return null;
                case ConfigString s:
                    return s.Value;
                case ConfigInteger n:
                    return n.Value.ToString(CultureInfo.InvariantCulture);
                case var other:
                    Ignore(key, other, "a string");
                    return null;
            }
        }

        public void Deprecated(string key, string replacement)
        {
            if (Value(key) is not null)
            {
                Report(DiagnosticDescriptors.XlConfDeprecatedKey, key, replacement);
            }
        }

        public bool? Boolean(string key) => Long(key) is { } n ? n != 0 : null;

        public long? GrantLimit(string key)
        {
            if (Long(key) is not { } n)
            {
                return null;
            }

            if (n is < 0 or > int.MaxValue)
            {
                Report(DiagnosticDescriptors.XlConfValueRefused, key, n.ToString(CultureInfo.InvariantCulture), "it must be 0 to 2147483647; xl exits before reading any domain config");
                return null;
            }

            return n;
        }

        /// <summary><c>parse_cpurange</c> into a fresh mask: it stops at the first item it cannot read, and xl keeps
        /// the CPUs of the items before it (none when the first is bad).</summary>
        public CpuListSpec? CpuMask(string key)
        {
            if (String(key) is not { } text)
            {
                return null;
            }

            if (CpuListSpec.Parse(text, ConfigDialect.Xl).TryGetValue(out var mask))
            {
                return mask;
            }

            var terms = new List<CpuListTerm>();
            foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!CpuListSpec.Parse(item, ConfigDialect.Xl).TryGetValue(out var one))
                {
                    string kept = terms.Count == 0 ? "no CPU (every domain is then refused)" : "the CPUs before it";
                    Report(DiagnosticDescriptors.XlConfCpuMaskCut, key, "\"" + text + "\"", item, kept);
                    break;
                }

                terms.AddRange(one.Terms);
            }

            return new CpuListSpec(SpecList.Create<CpuListTerm>(terms.ToArray()));
        }

        private long? Long(string key)
        {
            switch (Value(key))
            {
                case null:
                    return null;
                case ConfigInteger n:
                    return n.Value;
                case ConfigString s when XlNumber.TryParse(s.Value, out long l):
                    return l;
                case var other:
                    Ignore(key, other, "a number");
                    return null;
            }
        }

        private ConfigValue? Value(string key) => document.Values.TryGetValue(key, out var value) ? value : null;

        private void Ignore(string key, ConfigValue value, string wanted)
        {
            string what = value switch
            {
                ConfigString s => "\"" + s.Value + "\"",
                ConfigList => "a list",
                _ => value.ToString(),
            };
            Report(DiagnosticDescriptors.XlConfValueIgnored, key, what, wanted);
        }

        private void Report(DiagnosticDescriptor descriptor, string key, params object?[] rest)
        {
            var setting = document.GetSettings(key).LastOrDefault();
            var location = setting is null
                ? default
                : SourceLocation.Create(document.Path, setting.Value.Span, document.Lines);
            Diagnostics.Add(Diagnostic.Create(descriptor, location, [key, .. rest]));
        }
    }
}
