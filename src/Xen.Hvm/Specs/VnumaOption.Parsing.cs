using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VnumaOption : ISpecValue
{
    /// <summary>Parses a vnuma option spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Key and value are trimmed; numbers are decimal; unknown keys are ignored by xl (info).</remarks>
    public static ParseResult<VnumaOption> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Vnuma, text, dialect, map, Read);

    /// <summary>Tries to parse a vnuma option spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out VnumaOption? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>KEY=VALUE</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    private static VnumaOption? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        var item = SpecGrammar.KeyValue(new SpecToken(0, s));
        var key = SpecGrammar.Trim(item.Key, CNumbers.IsCSpace);
        var value = SpecGrammar.Trim(item.Value, CNumbers.IsCSpace);
        if (!item.HasEquals || value.Length == 0)
        {
            // An empty value, blanks only included: the printed form KEY= could not be read back.
            ctx.Report(DiagnosticDescriptors.VnumaInvalid, 0, s.Length, s, "expected KEY=VALUE");
            return null;
        }
        switch (key.Text)
        {
            case "pnode":
            case "size":
            {
                ulong n = CNumbers.StrToUL(value.Text, 0, 10, out int end, out _);
                if (end == 0 || n == ulong.MaxValue)
                {
                    ctx.Report(DiagnosticDescriptors.VnumaInvalid, value.Start, value.Length, s, "not a number");
                    return null;
                }

                return new VnumaOption { Key = key.Text == "pnode" ? VnumaKey.Pnode : VnumaKey.Size, Name = key.Text, Number = n };
            }

            case "vcpus":
            {
                var ranges = new List<(ulong, ulong)>();
                foreach (var t in SpecGrammar.Tokenize(value.Text, ','))
                {
                    if (!CpuListSpec.TryParseRange(t.Text, 0, out ulong a, out ulong b))
                    {
                        ctx.Report(DiagnosticDescriptors.VnumaInvalid, value.Start + t.Start, t.Length, s, "'" + t.Text + "' is not N or N-M");
                        return null;
                    }

                    ranges.Add((a, b));
                }

                return new VnumaOption { Key = VnumaKey.Vcpus, Name = key.Text, Ranges = new SpecList<(ulong, ulong)>(ranges) };
            }

            case "vdistances":
            {
                var distances = new List<ulong>();
                foreach (var t in SpecGrammar.Tokenize(value.Text, ','))
                {
                    ulong n = CNumbers.StrToUL(t.Text, 0, 10, out int end, out _);
                    if (end == 0 || n == ulong.MaxValue)
                    {
                        ctx.Report(DiagnosticDescriptors.VnumaInvalid, value.Start + t.Start, t.Length, s, "'" + t.Text + "' is not a number");
                        return null;
                    }

                    distances.Add(n);
                }

                return new VnumaOption { Key = VnumaKey.Vdistances, Name = key.Text, Distances = new SpecList<ulong>(distances) };
            }

            default:
                ctx.Report(DiagnosticDescriptors.VnumaUnknownKey, key.Start, key.Length, key.Text);
                return new VnumaOption { Key = VnumaKey.Other, Name = key.Text, RawValue = value.Text };
        }
    }
}
