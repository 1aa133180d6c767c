using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record CpuListSpec : ISpecValue
{
    /// <summary>Parses a cpus spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>xl (<c>parse_cpurange</c>): items split on commas, empty ones dropped; each is
    /// <c>[^][node:|nodes:]all|N[-M]</c> in decimal; <c>^all</c> is refused. xend took numbers, ranges and <c>^</c> only.
    ///</remarks>
    public static ParseResult<CpuListSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Cpus, text, dialect, map, Read);

    /// <summary>Tries to parse a cpus spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out CpuListSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (items joined by <c>,</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static CpuListSpec? Read(SpecContext ctx)
    {
        // The terms go to a pooled buffer and the items are cut in place: a long list makes no list of tokens and no
        // growing arrays on the large-object heap (SpecScalingBenchmarks), only the result.
        using var terms = new ArrayPoolBufferWriter<CpuListTerm>();
        foreach (var item in SpecGrammar.Items(ctx.Text))
        {
            SpecToken token = item.Whole;
            if (token.Length == 0)
            {
                continue; // strtok: empty items vanish
            }

            string s = token.Text;
            int p = 0;
            bool exclude = false, nodes = false;
            if (s.StartsWith('^'))
            {
                exclude = true;
                p = 1;
            }

            if (string.CompareOrdinal(s, p, "node:", 0, 5) == 0)
            {
                nodes = true;
                p += 5;
            }
            else if (string.CompareOrdinal(s, p, "nodes:", 0, 6) == 0)
            {
                nodes = true;
                p += 6;
            }

            if (ctx.IsXm && nodes)
            {
                ctx.Report(DiagnosticDescriptors.CpuListNotInXm, token.Start, token.Length, s);
            }

            if (s.AsSpan(p).SequenceEqual("all"))
            {
                if (exclude)
                {
                    ctx.Report(DiagnosticDescriptors.CpuAllNegated, token.Start, token.Length);
                    continue;
                }

                if (ctx.IsXm)
                {
                    ctx.Report(DiagnosticDescriptors.CpuListNotInXm, token.Start, token.Length, s);
                }

                terms.Write(new CpuListTerm(false, nodes, true, 0, 0));
                continue;
            }

            if (!TryParseRange(s, p, out ulong a, out ulong b))
            {
                ctx.Report(DiagnosticDescriptors.CpuRangeInvalid, token.Start, token.Length, s);
                continue;
            }

            terms.Write(new CpuListTerm(exclude, nodes, false, a, b));
        }

        return new CpuListSpec(SpecList<CpuListTerm>.Wrap(terms.WrittenSpan.ToArray()));
    }

    /// <summary>xl's <c>parse_range</c>: <c>N</c> or <c>N-M</c> in decimal, M ≥ N, nothing after.</summary>
    internal static bool TryParseRange(string s, int start, out ulong a, out ulong b)
    {
        a = b = CNumbers.StrToUL(s, start, 10, out int end, out _);
        if (end == start || a == ulong.MaxValue)
        {
            return false;
        }

        if (end < s.Length && s[end] == '-')
        {
            int second = end + 1;
            b = CNumbers.StrToUL(s, second, 10, out end, out _);
            if (end == second || b == ulong.MaxValue || b < a)
            {
                return false;
            }
        }

        return end == s.Length;
    }
}
