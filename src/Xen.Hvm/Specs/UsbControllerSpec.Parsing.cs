using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record UsbControllerSpec : ISpecValue
{
    /// <summary>Parses a usbctrl spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>xl exits on an unknown key; numbers are read with <c>atoi</c>.</remarks>
    public static ParseResult<UsbControllerSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.UsbCtrl, text, dialect, map, Read);

    /// <summary>Tries to parse a usbctrl spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out UsbControllerSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>type=..,version=..,ports=..</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(UsbControllerSpec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        if (value.Type is { } t)
        {
            items.Add("type=" + t.ToString().ToLowerInvariant());
        }

        if (value.Version is { } v)
        {
            items.Add("version=" + v.ToString(CultureInfo.InvariantCulture));
        }

        if (value.Ports is { } p)
        {
            items.Add("ports=" + p.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(",", items);
    }

    private static UsbControllerSpec? Read(SpecContext ctx)
    {
        var ctrl = new UsbControllerSpec();
        foreach (var item in SpecItems.Strtok(ctx.Text))
        {
            switch (item.HasEquals ? item.Key.Text : null)
            {
                case "type":
                    if (Enum.TryParse<UsbControllerType>(item.Value.Text, ignoreCase: true, out var type) && !char.IsAsciiDigit(item.Value.Text.FirstOrDefault()) && item.Value.Text.Trim().Length == item.Value.Length)
                    {
                        ctrl = ctrl with { Type = type };
                    }
                    else
                    {
                        SpecItems.Invalid(ctx, item, "expected auto, pv, devicemodel or qusb");
                    }

                    break;
                case "version":
                {
                    int v = SpecItems.Atoi(ctx, item);
                    if (v is < 1 or > 3)
                    {
                        SpecItems.Invalid(ctx, item, "the USB version is 1, 2 or 3");
                    }

                    ctrl = ctrl with { Version = v };
                    break;
                }

                case "ports":
                {
                    int p = SpecItems.Atoi(ctx, item);
                    if (p is < 1 or > 31)
                    {
                        SpecItems.Invalid(ctx, item, "a controller has 1 to 31 ports");
                    }

                    ctrl = ctrl with { Ports = p };
                    break;
                }

                default:
                    SpecItems.UnknownItem(ctx, item);
                    break;
            }
        }

        return ctrl;
    }
}
