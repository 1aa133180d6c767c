using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>Parses and prints usbdev specs (<c>type=hostdev,hostbus=N,hostaddr=N[,controller=N,port=N]</c>), an xl
/// device.</summary>
/// <remarks><c>hostbus</c>/<c>hostaddr</c> are C numbers (decimal, <c>0x</c> hex, octal); <c>controller</c>/<c>port</c>
/// use <c>atoi</c>; unknown keys stop xl. Thread-safe.</remarks>
public static class UsbDevSpecs
{
    /// <summary>Parses a usbdev spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static SpecParseResult<UsbDevSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.UsbDev, text, dialect, map, Read, Print);

    /// <summary>Tries to parse a usbdev spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out UsbDevSpec? value)
    {
        var r = Parse(text, dialect);
        value = r.Value;
        return r.Success;
    }

    /// <summary>Prints a value in the canonical form of a dialect (<c>type=hostdev,hostbus=..,hostaddr=..,controller=..,port=..</c>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Print(UsbDevSpec value, ConfigDialect dialect = ConfigDialect.Xl)
    {
        ArgumentNullException.ThrowIfNull(value);
        var items = new List<string>();
        if (value.IsHostDev)
        {
            items.Add("type=hostdev");
        }

        void Add(string key, object? v)
        {
            if (v is not null)
            {
                items.Add(key + "=" + Convert.ToString(v, CultureInfo.InvariantCulture));
            }
        }

        Add("hostbus", value.HostBus);
        Add("hostaddr", value.HostAddress);
        Add("controller", value.Controller);
        Add("port", value.Port);
        return string.Join(",", items);
    }

    private static UsbDevSpec? Read(SpecContext ctx)
    {
        var dev = new UsbDevSpec();
        foreach (var item in SpecItems.Strtok(ctx.Text))
        {
            switch (item.HasEquals ? item.Key.Text : null)
            {
                case "type":
                    if (item.Value.Text.Equals("hostdev", StringComparison.OrdinalIgnoreCase))
                    {
                        dev = dev with { IsHostDev = true };
                    }
                    else
                    {
                        SpecItems.Invalid(ctx, item, "the only type is hostdev");
                    }

                    break;
                case "hostbus":
                    dev = dev with { HostBus = SpecItems.ULong(ctx, item, 0) };
                    break;
                case "hostaddr":
                    dev = dev with { HostAddress = SpecItems.ULong(ctx, item, 0) };
                    break;
                case "controller":
                    dev = dev with { Controller = SpecItems.Atoi(ctx, item) };
                    break;
                case "port":
                    dev = dev with { Port = SpecItems.Atoi(ctx, item) };
                    break;
                default:
                    SpecItems.UnknownItem(ctx, item);
                    break;
            }
        }

        return dev;
    }
}
