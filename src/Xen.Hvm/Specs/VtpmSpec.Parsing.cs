using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VtpmSpec : ISpecValue
{
    /// <summary>Parses a vtpm spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>xl stops reading at an item without <c>=</c>, exits on an unknown key and needs <c>backend</c>.
    ///</remarks>
    public static ParseResult<VtpmSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Vtpm, text, dialect, map, Read);

    /// <summary>Tries to parse a vtpm spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out VtpmSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (xl <c>backend=..,uuid=..</c>; xm <c>instance=..,backend=..</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(VtpmSpec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        if (dialect == ConfigDialect.Xm && value.XmInstance is { } instance)
        {
            items.Add("instance=" + instance.ToString(CultureInfo.InvariantCulture));
        }

        if (value.Backend is not null)
        {
            items.Add("backend=" + value.Backend);
        }

        if (dialect != ConfigDialect.Xm && value.Uuid is { } uuid)
        {
            items.Add("uuid=" + uuid.ToString("D"));
        }

        return string.Join(",", items);
    }

    private static VtpmSpec? Read(SpecContext ctx)
    {
        var vtpm = new VtpmSpec(Backend: null);
        foreach (var item in SpecItems.Strtok(ctx.Text))
        {
            if (!item.HasEquals)
            {
                ctx.ReportFor(DiagnosticDescriptors.SpecItemWithoutEquals, DiagnosticSeverity.Warning, DiagnosticSeverity.Error, item.Whole.Start, ctx.Text.Length - item.Whole.Start, ctx.KindName, item.Whole.Text);
                break;
            }

            string v = item.Value.Text;
            switch (item.Key.Text)
            {
                case "backend":
                    vtpm = vtpm with { Backend = v };
                    break;
                case "uuid" when !ctx.IsXm:
                    if (v.Length == 36 && Guid.TryParseExact(v, "D", out var uuid))
                    {
                        vtpm = vtpm with { Uuid = uuid };
                    }
                    else
                    {
                        SpecItems.Invalid(ctx, item, "not a UUID");
                    }

                    break;
                case "instance" when ctx.IsXm:
                    vtpm = vtpm with { XmInstance = SpecItems.Atoi(ctx, item) };
                    break;
                case "instance":
                    ctx.ReportAs(DiagnosticDescriptors.SpecKeyNotInXl, DiagnosticSeverity.Error, item.Key.Start, item.Key.Length, ctx.KindName, item.Key.Text);
                    break;
                default:
                    SpecItems.UnknownKey(ctx, item, DiagnosticSeverity.Error);
                    break;
            }
        }

        if (vtpm.Backend is null)
        {
            SpecItems.Missing(ctx, "backend");
        }

        return vtpm;
    }
}
