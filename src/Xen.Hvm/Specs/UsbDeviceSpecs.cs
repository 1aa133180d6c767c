using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pidgin;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>Parses and prints HVM <c>usbdevice</c> values (<c>tablet</c>, <c>mouse</c>, <c>keyboard</c>,
/// <c>host:VID:PID</c>, <c>host:BUS.ADDR</c>).</summary>
/// <remarks>xl and xm both pass the value to the device model; other names are accepted with an info diagnostic.
/// Thread-safe.</remarks>
public static class UsbDeviceSpecs
{
    /// <summary>Parses a usbdevice spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static SpecParseResult<UsbDeviceSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.UsbDevice, text, dialect, map, Read, Print);

    /// <summary>Tries to parse a usbdevice spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out UsbDeviceSpec? value)
    {
        var r = Parse(text, dialect);
        value = r.Value;
        return r.Success;
    }

    /// <summary>Prints a value in the canonical form of a dialect (the same in both).</summary>
    /// <param name="value">The value.</param>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Print(UsbDeviceSpec value, ConfigDialect dialect = ConfigDialect.Xl)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.ToString();
    }

    private static UsbDeviceSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        switch (s)
        {
            case "tablet":
                return new UsbDeviceSpec(UsbDeviceKind.Tablet);
            case "mouse":
                return new UsbDeviceSpec(UsbDeviceKind.Mouse);
            case "keyboard":
                return new UsbDeviceSpec(UsbDeviceKind.Keyboard);
        }

        if (s.StartsWith("host:", StringComparison.Ordinal))
        {
            var r = SpecGrammar.UsbHost.Parse(s);
            if (r.Success)
            {
                return new UsbDeviceSpec(r.Value.Kind, r.Value.First, r.Value.Second);
            }

            ctx.Report(DiagnosticDescriptors.UsbDeviceInvalidHost, 0, s.Length, s);
            return null;
        }

        ctx.Report(DiagnosticDescriptors.UsbDeviceUnknown, 0, s.Length, s);
        return new UsbDeviceSpec(UsbDeviceKind.Other, Name: s);
    }
}
