using System.Text.Json.Nodes;
using Xen.Hvm.Specs;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>
/// The <c>libxl_cpuid_policy_list</c> that <c>cpuid=</c> builds (libxl_cpuid.c of Xen 4.17): the xend list form sets
/// whole registers of a leaf; the libxl string form (<c>host,name=value,...</c>) sets bits by feature name, either one
/// of libxl's own names (multi-bit fields such as <c>family</c>) or a name of Xen's featureset (a CPUID bit or a bit of
/// MSR_ARCH_CAPABILITIES). Leaves and MSRs print in the order first named; an entry named with a bad value stays, empty.
/// </summary>
internal sealed class LibxlCpuid
{
    private const uint Unused = uint.MaxValue;
    private const int Eax = 0, Ebx = 1, Ecx = 2, Edx = 3;

    /// <summary>libxl's own names: leaf, subleaf, register, first bit, width.</summary>
    private static readonly (string Name, uint Leaf, uint Subleaf, int Reg, int Bit, int Length)[] Flags =
    [
        ("maxleaf", 0x00000000, Unused, Eax, 0, 32), ("stepping", 0x00000001, Unused, Eax, 0, 4),
        ("model", 0x00000001, Unused, Eax, 4, 8), ("family", 0x00000001, Unused, Eax, 8, 8),
        ("brandid", 0x00000001, Unused, Ebx, 0, 8), ("clflush", 0x00000001, Unused, Ebx, 8, 8),
        ("proccount", 0x00000001, Unused, Ebx, 16, 8), ("localapicid", 0x00000001, Unused, Ebx, 24, 8),
        ("est", 0x00000001, Unused, Ecx, 7, 1), ("cntxid", 0x00000001, Unused, Ecx, 10, 1),
        ("cmpxchg16", 0x00000001, Unused, Ecx, 13, 1), ("sse4_1", 0x00000001, Unused, Ecx, 19, 1),
        ("sse4.1", 0x00000001, Unused, Ecx, 19, 1), ("sse4_2", 0x00000001, Unused, Ecx, 20, 1),
        ("sse4.2", 0x00000001, Unused, Ecx, 20, 1), ("aes", 0x00000001, Unused, Ecx, 25, 1),
        ("cmpxchg8", 0x00000001, Unused, Edx, 8, 1), ("sysenter", 0x00000001, Unused, Edx, 11, 1),
        ("psn", 0x00000001, Unused, Edx, 18, 1), ("clfsh", 0x00000001, Unused, Edx, 19, 1),
        ("tm", 0x00000001, Unused, Edx, 29, 1), ("ia64", 0x00000001, Unused, Edx, 30, 1),
        ("pbe", 0x00000001, Unused, Edx, 31, 1), ("arat", 0x00000006, Unused, Eax, 2, 1),
        ("tsc_adjust", 0x00000007, 0, Ebx, 1, 1), ("cmt", 0x00000007, 0, Ebx, 12, 1),
        ("lahfsahf", 0x80000001, Unused, Ecx, 0, 1), ("cmplegacy", 0x80000001, Unused, Ecx, 1, 1),
        ("altmovcr8", 0x80000001, Unused, Ecx, 4, 1), ("nodeid", 0x80000001, Unused, Ecx, 19, 1),
        ("perfctr_core", 0x80000001, Unused, Ecx, 23, 1), ("perfctr_nb", 0x80000001, Unused, Ecx, 24, 1),
        ("procpkg", 0x00000004, 0, Eax, 26, 6), ("invtsc", 0x80000007, Unused, Edx, 8, 1),
        ("ppin", 0x80000008, Unused, Ebx, 23, 1), ("btc-no", 0x80000008, Unused, Ebx, 29, 1),
        ("nc", 0x80000008, Unused, Ecx, 0, 8), ("apicidsize", 0x80000008, Unused, Ecx, 12, 4),
        ("svm_npt", 0x8000000a, Unused, Edx, 0, 1), ("svm_lbrv", 0x8000000a, Unused, Edx, 1, 1),
        ("svm_nrips", 0x8000000a, Unused, Edx, 3, 1), ("svm_tscrate", 0x8000000a, Unused, Edx, 4, 1),
        ("svm_vmcbclean", 0x8000000a, Unused, Edx, 5, 1), ("svm_decode", 0x8000000a, Unused, Edx, 7, 1),
        ("svm_pausefilt", 0x8000000a, Unused, Edx, 10, 1), ("lfence+", 0x80000021, Unused, Eax, 2, 1),
        ("maxhvleaf", 0x40000000, Unused, Eax, 0, 8),
    ];

