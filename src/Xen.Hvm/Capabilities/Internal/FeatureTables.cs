namespace Xen.Hvm.Capabilities.Internal;

/// <summary>
/// The bit names of every register <c>hw_caps</c> can hold, by hardware position, with Linux <c>/proc/cpuinfo</c> names
/// (reference tables T1–T11). Where Linux prints no flag, the lowercased Xen name is used (e.g. <c>itsc</c>).
/// </summary>
internal static class FeatureTables
{
    /// <summary>Layout A (Xen 3.0–4.6): the register behind each of the 8 words.</summary>
    public static readonly CpuidRegister[] LayoutA =
    [
        CpuidRegister.Leaf1Edx, CpuidRegister.Extended1Edx, CpuidRegister.TransmetaEdx, CpuidRegister.XenSynthetic,
        CpuidRegister.Leaf1Ecx, CpuidRegister.CentaurEdx, CpuidRegister.Extended1Ecx, CpuidRegister.Leaf7Sub0Ebx,
    ];

    /// <summary>Layout B (Xen 4.7+, featureset order): the register behind each of the 8 words.</summary>
    public static readonly CpuidRegister[] LayoutB =
    [
        CpuidRegister.Leaf1Edx, CpuidRegister.Leaf1Ecx, CpuidRegister.Extended1Edx, CpuidRegister.Extended1Ecx,
        CpuidRegister.LeafDSub1Eax, CpuidRegister.Leaf7Sub0Ebx, CpuidRegister.Leaf7Sub0Ecx, CpuidRegister.Extended7Edx,
    ];

    /// <summary>The bits of 0x80000001 EDX that AMD sets as copies of the 0x00000001 EDX bits with the same numbers (T3 note).</summary>
    public const uint AmdMirrorMask = 0x0000_03FFu | 0x0003_F000u | 0x0080_0000u | 0x0100_0000u;

    // T1. CPUID 0x00000001 EDX.
    private static readonly string?[] s_leaf1Edx = Table(
        (0, "fpu"), (1, "vme"), (2, "de"), (3, "pse"), (4, "tsc"), (5, "msr"), (6, "pae"), (7, "mce"), (8, "cx8"),
        (9, "apic"), (11, "sep"), (12, "mtrr"), (13, "pge"), (14, "mca"), (15, "cmov"), (16, "pat"), (17, "pse36"),
        (18, "pn"), (19, "clflush"), (21, "dts"), (22, "acpi"), (23, "mmx"), (24, "fxsr"), (25, "sse"), (26, "sse2"),
        (27, "ss"), (28, "ht"), (29, "tm"), (30, "ia64"), (31, "pbe"));

    // T2. CPUID 0x00000001 ECX.
    private static readonly string?[] s_leaf1Ecx = Table(
        (0, "pni"), (1, "pclmulqdq"), (2, "dtes64"), (3, "monitor"), (4, "ds_cpl"), (5, "vmx"), (6, "smx"), (7, "est"),
        (8, "tm2"), (9, "ssse3"), (10, "cid"), (11, "sdbg"), (12, "fma"), (13, "cx16"), (14, "xtpr"), (15, "pdcm"),
        (17, "pcid"), (18, "dca"), (19, "sse4_1"), (20, "sse4_2"), (21, "x2apic"), (22, "movbe"), (23, "popcnt"),
        (24, "tsc_deadline_timer"), (25, "aes"), (26, "xsave"), (27, "osxsave"), (28, "avx"), (29, "f16c"),
        (30, "rdrand"), (31, "hypervisor"));

    // T3. CPUID 0x80000001 EDX (the AMD mirror bits are named from T1, see AmdMirrorMask).
    private static readonly string?[] s_extended1Edx = Table(
        (11, "syscall"), (19, "mp"), (20, "nx"), (22, "mmxext"), (25, "fxsr_opt"), (26, "pdpe1gb"), (27, "rdtscp"),
        (29, "lm"), (30, "3dnowext"), (31, "3dnow"));

    // T4. CPUID 0x80000001 ECX.
    private static readonly string?[] s_extended1Ecx = Table(
        (0, "lahf_lm"), (1, "cmp_legacy"), (2, "svm"), (3, "extapic"), (4, "cr8_legacy"), (5, "abm"), (6, "sse4a"),
        (7, "misalignsse"), (8, "3dnowprefetch"), (9, "osvw"), (10, "ibs"), (11, "xop"), (12, "skinit"), (13, "wdt"),
        (15, "lwp"), (16, "fma4"), (17, "tce"), (19, "nodeid_msr"), (21, "tbm"), (22, "topoext"), (23, "perfctr_core"),
        (24, "perfctr_nb"), (26, "bpext"), (27, "ptsc"), (28, "perfctr_llc"), (29, "mwaitx"), (30, "addr_msk_ext"));

    // T5. CPUID 0x00000007.0 EBX.
    private static readonly string?[] s_leaf7Ebx = Table(
        (0, "fsgsbase"), (1, "tsc_adjust"), (2, "sgx"), (3, "bmi1"), (4, "hle"), (5, "avx2"), (6, "fdp_excptn_only"),
        (7, "smep"), (8, "bmi2"), (9, "erms"), (10, "invpcid"), (11, "rtm"), (12, "cqm"), (13, "zero_fcs_fds"),
        (14, "mpx"), (15, "rdt_a"), (16, "avx512f"), (17, "avx512dq"), (18, "rdseed"), (19, "adx"), (20, "smap"),
        (21, "avx512ifma"), (23, "clflushopt"), (24, "clwb"), (25, "intel_pt"), (26, "avx512pf"), (27, "avx512er"),
        (28, "avx512cd"), (29, "sha_ni"), (30, "avx512bw"), (31, "avx512vl"));

