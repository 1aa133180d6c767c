using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record UsbPassthroughSpec : ISpecValue
{
    /// <summary>Parses a usbdev spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks><c>hostbus</c>/<c>hostaddr</c> are C numbers (decimal, <c>0x</c> hex, octal); <c>controller</c>/<c>port</c>
    /// use <c>atoi</c>; unknown keys stop xl.</remarks>
    public static ParseResult<UsbPassthroughSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.UsbDev, text, dialect, map, Read);

    /// <summary>Tries to parse a usbdev spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out UsbPassthroughSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>type=hostdev,hostbus=..,hostaddr=..,controller=..,port=..</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(UsbPassthroughSpec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        if (value.IsHostDev)
        {
            items.Add("type=hostdev");
        }

        void Add(string key, object? v) => SpecItems.AddItem(items, key, v);

        Add("hostbus", value.HostBus);
        Add("hostaddr", value.HostAddress);
        Add("controller", value.Controller);
        Add("port", value.Port);
        return string.Join(",", items);
    }

    private static UsbPassthroughSpec? Read(SpecContext ctx)
    {
        var dev = new UsbPassthroughSpec();
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
