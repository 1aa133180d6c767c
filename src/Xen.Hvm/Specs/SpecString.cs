using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs;

/// <summary>
/// One entry point for every spec language, chosen by <see cref="SpecKind"/> or by the config key it belongs to;
/// for tools that handle specs generically. The typed entry points (<see cref="DiskSpec.Parse"/>,
/// <see cref="VifSpec.Parse"/> ...) are the better choice when the language is known.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class SpecString
{
    private static readonly (SpecKind Kind, Type Type, string Name, Func<string, ConfigDialect, SpecSourceMap?, ParseResult<ISpecValue>> Parse)[] Languages =
    [
        Entry(SpecKind.Disk, "disk", DiskSpec.Parse),
        Entry(SpecKind.Vif, "vif", VifSpec.Parse),
        Entry(SpecKind.Pci, "pci", PciSpec.Parse),
        Entry(SpecKind.Vfb, "vfb", VfbSpec.Parse),
        Entry(SpecKind.Channel, "channel", ChannelSpec.Parse),
        Entry(SpecKind.Vtpm, "vtpm", VtpmSpec.Parse),
        Entry(SpecKind.P9, "p9", P9Spec.Parse),
        Entry(SpecKind.UsbCtrl, "usbctrl", UsbControllerSpec.Parse),
        Entry(SpecKind.UsbDev, "usbdev", UsbPassthroughSpec.Parse),
        Entry(SpecKind.UsbDevice, "usbdevice", EmulatedUsbDeviceSpec.Parse),
        Entry(SpecKind.Cpus, "cpus", CpuListSpec.Parse),
        Entry(SpecKind.Cpuid, "cpuid", CpuidSpec.Parse),
        Entry(SpecKind.Viridian, "viridian", ViridianSpec.Parse),
        Entry(SpecKind.Smbios, "smbios", SmbiosSpec.Parse),
        Entry(SpecKind.Vnuma, "vnuma", VnumaOption.Parse),
        Entry(SpecKind.IoPorts, "ioports", IoPortRange.Parse),
        Entry(SpecKind.IoMem, "iomem", IoMemRange.Parse),
        Entry(SpecKind.Irqs, "irqs", IrqSpec.Parse),
    ];

    /// <summary>Gets the config-key names of the languages, in <see cref="SpecKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = Languages.Select(l => l.Name).ToArray();

    /// <summary>Gets the config-key name of a language (<c>disk</c>, <c>usbctrl</c>, <c>cpus</c> ...).</summary>
    /// <param name="kind">The language.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string Name(SpecKind kind) => (uint)kind < (uint)Languages.Length
        ? Languages[(int)kind].Name
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a spec language.");

    /// <summary>Finds the language of a config key: its name, or a key that uses it (<c>cpus_soft</c>, <c>irq</c>).</summary>
    /// <param name="key">The key, e.g. <c>disk</c>.</param>
    /// <param name="kind">The language, when found.</param>
    /// <returns><see langword="true"/> when the key holds spec strings.</returns>
    public static bool TryGetKind([NotNullWhen(true)] string? key, out SpecKind kind)
    {
        kind = default;
        switch (key)
        {
            case null:
                return false;
            case "cpus_soft":
                kind = SpecKind.Cpus;
                return true;
            case "irq":
                kind = SpecKind.Irqs;
                return true;
        }

        int i = Array.FindIndex(Languages, l => l.Name == key);
        if (i < 0)
        {
            return false;
        }

        kind = Languages[i].Kind;
        return true;
    }

    /// <summary>Parses a spec of any language.</summary>
    /// <param name="kind">The language.</param>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result; its value is the language's record (e.g. <see cref="DiskSpec"/>), which prints itself with
    /// <see cref="ISpecValue.ToSpecString"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static ParseResult<ISpecValue> Parse(SpecKind kind, string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Name(kind);
        return Languages[(int)kind].Parse(text, dialect, map);
    }

    /// <summary>
    /// Prints a spec value in the canonical form of a dialect, and says what that form leaves out: one XH2040 for
    /// each part of the value the dialect has no way to say (a pci <c>permissive</c> or <c>seize</c> in xm, a disk's
    /// <c>discard</c> or <c>specification</c> in xm, xm's <c>w!</c> or protocol in xl), found by reading the text
    /// back; XH2041 when the text does not read back at all.
    /// </summary>
    /// <param name="value">A value of any spec language.</param>
    /// <param name="dialect">The dialect; <see cref="ConfigDialect.Auto"/> prints xl.</param>
    /// <returns>The text (<see cref="ISpecValue.ToSpecString"/>) and its diagnostics, located in the text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a value of this library's spec languages.</exception>
    public static SpecPrintResult Print(ISpecValue value, ConfigDialect dialect = ConfigDialect.Xl)
    {
        ArgumentNullException.ThrowIfNull(value);
        int i = Array.FindIndex(Languages, l => l.Type == value.GetType());
        if (i < 0)
        {
            throw new ArgumentException("Not a value of this library's spec languages.", nameof(value));
        }

        SpecKind kind = Languages[i].Kind;
        dialect = dialect == ConfigDialect.Xm ? ConfigDialect.Xm : ConfigDialect.Xl;
        string text = value.ToSpecString(dialect);
        var map = SpecSourceMap.Identity(text);
        var diagnostics = new List<Diagnostic>();
        string dialectName = Internal.SpecFields.DialectName(dialect);
        ParseResult<ISpecValue> again = Parse(kind, text, dialect);
        if (!again.Success)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SpecPrintDoesNotReadBack, map.Map(0, text.Length), dialectName, Name(kind), again.FirstError?.Id));
        }

        var (fields, blank) = Internal.SpecFields.For(kind);
        ISpecValue? reread = again.PartialValue ?? blank;
        foreach (var field in fields)
        {
            object? mine = field.Get(value);
            if (!Equals(mine, field.Get(blank!)) && (reread is null || !Equals(mine, field.Get(reread))))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SpecPartNotPrinted, map.Map(0, text.Length), dialectName, Name(kind), field.Key, Show(mine)));
            }
        }

        return new SpecPrintResult(text, diagnostics);
    }

    private static string Show(object? value) => value switch
    {
        bool b => b ? "on" : "off",
        DiskAccess.SharedWrite => "w!",
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };

    private static (SpecKind, Type, string, Func<string, ConfigDialect, SpecSourceMap?, ParseResult<ISpecValue>>) Entry<T>(
        SpecKind kind, string name, Func<string, ConfigDialect, SpecSourceMap?, ParseResult<T>> parse)
        where T : class, ISpecValue =>
        (kind, typeof(T), name, (text, dialect, map) => parse(text, dialect, map).Convert<ISpecValue>(static v => v));
}
