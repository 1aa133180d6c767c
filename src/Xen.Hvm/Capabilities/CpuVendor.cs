namespace Xen.Hvm.Capabilities;

/// <summary>The CPU vendor, as far as <c>hw_caps</c> and <c>xen_caps</c> tell (there is no vendor string).</summary>
public enum CpuVendor
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Intel (for example <c>dts</c>, <c>acpi</c>, <c>tm</c> or <c>pbe</c> in CPUID 1 EDX).</summary>
    Intel = 1,

    /// <summary>AMD (for example <c>svm</c>, <c>cmp_legacy</c>, <c>mmxext</c> or the mirror bits in 0x80000001 EDX).</summary>
    Amd = 2,

    /// <summary>ARM (<c>aarch64</c>/<c>armv7l</c> in <c>xen_caps</c> or <c>machine</c>; <c>hw_caps</c> is all zero).</summary>
    Arm = 3,
}
