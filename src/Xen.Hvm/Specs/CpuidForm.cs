namespace Xen.Hvm.Specs;

/// <summary>The two CPUID syntaxes.</summary>
public enum CpuidForm
{
    /// <summary>libxl's string form <c>host,NAME=VALUE,...</c> (xl only).</summary>
    Libxl,

    /// <summary>xend's line form <c>LEAF[,SUBLEAF]:eXx=32 chars,...</c> (one list item per leaf; xm and xl).</summary>
    Xend,
}
