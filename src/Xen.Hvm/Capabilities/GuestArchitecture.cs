namespace Xen.Hvm.Capabilities;

/// <summary>The architecture a guest needs from the hypervisor, as <c>xen_caps</c> names it.</summary>
public enum GuestArchitecture
{
    /// <summary>32-bit x86 without PAE (<c>x86_32</c>).</summary>
    X86_32 = 0,

    /// <summary>32-bit x86 with PAE paging (<c>x86_32p</c>).</summary>
    X86_32p = 1,

    /// <summary>64-bit x86 (<c>x86_64</c>).</summary>
    X86_64 = 2,
}