    /// <summary>What each 32-bit word of Xen's featureset is: a CPUID register, or (Msr) half of MSR_ARCH_CAPABILITIES.</summary>
    private static readonly (bool Msr, uint Leaf, uint Subleaf, int Reg)[] Words =
    [
        (false, 0x00000001, Unused, Edx), (false, 0x00000001, Unused, Ecx), (false, 0x80000001, Unused, Edx),
        (false, 0x80000001, Unused, Ecx), (false, 0x0000000D, 1, Eax), (false, 0x00000007, 0, Ebx),
        (false, 0x00000007, 0, Ecx), (false, 0x80000007, Unused, Edx), (false, 0x80000008, Unused, Ebx),
        (false, 0x00000007, 0, Edx), (false, 0x00000007, 1, Eax), (false, 0x80000021, Unused, Eax),
        (false, 0x00000007, 1, Ebx), (false, 0x00000007, 2, Edx), (false, 0x00000007, 1, Ecx),
        (false, 0x00000007, 1, Edx), (true, 0x10a, Unused, Eax), (true, 0x10a, Unused, Edx),
        (false, 0x80000021, Unused, Ecx),
    ];

    /// <summary>Xen 4.17's featureset names (<c>INIT_FEATURE_NAMES</c>: lower case, <c>_</c> as <c>-</c>) and their bit
    /// (word * 32 + bit).</summary>
    private static readonly Dictionary<string, int> Features = new(StringComparer.Ordinal)
    {
        ["3dnow"] = 95, ["3dnowext"] = 94, ["3dnowprefetch"] = 104, ["abm"] = 101, ["acpi"] = 22, ["adx"] = 179,
        ["aesni"] = 57, ["amd-ppin"] = 279, ["amd-ssbd"] = 280, ["amd-stibp"] = 271, ["apic"] = 9, ["arch-caps"] = 317,
        ["auto-ibrs"] = 360, ["avx"] = 60, ["avx-vnni"] = 324, ["avx2"] = 165, ["avx512-4fmaps"] = 291,
        ["avx512-4vnniw"] = 290, ["avx512-bf16"] = 325, ["avx512-bitalg"] = 204, ["avx512-fp16"] = 311,
        ["avx512-ifma"] = 181, ["avx512-vbmi"] = 193, ["avx512-vbmi2"] = 198, ["avx512-vnni"] = 203,
        ["avx512-vp2intersect"] = 296, ["avx512-vpopcntdq"] = 206, ["avx512bw"] = 190, ["avx512cd"] = 188,
        ["avx512dq"] = 177, ["avx512er"] = 187, ["avx512f"] = 176, ["avx512pf"] = 186, ["avx512vl"] = 191,
        ["bhi-ctrl"] = 420, ["bhi-no"] = 532, ["bmi1"] = 163, ["bmi2"] = 168, ["btc-no"] = 285, ["cet-ibt"] = 308,
        ["cet-ss"] = 199, ["cet-sss"] = 498, ["cldemote"] = 217, ["clflush"] = 19, ["clflushopt"] = 183,
        ["clwb"] = 184, ["clzero"] = 256, ["cmov"] = 15, ["cmp-legacy"] = 97, ["core-caps"] = 318, ["cpb"] = 233,
        ["cr8-legacy"] = 100, ["cx16"] = 45, ["cx8"] = 8, ["dbext"] = 122, ["dca"] = 50, ["de"] = 2, ["doitm"] = 524,
        ["ds"] = 21, ["dscpl"] = 36, ["dtes64"] = 34, ["efro"] = 234, ["eibrs"] = 513, ["eist"] = 39,
        ["energy-filtering"] = 523, ["enqcmd"] = 221, ["erms"] = 169, ["extapic"] = 99, ["f16c"] = 61,
        ["fb-clear"] = 529, ["fb-clear-ctrl"] = 530, ["fbsdp-no"] = 526, ["fdp-excp-only"] = 166, ["ffxsr"] = 89,
        ["fma"] = 44, ["fma4"] = 112, ["fpu"] = 0, ["fsgsbase"] = 160, ["fsrcs"] = 332, ["fsrm"] = 292, ["fsrs"] = 331,
        ["fxsr"] = 24, ["fzrm"] = 330, ["gds-ctrl"] = 537, ["gds-no"] = 538, ["gfni"] = 200, ["hle"] = 164,
        ["htt"] = 28, ["hw-pstate"] = 231, ["hybrid"] = 303, ["hypervisor"] = 63, ["ibpb"] = 268,
        ["ibpb-brtype"] = 380, ["ibpb-ret"] = 286, ["ibrs"] = 270, ["ibrs-always"] = 272, ["ibrs-fast"] = 274,
        ["ibrs-same-mode"] = 275, ["ibrsb"] = 314, ["ibs"] = 106, ["if-pschange-mc-no"] = 518, ["intel-ppin"] = 384,
        ["intel-psfd"] = 416, ["intel-ssb-no"] = 516, ["invpcid"] = 170, ["ipred-ctrl"] = 417, ["its-no"] = 574,
        ["itsc"] = 232, ["l1d-flush"] = 316, ["lahf-lm"] = 96, ["lfence-dispatch"] = 354, ["lm"] = 93, ["lwp"] = 111,
        ["mca"] = 14, ["mcdt-no"] = 421, ["mce"] = 7, ["mcu-ctrl"] = 521, ["md-clear"] = 298, ["mds-no"] = 517,
        ["misalignsse"] = 103, ["misc-pkg-ctrl"] = 522, ["mmx"] = 23, ["mmxext"] = 86, ["monitor"] = 35,
        ["monitorx"] = 125, ["movbe"] = 54, ["movdir64b"] = 220, ["movdiri"] = 219, ["mpx"] = 174, ["msr"] = 5,
        ["mtrr"] = 12, ["no-fpu-sel"] = 173, ["no-lmsl"] = 276, ["nodeid-msr"] = 115, ["nscb"] = 358, ["nx"] = 84,
        ["ospke"] = 196, ["osvw"] = 105, ["osxsave"] = 59, ["ovrclk-status"] = 535, ["pae"] = 6, ["page1gb"] = 90,
        ["pat"] = 16, ["pbe"] = 31, ["pbrsb-no"] = 536, ["pcid"] = 49, ["pclmulqdq"] = 33, ["pdcm"] = 47, ["pge"] = 13,
        ["pku"] = 195, ["popcnt"] = 55, ["pqe"] = 175, ["pqm"] = 172, ["prefetchwt1"] = 192, ["proc-trace"] = 185,
        ["psdp-no"] = 527, ["pse"] = 3, ["pse36"] = 17, ["psfd"] = 284, ["rdcl-no"] = 512, ["rdpid"] = 214,
        ["rdrand"] = 62, ["rdseed"] = 178, ["rdtscp"] = 91, ["rfds-clear"] = 540, ["rfds-no"] = 539, ["rrsba"] = 531,
        ["rrsba-ctrl"] = 418, ["rsba"] = 514, ["rstr-fp-err-ptrs"] = 258, ["rtm"] = 171, ["rtm-always-abort"] = 299,
        ["sbdr-ssdp-no"] = 525, ["sbpb"] = 379, ["sep"] = 11, ["serialize"] = 302, ["sgx"] = 162, ["sha"] = 189,
        ["skinit"] = 108, ["skip-l1dfl"] = 515, ["smap"] = 180, ["smep"] = 167, ["smx"] = 38, ["srbds-ctrl"] = 297,
        ["srso-msr-fix"] = 383, ["srso-no"] = 381, ["srso-us-no"] = 382, ["ss"] = 27, ["ssb-no"] = 282, ["ssbd"] = 319,
        ["sse"] = 25, ["sse2"] = 26, ["sse3"] = 32, ["sse4-1"] = 51, ["sse4-2"] = 52, ["sse4a"] = 102, ["ssse3"] = 41,
        ["stibp"] = 315, ["stibp-always"] = 273, ["svm"] = 98, ["syscall"] = 75, ["taa-no"] = 520, ["tbm"] = 117,
        ["tm1"] = 29, ["tm2"] = 40, ["topoext"] = 118, ["tsa-l1-no"] = 578, ["tsa-sq-no"] = 577, ["tsc"] = 4,
        ["tsc-adjust"] = 161, ["tsc-deadline"] = 56, ["tsx-ctrl"] = 519, ["tsx-force-abort"] = 301, ["tsxldtrk"] = 304,
        ["umip"] = 194, ["vaes"] = 201, ["verw-clear"] = 357, ["virt-ssbd"] = 281, ["vme"] = 1, ["vmx"] = 37,
        ["vpclmulqdq"] = 202, ["wbnoinvd"] = 265, ["wdt"] = 109, ["x2apic"] = 53, ["xapic-status"] = 533,
        ["xgetbv1"] = 130, ["xop"] = 107, ["xsave"] = 58, ["xsavec"] = 129, ["xsaveopt"] = 128, ["xsaves"] = 131,
        ["xtpr"] = 46,
    };

