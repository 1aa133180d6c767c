using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record P9Spec : ISpecValue
{
    /// <summary>Parses a p9 spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Items are <c>KEY=VALUE</c>, trimmed; xl exits on an unknown key.</remarks>
    public static ParseResult<P9Spec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.P9, text, dialect, map, Read);

    /// <summary>Tries to parse a p9 spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out P9Spec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>KEY=VALUE</c> items joined by <c>,</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(P9Spec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        void Add(string key, object? v)
        {
            if (v is not null)
            {
                items.Add(SpecItems.Pair(key, Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }

        Add("tag", value.Tag);
        Add("path", value.Path);
        Add("security_model", value.SecurityModel);
        Add("backend", value.Backend);
        Add("type", value.Type switch { P9Type.Qemu => "qemu", P9Type.Xen9pfsd => "xen_9pfsd", _ => null });
        Add("max-files", value.MaxFiles);
        Add("max-open-files", value.MaxOpenFiles);
        Add("max-space", value.MaxSpace);
        Add("auto-delete", value.AutoDelete);
        return string.Join(",", items);
    }

    private static P9Spec? Read(SpecContext ctx)
    {
        var p9 = new P9Spec();
        foreach (var item in SpecItems.Pairs(ctx, ctx.Text))
        {
            string v = item.Value.Text;
            switch (item.Key.Text)
            {
                case "security_model":
                    p9 = p9 with { SecurityModel = v };
                    break;
                case "path":
                    p9 = p9 with { Path = v };
                    break;
                case "tag":
                    p9 = p9 with { Tag = v };
                    break;
                case "backend":
                    p9 = p9 with { Backend = v };
                    break;
                case "type":
                    if (v.Equals("qemu", StringComparison.OrdinalIgnoreCase))
                    {
                        p9 = p9 with { Type = P9Type.Qemu };
                    }
                    else if (v.Equals("xen_9pfsd", StringComparison.OrdinalIgnoreCase))
                    {
                        p9 = p9 with { Type = P9Type.Xen9pfsd };
                    }
                    else
                    {
                        SpecItems.Invalid(ctx, item, "expected qemu or xen_9pfsd");
                    }

                    break;
                case "max-files":
                    p9 = p9 with { MaxFiles = SpecItems.ULong(ctx, item, 10) };
                    break;
                case "max-open-files":
                    p9 = p9 with { MaxOpenFiles = SpecItems.ULong(ctx, item, 10) };
                    break;
                case "max-space":
                    p9 = p9 with { MaxSpace = SpecItems.ULong(ctx, item, 10) };
                    break;
                case "auto-delete":
                    p9 = p9 with { AutoDelete = SpecItems.ULong(ctx, item, 0) };
                    break;
                default:
                    SpecItems.UnknownKey(ctx, item, DiagnosticSeverity.Error);
                    break;
            }
        }

        return p9;
    }
}
