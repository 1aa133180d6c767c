using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record CpuidSpec : ISpecValue
{
    /// <summary>Parses a cpuid spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks><see cref="Parse"/> picks the form from the text: a leading digit means the xend form. Feature names are
    /// not checked against Xen's featureset (it changes with every release).</remarks>
    public static ParseResult<CpuidSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Cpuid, text, dialect, map, Read);

    /// <summary>Tries to parse a cpuid spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out CpuidSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (the form of the value).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static CpuidSpec? Read(SpecContext ctx) =>
        ctx.Text.Length > 0 && char.IsAsciiDigit(ctx.Text[0]) ? ReadXend(ctx) : ReadLibxl(ctx);

    private static CpuidSpec? ReadLibxl(SpecContext ctx)
    {
        var tokens = SpecGrammar.Tokenize(ctx.Text, ',');
        if (ctx.IsXm)
        {
            ctx.Report(DiagnosticDescriptors.CpuidFormNotInXm, 0, ctx.Original.Length);
            return null;
        }

        if (tokens.Count == 0)
        {
            return new CpuidSpec { Form = CpuidForm.Libxl };
        }

        if (tokens[0].Text != "host")
        {
            ctx.Report(DiagnosticDescriptors.CpuidNotHost, tokens[0].Start, tokens[0].Length, tokens[0].Text);
            return null;
        }

        var settings = new List<CpuidSetting>();
        foreach (var token in tokens.Skip(1))
        {
            var item = SpecGrammar.KeyValue(token);
            if (!item.HasEquals)
            {
                ctx.Report(DiagnosticDescriptors.CpuidMissingEquals, token.Start, token.Length, token.Text);
                continue;
            }

            string v = item.Value.Text;
            CNumbers.StrToUL(v, 0, 0, out int end, out _);
            if (end == 0 && (v.Length == 0 || v[0] is not ('x' or 'k' or 's')))
            {
                ctx.Report(DiagnosticDescriptors.CpuidInvalidValue, item.Value.Start, item.Value.Length, v);
                continue;
            }

            settings.Add(new CpuidSetting(item.Key.Text, v));
        }

        return new CpuidSpec { Form = CpuidForm.Libxl, Settings = new SpecList<CpuidSetting>(settings) };
    }

    private static CpuidSpec? ReadXend(SpecContext ctx)
    {
        string s = ctx.Text;
        ulong leaf = CNumbers.StrToUL(s, 0, 0, out int p, out bool overflow);
        if (p == 0 || overflow || leaf > uint.MaxValue)
        {
            return Fail(ctx, 0, s.Length, "illegal leaf number");
        }

        uint? subleaf = null;
        if (p < s.Length && s[p] == ',')
        {
            int q = p + 1;
            ulong sub = CNumbers.StrToUL(s, q, 0, out p, out overflow);
            if (p == q || overflow || sub > uint.MaxValue)
            {
                return Fail(ctx, q, s.Length - q, "illegal subleaf number");
            }

            subleaf = (uint)sub;
        }

        if (p >= s.Length || s[p] != ':')
        {
            return Fail(ctx, p, s.Length - p, "missing colon");
        }

        p++;
        var registers = new List<CpuidRegisterPolicy>();
        while (p < s.Length)
        {
            if (p + 3 >= s.Length || s[p] != 'e' || s[p + 1] is < 'a' or > 'd' || s[p + 2] != 'x' || s[p + 3] != '=')
            {
                return Fail(ctx, p, Math.Min(4, s.Length - p), "invalid register name (must be e[abcd]x)");
            }

            int v = p + 4;
            int comma = s.IndexOf(',', v);
            int end = comma < 0 ? s.Length : comma;
            if (end - v != 32)
            {
                return Fail(ctx, v, end - v, "policy string must be exactly 32 characters long");
            }

            string bits = s[v..end];
            int bad = bits.AsSpan().IndexOfAnyExcept("01xks");
            if (bad >= 0)
            {
                ctx.ReportAs(DiagnosticDescriptors.CpuidXendSyntax, DiagnosticSeverity.Warning, v + bad, 1, $"'{bits[bad]}' is not one of 0 1 x k s");
            }

            registers.Add(new CpuidRegisterPolicy(s.Substring(p, 3), bits));
            if (comma < 0)
            {
                break;
            }

            p = comma + 1;
            while (p < s.Length && s[p] is ' ' or '\n')
            {
                p++;
            }
        }

        return new CpuidSpec { Form = CpuidForm.Xend, Leaf = (uint)leaf, Subleaf = subleaf, Registers = new SpecList<CpuidRegisterPolicy>(registers) };
    }

    private static CpuidSpec? Fail(SpecContext ctx, int start, int length, string message)
    {
        ctx.Report(DiagnosticDescriptors.CpuidXendSyntax, start, length, message);
        return null;
    }
}
