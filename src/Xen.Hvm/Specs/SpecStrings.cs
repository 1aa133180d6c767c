using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config;

namespace Xen.Hvm.Specs;

/// <summary>
/// One entry point for every spec language, chosen by <see cref="SpecKind"/> or by the config key it belongs to;
/// for tools that handle specs generically. The typed facades (<see cref="DiskSpecs"/>, <see cref="VifSpecs"/> ...)
/// are the better choice when the language is known.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class SpecStrings
{
    private static readonly (SpecKind Kind, string Name, Func<string, ConfigDialect, SpecSourceMap?, SpecParseResult<object>> Parse, Func<object, ConfigDialect, string> Print)[] Languages =
    [
        Entry(SpecKind.Disk, "disk", DiskSpecs.Parse, DiskSpecs.Print),
        Entry(SpecKind.Vif, "vif", VifSpecs.Parse, VifSpecs.Print),
        Entry(SpecKind.Pci, "pci", PciSpecs.Parse, PciSpecs.Print),
        Entry(SpecKind.Vfb, "vfb", VfbSpecs.Parse, VfbSpecs.Print),
        Entry(SpecKind.Channel, "channel", ChannelSpecs.Parse, ChannelSpecs.Print),
        Entry(SpecKind.Vtpm, "vtpm", VtpmSpecs.Parse, VtpmSpecs.Print),
        Entry(SpecKind.P9, "p9", P9Specs.Parse, P9Specs.Print),
        Entry(SpecKind.UsbCtrl, "usbctrl", UsbCtrlSpecs.Parse, UsbCtrlSpecs.Print),
        Entry(SpecKind.UsbDev, "usbdev", UsbDevSpecs.Parse, UsbDevSpecs.Print),
        Entry(SpecKind.UsbDevice, "usbdevice", UsbDeviceSpecs.Parse, UsbDeviceSpecs.Print),
        Entry(SpecKind.Cpus, "cpus", CpuListSpecs.Parse, CpuListSpecs.Print),
        Entry(SpecKind.Cpuid, "cpuid", CpuidSpecs.Parse, CpuidSpecs.Print),
        Entry(SpecKind.Viridian, "viridian", ViridianSpecs.Parse, ViridianSpecs.Print),
        Entry(SpecKind.Smbios, "smbios", SmbiosSpecs.Parse, SmbiosSpecs.Print),
        Entry(SpecKind.Vnuma, "vnuma", VnumaSpecs.Parse, VnumaSpecs.Print),
        Entry(SpecKind.IoPorts, "ioports", IoPortSpecs.Parse, IoPortSpecs.Print),
        Entry(SpecKind.IoMem, "iomem", IoMemSpecs.Parse, IoMemSpecs.Print),
        Entry(SpecKind.Irqs, "irqs", IrqSpecs.Parse, IrqSpecs.Print),
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
    /// <returns>The result; its value is the language's record (e.g. <see cref="DiskSpec"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static SpecParseResult<object> Parse(SpecKind kind, string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Name(kind);
        return Languages[(int)kind].Parse(text, dialect, map);
    }

    /// <summary>Prints a record of any language in the canonical form of a dialect.</summary>
    /// <param name="kind">The language.</param>
    /// <param name="value">The record, e.g. a <see cref="DiskSpec"/>.</param>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The spec text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a record of <paramref name="kind"/>.</exception>
    public static string Print(SpecKind kind, object value, ConfigDialect dialect = ConfigDialect.Xl)
    {
        ArgumentNullException.ThrowIfNull(value);
        _ = Name(kind);
        try
        {
            return Languages[(int)kind].Print(value, dialect);
        }
        catch (InvalidCastException ex)
        {
            throw new ArgumentException($"The value is not a {Name(kind)} record.", nameof(value), ex);
        }
    }

    private static (SpecKind, string, Func<string, ConfigDialect, SpecSourceMap?, SpecParseResult<object>>, Func<object, ConfigDialect, string>) Entry<T>(
        SpecKind kind, string name, Func<string, ConfigDialect, SpecSourceMap?, SpecParseResult<T>> parse, Func<T, ConfigDialect, string> print)
        where T : class
    {
        string PrintObject(object o, ConfigDialect d) => print((T)o, d);
        return (kind, name, (text, dialect, map) =>
        {
            var r = parse(text, dialect, map);
            return new SpecParseResult<object>(r.Kind, r.Text, r.Dialect, r.Value, r.Diagnostics, PrintObject);
        }, PrintObject);
    }
}
