using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record IoMemRange : ISpecValue
{
    /// <summary>Parses a iomem spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Read as xl's <c>sscanf("%x,%x%n@%x%n")</c>: nothing may follow.</remarks>
    public static ParseResult<IoMemRange> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.IoMem, text, dialect, map, Read);

    /// <summary>Tries to parse a iomem spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out IoMemRange? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (hexadecimal).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static IoMemRange? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        ulong start = CNumbers.StrToUL(s, 0, 16, out int p, out bool o1);
        if (p == 0 || o1 || p >= s.Length || s[p] != ',')
        {
            return Fail(ctx);
        }

        int q = p + 1;
        ulong count = CNumbers.StrToUL(s, q, 16, out p, out bool o2);
        if (p == q || o2)
        {
            return Fail(ctx);
        }

        ulong? gfn = null;
        if (p < s.Length && s[p] == '@')
        {
            q = p + 1;
            ulong g = CNumbers.StrToUL(s, q, 16, out p, out bool o3);
            if (p == q || o3)
            {
                return Fail(ctx);
            }

            gfn = g;
        }

        return p == s.Length ? new IoMemRange(start, count, gfn) : Fail(ctx);
    }

    private static IoMemRange? Fail(SpecContext ctx)
    {
        ctx.Report(DiagnosticDescriptors.IoMemInvalid, 0, ctx.Original.Length, ctx.Text);
        return null;
    }
}
