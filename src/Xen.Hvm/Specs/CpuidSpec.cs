using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>A CPUID policy: the libxl string (<c>host,sse3=0</c>) or one xend line (<c>1:ecx=xxxx...</c>).</summary>
/// <remarks>Equality is by value. Immutable; safe to share across threads.</remarks>
public sealed partial record CpuidSpec
{
    /// <summary>Gets which syntax the value uses.</summary>
    public CpuidForm Form { get; init; }

    /// <summary>Gets the settings after <c>host</c> (libxl form).</summary>
    public SpecList<CpuidSetting> Settings { get; init; }

    /// <summary>Gets the leaf (xend form).</summary>
    public uint Leaf { get; init; }

    /// <summary>Gets the subleaf (xend form), or <see langword="null"/>.</summary>
    public uint? Subleaf { get; init; }

    /// <summary>Gets the registers (xend form).</summary>
    public SpecList<CpuidRegisterPolicy> Registers { get; init; }

    /// <summary>Returns the canonical text.</summary>
    /// <returns>The value.</returns>
    public override string ToString()
    {
        if (Form == CpuidForm.Libxl)
        {
            return string.Join(",", Settings.Select(s => s.ToString()).Prepend("host"));
        }

        string leaf = Leaf >= 0x40000000 ? "0x" + Leaf.ToString("x", CultureInfo.InvariantCulture) : Leaf.ToString(CultureInfo.InvariantCulture);
        string sub = Subleaf is { } s2 ? "," + s2.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return leaf + sub + ":" + string.Join(",", Registers);
    }
}
