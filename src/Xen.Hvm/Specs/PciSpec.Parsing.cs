using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record PciSpec : ISpecValue
{
    /// <summary>Parses a PCI spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Keys: <c>bdf vslot permissive msitranslate seize power_mgmt rdm_policy name</c>. Exactly one of an address
    /// and a name must be given. In the xm dialect only <c>msitranslate</c> and <c>power_mgmt</c> are xend options; the
    /// others are reported.</para>
    /// </remarks>
    public static ParseResult<PciSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Pci, text, dialect, map, Read);

    /// <summary>Tries to parse a PCI spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The device, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out PciSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a device canonically: the address first, then the options in a fixed order. The xm form leaves
    /// out the options xend does not know.</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(PciSpec value, ConfigDialect dialect)
    {
        bool xm = dialect == ConfigDialect.Xm;
        var sb = new StringBuilder();
        void Item(string s)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(s);
        }

        if (value.Address is { } a)
        {
            sb.Append(a.ToString());
            if (value.VirtualSlot is { } vs)
            {
                sb.Append('@').Append(vs.ToString("x", CultureInfo.InvariantCulture));
            }
        }
        else if (value.VirtualSlot is { } vs)
        {
            Item("vslot=" + vs.ToString("x", CultureInfo.InvariantCulture));
        }

        if (!xm && value.Permissive is { } p)
        {
            Item("permissive=" + p.ToString(CultureInfo.InvariantCulture));
        }

        if (value.MsiTranslate is { } m)
        {
            Item("msitranslate=" + m.ToString(CultureInfo.InvariantCulture));
        }

        if (!xm && value.Seize is { } s)
        {
            Item("seize=" + s.ToString(CultureInfo.InvariantCulture));
        }

        if (value.PowerManagement is { } pm)
        {
            Item("power_mgmt=" + pm.ToString(CultureInfo.InvariantCulture));
        }

        if (!xm && value.RdmPolicy is { } r)
        {
            Item("rdm_policy=" + (r == PciRdmPolicy.Strict ? "strict" : "relaxed"));
        }

        if (!xm && value.Name is { } n)
        {
            Item("name=" + n);
        }

        return sb.ToString();
    }

    private static bool TryParseVslot(string s, int start, out int slot, out int end)
    {
        slot = 0;
        end = start;
        int p = start;
        if (!PciAddress.ReadHex(s, ref p, out ulong v) || v > 0x1f)
        {
            return false;
        }

        slot = (int)v;
        end = p;
        return true;
    }

    private static PciSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        var pci = new PciSpec();
        bool bdfPresent = false;
        bool namePresent = false;
        int p = 0;
        if (PciAddress.TryParseBdf(s, out var address, out int end))
        {
            bdfPresent = true;
            pci = pci with { Address = address };
            p = end;
            if (p < s.Length && s[p] == '@')
            {
                if (!TryParseVslot(s, p + 1, out int slot, out int vend))
                {
                    int close = IndexOrEnd(s, ',', p + 1);
                    ctx.Report(DiagnosticDescriptors.PciInvalidVslot, p + 1, close - p - 1, s[(p + 1)..close]);
                    return null;
                }

                pci = pci with { VirtualSlot = slot };
                p = vend;
            }

            if (p < s.Length && s[p] == ',')
            {
                p++;
            }
            else if (p < s.Length)
            {
                int close = IndexOrEnd(s, ',', 0);
                ctx.Report(DiagnosticDescriptors.PciInvalidBdf, 0, close, s[..close]);
                return null;
            }
        }
        else if (LooksLikeAddress(s))
        {
            int close = IndexOrEnd(s, ',', 0);
            ctx.Report(DiagnosticDescriptors.PciInvalidBdf, 0, close, s[..close]);
            return null;
        }

        while (p < s.Length)
        {
            int close = IndexOrEnd(s, ',', p);
            var item = SpecGrammar.KeyValue(new SpecToken(p, s[p..close]));
            if (!item.HasEquals)
            {
                // parse_key_val looks for '=' past the comma, up to the end of the string.
                ctx.Report(DiagnosticDescriptors.PciInvalidOption, p, close - p, s[p..close]);
                return null;
            }

            if (!Option(ctx, ref pci, item, ref bdfPresent, ref namePresent))
            {
                return null;
            }

            p = close < s.Length ? close + 1 : close;
        }

        if (bdfPresent == namePresent)
        {
            ctx.Report(DiagnosticDescriptors.PciBdfOrName, 0, ctx.Original.Length);
            return null;
        }

        return pci;
    }

    private static bool Option(SpecContext ctx, ref PciSpec pci, SpecItem item, ref bool bdfPresent, ref bool namePresent)
    {
        string key = item.Key.Text;
        string value = item.Value.Text;
        if (ctx.IsXm && key is not ("msitranslate" or "power_mgmt"))
        {
            ctx.Report(DiagnosticDescriptors.PciOptionNotInXm, item.Key.Start, item.Key.Length, key);
        }

        switch (key)
        {
            case "bdf":
                if (PciAddress.TryParseBdf(value, out var a, out _))
                {
                    pci = pci with { Address = a };
                    bdfPresent = true;
                }
                else
                {
                    ctx.Report(DiagnosticDescriptors.PciInvalidBdf, item.Value.Start, item.Value.Length, value);
                    return false;
                }

                return true;
            case "vslot":
                if (!TryParseVslot(value, 0, out int slot, out _))
                {
                    ctx.Report(DiagnosticDescriptors.PciInvalidVslot, item.Value.Start, item.Value.Length, value);
                    return false;
                }

                pci = pci with { VirtualSlot = slot };
                return true;
            case "permissive":
                pci = pci with { Permissive = SpecItems.Atoi(ctx, item) };
                return true;
            case "msitranslate":
                pci = pci with { MsiTranslate = SpecItems.Atoi(ctx, item) };
                return true;
            case "seize":
                pci = pci with { Seize = SpecItems.Atoi(ctx, item) };
                return true;
            case "power_mgmt":
                pci = pci with { PowerManagement = SpecItems.Atoi(ctx, item) };
                return true;
            case "rdm_policy":
                if (value.Equals("strict", StringComparison.OrdinalIgnoreCase) || value.Equals("relaxed", StringComparison.OrdinalIgnoreCase))
                {
                    pci = pci with { RdmPolicy = value.Equals("strict", StringComparison.OrdinalIgnoreCase) ? PciRdmPolicy.Strict : PciRdmPolicy.Relaxed };
                    return true;
                }

                ctx.Report(DiagnosticDescriptors.PciInvalidRdmPolicy, item.Value.Start, item.Value.Length, value);
                return false;
            case "name":
                pci = pci with { Name = value };
                namePresent = true;
                return true;
            default:
                ctx.Report(DiagnosticDescriptors.PciUnknownOption, item.Key.Start, item.Key.Length, key);
                return false;
        }
    }

    private static bool LooksLikeAddress(string s)
    {
        int close = IndexOrEnd(s, ',', 0);
        return s.AsSpan(0, close).IndexOf('=') < 0 && s.AsSpan(0, close).IndexOfAny(':', '.') >= 0;
    }

    private static int IndexOrEnd(string s, char c, int from)
    {
        int i = s.IndexOf(c, from);
        return i < 0 ? s.Length : i;
    }
}
