using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pidgin;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record EmulatedUsbDeviceSpec : ISpecValue
{
    /// <summary>Parses a usbdevice spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>xl and xm both pass the value to the device model; other names are accepted with an info diagnostic.
    ///</remarks>
    public static ParseResult<EmulatedUsbDeviceSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.UsbDevice, text, dialect, map, Read);

    /// <summary>Tries to parse a usbdevice spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out EmulatedUsbDeviceSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (the same in both).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static EmulatedUsbDeviceSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        switch (s)
        {
            case "tablet":
                return new EmulatedUsbDeviceSpec(EmulatedUsbDeviceKind.Tablet);
            case "mouse":
                return new EmulatedUsbDeviceSpec(EmulatedUsbDeviceKind.Mouse);
            case "keyboard":
                return new EmulatedUsbDeviceSpec(EmulatedUsbDeviceKind.Keyboard);
        }

        if (s.StartsWith("host:", StringComparison.Ordinal))
        {
            var r = SpecGrammar.UsbHost.Parse(s);
            if (r.Success)
            {
                return new EmulatedUsbDeviceSpec(r.Value.Kind, r.Value.First, r.Value.Second);
            }

            ctx.Report(DiagnosticDescriptors.UsbDeviceInvalidHost, 0, s.Length, s);
            return null;
        }

        ctx.Report(DiagnosticDescriptors.UsbDeviceUnknown, 0, s.Length, s);
        return new EmulatedUsbDeviceSpec(EmulatedUsbDeviceKind.Other, Name: s);
    }
}
