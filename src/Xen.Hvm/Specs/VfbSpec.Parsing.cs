using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VfbSpec : ISpecValue
{
    private static readonly string[] XmOnlyKeys = ["type", "serial", "monitor", "videoram"];

    /// <summary>Parses a vfb spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>xl: items split on commas, leading spaces skipped; reading stops at the first item without <c>=</c>
    /// (a warning); unknown keys are silently ignored (info); numbers are read with <c>atoi</c>. xend's <c>type=vnc</c>
    /// switched VNC on, which xl ignores (<c>XH6064</c>).</para>
    /// <para>xm: keys are checked against xend's list; unknown keys are errors.</para>
    /// </remarks>
    public static ParseResult<VfbSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Vfb, text, dialect, map, Read);

    /// <summary>Tries to parse a vfb spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out VfbSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>KEY=VALUE</c> items joined by <c>,</c>; booleans as 1/0).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(VfbSpec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        void Add(string key, object? v) => SpecItems.AddItem(items, key, v);

        Add("vnc", value.Vnc);
        Add("vnclisten", value.VncListen);
        Add("vncpasswd", value.VncPassword);
        Add("vncdisplay", value.VncDisplay);
        Add("vncunused", value.VncUnused);
        Add("keymap", value.Keymap);
        Add("sdl", value.Sdl);
        Add("opengl", value.OpenGl);
        Add("display", value.Display);
        Add("xauthority", value.XAuthority);
        if (dialect == ConfigDialect.Xm)
        {
            items.AddRange(value.XmOnly.Select(s => s.ToString()));
        }

        return string.Join(",", items);
    }

    private static VfbSpec? Read(SpecContext ctx)
    {
        var vfb = new VfbSpec();
        var xmOnly = new List<SpecSetting>();
        foreach (var item in SpecItems.Strtok(ctx.Text))
        {
            if (!item.HasEquals)
            {
                ctx.ReportFor(DiagnosticDescriptors.SpecItemWithoutEquals, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, item.Whole.Start, ctx.Text.Length - item.Whole.Start, ctx.KindName, item.Whole.Text);
                if (ctx.IsXm)
                {
                    continue;
                }

                break;
            }

            string v = item.Value.Text;
            switch (item.Key.Text)
            {
                case "vnc":
                    vfb = vfb with { Vnc = SpecItems.Atoi(ctx, item) != 0 };
                    break;
                case "vnclisten":
                    vfb = vfb with { VncListen = v };
                    break;
                case "vncpasswd":
                    vfb = vfb with { VncPassword = v };
                    break;
                case "vncdisplay":
                    vfb = vfb with { VncDisplay = SpecItems.Atoi(ctx, item) };
                    break;
                case "vncunused":
                    vfb = vfb with { VncUnused = SpecItems.Atoi(ctx, item) != 0 };
                    break;
                case "keymap":
                    vfb = vfb with { Keymap = v };
                    break;
                case "sdl":
                    vfb = vfb with { Sdl = SpecItems.Atoi(ctx, item) != 0 };
                    break;
                case "opengl":
                    vfb = vfb with { OpenGl = SpecItems.Atoi(ctx, item) != 0 };
                    break;
                case "display":
                    vfb = vfb with { Display = v };
                    break;
                case "xauthority":
                    vfb = vfb with { XAuthority = v };
                    break;
                default:
                    if (Array.IndexOf(XmOnlyKeys, item.Key.Text) >= 0)
                    {
                        if (ctx.IsXm)
                        {
                            xmOnly.Add(new SpecSetting(item.Key.Text, v));
                        }
                        else
                        {
                            ctx.Report(DiagnosticDescriptors.SpecKeyNotInXl, item.Key.Start, item.Key.Length, ctx.KindName, item.Key.Text);
                        }
                    }
                    else
                    {
                        SpecItems.UnknownKey(ctx, item, ctx.IsXm ? DiagnosticSeverity.Error : DiagnosticSeverity.Info);
                    }

                    break;
            }
        }

        return vfb with { XmOnly = new SpecList<SpecSetting>(xmOnly) };
    }
}
