namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>xenTranslateCPUFeature: the CPUID feature names libvirt and libxl spell differently.</summary>
internal static class LibvirtCpuFeatures
{
    private static readonly (string Libvirt, string Libxl)[] s_names =
    [
        ("cx16", "cmpxchg16"), ("cid", "cntxid"), ("ds_cpl", "dscpl"), ("pclmuldq", "pclmulqdq"), ("pni", "sse3"),
        ("ht", "htt"), ("pn", "psn"), ("clflush", "clfsh"), ("sep", "sysenter"), ("cx8", "cmpxchg8"),
        ("nodeid_msr", "nodeid"), ("cr8legacy", "altmovcr8"), ("lahf_lm", "lahfsahf"), ("cmp_legacy", "cmplegacy"),
        ("fxsr_opt", "ffxsr"), ("pdpe1gb", "page1gb"), ("spec-ctrl", "ibrsb"),
    ];

    public static string FromLibxl(string name) => s_names.FirstOrDefault(p => p.Libxl == name).Libvirt ?? name;

    public static string ToLibxl(string name) => s_names.FirstOrDefault(p => p.Libvirt == name).Libxl ?? name;
}
