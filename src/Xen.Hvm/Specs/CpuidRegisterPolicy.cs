namespace Xen.Hvm.Specs;

/// <summary>One register of an xend CPUID line: <c>eax</c>..<c>edx</c> and 32 policy characters (bit 31 first).</summary>
/// <param name="Register">The register name (<c>eax</c>, <c>ebx</c>, <c>ecx</c>, <c>edx</c>).</param>
/// <param name="Bits">The 32 characters: <c>1</c> force on, <c>0</c> force off, <c>x</c> default, <c>k</c> keep host,
/// <c>s</c> keep host across migration.</param>
public readonly record struct CpuidRegisterPolicy(string Register, string Bits)
{
    /// <summary>Returns <c>REG=BITS</c>.</summary>
    /// <returns>The register setting.</returns>
    public override string ToString() => Register + "=" + Bits;
}