    private readonly List<(uint Leaf, uint Subleaf, char[]?[] Policy)> _leaves = [];
    private readonly List<(uint Index, char[] Policy)> _msrs = [];

    /// <summary>Adds one <c>cpuid</c> item (a list entry or the whole string).</summary>
    public void Add(CpuidSpec spec)
    {
        if (spec.Form == CpuidForm.Xend)
        {
            var policy = Leaf(spec.Leaf, spec.Subleaf ?? Unused);
            foreach (var register in spec.Registers)
            {
                int reg = register.Register switch { "eax" => Eax, "ebx" => Ebx, "ecx" => Ecx, _ => Edx };
                policy[reg] = register.Bits.ToCharArray();
            }

            return;
        }

        foreach (var setting in spec.Settings)
        {
            if (setting.Name is not null && setting.Value is not null)
            {
                Set(setting.Name, setting.Value);
            }
        }
    }

    /// <summary>Returns the policy as libxl prints it, or null when it is empty (omitted).</summary>
    public JsonObject? ToJson()
    {
        if (_leaves.Count == 0 && _msrs.Count == 0)
        {
            return null;
        }

        string[] registers = ["eax", "ebx", "ecx", "edx"];
        var cpuid = new JsonArray();
        foreach (var (leaf, subleaf, policy) in _leaves)
        {
            var entry = new JsonObject { ["leaf"] = LibxlIdl.Number(leaf) };
            if (subleaf != Unused)
            {
                entry["subleaf"] = LibxlIdl.Number(subleaf);
            }

            for (int r = 0; r < 4; r++)
            {
                if (policy[r] is { } bits)
                {
                    entry[registers[r]] = new string(bits);
                }
            }

            cpuid.Add((JsonNode)entry);
        }

        var msr = new JsonArray();
        foreach (var (index, policy) in _msrs)
        {
            msr.Add((JsonNode)new JsonObject { ["index"] = LibxlIdl.Number(index), ["policy"] = new string(policy) });
        }

        return new JsonObject { ["cpuid"] = cpuid, ["msr"] = msr };
    }

