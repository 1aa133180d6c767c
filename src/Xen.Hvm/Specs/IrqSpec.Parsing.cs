using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record IrqSpec : ISpecValue
{
    /// <summary>Parses a irqs spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<IrqSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Irqs, text, dialect, map, Read);

    /// <summary>Tries to parse a irqs spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out IrqSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (decimal).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static IrqSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        ulong n = CNumbers.StrToUL(s, 0, 10, out int end, out _);
        if (end == 0 || end != s.Length || n >= uint.MaxValue)
        {
            ctx.Report(DiagnosticDescriptors.IrqInvalid, 0, ctx.Original.Length, s);
            return null;
        }

        return new IrqSpec((uint)n);
    }
}
