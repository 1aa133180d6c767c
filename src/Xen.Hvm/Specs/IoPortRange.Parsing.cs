using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record IoPortRange : ISpecValue
{
    /// <summary>Parses a ioports spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>xl only prints a message for junk after a single port and goes on (a warning here).</remarks>
    public static ParseResult<IoPortRange> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.IoPorts, text, dialect, map, Read);

    /// <summary>Tries to parse a ioports spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out IoPortRange? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (hexadecimal).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static IoPortRange? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        ulong first = CNumbers.StrToUL(s, 0, 16, out int end, out _);
        if (end == 0)
        {
            ctx.Report(DiagnosticDescriptors.IoPortInvalid, 0, s.Length, s, "expected a hexadecimal port");
            return null;
        }

        if (first >= uint.MaxValue)
        {
            ctx.Report(DiagnosticDescriptors.IoPortInvalid, 0, end, s, "the port is too big");
            return null;
        }

        ulong last = first;
        if (end < s.Length && s[end] == '-')
        {
            int q = end + 1;
            last = CNumbers.StrToUL(s, q, 16, out end, out _);
            if (end == q || end != s.Length)
            {
                ctx.Report(DiagnosticDescriptors.IoPortInvalid, q, s.Length - q, s, "expected a hexadecimal end port");
                return null;
            }

            if (last >= uint.MaxValue)
            {
                ctx.Report(DiagnosticDescriptors.IoPortInvalid, q, s.Length - q, s, "the port is too big");
                return null;
            }

            if (last < first)
            {
                ctx.Report(DiagnosticDescriptors.IoPortInvalid, 0, s.Length, s, "the range runs backwards");
                return null;
            }
        }
        else if (end != s.Length)
        {
            ctx.ReportAs(DiagnosticDescriptors.IoPortInvalid, DiagnosticSeverity.Warning, end, s.Length - end, s, "xl ignores the text after the port");
        }

        return new IoPortRange((uint)first, (uint)last);
    }
}