    private char[]?[] Leaf(uint leaf, uint subleaf)
    {
        foreach (var entry in _leaves)
        {
            if (entry.Leaf == leaf && entry.Subleaf == subleaf)
            {
                return entry.Policy;
            }
        }

        var policy = new char[]?[4];
        _leaves.Add((leaf, subleaf, policy));
        return policy;
    }

    /// <summary><c>libxl_cpuid_parse_config</c> for one <c>name=value</c>.</summary>
    private void Set(string name, string value)
    {
        foreach (var flag in Flags)
        {
            if (flag.Name == name)
            {
                AddCpuid(flag.Name, flag.Leaf, flag.Subleaf, flag.Reg, flag.Bit, flag.Length, value);
                return;
            }
        }

        if (!Features.TryGetValue(name, out int feature))
        {
            return;
        }

        var word = Words[feature / 32];
        if (!word.Msr)
        {
            AddCpuid(name, word.Leaf, word.Subleaf, word.Reg, feature % 32, 1, value);
        }
        else
        {
            AddMsr(word.Leaf, (feature % 32) + (word.Reg == Edx ? 32 : 0), value);
        }
    }

    /// <summary><c>cpuid_add</c>: the leaf entry is made before the value is checked.</summary>
    private void AddCpuid(string name, uint leaf, uint subleaf, int reg, int bit, int length, string value)
    {
        var policy = Leaf(leaf, subleaf);
        ulong num = CNumbers.StrToUL(value, 0, 0, out int end, out _);
        var flags = new char[length];
        if (end != 0)
        {
            for (int i = 0; i < length; i++)
            {
                flags[length - 1 - i] = ((num >> i) & 1) != 0 ? '1' : '0';
            }
        }
        else if (value.Length > 0 && value[0] is 'x' or 'k' or 's')
        {
            Array.Fill(flags, value[0]);
        }
        else
        {
            return;
        }

        char[] res = policy[reg] ??= new string('x', 32).ToCharArray();
        if (name == "family")
        {
            if (num < 16)
            {
                Array.Copy(flags, 4, res, 32 - 4 - bit, 4);
                Array.Fill(res, '0', 32 - 8 - 20, 8);
            }
            else
            {
                num -= 15;
                Array.Fill(res, '1', 32 - 4 - bit, 4);
                for (int i = 0; i < 7; i++)
                {
                    flags[7 - i] = (num & 1) != 0 ? '1' : '0';
                    num >>= 1;
                }

                Array.Copy(flags, 0, res, 32 - 8 - 20, 8);
            }
        }
        else if (name == "model")
        {
            Array.Copy(flags, 0, res, 32 - 4 - 16, 4);
            Array.Copy(flags, 4, res, 32 - 4 - bit, 4);
        }
        else
        {
            Array.Copy(flags, 0, res, 32 - length - bit, length);
        }
    }

    /// <summary><c>msr_add</c>: one character per bit, <c>s</c> read as <c>k</c>.</summary>
    private void AddMsr(uint index, int bit, string value)
    {
        char[]? policy = null;
        foreach (var entry in _msrs)
        {
            if (entry.Index == index)
            {
                policy = entry.Policy;
            }
        }

        if (policy is null)
        {
            policy = new string('x', 64).ToCharArray();
            _msrs.Add((index, policy));
        }

        if (value.Length == 1 && value[0] is '0' or '1' or 'x' or 'k' or 's')
        {
            policy[63 - bit] = value[0] == 's' ? 'k' : value[0];
        }
    }
}