    // T6. Transmeta CPUID 0x80860001 EDX.
    private static readonly string?[] s_transmeta = Table((0, "recovery"), (1, "longrun"), (3, "lrti"));

    // T7. Xen's synthetic word (layout A word 3): Xen's positions, not Linux's.
    private static readonly string?[] s_xenSynthetic = Table(
        (0, "cxmmx"), (1, "k6_mtrr"), (2, "cyrix_arr"), (3, "centaur_mcr"), (4, "k8"), (5, "k7"), (6, "p3"), (7, "p4"),
        (8, "constant_tsc"), (9, "nonstop_tsc"), (10, "arat"), (11, "arch_perfmon"), (12, "tsc_reliable"),
        (13, "xtopology"), (14, "cpuid_faulting"), (15, "clflush_monitor"));

    // T8. VIA/Centaur CPUID 0xC0000001 EDX.
    private static readonly string?[] s_centaur = Table(
        (2, "rng"), (3, "rng_en"), (6, "ace"), (7, "ace_en"), (8, "ace2"), (9, "ace2_en"), (10, "phe"), (11, "phe_en"),
        (12, "pmm"), (13, "pmm_en"));

    // T9. CPUID 0x0000000D.1 EAX.
    private static readonly string?[] s_leafDSub1Eax = Table(
        (0, "xsaveopt"), (1, "xsavec"), (2, "xgetbv1"), (3, "xsaves"), (4, "xfd"));

    // T10. CPUID 0x00000007.0 ECX.
    private static readonly string?[] s_leaf7Ecx = Table(
        (0, "prefetchwt1"), (1, "avx512vbmi"), (2, "umip"), (3, "pku"), (4, "ospke"), (5, "waitpkg"),
        (6, "avx512_vbmi2"), (7, "shstk"), (8, "gfni"), (9, "vaes"), (10, "vpclmulqdq"), (11, "avx512_vnni"),
        (12, "avx512_bitalg"), (13, "tme"), (14, "avx512_vpopcntdq"), (16, "la57"), (22, "rdpid"),
        (24, "bus_lock_detect"), (25, "cldemote"), (27, "movdiri"), (28, "movdir64b"), (29, "enqcmd"), (30, "sgx_lc"),
        (31, "pks"));

    // T11. CPUID 0x80000007 EDX.
    private static readonly string?[] s_extended7Edx = Table((7, "hw_pstate"), (8, "itsc"), (9, "cpb"), (10, "efro"));

    /// <summary>Returns the register layout for a decoded layout.</summary>
    public static CpuidRegister[]? Registers(HwCapsLayout layout) => layout switch
    {
        HwCapsLayout.A => LayoutA,
        HwCapsLayout.B => LayoutB,
        _ => null,
    };

    /// <summary>Returns the word index of a register in a layout, or -1 when the layout has no such word.</summary>
    public static int WordOf(HwCapsLayout layout, CpuidRegister register) =>
        Registers(layout) is { } regs ? Array.IndexOf(regs, register) : -1;

    /// <summary>Returns the cpuinfo name of a bit of a register, or <see langword="null"/> when the bit has no name.</summary>
    public static string? NameOf(CpuidRegister register, int bit) => register switch
    {
        CpuidRegister.Leaf1Edx => s_leaf1Edx[bit],
        CpuidRegister.Leaf1Ecx => s_leaf1Ecx[bit],
        CpuidRegister.Extended1Edx => s_extended1Edx[bit],
        CpuidRegister.Extended1Ecx => s_extended1Ecx[bit],
        CpuidRegister.LeafDSub1Eax => s_leafDSub1Eax[bit],
        CpuidRegister.Leaf7Sub0Ebx => s_leaf7Ebx[bit],
        CpuidRegister.Leaf7Sub0Ecx => s_leaf7Ecx[bit],
        CpuidRegister.Extended7Edx => s_extended7Edx[bit],
        CpuidRegister.TransmetaEdx => s_transmeta[bit],
        CpuidRegister.XenSynthetic => s_xenSynthetic[bit],
        CpuidRegister.CentaurEdx => s_centaur[bit],
        _ => null,
    };

    /// <summary>Finds the register and bit that carry a cpuinfo name, or returns <see langword="false"/>.</summary>
    public static bool TryFind(string name, out CpuidRegister register, out int bit)
    {
        foreach (CpuidRegister r in Enum.GetValues<CpuidRegister>())
        {
            if (r == CpuidRegister.None)
            {
                continue;
            }

            for (int b = 0; b < 32; b++)
            {
                if (string.Equals(NameOf(r, b), name, StringComparison.Ordinal))
                {
                    register = r;
                    bit = b;
                    return true;
                }
            }
        }

        register = CpuidRegister.None;
        bit = -1;
        return false;
    }

    private static string?[] Table(params (int Bit, string Name)[] entries)
    {
        var names = new string?[32];
        foreach (var (bit, name) in entries)
        {
            names[bit] = name;
        }

        return names;
    }
}
