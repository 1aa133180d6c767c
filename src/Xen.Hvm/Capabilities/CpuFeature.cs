using System.Globalization;
using Xen.Hvm.Capabilities.Internal;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// One set bit of a <c>hw_caps</c> string: where it is (word and bit), which CPUID register it copies, and its Linux
/// <c>/proc/cpuinfo</c> name.
/// </summary>
/// <remarks>
/// <para>Bits are named by their hardware position, not by the name a given Xen release used (Xen 4.14–4.16 called
/// 7c0 bit 16 <c>TSXLDTRK</c>; the hardware bit is <c>la57</c>). Where Linux prints no flag, the lowercased Xen name is
/// used (<c>itsc</c>, <c>efro</c>, <c>addr_msk_ext</c>).</para>
/// <para>A bit no table names keeps the name <c>word:bit</c>, e.g. <c>3:20</c>, and <see cref="IsNamed"/> is
/// <see langword="false"/>.</para>
/// <para>On AMD, CPUID 0x80000001 EDX repeats many 0x00000001 EDX bits (fpu ... pse36, mmx, fxsr); those are
/// <see cref="IsMirror"/> copies, named like the original and shown as <c>(fpu)</c>.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct CpuFeature : IEquatable<CpuFeature>
{
    internal CpuFeature(int word, int bit, CpuidRegister register, string name, bool isNamed, bool isMirror)
    {
        Word = word;
        Bit = bit;
        Register = register;
        Name = name;
        IsNamed = isNamed;
        IsMirror = isMirror;
    }

    /// <summary>Gets the zero-based index of the <c>hw_caps</c> word.</summary>
    public int Word { get; }

    /// <summary>Gets the bit number within the word, 0–31.</summary>
    public int Bit { get; }

    /// <summary>Gets the mask of the bit within its word, e.g. <c>0x00000020</c> for bit 5.</summary>
    public uint Mask => 1u << Bit;

    /// <summary>Gets the CPUID register the word copies, or <see cref="CpuidRegister.None"/> when the layout is unknown.</summary>
    public CpuidRegister Register { get; }

    /// <summary>Gets the Linux <c>/proc/cpuinfo</c> name, or <c>word:bit</c> for an unnamed bit.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether the tables name this bit.</summary>
    public bool IsNamed { get; }

    /// <summary>Gets a value indicating whether this is an AMD copy of a CPUID 1 EDX bit in CPUID 0x80000001 EDX.</summary>
    public bool IsMirror { get; }

    /// <summary>Gets the name as printed in listings: <c>(name)</c> for a mirror bit, otherwise <see cref="Name"/>.</summary>
    public string DisplayName => IsMirror ? "(" + Name + ")" : Name;

    internal static CpuFeature Create(HwCapsLayout layout, int word, int bit)
    {
        CpuidRegister register = FeatureTables.Registers(layout) is { } regs && word < regs.Length ? regs[word] : CpuidRegister.None;
        if (register == CpuidRegister.Extended1Edx && (FeatureTables.AmdMirrorMask & (1u << bit)) != 0)
        {
            return new CpuFeature(word, bit, register, FeatureTables.NameOf(CpuidRegister.Leaf1Edx, bit)!, isNamed: true, isMirror: true);
        }

        string? name = FeatureTables.NameOf(register, bit);
        return name is null
            ? new CpuFeature(word, bit, register, UnnamedName(word, bit), isNamed: false, isMirror: false)
            : new CpuFeature(word, bit, register, name, isNamed: true, isMirror: false);
    }

    internal static string UnnamedName(int word, int bit) =>
        word.ToString(CultureInfo.InvariantCulture) + ":" + bit.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns <see cref="DisplayName"/>.</summary>
    /// <returns>The name as listed.</returns>
    public override string ToString() => DisplayName;

    /// <inheritdoc/>
    public bool Equals(CpuFeature other) =>
        Word == other.Word && Bit == other.Bit && Register == other.Register && IsMirror == other.IsMirror &&
        string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CpuFeature other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Word, Bit, Register, Name);

    /// <summary>Compares two features for equality.</summary>
    /// <param name="left">The first feature.</param>
    /// <param name="right">The second feature.</param>
    /// <returns><see langword="true"/> when word, bit, register and name are equal.</returns>
    public static bool operator ==(CpuFeature left, CpuFeature right) => left.Equals(right);

    /// <summary>Compares two features for inequality.</summary>
    /// <param name="left">The first feature.</param>
    /// <param name="right">The second feature.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CpuFeature left, CpuFeature right) => !left.Equals(right);
}
