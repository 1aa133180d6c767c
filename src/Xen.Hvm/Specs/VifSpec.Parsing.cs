using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VifSpec : ISpecValue
{
    private static readonly string[] XmKeys = ["backend", "bridge", "ip", "mac", "script", "type", "vifname", "rate", "model", "accel", "policy", "label"];

    private static readonly HashSet<string> XlStringKeys = new(StringComparer.Ordinal)
    {
        "forwarddev", "colo_sock_mirror_id", "colo_sock_mirror_ip", "colo_sock_mirror_port", "colo_sock_compare_sec_in_id",
        "colo_sock_compare_sec_in_ip", "colo_sock_compare_sec_in_port", "colo_sock_redirector0_id", "colo_sock_redirector0_ip",
        "colo_sock_redirector0_port", "colo_sock_redirector1_id", "colo_sock_redirector1_ip", "colo_sock_redirector1_port",
        "colo_sock_redirector2_id", "colo_sock_redirector2_ip", "colo_sock_redirector2_port", "colo_sock_compare_pri_in_id",
        "colo_sock_compare_pri_in_ip", "colo_sock_compare_pri_in_port", "colo_sock_compare_notify_id", "colo_sock_compare_notify_ip",
        "colo_sock_compare_notify_port", "colo_filter_mirror_queue", "colo_filter_mirror_outdev", "colo_filter_redirector0_queue",
        "colo_filter_redirector0_indev", "colo_filter_redirector0_outdev", "colo_filter_redirector1_queue", "colo_filter_redirector1_indev",
        "colo_filter_redirector1_outdev", "colo_compare_pri_in", "colo_compare_sec_in", "colo_compare_out", "colo_compare_notify_dev",
        "colo_sock_sec_redirector0_id", "colo_sock_sec_redirector0_ip", "colo_sock_sec_redirector0_port", "colo_sock_sec_redirector1_id",
        "colo_sock_sec_redirector1_ip", "colo_sock_sec_redirector1_port", "colo_filter_sec_redirector0_queue",
        "colo_filter_sec_redirector0_indev", "colo_filter_sec_redirector0_outdev", "colo_filter_sec_redirector1_queue",
        "colo_filter_sec_redirector1_indev", "colo_filter_sec_redirector1_outdev", "colo_filter_sec_rewriter0_queue",
        "colo_checkpoint_host", "colo_checkpoint_port",
    };

    /// <summary>Parses a vif spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>xl (<c>parse_nic_config</c>): items split on commas with empty items dropped, leading spaces removed, keys
    /// matched as <c>KEY=</c>; unknown keys and invalid <c>type</c>/<c>mac</c> values are only reported and ignored
    /// (warnings); an invalid <c>rate</c>, <c>devid</c> or <c>mtu</c> stops xl (errors).</para>
    /// <para>xm (xend <c>create.py</c>): every item is <c>KEY=VALUE</c>, keys and values stripped, and only
    /// backend bridge ip mac script type vifname rate model accel policy label are known; anything else is an error.</para>
    /// </remarks>
    public static ParseResult<VifSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Vif, text, dialect, map, Read);

    /// <summary>Tries to parse a vif spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The vif, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out VifSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a vif in the canonical form of a dialect: <c>KEY=VALUE</c> items joined by <c>,</c> in a fixed
    /// order. The xm form leaves out the keys xend does not know.</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(VifSpec value, ConfigDialect dialect)
    {
        bool xm = dialect == ConfigDialect.Xm;
        var items = new List<string>();
        void Add(string key, object? v) => SpecItems.AddItem(items, key, v);

        Add("mac", value.Mac);
        Add("bridge", value.Bridge);
        Add("type", value.Type?.ToString().ToLowerInvariant());
        Add("model", value.Model);
        Add("vifname", value.VifName);
        Add("script", value.Script);
        Add("ip", value.Ip);
        Add("backend", value.Backend);
        Add("rate", value.Rate);
        Add("accel", value.Accel);
        if (xm)
        {
            Add("policy", value.Policy);
            Add("label", value.Label);
        }
        else
        {
            Add("gatewaydev", value.GatewayDev);
            Add("devid", value.DevId);
            Add("mtu", value.Mtu);
            Add("vlan", value.Vlan);
            if (value.Trusted is { } trusted)
            {
                items.Add(trusted ? "trusted" : "untrusted");
            }

            foreach (var s in value.Other)
            {
                items.Add(s.ToString());
            }
        }

        return string.Join(",", items);
    }

    private static VifSpec? Read(SpecContext ctx) => ctx.IsXm ? ReadXm(ctx) : ReadXl(ctx);

    private static VifSpec? ReadXl(SpecContext ctx)
    {
        var vif = new Builder();
        List<SpecSetting>? other = null;
        foreach (var item in SpecGrammar.StrtokItemsOf(ctx.Text))
        {
            var token = item.Whole;
            if (!item.HasEquals && token.Span is "trusted" or "untrusted")
            {
                vif.Trusted = token.Span is "trusted";
                continue;
            }

            if (!item.HasEquals)
            {
                ctx.Report(DiagnosticDescriptors.VifItemWithoutEquals, token.Start, token.Length, token.Text);
                continue;
            }

            switch (item.Key.Span)
            {
                case "netdev":
                    ctx.Report(DiagnosticDescriptors.VifDeprecatedKey, item.Key.Start, item.Key.Length, "netdev", "deprecated; use gatewaydev");
                    vif.GatewayDev = item.Value.Text;
                    break;
                case "gatewaydev":
                    vif.GatewayDev = item.Value.Text;
                    break;
                case "devid":
                case "mtu":
                {
                    if (!CNumbers.TryParseWhole(item.Value.Text, 10, out ulong n) || n == ulong.MaxValue)
                    {
                        ctx.Report(DiagnosticDescriptors.VifInvalidNumber, item.Value.Start, item.Value.Length, item.Key.Text, item.Value.Text);
                    }
                    else if (item.Key.Span is "devid")
                    {
                        vif.DevId = n;
                    }
                    else
                    {
                        vif.Mtu = n;
                    }

                    break;
                }

                case "vlan":
                    if (VifVlan.TryRead(item.Value.Text, out var vlan, out string? vlanError))
                    {
                        vif.Vlan = vlan;
                    }
                    else
                    {
                        ctx.Report(DiagnosticDescriptors.VifInvalidVlan, item.Value.Start, item.Value.Length, item.Value.Text, vlanError);
                    }

                    break;
                case "policy":
                case "label":
                    ctx.Report(DiagnosticDescriptors.VifKeyNotInXl, item.Key.Start, item.Key.Length, item.Key.Text);
                    break;
                case "accel":
                    ctx.Report(DiagnosticDescriptors.VifDeprecatedKey, item.Key.Start, item.Key.Length, "accel", "accepted but not supported by xl");
                    vif.Accel = item.Value.Text;
                    break;
                default:
                    string key = item.Key.Text;
                    if (XlStringKeys.Contains(key))
                    {
                        (other ??= []).Add(new SpecSetting(key, item.Value.Text));
                    }
                    else
                    {
                        Common(ctx, vif, item);
                    }

                    break;
            }
        }

        return vif.ToSpec(other is null ? default : SpecList<SpecSetting>.Wrap(LastOfEachKey(other)));
    }

    /// <summary>A key given again replaces the earlier value and moves to the end (libxl sets the field again); one
    /// pass from the end keeps the last of each key, so a spec with many repeated keys stays linear.</summary>
    private static SpecSetting[] LastOfEachKey(List<SpecSetting> settings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<SpecSetting>(settings.Count);
        for (int i = settings.Count - 1; i >= 0; i--)
        {
            if (seen.Add(settings[i].Key))
            {
                kept.Add(settings[i]);
            }
        }

        kept.Reverse();
        return [.. kept];
    }

    /// <summary>The keys xl and xend share; an unknown key is reported.</summary>
    private static void Common(SpecContext ctx, Builder vif, SpecItem item)
    {
        string value = item.Value.Text;
        switch (item.Key.Span)
        {
            case "type":
                if (value is "ioemu" or "vif")
                {
                    vif.Type = value == "ioemu" ? VifType.Ioemu : VifType.Vif;
                    return;
                }

                ctx.ReportFor(DiagnosticDescriptors.VifInvalidType, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, item.Value.Start, item.Value.Length, value);
                return;
            case "mac":
                if (!MacAddress.ReadXl(value, strict: ctx.IsXm, out var mac, out int end))
                {
                    // xl warns and keeps the groups it read before the bad one (the rest zero; all zero is no MAC,
                    // which libxl then makes up); xend refuses the vif.
                    ctx.ReportFor(DiagnosticDescriptors.VifInvalidMac, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, item.Value.Start, item.Value.Length, value);
                    if (!ctx.IsXm && mac != default)
                    {
                        vif.Mac = mac;
                    }

                    return;
                }

                if (end != value.Length)
                {
                    ctx.Report(DiagnosticDescriptors.SpecTrailingText, item.Value.Start + end, value.Length - end, value[end..], "mac");
                }

                vif.Mac = mac;
                return;
            case "bridge":
                vif.Bridge = value;
                return;
            case "ip":
                vif.Ip = value;
                return;
            case "script":
                vif.Script = value;
                return;
            case "backend":
                vif.Backend = value;
                return;
            case "vifname":
                vif.VifName = value;
                return;
            case "model":
                vif.Model = value;
                return;
            case "rate":
                if (VifRate.TryRead(value, out var rate, out string? error))
                {
                    vif.Rate = rate;
                    return;
                }

                ctx.Report(DiagnosticDescriptors.VifInvalidRate, item.Value.Start, item.Value.Length, value, error);
                return;
            default:
                if (ctx.IsXm && (XlStringKeys.Contains(item.Key.Text) || item.Key.Text is "gatewaydev" or "netdev" or "devid" or "mtu" or "vlan"))
                {
                    ctx.Report(DiagnosticDescriptors.VifKeyNotInXm, item.Key.Start, item.Key.Length, item.Key.Text);
                }
                else
                {
                    ctx.ReportFor(DiagnosticDescriptors.VifUnknownKey, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, item.Key.Start, item.Key.Length, item.Key.Text);
                }

                return;
        }
    }

    private static VifSpec? ReadXm(SpecContext ctx)
    {
        var vif = new Builder();
        foreach (var raw in SpecGrammar.Items(ctx.Text))
        {
            var field = SpecGrammar.Trim(raw.Whole, CNumbers.IsCSpace);
            if (field.Length == 0)
            {
                continue;
            }

            var item = raw;
            if (!item.HasEquals)
            {
                ctx.ReportAs(DiagnosticDescriptors.VifItemWithoutEquals, DiagnosticSeverity.Error, field.Start, field.Length, field.Text);
                continue;
            }

            item = item with { Key = SpecGrammar.Trim(item.Key, CNumbers.IsCSpace), Value = SpecGrammar.Trim(item.Value, CNumbers.IsCSpace) };
            switch (item.Key.Span)
            {
                case "accel":
                    vif.Accel = item.Value.Text;
                    break;
                case "policy":
                    vif.Policy = item.Value.Text;
                    break;
                case "label":
                    vif.Label = item.Value.Text;
                    break;
                default:
                    Common(ctx, vif, item);
                    break;
            }
        }

        _ = XmKeys;
        return vif.ToSpec(default);
    }

    /// <summary>The fields of a vif while its items are read: one record is made at the end, not one per item.</summary>
    private sealed class Builder
    {
        public MacAddress? Mac { get; set; }

        public string? Bridge { get; set; }

        public VifType? Type { get; set; }

        public string? Model { get; set; }

        public string? VifName { get; set; }

        public string? Script { get; set; }

        public string? Ip { get; set; }

        public string? Backend { get; set; }

        public VifRate? Rate { get; set; }

        public string? GatewayDev { get; set; }

        public ulong? DevId { get; set; }

        public ulong? Mtu { get; set; }

        public VifVlan? Vlan { get; set; }

        public bool? Trusted { get; set; }

        public string? Accel { get; set; }

        public string? Policy { get; set; }

        public string? Label { get; set; }

        public VifSpec ToSpec(SpecList<SpecSetting> other) => new()
        {
            Mac = Mac,
            Bridge = Bridge,
            Type = Type,
            Model = Model,
            VifName = VifName,
            Script = Script,
            Ip = Ip,
            Backend = Backend,
            Rate = Rate,
            GatewayDev = GatewayDev,
            DevId = DevId,
            Mtu = Mtu,
            Vlan = Vlan,
            Trusted = Trusted,
            Accel = Accel,
            Policy = Policy,
            Label = Label,
            Other = other,
        };
    }
}
