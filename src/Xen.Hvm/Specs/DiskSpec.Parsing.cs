using System.Diagnostics.CodeAnalysis;
using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record DiskSpec : ISpecValue
{
    /// <summary>Gets every keyword, flag and deprecated prefix of the xl disk spec with the release that introduced it.</summary>
    public static IReadOnlyList<DiskKeyword> Keywords { get; } =
    [
        new("target", DiskKeywordKind.Value, "4.2", "the path or device; takes the rest of the string, so it comes last"),
        new("format", DiskKeywordKind.Value, "4.2", "raw qcow qcow2 vhd empty (qed since 4.10 at the latest)"),
        new("vdev", DiskKeywordKind.Value, "4.2", "the guest device name (required)"),
        new("access", DiskKeywordKind.Value, "4.2", "r/ro or w/rw"),
        new("devtype", DiskKeywordKind.Value, "4.2", "cdrom or disk"),
        new("cdrom", DiskKeywordKind.Flag, "4.2", "same as devtype=cdrom"),
        new("backendtype", DiskKeywordKind.Value, "4.2", "phy tap qdisk (standalone since 4.17)"),
        new("script", DiskKeywordKind.Value, "4.2", "block hotplug script; the target is its argument"),
        new("backend", DiskKeywordKind.Value, "4.3", "driver domain"),
        new("direct-io-safe", DiskKeywordKind.Flag, "4.5", "turn off the O_DIRECT workaround"),
        new("discard", DiskKeywordKind.Flag, "4.5", "advertise discard (default)"),
        new("no-discard", DiskKeywordKind.Flag, "4.5", "do not advertise discard"),
        new("colo", DiskKeywordKind.Flag, "4.8", "COLO replication (unstable)"),
        new("no-colo", DiskKeywordKind.Flag, "4.8", "no COLO replication"),
        new("colo-host", DiskKeywordKind.Value, "4.8", "COLO secondary host"),
        new("colo-port", DiskKeywordKind.Value, "4.8", "COLO port (non-zero)"),
        new("colo-export", DiskKeywordKind.Value, "4.8", "COLO export name"),
        new("active-disk", DiskKeywordKind.Value, "4.8", "COLO active disk"),
        new("hidden-disk", DiskKeywordKind.Value, "4.8", "COLO hidden disk"),
        new("trusted", DiskKeywordKind.Flag, "4.17", "frontend hint: the backend is trusted (default)"),
        new("untrusted", DiskKeywordKind.Flag, "4.17", "frontend hint: the backend is not trusted"),
        new("specification", DiskKeywordKind.Value, "4.17", "xen or virtio"),
        new("grant_usage", DiskKeywordKind.Value, "4.19", "1 or 0: virtio grants"),
        new("raw", DiskKeywordKind.Prefix, "4.2", "deprecated: format=raw"),
        new("qcow", DiskKeywordKind.Prefix, "4.2", "deprecated: format=qcow"),
        new("qcow2", DiskKeywordKind.Prefix, "4.2", "deprecated: format=qcow2"),
        new("vhd", DiskKeywordKind.Prefix, "4.2", "deprecated: format=vhd"),
        new("iscsi", DiskKeywordKind.Prefix, "4.2", "deprecated: script=block-iscsi"),
        new("nbd", DiskKeywordKind.Prefix, "4.2", "deprecated: script=block-nbd"),
        new("enbd", DiskKeywordKind.Prefix, "4.2", "deprecated: script=block-enbd"),
        new("drbd", DiskKeywordKind.Prefix, "4.2", "deprecated: script=block-drbd"),
        new("tapdisk", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored"),
        new("tap", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored (xm: blktap backend)"),
        new("tap2", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored (xm: blktap2 backend)"),
        new("aio", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored"),
        new("ioemu", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored"),
        new("file", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored (xm: loop device)"),
        new("phy", DiskKeywordKind.Prefix, "4.2", "deprecated, ignored (xm: blkback on a block device)"),
    ];

    /// <summary>Parses a disk spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, for diagnostic locations; <see langword="null"/> for none.</param>
    /// <returns>The result, with a value when there are no errors. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>xl: <c>[KEY=VALUE|FLAG,]* [TARGET,[FORMAT,[VDEV,[ACCESS]]]] [KEY=VALUE|FLAG,]* [target=TARGET]</c>, with the
    /// deprecated prefixes (<c>phy:</c>, <c>file:</c>, <c>tap:aio:</c>, <c>raw:</c>, <c>nbd:</c> ...) and
    /// <c>vdev:cdrom</c>. The result matches what <c>xlu_disk_parse</c> reports, checked against libxlu's output over the
    /// shared corpus.</para>
    /// <para>Where xm and xl read the same text differently (<c>/path,hda,w</c>, <c>w!</c>, <c>rw</c>, <c>phy:</c> as a
    /// backend selector, a fifth field) a diagnostic names both readings.</para>
    /// </remarks>
    public static ParseResult<DiskSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Disk, text, dialect, map, Read);

    /// <summary>Tries to parse a disk spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The disk, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out DiskSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a disk in the canonical form of a dialect.</summary>
    /// <param name="dialect">xl (the default, also for <see cref="ConfigDialect.Auto"/>): keyword form,
    /// <c>format=raw, vdev=xvda, access=rw, target=/path</c>, target last (first and positional when it holds a line break,
    /// which <c>target=</c> cannot carry). xm: <c>uname,dev,mode[,backend[,protocol]]</c>.</param>
    /// <returns>The spec text.</returns>
    /// <remarks>Some values have no form in the other dialect: xl drops xm's <c>w!</c> (printed as <c>rw</c>) and the
    /// protocol; xm drops every xl keyword it lacks (discard, colo, trusted, specification ...).
    /// <see cref="SpecString.Print"/> prints with a diagnostic for each part left out. The prefixes written before the
    /// target (<see cref="XmUnameType"/>: <c>phy:</c>, <c>tap:aio:</c>) are kept in both forms: xl ignores them and xm
    /// reads them as the backend (in xm, <c>phy:hda1</c> is <c>/dev/hda1</c>).</remarks>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(DiskSpec value, ConfigDialect dialect)
    {
        return dialect == ConfigDialect.Xm ? PrintXm(value) : PrintXl(value);
    }

    /// <summary>Checks this disk for an HVM guest: reports <c>XH6031</c> when the guest sees it only through PV drivers
    /// (an <c>xvd</c>, <c>d&lt;N&gt;p&lt;M&gt;</c> or numbered device, or a partition).</summary>
    /// <param name="text">The spec this disk was read from, to locate its <c>vdev</c>.</param>
    /// <param name="map">The same map the parse was given, or <see langword="null"/>.</param>
    /// <returns>The diagnostics (empty when the disk is emulated or its vdev is not a valid name).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Diagnostic> CheckHvmEmulation(string text, SpecSourceMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (VirtualDevice is not { } device || device.HvmEmulation != HvmDiskEmulation.PvOnly)
        {
            return [];
        }

        var ctx = new SpecContext(SpecKind.Disk, text, ConfigDialect.Xl, (map ?? SpecSourceMap.None).BindTo(text));
        int at = text.IndexOf(device.Name, StringComparison.Ordinal);
        string why = device.Kind switch
        {
            VirtualDeviceKind.Xen => "xvd and d<N>p<M> devices are never emulated",
            VirtualDeviceKind.Number => "numbered devices are never emulated",
            _ => "partitions are never emulated",
        };
        ctx.Report(DiagnosticDescriptors.VdevNotEmulated, Math.Max(at, 0), at < 0 ? text.Length : device.Name.Length, device.Name, why);
        return ctx.Diagnostics;
    }

    private static DiskSpec? Read(SpecContext ctx) =>
        ctx.IsXm ? XmDiskParser.Parse(ctx) : DiskInterpreter.Run(ctx, DiskLexer.Scan(ctx.Text));

    private static string PrintXl(DiskSpec d)
    {
        var sb = new StringBuilder(64);
        string? positional = d.Target is { } target ? PositionalTarget(target) : null;
        if (positional is not null)
        {
            sb.Append(positional); // first: after ", " the item would begin with a blank, which a positional keeps
        }

        void Item(string item)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(item);
        }

        Item("format=" + FormatName(d.Format));
        if (d.Vdev is not null)
        {
            Item("vdev=" + d.Vdev);
        }

        Item(d.Access == DiskAccess.ReadOnly ? "access=ro" : "access=rw");
        if (d.DeviceType == DiskDeviceType.Cdrom)
        {
            Item("devtype=cdrom");
        }

        if (d.BackendType != DiskBackendType.Unknown)
        {
            Item("backendtype=" + d.BackendType.ToString().ToLowerInvariant());
        }

        if (d.Specification != DiskSpecification.Unknown)
        {
            Item("specification=" + d.Specification.ToString().ToLowerInvariant());
        }

        if (d.BackendDomain is not null)
        {
            Item("backend=" + d.BackendDomain);
        }

        if (d.Script is not null)
        {
            Item("script=" + d.Script);
        }

        if (d.DirectIoSafe)
        {
            Item("direct-io-safe");
        }

        if (d.Discard is { } discard)
        {
            Item(discard ? "discard" : "no-discard");
        }

        if (d.Colo is { } colo)
        {
            Item(colo ? "colo" : "no-colo");
        }

        if (d.ColoHost is not null)
        {
            Item("colo-host=" + d.ColoHost);
        }

        if (d.ColoPort is { } port)
        {
            Item("colo-port=" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (d.ColoExport is not null)
        {
            Item("colo-export=" + d.ColoExport);
        }

        if (d.ActiveDisk is not null)
        {
            Item("active-disk=" + d.ActiveDisk);
        }

        if (d.HiddenDisk is not null)
        {
            Item("hidden-disk=" + d.HiddenDisk);
        }

        if (d.Trusted is { } trusted)
        {
            Item(trusted ? "trusted" : "untrusted");
        }

        if (d.GrantUsage is { } grants)
        {
            Item(grants ? "grant_usage=1" : "grant_usage=0");
        }

        if (d.Target is not null && positional is null)
        {
            Item(TargetWithPrefix(d) ?? "target=" + d.Target);
        }

        return sb.ToString();
    }

    /// <summary>The prefixes xl ignores (<c>phy</c>, <c>file</c>, <c>tap</c>, <c>tap2</c>, <c>tapdisk</c>, <c>aio</c>, <c>ioemu</c>).</summary>
    private static readonly string[] IgnoredPrefixes = ["phy", "file", "tap", "tap2", "tapdisk", "aio", "ioemu"];

    /// <summary>
    /// The target as a positional item after the prefixes written before it (<c>phy:/dev/vg/x</c>), which xl ignores
    /// but xm reads as the backend; <see langword="null"/> when there are none, or when the target cannot stand
    /// positionally (a comma, an '=', leading blanks, or text that xl would read as something else).
    /// </summary>
    private static string? TargetWithPrefix(DiskSpec d)
    {
        if (d.XmUnameType is not { Length: > 0 } prefix || string.IsNullOrEmpty(d.Target)
            || !prefix.Split(':').All(p => Array.IndexOf(IgnoredPrefixes, p) >= 0))
        {
            return null;
        }

        string item = prefix + ":" + d.Target;
        var again = DiskInterpreter.Run(new SpecContext(SpecKind.Disk, "vdev=xvda, " + item, ConfigDialect.Xl, SpecSourceMap.None), DiskLexer.Scan("vdev=xvda, " + item));
        return again is not null && again.Target == d.Target && again.XmUnameType == prefix ? item : null;
    }

    /// <summary>
    /// The target as a positional item, printed first, when <c>target=</c> cannot carry it: <c>target=.*</c> stops at
    /// a line break (flex's <c>.</c>), a positional item does not. <see langword="null"/> for any other target, or
    /// when the item would not read back as the same target (a comma or an '=' in it, blanks at its start, text read
    /// as a prefix: no form of the disk language carries those).
    /// </summary>
    private static string? PositionalTarget(string target)
    {
        if (!target.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        string text = target + ", vdev=xvda";
        var again = DiskInterpreter.Run(new SpecContext(SpecKind.Disk, text, ConfigDialect.Xl, SpecSourceMap.None), DiskLexer.Scan(text));
        return again is not null && again.Target == target ? target : null;
    }

    private static string PrintXm(DiskSpec d)
    {
        string? written = d.XmUnameType is { } t && XmDiskParser.IsUnameType(t) ? t : null;
        string uname = string.IsNullOrEmpty(d.Target) ? string.Empty : (written ?? XmDiskParser.DeriveUnameType(d)) + ":" + d.Target;
        string dev = (d.Vdev ?? string.Empty) + (d.DeviceType == DiskDeviceType.Cdrom ? ":cdrom" : string.Empty);
        string mode = d.Access switch
        {
            DiskAccess.ReadOnly => "r",
            DiskAccess.SharedWrite => "w!",
            _ => "w",
        };
        string text = uname + "," + dev + "," + mode;
        if (d.XmProtocol is not null)
        {
            return text + "," + d.BackendDomain + "," + d.XmProtocol;
        }

        return d.BackendDomain is not null ? text + "," + d.BackendDomain : text;
    }

    internal static string FormatName(DiskFormat format) => format switch
    {
        DiskFormat.Raw => "raw",
        DiskFormat.Qcow => "qcow",
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Vhd => "vhd",
        DiskFormat.Qed => "qed",
        _ => "empty",
    };
}
