using System.Diagnostics.CodeAnalysis;
using Pidgin;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VifRate
{
    /// <summary>Parses a <c>rate</c> value on its own (<c>10Mb/s@20ms</c>), as a vif's <c>rate=</c> reads it.</summary>
    /// <param name="text">The value, e.g. <c>10Mb/s@20ms</c>.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result; an invalid value is reported as <c>XH6044</c> at the value. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<VifRate> Parse(string text, SpecSourceMap? map = null) =>
        SpecContext.RunValue<VifRate>(SpecKind.Vif, text, map, DiagnosticDescriptors.VifInvalidRate, TryRead);

    /// <summary>Tries to parse a <c>rate</c> value on its own.</summary>
    /// <param name="text">The value.</param>
    /// <param name="value">The value read, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out VifRate? value) => Parse(text).TryGetValue(out value);

    /// <summary>The vif's reading: the value, or why it is invalid (the reason goes into the vif's diagnostic).</summary>
    internal static bool TryRead(string text, [NotNullWhen(true)] out VifRate? rate, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rate = null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        string bytes = at < 0 ? text : text[..at];
        if (bytes.Length == 0)
        {
            error = "no rate specified";
            return false;
        }

        var r = SpecGrammar.Rate.Parse(bytes);
        if (!r.Success)
        {
            error = "invalid rate";
            return false;
        }

        var (digits, unit, bits) = r.Value;
        ulong amount = CNumbers.StrToUL(digits, 0, 0, out int end, out bool overflow);
        if (end != digits.Length || amount == 0 || amount > uint.MaxValue || overflow)
        {
            // strtoull base 0 reads a leading 0 as octal, and stops at 8 or 9.
            error = "rate overflow";
            return false;
        }

        ulong? interval = null;
        var intervalUnit = VifIntervalUnit.Milliseconds;
        if (at >= 0)
        {
            var ir = SpecGrammar.Interval.Parse(text.AsSpan(at + 1));
            if (!ir.Success)
            {
                error = "invalid replenishment interval";
                return false;
            }

            (string idigits, intervalUnit) = ir.Value;
            ulong i = CNumbers.StrToUL(idigits, 0, 0, out int iend, out bool ioverflow);
            if (iend != idigits.Length || i == 0 || i > uint.MaxValue || ioverflow)
            {
                error = "replenishment interval overflow";
                return false;
            }

            interval = i;
        }

        var candidate = new VifRate(amount, unit, bits, interval, intervalUnit);
        if (candidate.IntervalMicroseconds > uint.MaxValue)
        {
            error = "replenishment interval overflow";
            return false;
        }

        if (candidate.BytesPerSecond > ulong.MaxValue / candidate.IntervalMicroseconds)
        {
            error = "rate overflow";
            return false;
        }

        rate = candidate;
        error = null;
        return true;
    }
}
