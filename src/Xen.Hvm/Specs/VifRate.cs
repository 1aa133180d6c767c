using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>A vif's <c>rate=RATE/s[@INTERVAL]</c> (libxlu <c>xlu_vif_parse_rate</c>).</summary>
/// <param name="Amount">The number before the unit.</param>
/// <param name="Unit">The decimal multiplier (<c>K</c>, <c>M</c>, <c>G</c>).</param>
/// <param name="IsBits">Whether the rate is in bits (<c>b</c>) rather than bytes (<c>B</c>).</param>
/// <param name="Interval">The replenishment interval amount, or <see langword="null"/> for the default 50 ms.</param>
/// <param name="IntervalUnit">The unit of <paramref name="Interval"/>.</param>
public sealed partial record VifRate(ulong Amount, VifRateUnit Unit, bool IsBits, ulong? Interval = null, VifIntervalUnit IntervalUnit = VifIntervalUnit.Milliseconds)
{
    /// <summary>Gets the rate in bytes per second (bits are divided by 8, rounding down, as libxlu does).</summary>
    public ulong BytesPerSecond
    {
        get
        {
            ulong v = Amount * Unit switch
            {
                VifRateUnit.Kilo => 1000UL,
                VifRateUnit.Mega => 1000_000UL,
                VifRateUnit.Giga => 1000_000_000UL,
                _ => 1UL,
            };
            return IsBits ? v / 8 : v;
        }
    }

    /// <summary>Gets the replenishment interval in microseconds (50000 by default).</summary>
    public ulong IntervalMicroseconds => Interval is not { } i ? 50_000UL : i * IntervalUnit switch
    {
        VifIntervalUnit.Seconds => 1000_000UL,
        VifIntervalUnit.Milliseconds => 1000UL,
        _ => 1UL,
    };

    /// <summary>Gets the credit per interval that libxl programs into netback.</summary>
    public ulong BytesPerInterval => (ulong)((UInt128)BytesPerSecond * IntervalMicroseconds / 1000_000UL);

    /// <summary>Returns the canonical text, e.g. <c>10Mb/s@20ms</c>.</summary>
    /// <returns>The rate as written in a vif spec.</returns>
    public override string ToString()
    {
        string unit = Unit switch
        {
            VifRateUnit.Kilo => "K",
            VifRateUnit.Mega => "M",
            VifRateUnit.Giga => "G",
            _ => string.Empty,
        };
        string text = Amount.ToString(CultureInfo.InvariantCulture) + unit + (IsBits ? "b" : "B") + "/s";
        if (Interval is { } i)
        {
            text += "@" + i.ToString(CultureInfo.InvariantCulture) + IntervalUnit switch
            {
                VifIntervalUnit.Seconds => "s",
                VifIntervalUnit.Milliseconds => "ms",
                _ => "us",
            };
        }

        return text;
    }
}
