namespace Xen.Hvm.Capabilities;

/// <summary>The CPUID register (or Xen-defined word) that one <c>hw_caps</c> word copies.</summary>
/// <remarks>The same register sits at a different word index in layout A (Xen 3.0–4.6) and layout B (Xen 4.7+).</remarks>
public enum CpuidRegister
{
    /// <summary>No register: the word is not defined in this layout.</summary>
    None = 0,

    /// <summary>CPUID leaf 0x00000001, EDX (<c>1d</c>): layout A word 0, layout B word 0.</summary>
    Leaf1Edx,

    /// <summary>CPUID leaf 0x00000001, ECX (<c>1c</c>): layout A word 4, layout B word 1.</summary>
    Leaf1Ecx,

    /// <summary>CPUID leaf 0x80000001, EDX (<c>e1d</c>): layout A word 1, layout B word 2.</summary>
    Extended1Edx,

    /// <summary>CPUID leaf 0x80000001, ECX (<c>e1c</c>): layout A word 6, layout B word 3.</summary>
    Extended1Ecx,

    /// <summary>CPUID leaf 0x0000000D sub-leaf 1, EAX (<c>Da1</c>): layout B word 4.</summary>
    LeafDSub1Eax,

    /// <summary>CPUID leaf 0x00000007 sub-leaf 0, EBX (<c>7b0</c>): layout A word 7 (Xen 4.1–4.6), layout B word 5.</summary>
    Leaf7Sub0Ebx,

    /// <summary>CPUID leaf 0x00000007 sub-leaf 0, ECX (<c>7c0</c>): layout B word 6.</summary>
    Leaf7Sub0Ecx,

    /// <summary>CPUID leaf 0x80000007, EDX (<c>e7d</c>): layout B word 7.</summary>
    Extended7Edx,

    /// <summary>Transmeta CPUID leaf 0x80860001, EDX: layout A word 2 (zero on every other CPU).</summary>
    TransmetaEdx,

    /// <summary>Xen's own synthetic flags (constant_tsc, arat, ...): layout A word 3.</summary>
    XenSynthetic,

    /// <summary>VIA/Centaur CPUID leaf 0xC0000001, EDX: layout A word 5 (zero on Intel and AMD).</summary>
    CentaurEdx,
}
